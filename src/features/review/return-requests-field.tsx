// A return's requests in the decision form (issue 12 §2): each a short text, optionally pointing at a
// field of the case form, so the analyst gets a checklist with links instead of one paragraph.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Controller, useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_RETURN_REQUESTS } from '../../api/contract/case';
import { ReturnRequestInput } from '../../api/contract/conversation';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { HARM_CATEGORIES } from '../../engine/policy-terms';

/** The form's shape of one request: '' = no particular field. */
export interface RequestFormValue {
  text: string;
  target: string;
}

const REQUEST_TEXT_MAX_LENGTH = maxLengthOf(ReturnRequestInput.shape.text);

const QUESTION_TARGETS = ['identifiableGroup', 'coordinatedActivity', 'harmAcrossCategories', 'risksOfApplying'] as const;
const HARM_PARTS = ['severity', 'evidence', 'justification'] as const;

export function useRequestTargets(): { value: string; label: string }[] {
  const { t } = useTranslation(['review', 'policy']);
  return [
    ...QUESTION_TARGETS.map((id) => ({ value: `questions.${id}`, label: t(`decision.requests.targets.${id}`) })),
    { value: 'rightsRiskAssessment', label: t('decision.requests.targets.rightsRiskAssessment') },
    ...HARM_CATEGORIES.flatMap((category) =>
      HARM_PARTS.map((part) => ({
        value: `harm.${category}.${part}`,
        label: `${t(`policy:harmCategory.${category}`)}: ${t(`decision.requests.part.${part}`)}`,
      })),
    ),
    { value: 'signals', label: t('decision.requests.targets.signals') },
  ];
}

/** The part of a form this field edits (the decision form, inside its FormProvider). */
interface RequestsForm {
  requests: RequestFormValue[];
}

export function ReturnRequestsField() {
  const { t } = useTranslation('review');
  const { fieldError } = useErrorText();
  const targets = useRequestTargets();
  const { control, register } = useFormContext<RequestsForm>();
  const { errors: formErrors } = useFormState({ control, name: 'requests' });
  const errors = formErrors.requests;
  const { fields, append, remove } = useFieldArray({ control, name: 'requests' });
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1">
        {t('decision.requests.legend')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('decision.requests.help')}
      </Typography>
      <Stack spacing={1.5}>
        {fields.map((field, index) => {
          const n = index + 1;
          const error = errors?.[index];
          return (
            <Stack key={field.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }} data-testid="return-request-row">
              <TextField
                {...register(`requests.${index}.text`)}
                label={t('decision.requests.text', { n })}
                required
                size="small"
                fullWidth
                error={Boolean(error?.text)}
                helperText={<FormCharacterCount control={control} name={`requests.${index}.text`} max={REQUEST_TEXT_MAX_LENGTH} helperText={fieldError(error?.text?.message)} />}
              />
              <Controller
                control={control}
                name={`requests.${index}.target`}
                render={({ field: target }) => (
                  <TextField
                    select
                    label={t('decision.requests.target', { n })}
                    size="small"
                    name={target.name}
                    value={target.value}
                    onChange={(event) => target.onChange(event.target.value)}
                    onBlur={target.onBlur}
                    inputRef={target.ref}
                    sx={{ minWidth: 240 }}
                    error={Boolean(error?.target)}
                    helperText={fieldError(error?.target?.message)}
                  >
                    <MenuItem value="">{t('decision.requests.none')}</MenuItem>
                    {targets.map((option) => (
                      <MenuItem key={option.value} value={option.value}>
                        {option.label}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
              <IconButton aria-label={t('decision.requests.remove', { n })} onClick={() => remove(index)}>
                <DeleteIcon />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Button sx={{ mt: 1 }} onClick={() => append({ text: '', target: '' })} disabled={fields.length >= MAX_RETURN_REQUESTS}>
        {t('decision.requests.add')}
      </Button>
    </Box>
  );
}
