// The reviewer's two queues: cases in review (R11 priority, then age) and designations due for
// periodic review (R17). The active tab lives in the URL so a queue can be linked to.
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useAssignCase } from '../../api/client/assignment';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import type { CaseSummary } from '../../api/contract/case-list';
import { hasRole } from '../../api/contract/users';
import { VerdictChip } from '../../components/case-chips';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { useNow } from '../../components/use-now';
import { dueQuery, IN_REVIEW_QUERY, useQueue } from './review-queries';
import { daysBetween, dueForPeriodicReview, orderReviewQueue } from './review-order';

type QueueTab = 'in-review' | 'due';

export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: QueueTab = searchParams.get('queue') === 'due' ? 'due' : 'in-review';
  const now = useNow();
  const inReview = useQueue(IN_REVIEW_QUERY);
  const designated = useQueue(dueQuery(now));
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
        <Tab value="in-review" id="queue-tab-in-review" aria-controls="queue-panel" label={t('queue.inReviewTab', { count: inReview.data?.total ?? reviewRows.length })} />
        <Tab value="due" id="queue-tab-due" aria-controls="queue-panel" label={t('queue.dueTab', { count: designated.data?.total ?? dueRows.length })} />
      </Tabs>
      <Paper role="tabpanel" id="queue-panel" aria-labelledby={`queue-tab-${tab}`} sx={{ mt: 2 }}>
        <Typography sx={{ p: 2 }} color="text.secondary">
          {tab === 'due' ? t('queue.dueIntro') : t('queue.inReviewIntro')}
        </Typography>
        {active.error && <ErrorAlert error={active.error} onRetry={() => void active.refetch()} />}
        {active.isPending && <PageLoading />}
        {active.data && (tab === 'due'
          ? <QueueTable rows={dueRows} now={now} columns={DUE_COLUMNS} caption={t('queue.dueCaption')} empty={t('queue.dueEmpty')} rowTestId="due-queue-row" />
          : <QueueTable rows={reviewRows} now={now} columns={IN_REVIEW_COLUMNS} caption={t('queue.inReviewCaption')} empty={t('queue.inReviewEmpty')} rowTestId="review-queue-row" />)}
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

/** One column of a queue: its header (a `review` key) and what a row shows in it. */
interface QueueColumn {
  header: ReviewColumnKey;
  align?: 'right';
  cell: (row: CaseSummary, now: string) => ReactNode;
}

type ReviewColumnKey = 'name' | 'kind' | 'priority' | 'verdict' | 'submittedAt' | 'waitingDays' | 'nextReviewAt' | 'overdueDays' | 'reviewer';

/** Issue 12 §6: who reviews the case; a reviewer takes an unassigned (or someone else's) case with one click. */
function ReviewerCell({ row }: { row: CaseSummary }) {
  const { t } = useTranslation('review');
  const me = useCurrentUser();
  const userName = useUserName();
  const assign = useAssignCase();
  const mine = me.data !== undefined && row.reviewerId === me.data.id;
  // Reviewers assign reviewers (case-rules.ts assignCase); the server also keeps the case's authors out (R18).
  const canTake = !mine && hasRole(me.data, 'reviewer');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <span>{mine ? t('queue.you') : row.reviewerId ? userName(row.reviewerId) : '—'}</span>
      {canTake && me.data && (
        <Button
          size="small"
          variant="outlined"
          disabled={assign.isPending}
          aria-label={t('queue.assignToMeLabel', { name: row.name })}
          onClick={() => me.data && assign.mutate({ caseId: row.id, version: row.version, role: 'reviewer', userId: me.data.id })}
        >
          {t('queue.assignToMe')}
        </Button>
      )}
      {assign.error && <ErrorAlert error={assign.error} />}
    </Stack>
  );
}

const REVIEWER: QueueColumn = { header: 'reviewer', cell: (row) => <ReviewerCell row={row} /> };

const NAME: QueueColumn = { header: 'name', cell: (row) => <CaseLink row={row} /> };
const KIND: QueueColumn = { header: 'kind', cell: (row) => <ActorKind row={row} /> };
const PRIORITY: QueueColumn = { header: 'priority', cell: (row) => <PriorityChip row={row} /> };

/** Cases in review: R11 priority, what the engine says, and how long each has waited. */
const IN_REVIEW_COLUMNS: QueueColumn[] = [
  NAME, KIND, PRIORITY,
  { header: 'verdict', cell: (row) => <VerdictChip outcome={row.verdict} /> },
  { header: 'submittedAt', cell: (row) => (row.submittedAt ? <DateTime value={row.submittedAt} /> : '—') },
  { header: 'waitingDays', align: 'right', cell: (row, now) => (row.submittedAt ? daysBetween(row.submittedAt, now) : '—') },
  REVIEWER,
];

/** Designations due for periodic review (R17) and how far past due. */
const DUE_COLUMNS: QueueColumn[] = [
  NAME, KIND, PRIORITY,
  { header: 'nextReviewAt', cell: (row) => (row.nextReviewAt ? <DateTime value={row.nextReviewAt} dateOnly /> : '—') },
  { header: 'overdueDays', align: 'right', cell: (row, now) => (row.nextReviewAt ? daysBetween(row.nextReviewAt, now) : '—') },
];

function ActorKind({ row }: { row: CaseSummary }) {
  const { t } = useTranslation('policy');
  return <>{t(`actorKind.${row.actorKind}`)}</>;
}

function QueueTable({ rows, now, columns, caption, empty, rowTestId }: {
  rows: CaseSummary[];
  now: string;
  columns: QueueColumn[];
  caption: string;
  empty: string;
  rowTestId: string;
}) {
  const { t } = useTranslation('review');
  return (
    <TableContainer>
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.header} align={column.align}>{t(`queue.columns.${column.header}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            // `j` / `k` move the focus to the row's link and Enter opens it (features/command-palette/row-navigation.ts:
            // a focused link is what screen readers announce well); the row shows where the focus is.
            <TableRow key={row.id} hover data-testid={rowTestId} data-keyboard-row="" sx={{ '&:focus-within': { bgcolor: 'action.selected' } }}>
              {columns.map((column) => (
                <TableCell key={column.header} align={column.align}>{column.cell(row, now)}</TableCell>
              ))}
            </TableRow>
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>{empty}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
