// What the import found: a summary line, a file-level failure if any, the invalid rows, and the
// clusters with their network.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../api/contract/case';
import type { ActivityQuery } from './cluster-activity-query';
import { ClusterViews } from './cluster-views';
import { FileErrorAlert } from './file-error-alert';
import { formatDuration, formatInstant, formatNumber } from './import-format';
import type { ImportOutcome } from './import-result';
import { parseNoteText } from './parse-issue-text';
import { RowIssuesSection } from './row-issues-section';
import { useStagedCount } from './use-staged-count';

export interface ImportResultsProps {
  caseId: string;
  caseDocument: CaseDocument | undefined;
  outcome: ImportOutcome;
  restored: boolean;
  onForget: () => void;
  /** Issue 16 §1: the posts behind a cluster (null when the file was read in an earlier session). */
  queryActivity: ActivityQuery | null;
}

export function ImportResults({ caseId, caseDocument, outcome, restored, onForget, queryActivity }: ImportResultsProps) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const { parse, clusters } = outcome.report;
  // The summary first, the clusters a frame later: two smaller commits instead of one long task.
  const stage = useStagedCount(1, 1, 0);
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
            format: parse.format ? t(`file.format.${parse.format}`) : '—',
            rows: formatNumber(parse.rowsRead, language),
            imported: formatNumber(parse.rowsImported, language),
            skipped: formatNumber(parse.rowsSkipped, language),
            time: formatDuration(outcome.elapsedMs, language),
          })}
        </Typography>
        {parse.fatal && (
          <Box sx={{ mt: 1 }}>
            <FileErrorAlert code={parse.fatal.code} message={parse.fatal.message} detail={parse.fatal.detail} />
          </Box>
        )}
        {parse.truncated && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {t('summary.truncated')}
          </Alert>
        )}
        {parse.notes.length > 0 && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2" component="h3">
              {t('summary.notes')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {parse.notes.map((note, index) => (
                <Typography component="li" variant="body2" key={`${note.code}-${index}`}>
                  {parseNoteText(note, t, language)}
                </Typography>
              ))}
            </Box>
          </Box>
        )}
        {parse.issueCount > 0 && <RowIssuesSection caseId={caseId} issues={parse.issues} issueCount={parse.issueCount} />}
      </Paper>
      {parse.fatal === null && stage > 0 && <ClusterViews caseId={caseId} caseDocument={caseDocument} clusters={clusters} queryActivity={queryActivity} />}
    </Box>
  );
}
