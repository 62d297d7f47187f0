// R19 exports of an approved designation: the versioned decision record (JSON), DSA-shaped statements
// of reasons (JSON), the actions and the associated accounts as CSV (formula-safe, streamed by the
// server: issue 10 §3), and a printable report.
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseDocument } from '../../api/contract/case';
import { ErrorAlert } from '../../components/error-alert';
import { CsvExportLink } from './csv-export-link';
import { downloadFile } from '../../components/download-file';
import { useFetchDecisionRecord } from './enforcement-queries';
import { buildStatementsOfReasons } from './statement-of-reasons';

export function ExportsSection({ caseDocument }: { caseDocument: CaseDocument }) {
  const { t } = useTranslation('enforcement');
  const fetchRecord = useFetchDecisionRecord(caseDocument.id);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = `${caseDocument.id}-v${caseDocument.version}`;

  const run = async (task: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await task();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const downloadRecord = () =>
    run(async () => {
      const record = await fetchRecord();
      downloadFile(`decision-record-${base}.json`, 'application/json', `${JSON.stringify(record, null, 2)}\n`);
    });
  const downloadStatements = () =>
    run(async () => {
      const statements = buildStatementsOfReasons(await fetchRecord(), new Date().toISOString());
      downloadFile(`statements-of-reasons-${base}.json`, 'application/json', `${JSON.stringify(statements, null, 2)}\n`);
    });

  return (
    <Paper component="section" aria-labelledby="exports-title" sx={{ p: 2 }}>
      <Typography id="exports-title" variant="h6" component="h2">
        {t('exports.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('exports.intro')}
      </Typography>
      {error !== null && <ErrorAlert error={error} />}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void downloadRecord()} disabled={busy}>
          {t('exports.record')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void downloadStatements()} disabled={busy}>
          {t('exports.statements')}
        </Button>
        <CsvExportLink caseId={caseDocument.id} file="actions" label={t('exports.csv')} />
        <CsvExportLink caseId={caseDocument.id} file="accounts" label={t('exports.accountsCsv')} />
        <Button variant="outlined" startIcon={<PrintIcon />} component={RouterLink} to={`/designations/${caseDocument.id}/report`}>
          {t('exports.report')}
        </Button>
      </Stack>
    </Paper>
  );
}
