// The new-case form: react-hook-form over the contract's NewCaseInput (list fields typed as comma text).
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useCreateCase } from '../../api/client/case-queries';
import { ApiError } from '../../api/client/http-client';
import { NewCaseInput } from '../../api/contract/case';
import { TagList } from '../../api/contract/primitives';
import { ACTOR_KINDS } from '../../engine/policy-terms';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';

const commaList = z
  .string()
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean))
  .pipe(TagList);

export const NewCaseFormSchema = z.object({
  actor: NewCaseInput.shape.actor.extend({ aliases: commaList, geographies: commaList, languages: commaList }),
});
const PURPOSE_MAX_LENGTH = maxLengthOf(NewCaseInput.shape.actor.shape.purpose);
type NewCaseFormInput = z.input<typeof NewCaseFormSchema>;
type NewCaseFormOutput = z.output<typeof NewCaseFormSchema>;

const EMPTY: NewCaseFormInput = {
  actor: { kind: 'group', name: '', purpose: '', activismContext: false, aliases: '', geographies: '', languages: '' },
};

export function NewCaseDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (caseId: string) => void;
}) {
  const { t } = useTranslation(['cases', 'common', 'policy']);
  const createCase = useCreateCase();
  const form = useForm<NewCaseFormInput, unknown, NewCaseFormOutput>({
    resolver: zodResolver(NewCaseFormSchema),
    defaultValues: EMPTY,
  });
  const { register, control, handleSubmit, formState, setError } = form;
  const errors = formState.errors.actor;

  const submit = handleSubmit(async (values) => {
    try {
      const created = await createCase.mutateAsync(values);
      form.reset(EMPTY);
      onCreated(created.id);
    } catch (error) {
      // 400: put the server's field errors at the fields; anything else keeps the input and shows why.
      if (error instanceof ApiError && error.code === 'validation') {
        for (const fieldError of error.fieldErrors) {
          setError(fieldError.path as FieldPath<NewCaseFormInput>, { message: fieldError.message });
        }
      }
    }
  });

  const { apiError, fieldError: err } = useErrorText();

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="new-case-title">
      {/* A flex column, so the content scrolls between a title and actions that stay in view (issue 15 §8). */}
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: '1 1 auto' }}>
        <DialogTitle id="new-case-title">{t('form.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('form.intro')}
          </Typography>
          {createCase.error && !(createCase.error instanceof ApiError && createCase.error.code === 'validation') && (
            <Alert
              severity="error"
              sx={{ mb: 2 }}
              action={
                <Button color="inherit" size="small" type="submit">
                  {t('common:actions.retry')}
                </Button>
              }
            >
              {apiError(createCase.error)} {t('form.draftKept')}
            </Alert>
          )}
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Controller
              control={control}
              name="actor.kind"
              render={({ field }) => (
                <TextField select label={t('form.kind')} {...field} error={!!errors?.kind} helperText={err(errors?.kind?.message)}>
                  {ACTOR_KINDS.map((kind) => (
                    <MenuItem key={kind} value={kind}>
                      {t(`policy:actorKind.${kind}`)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            <TextField
              label={t('form.name')}
              required
              {...register('actor.name')}
              error={!!errors?.name}
              helperText={err(errors?.name?.message)}
            />
            <TextField
              label={t('form.purpose')}
              multiline
              minRows={2}
              {...register('actor.purpose')}
              error={!!errors?.purpose}
              helperText={
                <FormCharacterCount control={control} name="actor.purpose" max={PURPOSE_MAX_LENGTH} helperText={err(errors?.purpose?.message) ?? t('form.purposeHelp')} />
              }
            />
            <TextField label={t('form.aliases')} {...register('actor.aliases')} helperText={err(errors?.aliases?.message) ?? t('form.listHelp')} error={!!errors?.aliases} />
            <TextField label={t('form.geographies')} {...register('actor.geographies')} helperText={err(errors?.geographies?.message) ?? t('form.listHelp')} error={!!errors?.geographies} />
            <TextField label={t('form.languages')} {...register('actor.languages')} helperText={err(errors?.languages?.message) ?? t('form.listHelp')} error={!!errors?.languages} />
            <div>
              <Controller
                control={control}
                name="actor.activismContext"
                render={({ field }) => (
                  <FormControlLabel
                    control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} />}
                    label={t('form.activism')}
                  />
                )}
              />
              <FormHelperText>{t('form.activismHelp')}</FormHelperText>
            </div>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('form.submitting') : t('form.submit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
