// What changed since the last review decision, field by field, so a returned or modified case is
// reviewed on its differences and not re-read from scratch.
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../api/contract/case';
import { FieldChangeList } from '../../components/field-change-list';
import { diffCaseContent } from './content-diff';

export function ChangesSinceReview({ caseDocument }: { caseDocument: CaseDocument }) {
  const { t } = useTranslation('review');
  const baseline = caseDocument.contentAtLastReview;
  const changes = useMemo(() => (baseline ? diffCaseContent(baseline, caseDocument) : []), [baseline, caseDocument]);
  return (
    <Paper component="section" aria-labelledby="changes-title" sx={{ p: 2 }}>
      <Typography id="changes-title" variant="h6" component="h2">
        {t('changes.title')}
      </Typography>
      {!baseline && <Typography>{t('changes.firstReview')}</Typography>}
      {baseline && changes.length === 0 && <Typography>{t('changes.none')}</Typography>}
      {baseline && changes.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('changes.count', { count: changes.length })}
          </Typography>
          <FieldChangeList changes={changes} />
        </>
      )}
    </Paper>
  );
}
