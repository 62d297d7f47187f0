// R6: the three rubric criteria, each a compact segmented control (low / moderate / high, the policy's
// own wording of each level in its tooltip, in its description and under the control once chosen;
// choosing the chosen level again clears the answer), the rubric's suggested severity (computed by the
// engine), and the analyst's chosen severity (issue 15 §4).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../components/visually-hidden';
import { RUBRIC_CRITERIA, RUBRIC_LEVELS, SEVERITIES, type HarmCategory, type RubricCriterion, type RubricLevel, type Severity } from '../../engine/policy-terms';
import { suggestSeverity } from '../../engine/severity-rubric';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

const NOT_ANSWERED = '';

export function RubricFieldset({ category }: { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  return (
    <Stack spacing={1.5}>
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

/**
 * One criterion (R6): an exclusive ToggleButtonGroup (one tab stop, arrow keys between the levels).
 * Each button is named "criterion: level" and described by the policy's wording of that level.
 */
function CriterionField({ category, criterion }: { category: HarmCategory; criterion: RubricCriterion }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const name = `harm.${category}.rubric.${criterion}` as const;
  const { field } = useController<CaseFormValues, typeof name>({ name });
  const id = fieldId(name);
  const criterionLabel = t(`policy:rubricCriterion.${criterion}`);
  const wordingId = (level: RubricLevel) => `${id}-${level}-wording`;
  return (
    <FormControl component="fieldset" id={id} data-testid={`criterion-${category}-${criterion}`}>
      <FormLabel component="legend" sx={{ fontWeight: 600, mb: 0.5 }}>
        {criterionLabel}
      </FormLabel>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0.5, md: 2 }} sx={{ alignItems: { md: 'center' } }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={field.value}
          disabled={readOnly}
          // Choosing the chosen level again gives null: "not answered" stays possible.
          onChange={(_event, value: RubricLevel | null) => field.onChange(value)}
          onBlur={field.onBlur}
          sx={{ flexShrink: 0, alignSelf: { xs: 'flex-start', md: 'center' } }}
        >
          {RUBRIC_LEVELS.map((level) => {
            const button = (
              <ToggleButton
                key={level}
                value={level}
                aria-label={t('harm.criterionLevel', { criterion: criterionLabel, level: t(`policy:severity.${level}`) })}
                aria-describedby={wordingId(level)}
                sx={{ px: 1.5, minWidth: 88, textTransform: 'none' }}
              >
                {t(`policy:severity.${level}`)}
              </ToggleButton>
            );
            // A disabled button fires no events for a tooltip; read-only shows the chosen wording below.
            return readOnly ? button : (
              <Tooltip key={level} title={t(`policy:rubric.${criterion}.${level}`)} describeChild enterDelay={300}>
                {button}
              </Tooltip>
            );
          })}
        </ToggleButtonGroup>
        <Typography variant="body2" color="text.secondary" data-testid={`criterion-wording-${category}-${criterion}`} sx={{ minWidth: 0 }}>
          {field.value ? t(`policy:rubric.${criterion}.${field.value}`) : t('harm.notAnswered')}
        </Typography>
      </Stack>
      {RUBRIC_LEVELS.map((level) => (
        <Box key={level} component="span" id={wordingId(level)} sx={visuallyHidden}>
          {t(`policy:rubric.${criterion}.${level}`)}
        </Box>
      ))}
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
