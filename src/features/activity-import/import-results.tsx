// What the import found: a summary line, a file-level failure if any, the invalid rows, and the
// clusters with their network.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../api/contract/case';
import { ClusterViews } from './cluster-views';
import { FileErrorAlert } from './file-error-alert';
import { formatDuration, formatInstant, formatNumber } from './import-format';
import type { ImportOutcome } from './import-result';
import { RowIssuesSection } from './row-issues-section';

export interface ImportResultsProps {
  caseId: string;
  caseDocument: CaseDocument | undefined;
  outcome: ImportOutcome;
  restored: boolean;
  onForget: () => void;
}

export function ImportResults({ caseId, caseDocument, outcome, restored, onForget }: ImportResultsProps) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  return (
    <Box sx={{ mt: 3 }}>
      <Paper component="section" aria-labelledby="import-result-heading" sx={{ p: 2 }}>
        <Typography id="import-result-heading" variant="h5" component="h2" sx={{ mb: 1 }}>
          {t('summary.heading')}
        </Typography>
        {restored && (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {t('summary.restored', { file: outcome.fileName, when: formatInstant(outcome.finishedAt, language) })}
            </Typography>
            <Button size="small" onClick={onForget}>
              {t('summary.clear')}
            </Button>
          </Box>
        )}
        <Typography data-testid="import-summary">
          {t('summary.line', {
            format: outcome.format ? t(`file.format.${outcome.format}`) : '—',
            rows: formatNumber(outcome.rowsRead, language),
            imported: formatNumber(outcome.rowsImported, language),
            skipped: formatNumber(outcome.rowsSkipped, language),
            time: formatDuration(outcome.elapsedMs, language),
          })}
        </Typography>
        {outcome.fatal && (
          <Box sx={{ mt: 1 }}>
            <FileErrorAlert code={outcome.fatal.code} message={outcome.fatal.message} />
          </Box>
        )}
        {outcome.truncated && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {t('summary.truncated')}
          </Alert>
        )}
        {outcome.notes.length > 0 && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2" component="h3">
              {t('summary.notes')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {outcome.notes.map((note) => (
                <Typography component="li" variant="body2" key={note}>
                  {note}
                </Typography>
              ))}
            </Box>
          </Box>
        )}
        {outcome.issueCount > 0 && <RowIssuesSection caseId={caseId} issues={outcome.issues} issueCount={outcome.issueCount} />}
      </Paper>
      {outcome.fatal === null && <ClusterViews caseId={caseId} caseDocument={caseDocument} clusters={outcome.clusters} />}
    </Box>
  );
}
