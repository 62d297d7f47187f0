// Overview tab: the actor (§1), the R9 context flag, the four assessment questions (R12), the
// rights-risk assessment (R10) and the per-case settings (R15, R17), with the policy's guidance.
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useController, useWatch, type FieldPathByValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_QUESTION_IDS } from '../../api/contract/case';
import { useErrorText } from '../../components/api-error-text';
import { ACTOR_KINDS } from '../../engine/policy-terms';
import { fieldId } from './field-ids';
import { FormCheckbox, FormSelectField, FormTextField } from './form-fields';
import { FormTagListField } from './tag-list-field';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

export function OverviewTab() {
  const { t } = useTranslation(['workspace', 'policy']);
  const kind = useWatch<CaseFormValues, 'actor.kind'>({ name: 'actor.kind' });
  return (
    <Stack spacing={3}>
      <Paper component="section" aria-labelledby="overview-actor" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="overview-actor" gutterBottom>
          {t('overview.actorHeading')}
        </Typography>
        <Stack spacing={2}>
          <FormSelectField name="actor.kind" label={t('overview.kind')} options={ACTOR_KINDS} labelOf={(option) => t(`policy:actorKind.${option as (typeof ACTOR_KINDS)[number]}`)} />
          <FormTextField name="actor.name" label={t('overview.name')} required />
          <FormTagListField name="actor.aliases" label={t('overview.aliases')} />
          <FormTextField
            name="actor.purpose"
            label={kind === 'campaign' ? t('overview.goal') : t('overview.purpose')}
            helperText={t('overview.purposeHelp')}
            multiline
            minRows={2}
          />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <FormTagListField name="actor.geographies" label={t('overview.geographies')} helperText={t('overview.geographiesHelp')} />
            <FormTagListField name="actor.languages" label={t('overview.languages')} />
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <FormTagListField name="actor.hashtags" label={t('overview.hashtags')} />
            <FormTagListField name="actor.keywords" label={t('overview.keywords')} />
            <FormTagListField name="actor.trendTerms" label={t('overview.trendTerms')} helperText={t('overview.trendTermsHelp')} />
          </Stack>
          <FormCheckbox name="actor.activismContext" label={t('overview.activism')} helperText={t('overview.activismHelp')} />
        </Stack>
      </Paper>

      <Paper component="section" aria-labelledby="overview-questions" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="overview-questions" gutterBottom>
          {t('overview.questionsHeading')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('overview.questionsIntro')}
        </Typography>
        <Stack spacing={2}>
          {ASSESSMENT_QUESTION_IDS.map((question) => (
            <FormTextField
              key={question}
              name={`questions.${question}`}
              label={t(`policy:question.${question}`)}
              helperText={t(`overview.questionHelp.${question}`)}
              multiline
              minRows={3}
            />
          ))}
        </Stack>
      </Paper>

      <Paper component="section" aria-labelledby="overview-rights" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="overview-rights" gutterBottom>
          {t('overview.rightsHeading')}
        </Typography>
        <FormTextField
          name="rightsRiskAssessment"
          label={t('overview.rights')}
          helperText={t('overview.rightsHelp')}
          multiline
          minRows={4}
        />
      </Paper>

      <Paper component="section" aria-labelledby="overview-settings" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="overview-settings" gutterBottom>
          {t('overview.settingsHeading')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <FormNumberField name="settings.visibilityLimitDays" label={t('overview.visibilityLimitDays')} helperText={t('overview.visibilityLimitHelp')} min={1} max={365} />
          <FormNumberField name="settings.reviewIntervalDays" label={t('overview.reviewIntervalDays')} helperText={t('overview.reviewIntervalHelp')} min={7} max={730} />
        </Stack>
      </Paper>
    </Stack>
  );
}

type NumberPath = FieldPathByValue<CaseFormValues, number>;

function FormNumberField({ name, label, helperText, min, max }: { name: NumberPath; label: string; helperText: string; min: number; max: number }) {
  const { readOnly } = useWorkspace();
  const { fieldError } = useErrorText();
  const { field, fieldState } = useController<CaseFormValues, NumberPath>({ name });
  const message = fieldError(fieldState.error?.message);
  return (
    <TextField
      id={fieldId(name)}
      name={field.name}
      inputRef={field.ref}
      type="number"
      value={Number.isNaN(field.value) ? '' : field.value}
      onChange={(event) => field.onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
      onBlur={field.onBlur}
      label={label}
      fullWidth
      error={!!message}
      helperText={message ?? helperText}
      slotProps={{ htmlInput: { readOnly, min, max, step: 1 } }}
    />
  );
}
