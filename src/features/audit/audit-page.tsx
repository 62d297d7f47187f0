// The overall audit trail (/audit): every event of every case, filtered by case, event type and user,
// newest first, a page at a time (the trail grows without bound; the server pages it). Filters and
// page live in the URL, so "all overrides by Rui" is a link.
import Container from '@mui/material/Container';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { useCaseList, useUsers } from '../../api/client/case-queries';
import { AuditEventType, type AuditQuery } from '../../api/contract/audit';
import { Id } from '../../api/contract/scalars';
import { ErrorAlert } from '../../components/error-alert';
import { TablePager } from '../../components/table-pager';
import { FilterSelect } from '../../components/filter-select';
import { PageLoading } from '../../components/page-loading';
import { AuditEventList } from './audit-event-list';
import { useAuditTrail } from './audit-queries';

const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

/** The URL is input: keep what parses, drop the rest. */
const UrlFilters = z.object({
  caseId: z.optional(Id).catch(undefined),
  type: AuditEventType.optional().catch(undefined),
  actorId: z.optional(Id).catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
type UrlFilters = z.infer<typeof UrlFilters>;

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: UrlFilters = UrlFilters.parse(Object.fromEntries(searchParams));
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const trail = useAuditTrail({ ...filters, page, pageSize } satisfies AuditQuery);
  const cases = useCaseList({ sort: 'name', dir: 'asc', pageSize: 200 });
  const users = useUsers();
  const caseNames = useMemo(() => new Map((cases.data?.items ?? []).map((row) => [row.id, row.name])), [cases.data]);

  /** A new filter starts again at the first page; paging keeps the filters. */
  const update = (patch: Partial<UrlFilters>) => {
    const next = { ...filters, page: undefined, ...patch };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, String(value));
    setSearchParams(params, { replace: true });
  };

  return (
    <Container maxWidth="lg" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('intro')}
      </Typography>
      <Paper component="section" aria-label={t('filters')} sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FilterSelect
            anyLabel={t('any')}
            minWidth={220}
            label={t('filterCase')}
            value={filters.caseId}
            options={(cases.data?.items ?? []).map((row) => ({ value: row.id, label: row.name }))}
            onChange={(caseId) => update({ caseId })}
          />
          <FilterSelect
            anyLabel={t('any')}
            minWidth={220}
            label={t('filterType')}
            value={filters.type}
            options={AuditEventType.options.map((type) => ({ value: type, label: t(`type.${type}`) }))}
            onChange={(type) => update({ type: AuditEventType.optional().parse(type) })}
          />
          <FilterSelect
            anyLabel={t('any')}
            minWidth={220}
            label={t('filterUser')}
            value={filters.actorId}
            options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
            onChange={(actorId) => update({ actorId })}
          />
        </Stack>
      </Paper>
      {trail.error && <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />}
      {trail.isPending && <PageLoading />}
      {trail.data && (
        <>
          <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ mb: 1 }}>
            {t('count', { count: trail.data.total })}
          </Typography>
          <AuditEventList events={trail.data.items} caseNames={caseNames} />
          <TablePager
            count={trail.data.total}
            page={page - 1}
            rowsPerPage={pageSize}
            rowsPerPageOptions={PAGE_SIZES}
            onPageChange={(next) => update({ page: next + 1, pageSize: filters.pageSize })}
            onRowsPerPageChange={(rows) => update({ pageSize: rows })}
          />
        </>
      )}
    </Container>
  );
}
