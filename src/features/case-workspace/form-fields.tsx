// Inputs bound to the case form by path: the id comes from the path (so `focusField` finds it), the
// error message from the contract's message key, and read-only cases render every input read-only.
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { get, useController, useFormContext, useFormState, type FieldError, type FieldPathByValue } from 'react-hook-form';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import { CaseContentFormSchema, type CaseFormValues } from './case-content';

type TextPath = FieldPathByValue<CaseFormValues, string>;

export interface FormTextFieldProps {
  name: TextPath;
  label: string;
  helperText?: string;
  required?: boolean;
  multiline?: boolean;
  minRows?: number;
  type?: 'text' | 'url' | 'date';
  /** Shown under the field in place of the helper text when the value breaks no rule but needs attention. */
  warning?: string | null;
}

/**
 * A text input the browser owns (react-hook-form's `register`): typing re-renders nothing here, so a
 * keystroke costs the live panel's update and not a re-render of MUI's field (about half of the time
 * from a form change to the panel's commit, issue 3). It re-renders only when its own error changes.
 * A reset of the form must remount the fields (CaseEditor keys the tab on the autosave's count of
 * replaced contents), so each input shows its new value and MUI floats the label over it.
 * A multiline field (long free text) shows its count of characters against the contract's limit
 * (issue 15 §8); the count watches the value itself, so typing re-renders that line and not the field.
 */
export function FormTextField({ name, label, helperText, required, multiline, minRows, type = 'text', warning }: FormTextFieldProps) {
  const { readOnly } = useWorkspace();
  const { fieldError } = useErrorText();
  const { register, control } = useFormContext<CaseFormValues>();
  // Only the errors are read, so only they subscribe: not "validating", "dirty" or "touched", which
  // change on keystrokes once the field has been left.
  const { errors } = useFormState<CaseFormValues>({ name, exact: true });
  const error: FieldError | undefined = get(errors, name);
  const message = fieldError(error?.message) ?? warning ?? undefined;
  const { ref, ...registered } = register(name);
  const shownHelp = message ?? helperText;
  return (
    <TextField
      id={fieldId(name)}
      {...registered}
      inputRef={ref}
      label={label}
      required={required}
      multiline={multiline}
      rows={multiline ? (minRows ?? 1) : undefined}
      type={type}
      fullWidth
      error={!!message}
      helperText={
        multiline && !readOnly ? <FormCharacterCount control={control} name={name} max={caseTextMaxLength(name)} helperText={shownHelp} /> : shownHelp
      }
      sx={multiline ? growWithContent(minRows ?? 1) : undefined}
      slotProps={{
        input: multiline ? { inputComponent: 'textarea' } : undefined,
        htmlInput: { readOnly },
        inputLabel: type === 'date' ? { shrink: true } : undefined,
      }}
    />
  );
}

/**
 * The contract's limit for a text of the case form, found by its path in the form's schema
 * (`questions.risksOfApplying`, `harm.physical.evidence.3.description`): one limit, the contract's.
 * Kept per path with the array indexes left out, so a list of 300 evidence items looks it up once.
 */
export function caseTextMaxLength(path: string): number {
  const key = path.replaceAll(/\.\d+(?=\.|$)/g, '.#');
  let max = maxLengths.get(key);
  if (max === undefined) {
    let schema: SchemaLike | undefined = CaseContentFormSchema as SchemaLike;
    for (const segment of key.split('.')) {
      while (schema && !schema.shape && !schema.element && schema.unwrap) schema = schema.unwrap() as SchemaLike;
      schema = (segment === '#' ? schema?.element : schema?.shape?.[segment]) as SchemaLike | undefined;
    }
    if (!schema) throw new Error(`caseTextMaxLength: no field ${path} in the case form`);
    max = maxLengthOf(schema);
    maxLengths.set(key, max);
  }
  return max;
}
/** What the walk above reads of a zod schema: an object's shape, an array's element, a wrapper's inner schema. */
interface SchemaLike {
  shape?: Record<string, unknown>;
  element?: unknown;
  unwrap?: () => unknown;
  maxLength?: number | null;
}
const maxLengths = new Map<string, number>();

/**
 * A multiline field grows with its text through CSS (`field-sizing: content`), not MUI's autosize:
 * autosize measures a hidden copy of the text on every keystroke, a forced layout that was the largest
 * cost between a keystroke and the live panel's update (issue 3). A plain `textarea` as the input
 * component keeps MUI from wrapping it in its autosize. Where the browser lacks `field-sizing`, the
 * field keeps `minRows` rows and the user can drag it taller.
 */
function growWithContent(minRows: number) {
  let sx = growSx.get(minRows);
  if (!sx) {
    sx = {
      '& textarea': {
        fieldSizing: 'content',
        minHeight: `calc(${minRows} * 1.4375em)`,
        '@supports not (field-sizing: content)': { resize: 'vertical' },
      },
    };
    growSx.set(minRows, sx);
  }
  return sx;
}
/** One style object per row count, so a re-render does not hand emotion a new object to serialise. */
const growSx = new Map<number, SxProps<Theme>>();

type NullableDatePath = FieldPathByValue<CaseFormValues, string | null>;

/** A calendar date (`YYYY-MM-DD`) where an empty input means `null`. */
export function FormDateField({ name, label }: { name: NullableDatePath; label: string }) {
  const { readOnly } = useWorkspace();
  const { fieldError } = useErrorText();
  const { field, fieldState } = useController<CaseFormValues, NullableDatePath>({ name });
  const message = fieldError(fieldState.error?.message);
  return (
    <TextField
      id={fieldId(name)}
      name={field.name}
      inputRef={field.ref}
      type="date"
      value={field.value ?? ''}
      onChange={(event) => field.onChange(event.target.value === '' ? null : event.target.value)}
      onBlur={field.onBlur}
      label={label}
      fullWidth
      error={!!message}
      helperText={message}
      slotProps={{ htmlInput: { readOnly }, inputLabel: { shrink: true } }}
    />
  );
}

type BooleanPath = FieldPathByValue<CaseFormValues, boolean>;

export function FormCheckbox({ name, label, helperText }: { name: BooleanPath; label: string; helperText?: string }) {
  const { readOnly } = useWorkspace();
  const { field } = useController<CaseFormValues, BooleanPath>({ name });
  const id = fieldId(name);
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            id={id}
            name={field.name}
            checked={field.value}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            disabled={readOnly}
            slotProps={{ input: { ref: field.ref, 'aria-describedby': helperText ? `${id}-help` : undefined } }}
          />
        }
        label={label}
      />
      {helperText && <FormHelperText id={`${id}-help`} sx={{ mt: -0.5, ml: 4 }}>{helperText}</FormHelperText>}
    </Box>
  );
}

/** A select over a closed vocabulary; `labelOf` translates each option. */
export function FormSelectField<P extends FieldPathByValue<CaseFormValues, string>>({
  name,
  label,
  options,
  labelOf,
}: {
  name: P;
  label: string;
  options: readonly string[];
  labelOf: (option: string) => string;
}) {
  const { readOnly } = useWorkspace();
  const { fieldError } = useErrorText();
  const { field, fieldState } = useController<CaseFormValues, TextPath>({ name });
  const message = fieldError(fieldState.error?.message);
  return (
    <TextField
      select
      id={fieldId(name)}
      name={field.name}
      inputRef={field.ref}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      label={label}
      fullWidth
      disabled={readOnly}
      error={!!message}
      helperText={message}
    >
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {labelOf(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
