// One harm category's assessment (R5-R6), shown in its sub-tab of the harm tab: its policy areas,
// evidence, the rubric, the severity, and a justification that is required when the severity differs
// from the rubric's suggestion.
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Divider from '@mui/material/Divider';
import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HarmAssessmentModel } from '../../engine/case-model';
import { POLICY_AREAS_BY_CATEGORY, type HarmCategory, type PolicyArea } from '../../engine/policy-terms';
import { checkAgainstRubric, type RubricCheck } from '../../engine/severity-rubric';
import { EvidenceItemsField } from './evidence-items-field';
import { fieldId } from './field-ids';
import { FormTextField } from './form-fields';
import { RubricFieldset } from './rubric-fieldset';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

export function HarmCategoryForm({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const headingId = `harm-${category}-heading`;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2 }} data-testid={`harm-form-${category}`}>
      <Typography variant="h6" component="h3" id={headingId}>
        {t(`policy:harmCategory.${category}`)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t(`policy:harmCategoryDescription.${category}`)}
      </Typography>
      <Stack spacing={2.5}>
        <PolicyAreasField category={category} />
        <EvidenceItemsField category={category} />
        <Divider />
        <RubricFieldset category={category} />
        <JustificationField category={category} />
      </Stack>
    </Paper>
  );
}

function PolicyAreasField({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const name = `harm.${category}.policyAreas` as const;
  const { field } = useController<CaseFormValues, typeof name>({ name });
  const areas: readonly PolicyArea[] = POLICY_AREAS_BY_CATEGORY[category];
  const toggle = (area: PolicyArea, checked: boolean) => {
    const next = checked ? [...field.value, area] : field.value.filter((entry) => entry !== area);
    field.onChange(areas.filter((entry) => next.includes(entry)));
  };
  return (
    <FormControl component="fieldset" id={fieldId(name)}>
      <FormLabel component="legend" sx={{ fontWeight: 600 }}>
        {t('harm.policyAreas')}
      </FormLabel>
      <FormGroup row>
        {areas.map((area) => (
          <FormControlLabel
            key={area}
            control={
              <Checkbox
                checked={field.value.includes(area)}
                onChange={(event) => toggle(area, event.target.checked)}
                onBlur={field.onBlur}
                disabled={readOnly}
              />
            }
            label={t(`policy:policyArea.${area}`)}
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}

function JustificationField({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  // Only what the field shows: typing a justification re-renders it only when R6's answer changes.
  const { severity, check } = useWatch<CaseFormValues, `harm.${HarmCategory}`, CaseFormValues, { severity: HarmAssessmentModel['severity']; check: RubricCheck }>({
    name: `harm.${category}`,
    // R6 is the engine's: it decides what "differs" means; the form only shows it at the field.
    compute: (assessment) => ({ severity: assessment.severity, check: checkAgainstRubric(assessment) }),
  });
  const params = {
    severity: severity ? t(`policy:severity.${severity}`) : '',
    suggested: check.suggested ? t(`policy:severity.${check.suggested}`) : '',
  };
  return (
    <FormTextField
      name={`harm.${category}.justification`}
      label={t('harm.justification')}
      required={check.disagrees}
      multiline
      minRows={2}
      helperText={check.disagrees ? t('harm.justificationGiven', params) : t('harm.justificationHelp')}
      warning={check.justificationMissing ? t('harm.justificationRequired', params) : null}
    />
  );
}
