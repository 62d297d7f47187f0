// Add or edit one coordination signal (R1-R2) in a dialog: react-hook-form checked by the contract's
// CoordinationSignal schema; accounts as chips, sources as http(s) links only, a UTC time window.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller, get, set, useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CoordinationSignal } from '../../api/contract/case';
import { AccountHandle } from '../../api/contract/primitives';
import { useErrorText } from '../../components/api-error-text';
import { CharacterCount, maxLengthOf } from '../../components/character-count';
import {
  EVIDENCE_STATES,
  OBSERVED,
  SIGNAL_KINDS,
  SIGNAL_STRENGTHS,
  TECHNIQUES_BY_KIND,
  type SignalKind,
} from '../../engine/policy-terms';
import { laneById, newItemId, techniqueForKind, type LaneId } from './board-model';
import { localInputToUtc, utcToLocalInput } from './signal-format';
import { TagListInput } from './tag-list-field';

/**
 * The dialog's own shape: inputs as typed (window as `datetime-local` text, sources as rows). A
 * detected signal's `activity` and `sharedTexts` (issue 16 §1, §4) ride along untouched: no input
 * edits them, and the dialog hands them back with the saved signal.
 */
export interface SignalFormValues extends Omit<CoordinationSignal, 'window' | 'sources'> {
  windowStart: string;
  windowEnd: string;
  sources: { url: string }[];
}

export function toFormValues(signal: CoordinationSignal): SignalFormValues {
  const { window, sources, ...rest } = signal;
  return { ...rest, windowStart: utcToLocalInput(window.start), windowEnd: utcToLocalInput(window.end), sources: sources.map((url) => ({ url })) };
}

export function newSignalValues(lane: LaneId): SignalFormValues {
  const { kind, observed } = laneById(lane);
  return {
    id: newItemId('sig'),
    kind,
    observed,
    technique: TECHNIQUES_BY_KIND[kind][0],
    description: '',
    accounts: [],
    windowStart: '',
    windowEnd: '',
    sources: [],
    strength: 'moderate',
    evidenceState: 'unverified',
    origin: 'manual',
  };
}

/** A contract error path -> the dialog's field path. */
function formPath(path: readonly PropertyKey[]): string {
  const [head, second] = path;
  if (head === 'window') return second === 'start' ? 'windowStart' : 'windowEnd';
  if (head === 'sources' && typeof second === 'number') return `sources.${second}.url`;
  if (head === 'accounts') return 'accounts';
  return path.map(String).join('.');
}

const DESCRIPTION_MAX_LENGTH = maxLengthOf(CoordinationSignal.shape.description);

