// One case's trail (R19), for the case page and the designation record: the same list as /audit,
// with a type filter of its own, filtered and paged by the server.
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditEventType } from '../../api/contract/audit';
import { ErrorAlert } from '../../components/error-alert';
import { TablePager } from '../../components/table-pager';
import { PageLoading } from '../../components/page-loading';
import { AuditEventList } from './audit-event-list';
import { useCaseAuditTrail } from './audit-queries';

const PAGE_SIZES = [25, 50, 100] as const;

export function CaseAuditTrail({ caseId }: { caseId: string }) {
  const { t } = useTranslation('audit');
  const [type, setType] = useState<AuditEventType | ''>('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const trail = useCaseAuditTrail(caseId, { type: type === '' ? undefined : type, page: page + 1, pageSize });
  return (
    <Paper component="section" aria-labelledby={`case-audit-${caseId}`} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap' }}>
        <Typography id={`case-audit-${caseId}`} variant="h6" component="h2">
          {t('caseTitle')}
        </Typography>
        <TextField
          select
          size="small"
          label={t('filterType')}
          value={type}
          onChange={(event) => {
            const parsed = AuditEventType.safeParse(event.target.value);
            setType(parsed.success ? parsed.data : '');
            setPage(0);
          }}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">{t('any')}</MenuItem>
          {AuditEventType.options.map((option) => (
            <MenuItem key={option} value={option}>
              {t(`type.${option}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {trail.error && <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />}
      {trail.isPending && <PageLoading />}
      {trail.data && (
        <>
          <AuditEventList events={trail.data.items} />
          <TablePager
            count={trail.data.total}
            page={page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={PAGE_SIZES}
            onPageChange={setPage}
            onRowsPerPageChange={(rows) => {
              setPageSize(rows);
              setPage(0);
            }}
          />
        </>
      )}
    </Paper>
  );
}
