// The case list: server-side sort, filters and pages, all kept in the URL so a view can be shared.
import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import FormControlLabel from '@mui/material/FormControlLabel';
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
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod/mini';
import { useCaseList } from '../../api/client/case-queries';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import { ActorKind, PriorityBand } from '../../api/contract/policy-terms';
import { CaseListQuery } from '../../api/contract/case-list';
import { RelativeTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { FilterSelect } from '../../components/filter-select';
import { SearchField } from '../../components/search-field';
import { TablePager } from '../../components/table-pager';
import { ACTOR_KINDS, CASE_STATUSES, PRIORITY_BANDS } from '../../engine/policy-terms';
import { StatusChip, VerdictChip } from '../../components/case-chips';

// The form (react-hook-form, dialog, checkbox) loads when first wanted, not with the list; pointing at
// the button starts the download.
const loadNewCaseForm = () => import('./new-case-form');
const NewCaseDialog = lazy(() => loadNewCaseForm().then((m) => ({ default: m.NewCaseDialog })));

const SORTABLE = ['name', 'priority', 'updatedAt'] as const;
type SortColumn = (typeof SORTABLE)[number];
const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The status filter: a case status, or "returned" (drafts back with the analyst after a return, issue 12 §2). */
const StatusFilter = z.enum([...CASE_STATUSES, 'returned']);
const OptionalStatus = z.optional(StatusFilter);
const OptionalActorKind = z.optional(ActorKind);
const OptionalPriorityBand = z.optional(PriorityBand);

/** The URL is input: parse it, and drop what does not fit rather than fail. (zod/mini: see scalars.ts.) */
const UrlQuery = z.object({
  status: z.catch(OptionalStatus, undefined),
  actorKind: z.catch(OptionalActorKind, undefined),
  priorityBand: z.catch(OptionalPriorityBand, undefined),
  q: z.catch(z.optional(z.string().check(z.maxLength(200))), undefined),
  /** "My cases" and "Assigned to me": whoever opens the link (issue 12 §6). */
  mine: z.catch(z.optional(z.enum(['1'])), undefined),
  assigned: z.catch(z.optional(z.enum(['1'])), undefined),
  sort: z.catch(z.enum(SORTABLE), 'updatedAt'),
  dir: z.catch(z.enum(['asc', 'desc']), 'desc'),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1)), 1),
  pageSize: z.catch(
    z.coerce.number().check(z.int(), z.refine((n) => PAGE_SIZES.some((size) => size === n))),
    25,
  ),
});

export function CaseListPage() {
  const { t } = useTranslation(['cases', 'policy', 'common']);
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = UrlQuery.parse(Object.fromEntries(searchParams));
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
  const [creating, setCreating] = useState(false);
  // Stays mounted once opened, so the dialog can animate out.
  const [formWanted, setFormWanted] = useState(false);

  const update = (patch: Partial<z.output<typeof UrlQuery>>) => {
    const next = { ...query, page: 1, ...patch };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    setSearchParams(params, { replace: true });
  };

  const columnLabel = (column: SortColumn) => t(`list.columns.${column}`);

  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h4" component="h1">
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
        <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2 }}>
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
        </Box>
      </Paper>

      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}

      <TableContainer component={Paper}>
        <Table size="small" aria-busy={list.isFetching}>
          <caption style={{ captionSide: 'top', padding: 8 }}>
            {t('list.caption', { column: columnLabel(query.sort) })}
          </caption>
          <TableHead>
            <TableRow>
              <SortableHeader column="name" query={query} label={columnLabel('name')} onSort={update} />
              <TableCell>{t('list.columns.actorKind')}</TableCell>
              <TableCell>{t('list.columns.status')}</TableCell>
              <TableCell>{t('list.columns.verdict')}</TableCell>
              <SortableHeader column="priority" query={query} label={columnLabel('priority')} onSort={update} />
              <TableCell align="right">{t('list.columns.signals')}</TableCell>
              <TableCell>{t('list.columns.owner')}</TableCell>
              <TableCell>{t('list.columns.reviewer')}</TableCell>
              <SortableHeader column="updatedAt" query={query} label={columnLabel('updatedAt')} onSort={update} />
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
                  <StatusChip status={row.status} returned={row.returned} />
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
                <TableCell colSpan={9}>{t('list.empty')}</TableCell>
              </TableRow>
            )}
            {/* Offline before the first answer: the query waits for the network (TanStack Query's
                onlineManager) and fetches by itself when it returns. */}
            {!list.data && list.fetchStatus === 'paused' && (
              <TableRow>
                <TableCell colSpan={9}>{t('list.offline')}</TableCell>
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

      {formWanted && (
        <Suspense fallback={null}>
          <NewCaseDialog
            open={creating}
            onClose={() => setCreating(false)}
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

function SortableHeader({
  column,
  query,
  label,
  onSort,
}: {
  column: SortColumn;
  query: { sort: SortColumn; dir: 'asc' | 'desc' };
  label: string;
  onSort: (patch: { sort: SortColumn; dir: 'asc' | 'desc' }) => void;
}) {
  const active = query.sort === column;
  return (
    <TableCell sortDirection={active ? query.dir : false}>
      <TableSortLabel
        active={active}
        direction={active ? query.dir : 'asc'}
        onClick={() => onSort({ sort: column, dir: active && query.dir === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}
