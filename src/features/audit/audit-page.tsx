// The overall audit trail (/audit): every event of every case, filtered by case, event type and user.
// Filters live in the URL, so "all overrides by Rui" is a link.
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
import { FilterSelect } from '../../components/filter-select';
import { PageLoading } from '../../components/page-loading';
import { AuditEventList } from './audit-event-list';
import { useAuditTrail } from './audit-queries';

/** The URL is input: keep what parses, drop the rest. */
const UrlFilters = z.object({
  caseId: z.optional(Id).catch(undefined),
  type: AuditEventType.optional().catch(undefined),
  actorId: z.optional(Id).catch(undefined),
});

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: AuditQuery = UrlFilters.parse(Object.fromEntries(searchParams));
  const trail = useAuditTrail(filters);
  const cases = useCaseList({ sort: 'name', dir: 'asc', pageSize: 200 });
  const users = useUsers();
  const caseNames = useMemo(() => new Map((cases.data?.items ?? []).map((row) => [row.id, row.name])), [cases.data]);

  const update = (patch: Partial<AuditQuery>) => {
    const next = { ...filters, ...patch };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
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
            {t('count', { count: trail.data.length })}
          </Typography>
          <AuditEventList events={trail.data} caseNames={caseNames} />
        </>
      )}
    </Container>
  );
}
