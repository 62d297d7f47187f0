// R16 account association: accounts named in the signals are suggested; only a person's confirmation,
// with its basis, associates them, and only confirmed accounts can receive actions (R14). Each shows
// its last activity seen in the signals; one without recent activity is marked for the periodic review.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCrossCaseRefs } from '../../api/client/cross-case-queries';
import { useUserName } from '../../api/client/user-queries';
import type { AccountAssociation, CaseDocument } from '../../api/contract/case';
import { CrossCaseMark } from '../../components/cross-case/cross-case-refs';
import { DateTime } from '../../components/date-time';
import { visuallyHidden } from '../../components/visually-hidden';
import { lastActivity, needsRecencyReview } from '../../engine/association-recency';
import { AccountDecisionDialog } from './account-decision-dialog';

const STATUS_ORDER = { suggested: 0, confirmed: 1, rejected: 2 } as const;
const STATUS_COLOR = { suggested: 'info', confirmed: 'success', rejected: 'default' } as const;

export function AccountsSection({ caseDocument, open, now }: { caseDocument: CaseDocument; open: boolean; now: string }) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const userName = useUserName();
  const crossCase = useCrossCaseRefs(caseDocument.id);
  const [deciding, setDeciding] = useState<AccountAssociation | null>(null);
  const accounts = caseDocument.accounts.toSorted(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.handle.localeCompare(b.handle),
  );
  return (
    <Paper component="section" aria-labelledby="accounts-title" sx={{ p: 2 }}>
      <Typography id="accounts-title" variant="h6" component="h2">
        {t('accounts.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {open ? t('accounts.intro') : t('accounts.closed')}
      </Typography>
      {/* Scrolls sideways on a phone: a region that takes the focus, so the keyboard can scroll it (WCAG 2.1.1). */}
      <TableContainer component="section" tabIndex={0} aria-labelledby="accounts-caption">
        <Table size="small">
          <caption id="accounts-caption">{t('accounts.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('accounts.columns.handle')}</TableCell>
              <TableCell>{t('accounts.columns.status')}</TableCell>
              <TableCell>{t('accounts.columns.basis')}</TableCell>
              <TableCell>{t('accounts.columns.primaryUse')}</TableCell>
              <TableCell>{t('accounts.columns.lastActivity')}</TableCell>
              <TableCell>{t('accounts.columns.decided')}</TableCell>
              <TableCell>{t('accounts.columns.note')}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t('accounts.columns.actions')}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {accounts.map((account) => {
              const activity = lastActivity(account.handle, caseDocument.signals);
              const toReview = needsRecencyReview(account, activity, now, caseDocument.settings.reviewIntervalDays);
              return (
              <TableRow key={account.handle} data-testid={`account-row-${account.handle}`}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  @{account.handle}
                  {/* Issue 16 §4: the account in other cases or designations. */}
                  <CrossCaseMark account={crossCase.byHandle.get(account.handle.toLowerCase())} />
                </TableCell>
                <TableCell>
                  <Chip size="small" color={STATUS_COLOR[account.status]} label={t(`accounts.status.${account.status}`)} />
                </TableCell>
                <TableCell>{account.basis.map((basis) => t(`policy:associationBasis.${basis}`)).join(', ') || '—'}</TableCell>
                <TableCell>{account.primaryUseFinding ? t('accounts.yes') : '—'}</TableCell>
                <TableCell>
                  {activity ? <DateTime value={activity.at} dateOnly /> : t('accounts.noActivity')}
                  {toReview && (
                    <Chip size="small" color="warning" variant="outlined" sx={{ display: 'flex', mt: 0.5, height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal' } }} label={t('accounts.toReview')} />
                  )}
                </TableCell>
                <TableCell>
                  {account.decidedBy && account.decidedAt ? (
                    <>
                      {userName(account.decidedBy)}, <DateTime value={account.decidedAt} />
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell sx={{ maxWidth: 280, overflowWrap: 'anywhere' }}>{account.note || '—'}</TableCell>
                <TableCell>
                  {open && (
                    <Button size="small" onClick={() => setDeciding(account)} aria-label={t('accounts.decideLabel', { handle: account.handle })}>
                      {account.status === 'suggested' ? t('accounts.decide') : t('accounts.change')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
              );
            })}
            {accounts.length === 0 && (
              <TableRow>
                <TableCell colSpan={8}>{t('accounts.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {deciding && <AccountDecisionDialog caseDocument={caseDocument} account={deciding} onClose={() => setDeciding(null)} />}
    </Paper>
  );
}
