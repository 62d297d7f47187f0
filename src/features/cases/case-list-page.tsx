// The case list: server-side sort, filters and pages, all kept in the URL so a view can be shared, and
// views saved under a name (issue 15 §6, saved-views.ts).
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useCaseList } from '../../api/client/case-queries';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import { CaseListQuery, type CaseSummary } from '../../api/contract/case-list';
import { RelativeTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { FilterSelect } from '../../components/filter-select';
import { SearchField } from '../../components/search-field';
import { TablePager } from '../../components/table-pager';
import { useNow } from '../../components/use-now';
import { ACTOR_KINDS, PRIORITY_BANDS } from '../../engine/policy-terms';
import { StatusChip, VerdictChip } from '../../components/case-chips';
import {
  hasFilters,
  listSearchParams,
  OptionalActorKind,
  OptionalPriorityBand,
  OptionalStatus,
  PAGE_SIZES,
  readListQuery,
  StatusFilter,
  useSavedViews,
  viewHref,
  viewParams,
  withoutFilters,
  type ListSort,
  type ListUrlQuery,
  type SortDirection,
} from './saved-views';

// The form (react-hook-form, dialog, checkbox) loads when first wanted, not with the list; pointing at
// the button starts the download.
const loadNewCaseForm = () => import('./new-case-form');
/** The query parameter that opens the new-case form on arrival. */
const NEW_CASE_PARAM = 'new';
const NewCaseDialog = lazy(() => loadNewCaseForm().then((m) => ({ default: m.NewCaseDialog })));
// The same for the dialog that names a view.
const loadSaveViewDialog = () => import('./save-view-dialog');
const SaveViewDialog = lazy(() => loadSaveViewDialog().then((m) => ({ default: m.SaveViewDialog })));

/**
 * The columns, each sortable. The first click sorts the way one reads the column first: the highest
 * priority, the most signals and the newest change first; names and people A to Z; the policy's terms
 * (kind, status, verdict) in the policy's order. Owner and reviewer sort by the person's id.
 */
const COLUMNS = [
  { sort: 'name', label: 'name', first: 'asc' },
  { sort: 'actorKind', label: 'actorKind', first: 'asc' },
  { sort: 'status', label: 'status', first: 'asc' },
  { sort: 'verdict', label: 'verdict', first: 'asc' },
  { sort: 'priority', label: 'priority', first: 'desc' },
  { sort: 'signalCount', label: 'signals', first: 'desc', align: 'right' },
  { sort: 'ownerId', label: 'owner', first: 'asc' },
  { sort: 'reviewerId', label: 'reviewer', first: 'asc' },
  { sort: 'updatedAt', label: 'updatedAt', first: 'desc' },
] as const satisfies readonly { sort: ListSort; label: string; first: SortDirection; align?: 'right' }[];
type Column = (typeof COLUMNS)[number];

/** R17: a designation whose periodic review was due before `now` and is not recorded yet. */
function reviewOverdue(row: CaseSummary, now: string): boolean {
  return row.status === 'designated' && row.nextReviewAt !== null && Date.parse(row.nextReviewAt) < Date.parse(now);
}

export function CaseListPage() {
  const { t } = useTranslation(['cases', 'policy', 'common']);
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = readListQuery(searchParams);
  const me = useCurrentUser();
  const userName = useUserName();
  const { status, mine, assigned, ...rest } = query;
  const myId = me.data?.id;
  const list = useCaseList(
    CaseListQuery.parse({
      ...rest,
      ...(status === 'returned' ? { status: 'draft', returned: 'true' } : { status }),
      ...(mine && myId ? { ownerId: myId } : {}),
      ...(assigned && myId ? { reviewerId: myId } : {}),
    }),
  );
  const personName = (userId: string | null) => (userId === null ? '—' : userId === myId ? t('list.you') : userName(userId));
  const now = useNow();
  const filtered = hasFilters(query);
  const [creating, setCreating] = useState(false);
  // Stays mounted once opened, so the dialog can animate out.
  const [formWanted, setFormWanted] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // `/cases?new=1` (the command palette's "New case", issue 15 §5) shows the form while the flag is in
  // the URL; closing the form takes the flag out.
  const asksForForm = searchParams.get(NEW_CASE_PARAM) === '1';
  const closeForm = () => {
    setCreating(false);
    if (!asksForForm) return;
    const next = new URLSearchParams(searchParams);
    next.delete(NEW_CASE_PARAM);
    setSearchParams(next, { replace: true });
  };

  const update = (patch: Partial<ListUrlQuery>) => {
    setSearchParams(listSearchParams({ ...query, page: 1, ...patch }), { replace: true });
  };

  // The button that was pressed goes away with the filters: the focus goes to the page's title.
  const clearFilters = () => {
    setSearchParams(listSearchParams(withoutFilters(query)), { replace: true });
    titleRef.current?.focus();
  };

  const columnLabel = (column: Pick<Column, 'label'>) => t(`list.columns.${column.label}`);
  const sortedBy = COLUMNS.find((column) => column.sort === query.sort) ?? { label: 'updatedAt' };

  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h4" component="h1" ref={titleRef} tabIndex={-1} sx={{ outline: 'none' }}>
          {t('list.title')}
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onPointerEnter={() => void loadNewCaseForm()}
          onFocus={() => void loadNewCaseForm()}
          onClick={() => {
            setFormWanted(true);
            setCreating(true);
          }}
        >
          {t('list.newCase')}
        </Button>
      </Box>

      <Paper component="section" aria-label={t('list.title')} sx={{ p: 2, mb: 2 }}>
        {/* In a row from md up, wrapping: search, three filters and two checkboxes are about 915 px, more than a 900 px window has. */}
        <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, flexWrap: 'wrap', alignItems: { md: 'center' }, gap: 2 }}>
          <SearchField label={t('list.search')} value={query.q ?? ''} onChange={(q) => update({ q: q || undefined })} />
          <FilterSelect
            anyLabel={t('list.any')}
            label={t('list.filterStatus')}
            value={query.status}
            options={StatusFilter.options.map((s) => ({ value: s, label: t(`policy:status.${s}`) }))}
            onChange={(status) => update({ status: OptionalStatus.parse(status) })}
          />
          <FilterSelect
            anyLabel={t('list.any')}
            label={t('list.filterActorKind')}
            value={query.actorKind}
            options={ACTOR_KINDS.map((k) => ({ value: k, label: t(`policy:actorKind.${k}`) }))}
            onChange={(actorKind) => update({ actorKind: OptionalActorKind.parse(actorKind) })}
          />
          <FilterSelect
            anyLabel={t('list.any')}
            label={t('list.filterPriority')}
            value={query.priorityBand}
            options={PRIORITY_BANDS.map((b) => ({ value: b, label: t(`policy:priorityBand.${b}`) }))}
            onChange={(priorityBand) => update({ priorityBand: OptionalPriorityBand.parse(priorityBand) })}
          />
          <FormControlLabel
            control={<Checkbox checked={mine === '1'} onChange={(event) => update({ mine: event.target.checked ? '1' : undefined })} />}
            label={t('list.mine')}
          />
          <FormControlLabel
            control={<Checkbox checked={assigned === '1'} onChange={(event) => update({ assigned: event.target.checked ? '1' : undefined })} />}
            label={t('list.assignedToMe')}
          />
          {filtered && (
            <Button onClick={clearFilters} sx={{ alignSelf: { xs: 'flex-start', md: 'center' }, flexShrink: 0 }}>
              {t('list.clearFilters')}
            </Button>
          )}
        </Box>
        <SavedViewsBar userId={myId} currentView={viewParams(query)} pageSize={query.pageSize} />
      </Paper>

      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}

      <TableContainer component={Paper}>
        <Table size="small" aria-busy={list.isFetching}>
          <caption style={{ captionSide: 'top', padding: 8 }}>
            {t('list.caption', { column: columnLabel(sortedBy) })}
          </caption>
          <TableHead>
            <TableRow>
              {COLUMNS.map((column) => (
                <SortableHeader key={column.sort} column={column} query={query} label={columnLabel(column)} onSort={update} />
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {list.data?.items.map((row) => (
              // `j` / `k` move the focus to the row's link and Enter opens it (features/command-palette/row-navigation.ts:
              // a focused link is what screen readers announce well); the row shows where the focus is.
              <TableRow key={row.id} hover data-keyboard-row="" sx={{ '&:focus-within': { bgcolor: 'action.selected' } }}>
                <TableCell>
                  <Link component={RouterLink} to={`/cases/${row.id}/overview`} sx={{ fontWeight: 600 }}>
                    {row.name}
                  </Link>
                </TableCell>
                <TableCell>{t(`policy:actorKind.${row.actorKind}`)}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                    <StatusChip status={row.status} returned={row.returned} />
                    {reviewOverdue(row, now) && <Chip size="small" variant="outlined" color="error" label={t('list.overdueReview')} />}
                  </Box>
                </TableCell>
                <TableCell>
                  <VerdictChip outcome={row.verdict} />
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" label={t(`policy:priorityBand.${row.priorityBand}`)} />
                </TableCell>
                <TableCell align="right">{row.signalCount}</TableCell>
                <TableCell>{personName(row.ownerId)}</TableCell>
                <TableCell>{personName(row.reviewerId)}</TableCell>
                <TableCell>
                  <RelativeTime value={row.updatedAt} />
                </TableCell>
              </TableRow>
            ))}
            {list.data && list.data.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  {t('list.empty')}
                  {filtered && (
                    <Button size="small" onClick={clearFilters} sx={{ ml: 1 }}>
                      {t('list.clearFilters')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            )}
            {/* Offline before the first answer: the query waits for the network (TanStack Query's
                onlineManager) and fetches by itself when it returns. */}
            {!list.data && list.fetchStatus === 'paused' && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>{t('list.offline')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        {/* No pager before there is a list: "0–0 of 0" would pretend to be an answer. */}
        {list.data && (
          <TablePager
            count={list.data.total}
            page={list.data.page - 1}
            rowsPerPage={query.pageSize}
            rowsPerPageOptions={PAGE_SIZES}
            onPageChange={(page) => update({ page: page + 1 })}
            onRowsPerPageChange={(pageSize) => update({ pageSize })}
          />
        )}
      </TableContainer>
      <Box sx={{ mt: 1 }} aria-live="polite">
        <Typography variant="body2" color="text.secondary">
          {list.data ? t('list.count', { count: list.data.total }) : ''}
        </Typography>
      </Box>

      {(formWanted || asksForForm) && (
        <Suspense fallback={null}>
          <NewCaseDialog
            open={creating || asksForForm}
            onClose={closeForm}
            onCreated={(caseId) => {
              setCreating(false);
              void navigate(`/cases/${caseId}/overview`);
            }}
          />
        </Suspense>
      )}
    </Container>
  );
}

/** The person's saved views: each a link that applies it, a button that removes it, and "Save view…". */
function SavedViewsBar({ userId, currentView, pageSize }: { userId: string | undefined; currentView: string; pageSize: number }) {
  const { t } = useTranslation('cases');
  const savedViews = useSavedViews(userId);
  const [naming, setNaming] = useState(false);
  // Stays mounted once opened, so the dialog can animate out.
  const [namingWanted, setNamingWanted] = useState(false);
  const [viewStatus, setViewStatus] = useState('');
  const saveViewRef = useRef<HTMLButtonElement>(null);
  const viewsTitleId = useId();

  const saveView = (name: string) => {
    setNaming(false);
    setViewStatus(savedViews.save({ name, params: currentView }) ? t('views.saved', { name }) : t('views.notSaved'));
  };

  // The pressed button goes away with its view: the focus goes to "Save view…".
  const removeView = (name: string) => {
    setViewStatus(savedViews.remove(name) ? t('views.removed', { name }) : t('views.notSaved'));
    saveViewRef.current?.focus();
  };

  return (
    <Box
      component="section"
      aria-labelledby={viewsTitleId}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 2 }}
    >
      <Typography id={viewsTitleId} variant="subtitle2" component="h2">
        {t('views.title')}
      </Typography>
      {savedViews.views.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('views.none')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', m: 0, p: 0 }}>
          {savedViews.views.map((view) => {
            const active = view.params === currentView;
            return (
              <Box component="li" key={view.name} sx={{ display: 'inline-flex', alignItems: 'center' }}>
                {/* A link: one click applies the view, and it can be opened in a new tab or shared. */}
                <Chip
                  component={RouterLink}
                  to={viewHref(view, pageSize)}
                  clickable
                  label={view.name}
                  color={active ? 'primary' : 'default'}
                  variant={active ? 'filled' : 'outlined'}
                  aria-current={active ? 'page' : undefined}
                />
                <IconButton size="small" aria-label={t('views.remove', { name: view.name })} onClick={() => removeView(view.name)}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Box>
            );
          })}
        </Box>
      )}
      <Button
        ref={saveViewRef}
        size="small"
        variant="outlined"
        disabled={!savedViews.ready}
        onPointerEnter={() => void loadSaveViewDialog()}
        onFocus={() => void loadSaveViewDialog()}
        onClick={() => {
          setNamingWanted(true);
          setNaming(true);
        }}
      >
        {t('views.save')}
      </Button>
      <Typography component="output" aria-live="polite" variant="body2" color="text.secondary">
        {viewStatus}
      </Typography>
      {/* In a portal: where it is written here does not matter. */}
      {namingWanted && (
        <Suspense fallback={null}>
          <SaveViewDialog
            open={naming}
            names={savedViews.views.map((view) => view.name)}
            onClose={() => setNaming(false)}
            onSave={saveView}
          />
        </Suspense>
      )}
    </Box>
  );
}

function SortableHeader({
  column,
  query,
  label,
  onSort,
}: {
  column: Column;
  query: { sort: ListSort; dir: SortDirection };
  label: string;
  onSort: (patch: { sort: ListSort; dir: SortDirection }) => void;
}) {
  const active = query.sort === column.sort;
  const flipped = query.dir === 'asc' ? 'desc' : 'asc';
  // sortDirection puts aria-sort on the header cell of the column the list is sorted by.
  return (
    <TableCell sortDirection={active ? query.dir : false} align={'align' in column ? column.align : undefined}>
      <TableSortLabel
        active={active}
        direction={active ? query.dir : column.first}
        onClick={() => onSort({ sort: column.sort, dir: active ? flipped : column.first })}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}
