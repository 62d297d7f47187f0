// R5, R6a: a harm category's evidence items (a moderate or high rating rests on at least one), added, edited and removed inline (useFieldArray); a removal can be undone.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HarmEvidenceItem } from '../../api/contract/case';
import { OBSERVED, type HarmCategory } from '../../engine/policy-terms';
import { ActionNoticeOutput, useActionNotice } from './action-notice';
import { newItemId } from './board-model';
import { fieldId } from './field-ids';
import { EvidenceSignalsField } from './evidence-signals-field';
import { FormCheckbox, FormDateField, FormSelectField, FormTextField } from './form-fields';
import { SafeLink } from './safe-link';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

export function EvidenceItemsField({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy', 'common']);
  const { readOnly } = useWorkspace();
  const name = `harm.${category}.evidence` as const;
  // `keyName` keeps the items' own `id` untouched in `fields`.
  const { getValues } = useFormContext<CaseFormValues>();
  const { fields, append, insert, remove } = useFieldArray<CaseFormValues, typeof name, 'fieldKey'>({ name, keyName: 'fieldKey' });
  const categoryLabel = t(`policy:harmCategory.${category}`);
  const { notice, setNotice, announceUndoable } = useActionNotice();

  // Removed with one click, so it can be taken back like a signal on the board.
  const removeItem = (index: number) => {
    const item = getValues(`${name}.${index}`);
    remove(index);
    const words = { number: index + 1, category: categoryLabel };
    announceUndoable(t('harm.evidenceRemoved', words), () => insert(index, item, { shouldFocus: false }), t('harm.evidenceRestored', words));
  };

  const add = () => {
    const item: HarmEvidenceItem = {
      id: newItemId('ev'),
      description: '',
      observed: 'on-platform',
      date: null,
      source: '',
      link: '',
      credibleSource: false,
    };
    append(item, { shouldFocus: true, focusName: `${name}.${fields.length}.description` });
  };

  return (
    // The id lets the live panel's R6a missing input ("add harm evidence") bring the user here.
    <Box component="section" id={fieldId(name)} aria-labelledby={`evidence-${category}`}>
      <Typography variant="h6" component="h4" id={`evidence-${category}`} gutterBottom>
        {t('harm.evidenceHeading', { count: fields.length })}
      </Typography>
      {fields.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('harm.noEvidence')}
        </Typography>
      )}
      <ActionNoticeOutput notice={notice} onClose={() => setNotice(null)} />
      <Stack spacing={1.5} sx={{ mt: notice ? 1.5 : 0 }}>
        {fields.map((item, index) => (
          <Paper key={item.fieldKey} variant="outlined" component="fieldset" sx={{ p: 1.5, m: 0, minWidth: 0 }}>
            <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
              {t('harm.evidenceItem', { number: index + 1, category: categoryLabel })}
            </Typography>
            <Stack spacing={1.5}>
              <FormTextField name={`${name}.${index}.description`} label={t('harm.evidenceDescription')} required multiline minRows={2} />
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
                <FormSelectField
                  name={`${name}.${index}.observed`}
                  label={t('harm.evidenceObserved')}
                  options={OBSERVED}
                  labelOf={(option) => t(`policy:observed.${option as (typeof OBSERVED)[number]}`)}
                />
                <FormDateField name={`${name}.${index}.date`} label={t('harm.evidenceDate')} />
                <FormTextField name={`${name}.${index}.source`} label={t('harm.evidenceSource')} />
              </Stack>
              <EvidenceLink category={category} index={index} />
              <EvidenceSignalsField category={category} index={index} />
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }}>
                <FormCheckbox name={`${name}.${index}.credibleSource`} label={t('harm.evidenceCredible')} />
                {!readOnly && (
                  <Button
                    color="error"
                    startIcon={<DeleteIcon />}
                    onClick={() => removeItem(index)}
                    aria-label={t('harm.removeEvidence', { number: index + 1, category: categoryLabel })}
                  >
                    {t('common:actions.remove')}
                  </Button>
                )}
              </Stack>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {!readOnly && (
        <Button startIcon={<AddIcon />} onClick={add} sx={{ mt: 1 }}>
          {t('harm.addEvidence', { category: categoryLabel })}
        </Button>
      )}
    </Box>
  );
}

function EvidenceLink({ category, index }: { category: HarmCategory; index: number }) {
  const { t } = useTranslation('workspace');
  const name = `harm.${category}.evidence.${index}.link` as const;
  const link = useWatch<CaseFormValues, typeof name>({ name });
  return (
    <Box>
      <FormTextField name={name} label={t('harm.evidenceLink')} type="url" helperText={t('links.httpOnlyHelp')} />
      {link && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          <SafeLink href={link}>{t('links.open', { host: link })}</SafeLink>
        </Typography>
      )}
    </Box>
  );
}
