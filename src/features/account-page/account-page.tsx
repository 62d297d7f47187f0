// Issue 16 §4: the account page (/accounts/:handle) — every case that names the account, with what
// each holds about it: the signals naming it (R1-R2), the association decided for the actor (R16)
// and the enforcement actions on it (R14-R15).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useAccountPivot } from '../../api/client/cross-case-queries';
import { useUserName } from '../../api/client/user-queries';
import type { AccountPivot } from '../../api/contract/cross-case-pivots';
import { StatusChip } from '../../components/case-chips';
import { formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';

export function AccountPage() {
  const { handle = '' } = useParams();
  const { t } = useTranslation('crossCase');
  const query = useAccountPivot(handle);
  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {t('page.title', { handle: query.data?.handle ?? handle.replace(/^@/, '') })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('page.intro')}
      </Typography>
      {query.isPending && <PageLoading />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <AccountCases pivot={query.data} />}
    </Container>
  );
}

function AccountCases({ pivot }: { pivot: AccountPivot }) {
  const { t, i18n } = useTranslation(['crossCase', 'policy']);
  const userName = useUserName();
  if (pivot.cases.length === 0) return <Alert severity="info">{t('page.none')}</Alert>;
  const total = pivot.cases.length + pivot.moreCases;
  const designations = pivot.cases.filter((entry) => entry.designated).length;
  const cases = t('page.summary', { count: total });
  const date = (value: string) => formatDateTime(value, i18n.language, true);
  return (
    <>
      <Typography sx={{ mb: 1 }}>{designations > 0 ? t('page.summaryDesignations', { cases, count: designations }) : cases}</Typography>
      {/* Scrolls sideways on a phone inside a region that takes the focus (keyboard scrolling). */}
      <Box component="section" tabIndex={0} aria-label={t('page.tableLabel', { handle: pivot.handle })} sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('page.tableLabel', { handle: pivot.handle })}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('page.columns.case')}</TableCell>
              <TableCell component="th" scope="col">{t('page.columns.status')}</TableCell>
              <TableCell component="th" scope="col" align="right">{t('page.columns.signals')}</TableCell>
              <TableCell component="th" scope="col">{t('page.columns.association')}</TableCell>
              <TableCell component="th" scope="col">{t('page.columns.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pivot.cases.map((entry) => (
              <TableRow key={entry.caseId}>
                <TableCell component="th" scope="row">
                  <Link component={RouterLink} to={entry.designated ? `/designations/${entry.caseId}` : `/cases/${entry.caseId}`}>
                    {entry.caseName}
                  </Link>
                </TableCell>
                <TableCell>
                  <StatusChip status={entry.status} />
                </TableCell>
                <TableCell align="right">{new Intl.NumberFormat(i18n.language).format(entry.signalCount)}</TableCell>
                <TableCell>
                  {entry.association ? t(`page.association.${entry.association.status}`) : t('page.association.none')}
                  {entry.association?.decidedBy && (
                    <Typography variant="caption" component="span" sx={{ display: 'block' }}>
                      {t('page.decidedBy', { name: userName(entry.association.decidedBy) })}
                      {entry.association.decidedAt && `, ${date(entry.association.decidedAt)}`}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {entry.actions.length === 0
                    ? t('page.noActions')
                    : entry.actions.map((action) => {
                        const type = t(`policy:actionShort.${action.type}`);
                        const text = action.endedAt
                          ? t('page.actionEnded', { type, date: date(action.endedAt) })
                          : action.expiresAt
                            ? t('page.actionExpires', { type, date: date(action.expiresAt) })
                            : t('page.actionRunning', { type, date: date(action.appliedAt) });
                        return (
                          <Typography key={action.id} variant="body2" component="span" sx={{ display: 'block' }}>
                            {action.reappliesId ? `${text}, ${t('page.reapplied')}` : text}
                          </Typography>
                        );
                      })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {pivot.moreCases > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('page.moreCases', { count: pivot.moreCases })}
        </Typography>
      )}
    </>
  );
}
