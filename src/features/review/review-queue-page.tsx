// The reviewer's two queues: cases in review (R11 priority, then age) and designations due for
// periodic review (R17). The active tab lives in the URL so a queue can be linked to.
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { CaseSummary } from '../../api/contract/case-list';
import { VerdictChip } from '../../components/case-chips';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { useNow } from '../../components/use-now';
import { DESIGNATED_QUERY, IN_REVIEW_QUERY, useQueue } from './review-queries';
import { daysBetween, dueForPeriodicReview, orderReviewQueue } from './review-order';

type QueueTab = 'in-review' | 'due';

export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: QueueTab = searchParams.get('queue') === 'due' ? 'due' : 'in-review';
  const now = useNow();
  const inReview = useQueue(IN_REVIEW_QUERY);
  const designated = useQueue(DESIGNATED_QUERY);
  const reviewRows = inReview.data ? orderReviewQueue(inReview.data.items) : [];
  const dueRows = designated.data ? dueForPeriodicReview(designated.data.items, now) : [];
  const active = tab === 'due' ? designated : inReview;

  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        {t('queue.title')}
      </Typography>
      <Tabs
        value={tab}
        onChange={(_, value: QueueTab) => setSearchParams(value === 'due' ? { queue: 'due' } : {}, { replace: true })}
        aria-label={t('queue.tabsLabel')}
      >
        <Tab value="in-review" id="queue-tab-in-review" aria-controls="queue-panel" label={t('queue.inReviewTab', { count: reviewRows.length })} />
        <Tab value="due" id="queue-tab-due" aria-controls="queue-panel" label={t('queue.dueTab', { count: dueRows.length })} />
      </Tabs>
      <Paper role="tabpanel" id="queue-panel" aria-labelledby={`queue-tab-${tab}`} sx={{ mt: 2 }}>
        <Typography sx={{ p: 2 }} color="text.secondary">
          {tab === 'due' ? t('queue.dueIntro') : t('queue.inReviewIntro')}
        </Typography>
        {active.error && <ErrorAlert error={active.error} onRetry={() => void active.refetch()} />}
        {active.isPending && <PageLoading />}
        {active.data && (tab === 'due' ? <DueTable rows={dueRows} now={now} /> : <InReviewTable rows={reviewRows} now={now} />)}
      </Paper>
    </Container>
  );
}

function CaseLink({ row }: { row: CaseSummary }) {
  return (
    <Link component={RouterLink} to={`/review/${row.id}`} sx={{ fontWeight: 600 }}>
      {row.name}
    </Link>
  );
}

function PriorityChip({ row }: { row: CaseSummary }) {
  const { t } = useTranslation('policy');
  return (
    <Chip
      size="small"
      variant={row.priorityBand === 'safety' ? 'filled' : 'outlined'}
      color={row.priorityBand === 'safety' ? 'warning' : 'default'}
      label={t(`priorityBand.${row.priorityBand}`)}
    />
  );
}

function InReviewTable({ rows, now }: { rows: CaseSummary[]; now: string }) {
  const { t } = useTranslation(['review', 'policy']);
  return (
    <TableContainer>
      <Table size="small">
        <caption>{t('queue.inReviewCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('queue.columns.name')}</TableCell>
            <TableCell>{t('queue.columns.kind')}</TableCell>
            <TableCell>{t('queue.columns.priority')}</TableCell>
            <TableCell>{t('queue.columns.verdict')}</TableCell>
            <TableCell>{t('queue.columns.submittedAt')}</TableCell>
            <TableCell align="right">{t('queue.columns.waitingDays')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover data-testid="review-queue-row">
              <TableCell>
                <CaseLink row={row} />
              </TableCell>
              <TableCell>{t(`policy:actorKind.${row.actorKind}`)}</TableCell>
              <TableCell>
                <PriorityChip row={row} />
              </TableCell>
              <TableCell>
                <VerdictChip outcome={row.verdict} />
              </TableCell>
              <TableCell>{row.submittedAt ? <DateTime value={row.submittedAt} /> : '—'}</TableCell>
              <TableCell align="right">{row.submittedAt ? daysBetween(row.submittedAt, now) : '—'}</TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6}>{t('queue.inReviewEmpty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function DueTable({ rows, now }: { rows: CaseSummary[]; now: string }) {
  const { t } = useTranslation(['review', 'policy']);
  return (
    <TableContainer>
      <Table size="small">
        <caption>{t('queue.dueCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('queue.columns.name')}</TableCell>
            <TableCell>{t('queue.columns.kind')}</TableCell>
            <TableCell>{t('queue.columns.priority')}</TableCell>
            <TableCell>{t('queue.columns.nextReviewAt')}</TableCell>
            <TableCell align="right">{t('queue.columns.overdueDays')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover data-testid="due-queue-row">
              <TableCell>
                <CaseLink row={row} />
              </TableCell>
              <TableCell>{t(`policy:actorKind.${row.actorKind}`)}</TableCell>
              <TableCell>
                <PriorityChip row={row} />
              </TableCell>
              <TableCell>{row.nextReviewAt ? <DateTime value={row.nextReviewAt} dateOnly /> : '—'}</TableCell>
              <TableCell align="right">{row.nextReviewAt ? daysBetween(row.nextReviewAt, now) : '—'}</TableCell>
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>{t('queue.dueEmpty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