/** Validates with the contract's CoordinationSignal, so the dialog accepts exactly what the server does. */
export const signalResolver: Resolver<SignalFormValues, unknown, CoordinationSignal> = async (values) => {
  const { windowStart, windowEnd, sources, ...rest } = values;
  const errors: FieldErrors<SignalFormValues> = {};
  // A signal nobody described is an empty card on the board (issue 14 §10): the dialog asks for a
  // description before it adds or saves one. The contract still reads older signals without one.
  if (values.description.trim() === '') set(errors, 'description', { type: 'required', message: 'required' });
  // An empty source row is a mistake, not "no source" (the contract allows '' for optional links).
  sources.forEach((source, index) => {
    if (source.url.trim() === '') set(errors, `sources.${index}.url`, { type: 'required', message: 'required' });
  });
  const parsed = CoordinationSignal.safeParse({
    ...rest,
    window: { start: localInputToUtc(windowStart), end: localInputToUtc(windowEnd) },
    sources: sources.map((source) => source.url),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path);
      if (!get(errors, path)) set(errors, path, { type: issue.code, message: issue.message });
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { values: {}, errors };
  return { values: parsed.data, errors: {} };
};

export interface SignalDialogProps {
  /** The values to start from (an existing signal, or `newSignalValues(lane)`). */
  initial: SignalFormValues;
  mode: 'add' | 'edit';
  onClose: () => void;
  onSave: (signal: CoordinationSignal) => void;
}

/** Mount it only while open (keyed by the signal id), so every opening starts from `initial`. */
export function SignalDialog({ initial, mode, onClose, onSave }: SignalDialogProps) {
  const { t } = useTranslation(['workspace', 'policy', 'common']);
  const { fieldError } = useErrorText();
  // Kept out of the form: react-hook-form copies its values on every change, and a snapshot of
  // thousands of marks would be copied with each keystroke. They go back onto the saved signal.
  const { activity, sharedTexts, ...editable } = initial;
  const { control, handleSubmit, setValue, getValues, formState: { errors } } = useForm<SignalFormValues, unknown, CoordinationSignal>({
    defaultValues: editable,
    resolver: signalResolver,
    mode: 'onTouched',
  });
  const sources = useFieldArray({ control, name: 'sources' });
  const kind = useWatch({ control, name: 'kind' });
  const submit = handleSubmit((signal) => onSave({ ...signal, ...(sharedTexts ? { sharedTexts } : {}), ...(activity ? { activity } : {}) }));
  const titleId = 'signal-dialog-title';

  const select = (name: 'observed' | 'strength' | 'evidenceState', label: string, options: readonly string[], labelOf: (option: string) => string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextField select fullWidth label={label} {...field} id={`signal-${name}`}>
          {options.map((option) => (
            <MenuItem key={option} value={option}>{labelOf(option)}</MenuItem>
          ))}
        </TextField>
      )}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{mode === 'add' ? t('signal.addTitle') : t('signal.editTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('policy:rule.R1')}</Typography>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <Controller
                control={control}
                name="kind"
                render={({ field }) => (
                  <TextField
                    select
                    fullWidth
                    id="signal-kind"
                    label={t('signal.kind')}
                    {...field}
                    onChange={(event) => {
                      const kind = event.target.value as SignalKind;
                      field.onChange(kind);
                      // R1: a technique belongs to one kind; keep the choice valid.
                      setValue('technique', techniqueForKind(kind, getValues('technique')));
                    }}
                  >
                    {SIGNAL_KINDS.map((kind) => (
                      <MenuItem key={kind} value={kind}>{t(`policy:signalKind.${kind}`)}</MenuItem>
                    ))}
                  </TextField>
                )}
              />
              {select('observed', t('signal.observed'), OBSERVED, (option) => t(`policy:observed.${option as (typeof OBSERVED)[number]}`))}
            </Stack>
            <Controller
              control={control}
              name="technique"
              render={({ field }) => (
                <TextField select fullWidth id="signal-technique" label={t('signal.technique')} {...field} error={!!errors.technique} helperText={fieldError(errors.technique?.message)}>
                  {TECHNIQUES_BY_KIND[kind].map((technique) => (
                    <MenuItem key={technique} value={technique}>{t(`policy:technique.${technique}`)}</MenuItem>
                  ))}
                </TextField>
              )}
            />
            <Controller
              control={control}
              name="description"
              // The ref on the input, so a refused submit focuses the description itself.
              render={({ field: { ref, ...field } }) => (
                <TextField
                  id="signal-description"
                  fullWidth
                  multiline
                  minRows={2}
                  required
                  label={t('signal.description')}
                  {...field}
                  inputRef={ref}
                  error={!!errors.description}
                  helperText={<CharacterCount length={field.value.length} max={DESCRIPTION_MAX_LENGTH} helperText={fieldError(errors.description?.message)} />}
                />
              )}
            />
            <Controller
              control={control}
              name="accounts"
              render={({ field }) => (
                <TagListInput
                  id="signal-accounts"
                  label={t('signal.accounts')}
                  helperText={t('signal.accountsHelp')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  entrySchema={AccountHandle}
                  error={fieldError(errors.accounts?.message ?? (Array.isArray(errors.accounts) ? 'account.handleFormat' : undefined))}
                />
              )}
            />
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              {(['windowStart', 'windowEnd'] as const).map((name) => (
                <Controller
                  key={name}
                  control={control}
                  name={name}
                  render={({ field }) => (
                    <TextField
                      id={`signal-${name}`}
                      type="datetime-local"
                      fullWidth
                      label={name === 'windowStart' ? t('signal.windowStart') : t('signal.windowEnd')}
                      {...field}
                      error={!!errors[name]}
                      helperText={fieldError(errors[name]?.message) ?? t('signal.windowHelp')}
                      slotProps={{ inputLabel: { shrink: true } }}
                    />
                  )}
                />
              ))}
            </Stack>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              {select('strength', t('signal.strength'), SIGNAL_STRENGTHS, (option) => t(`policy:strength.${option as (typeof SIGNAL_STRENGTHS)[number]}`))}
              {select('evidenceState', t('signal.evidenceState'), EVIDENCE_STATES, (option) => t(`policy:evidenceState.${option as (typeof EVIDENCE_STATES)[number]}`))}
            </Stack>
            <Typography variant="caption" color="text.secondary">{t('policy:rule.R2')}</Typography>
            <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2">{t('signal.sources')}</Typography>
              {sources.fields.map((source, index) => (
                <Stack key={source.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <Controller
                    control={control}
                    name={`sources.${index}.url`}
                    render={({ field, fieldState, formState }) => {
                      // A row just added is empty by design: say so only once it was left or submitted.
                      const message = fieldState.isTouched || formState.isSubmitted ? fieldError(fieldState.error?.message) : undefined;
                      return (
                        <TextField
                          id={`signal-source-${index}`}
                          type="url"
                          fullWidth
                          label={t('signal.source', { number: index + 1 })}
                          {...field}
                          error={!!message}
                          helperText={message ?? t('links.httpOnlyHelp')}
                        />
                      );
                    }}
                  />
                  <IconButton aria-label={t('signal.removeSource', { number: index + 1 })} onClick={() => sources.remove(index)} sx={{ mt: 1 }}>
                    <DeleteIcon />
                  </IconButton>
                </Stack>
              ))}
              <Button startIcon={<AddIcon />} onClick={() => sources.append({ url: '' }, { shouldFocus: true })} sx={{ alignSelf: 'flex-start' }}>
                {t('signal.addSource')}
              </Button>
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained">{mode === 'add' ? t('signal.add') : t('common:actions.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
