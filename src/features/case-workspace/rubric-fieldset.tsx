// R6: the three rubric criteria, each answered low / moderate / high in the policy's own words, the
// rubric's suggested severity (computed by the engine), and the analyst's chosen severity.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RUBRIC_CRITERIA, RUBRIC_LEVELS, SEVERITIES, type HarmCategory, type RubricCriterion, type RubricLevel, type Severity } from '../../engine/policy-terms';
import { suggestSeverity } from '../../engine/severity-rubric';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

const NOT_ANSWERED = '';

export function RubricFieldset({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('harm.rubricIntro')}
      </Typography>
      {RUBRIC_CRITERIA.map((criterion) => (
        <CriterionField key={criterion} category={category} criterion={criterion} />
      ))}
      <SuggestionAndSeverity category={category} />
    </Stack>
  );
}

function CriterionField({ category, criterion }: { category: HarmCategory; criterion: RubricCriterion }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const name = `harm.${category}.rubric.${criterion}` as const;
  const { field } = useController<CaseFormValues, typeof name>({ name });
  const id = fieldId(name);
  return (
    <FormControl component="fieldset" id={id}>
      <FormLabel component="legend" sx={{ fontWeight: 600 }}>
        {t(`policy:rubricCriterion.${criterion}`)}
      </FormLabel>
      <RadioGroup
        name={field.name}
        value={field.value ?? NOT_ANSWERED}
        onChange={(event) => field.onChange(event.target.value === NOT_ANSWERED ? null : (event.target.value as RubricLevel))}
        onBlur={field.onBlur}
      >
        {RUBRIC_LEVELS.map((level) => (
          <FormControlLabel
            key={level}
            value={level}
            disabled={readOnly}
            control={<Radio size="small" />}
            sx={{ alignItems: 'flex-start', mb: 0.5, '& .MuiRadio-root': { pt: 0.25 } }}
            label={
              <span>
                <strong>{t(`policy:severity.${level}`)}</strong>: {t(`policy:rubric.${criterion}.${level}`)}
              </span>
            }
          />
        ))}
        <FormControlLabel value={NOT_ANSWERED} disabled={readOnly} control={<Radio size="small" />} label={t('harm.notAnswered')} />
      </RadioGroup>
    </FormControl>
  );
}

function SuggestionAndSeverity({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const { setValue } = useFormContext<CaseFormValues>();
  const rubric = useWatch<CaseFormValues, `harm.${HarmCategory}.rubric`>({ name: `harm.${category}.rubric` });
  const name = `harm.${category}.severity` as const;
  const { field } = useController<CaseFormValues, typeof name>({ name });
  const suggested = suggestSeverity(rubric);
  const id = fieldId(name);
  return (
    <Stack spacing={1}>
      <Alert
        severity="info"
        variant="outlined"
        data-testid={`suggestion-${category}`}
        action={
          suggested && !readOnly && field.value !== suggested ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => setValue(name, suggested, { shouldDirty: true, shouldTouch: true })}
            >
              {t('harm.useSuggestion')}
            </Button>
          ) : undefined
        }
      >
        {suggested
          ? t('harm.suggested', { severity: t(`policy:severity.${suggested}`) })
          : t('harm.noSuggestion')}
        <Typography variant="caption" component="p">
          {t('harm.suggestionWhy')}
        </Typography>
      </Alert>
      <FormControl component="fieldset" id={id}>
        <FormLabel component="legend" sx={{ fontWeight: 600 }}>
          {t('harm.severity', { category: t(`policy:harmCategory.${category}`) })}
        </FormLabel>
        <RadioGroup
          row
          name={field.name}
          value={field.value ?? NOT_ANSWERED}
          onChange={(event) => field.onChange(event.target.value === NOT_ANSWERED ? null : (event.target.value as Severity))}
          onBlur={field.onBlur}
        >
          {SEVERITIES.map((severity) => (
            <FormControlLabel key={severity} value={severity} disabled={readOnly} control={<Radio />} label={t(`policy:severity.${severity}`)} />
          ))}
          <FormControlLabel value={NOT_ANSWERED} disabled={readOnly} control={<Radio />} label={t('policy:severity.unrated')} />
        </RadioGroup>
      </FormControl>
    </Stack>
  );
}
