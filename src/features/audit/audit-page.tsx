// The overall audit trail (/audit): every event of every case, filtered by case, event type, user and
// date range, newest first, a page at a time (the trail grows without bound; the server pages it).
// Filters and page live in the URL, so "all overrides by Rui in March" is a link; the filtered trail
// exports as CSV or JSON (issue 15 §2).
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import TextField from '@mui/material/TextField';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { useCaseList, useUsers } from '../../api/client/case-queries';
import { useUserName } from '../../api/client/user-queries';
import { useErrorText } from '../../components/api-error-text';
import { downloadFile } from '../../components/download-file';
import { fetchWholeTrail, trailToCsv, trailToJson } from './audit-export';
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
  /** Calendar days in the reader's time zone, both included. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
type UrlFilters = z.infer<typeof UrlFilters>;

/** A calendar day's start in the reader's time zone, as the UTC instant the server compares. */
function startOfDay(day: string, offsetDays = 0): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + offsetDays).toISOString();
}

/** The server's filter: a day range becomes [from's midnight, the midnight after `to`). */
function serverFilters({ caseId, type, actorId, from, to }: UrlFilters): Omit<AuditQuery, 'page' | 'pageSize'> {
  return { caseId, type, actorId, from: from ? startOfDay(from) : undefined, to: to ? startOfDay(to, 1) : undefined };
}

export function AuditPage() {
  const { t, i18n } = useTranslation(['audit', 'policy']);
  const { t: changeT } = useTranslation(['fieldChange', 'policy']);
  const { apiError } = useErrorText();
  const userName = useUserName();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: UrlFilters = UrlFilters.parse(Object.fromEntries(searchParams));
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const query = serverFilters(filters);
  const trail = useAuditTrail({ ...query, page, pageSize } satisfies AuditQuery);
  const [exporting, setExporting] = useState<{ status: 'idle' } | { status: 'running' } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const cases = useCaseList({ sort: 'name', dir: 'asc', pageSize: 200 });
  const users = useUsers();
  const caseNames = useMemo(() => new Map((cases.data?.items ?? []).map((row) => [row.id, row.name])), [cases.data]);

  const exportTrail = async (format: 'csv' | 'json') => {
    setExporting({ status: 'running' });
    try {
      const events = await fetchWholeTrail(query);
      const stamp = new Date().toISOString();
      const base = `${t('fileName')}-${stamp.slice(0, 10)}`;
      if (format === 'json') {
        downloadFile(`${base}.json`, 'application/json', trailToJson(events, query, stamp));
      } else {
        const csv = trailToCsv(events, {
          t,
          changeT,
          userName,
          language: i18n.language,
          hasLabel: (key) => i18n.exists(key),
          caseName: (caseId) => caseNames.get(caseId) ?? caseId,
          typeLabel: (event) => t(`type.${event.type}`),
        });
        downloadFile(`${base}.csv`, 'text/csv;charset=utf-8', csv, { byteOrderMark: true });
      }
      setExporting({ status: 'idle' });
    } catch (error) {
      setExporting({ status: 'failed', error });
    }
  };

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
          <TextField
            type="date"
            size="small"
            label={t('filterFrom')}
            value={filters.from ?? ''}
            onChange={(event) => update({ from: event.target.value || undefined })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: filters.to } }}
          />
          <TextField
            type="date"
            size="small"
            label={t('filterTo')}
            value={filters.to ?? ''}
            onChange={(event) => update({ to: event.target.value || undefined })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: filters.from } }}
          />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <Button variant="outlined" size="small" disabled={exporting.status === 'running'} onClick={() => void exportTrail('csv')}>
            {t('exportCsv')}
          </Button>
          <Button variant="outlined" size="small" disabled={exporting.status === 'running'} onClick={() => void exportTrail('json')}>
            {t('exportJson')}
          </Button>
          {exporting.status === 'running' && (
            <Typography variant="body2" component="output">
              {t('exporting', { count: trail.data?.total ?? 0 })}
            </Typography>
          )}
        </Stack>
        {exporting.status === 'failed' && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {t('exportFailed')} {apiError(exporting.error)}
          </Alert>
        )}
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
