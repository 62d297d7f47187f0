// The engine's verdict as stored with the submission, beside the verdict on the content as it is now,
// with every reason and the rule it rests on (ARCHITECTURE.md rule 1: shown, never re-derived; the
// current verdict uses the same view as the analyst's live panel).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument, StoredVerdict } from '../../api/contract/case';
import { VerdictChip } from '../../components/case-chips';
import { evaluate } from '../../engine/evaluate';
import { VerdictView } from '../../components/verdict/verdict-view';

export function VerdictPanel({ caseDocument, now }: { caseDocument: CaseDocument; now: string }) {
  const { t } = useTranslation('review');
  const current = useMemo(() => evaluate(caseDocument, { now }), [caseDocument, now]);
  const stored = caseDocument.submission?.verdict ?? null;
  return (
    <Paper component="section" aria-labelledby="verdict-title" sx={{ p: 2 }}>
      <Typography id="verdict-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('verdict.title')}
      </Typography>
      {stored ? <StoredVerdictView verdict={stored} /> : <Typography>{t('verdict.noSubmission')}</Typography>}
      {stored && stored.outcome !== current.outcome && (
        <Alert severity="info" sx={{ my: 1 }}>
          {t('verdict.changedSinceSubmission')}
        </Alert>
      )}
      <Box sx={{ mt: 2 }}>
        <VerdictView verdict={current} title={t('verdict.current')} />
      </Box>
    </Paper>
  );
}

function StoredVerdictView({ verdict }: { verdict: StoredVerdict }) {
  const { t } = useTranslation('review');
  return (
    <Box data-testid="verdict-at-submission">
      <Typography variant="subtitle1" component="h3">
        {t('verdict.atSubmission')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1, flexWrap: 'wrap' }}>
        <VerdictChip outcome={verdict.outcome} />
        {verdict.platformManipulationTrack && <Chip size="small" color="error" label={t('verdict.track')} />}
      </Stack>
      <Typography variant="body2">{t('verdict.rules', { rules: verdict.ruleIds.join(', ') })}</Typography>
      <Typography variant="body2">{t('verdict.priority', { priority: verdict.priority })}</Typography>
    </Box>
  );
}
