// A text field's count of characters against its limit (issue 15 §8: "fields show a counter"), in the
// helper-text line under the field: "1,234 / 5,000" in the reader's number format. The limit is the
// contract's own (`maxLengthOf` reads it off the zod schema), never a number written twice.
//
// Calm by design: the count shows while the field has focus or once the text passes 80 % of the
// limit, and otherwise keeps its place invisibly, so nothing below the field moves when it appears.
// Past the limit it turns the error colour. Screen readers hear about the limit only when the text
// crosses it (a polite live region), not on every keystroke.
import Box from '@mui/material/Box';
import { useFormControl } from '@mui/material/FormControl';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useWatch, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from './visually-hidden';

/** From this share of the limit on, the count shows without focus. */
export const SHOW_FROM_SHARE = 0.8;

/** What `maxLengthOf` needs of a zod schema: a string's `maxLength`, or `unwrap` (nullable, optional, default). */
interface TextSchemaLike {
  maxLength?: number | null;
  unwrap?: () => unknown;
}

/**
 * The most characters a contract text schema accepts (`shortText(300)`, `longText(5_000).trim()`,
 * also through `.nullable()`, `.optional()` and `.default()`). Throws for a schema without a maximum:
 * a counter without a limit is a programming error.
 */
export function maxLengthOf(schema: TextSchemaLike): number {
  let current: TextSchemaLike | undefined = schema;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (typeof current.maxLength === 'number') return current.maxLength;
    current = current.unwrap ? (current.unwrap() as TextSchemaLike) : undefined;
  }
  throw new Error('maxLengthOf: the schema has no maximum length');
}

export interface CharacterCountProps {
  /** The text's length as the contract counts it (`value.length`, UTF-16 code units, as zod's `max`). */
  length: number;
  max: number;
  /** The field's help or error text, shown at the start of the line; the count is at its end. */
  helperText?: ReactNode;
}

/**
 * The helper-text line with the count: pass it as a TextField's `helperText`. It reads the field's
 * focus from MUI's FormControl around it, so it must be rendered inside one (a TextField's helper text is).
 */
export function CharacterCount({ length, max, helperText }: CharacterCountProps) {
  const { t } = useTranslation('common');
  const focused = useFormControl()?.focused ?? false;
  const over = length > max;
  const shown = focused || length >= max * SHOW_FROM_SHARE;
  // What the live region says: set only when the text crosses the limit, either way (not on mount:
  // a text already too long when the form opens is told by the count and the field's error).
  const [crossing, setCrossing] = useState<{ over: boolean; announced: 'over' | 'within' | null }>({ over, announced: null });
  if (crossing.over !== over) setCrossing({ over, announced: over ? 'over' : 'within' });
  const announcement =
    crossing.announced === 'over' ? t('characterCount.over', { max }) : crossing.announced === 'within' ? t('characterCount.within', { max }) : '';
  return (
    <Box component="span" sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', alignItems: 'baseline' }}>
      <span>{helperText}</span>
      {/* For the eyes only: read out with the field's description on every focus, it would be noise. */}
      <Box
        component="span"
        aria-hidden="true"
        data-testid="character-count"
        data-over={over || undefined}
        sx={{
          flexShrink: 0,
          whiteSpace: 'nowrap',
          fontVariantNumeric: 'tabular-nums',
          visibility: shown ? 'visible' : 'hidden',
          color: over ? 'error.main' : 'text.secondary',
          fontWeight: over ? 600 : undefined,
        }}
      >
        {t('characterCount.shown', { length, max })}
      </Box>
      {/* A space, so a screen reader reads the help text and the announcement as two phrases. */}{' '}
      <Box component="span" aria-live="polite" sx={visuallyHidden} data-testid="character-count-announcement">
        {announcement}
      </Box>
    </Box>
  );
}

export interface FormCharacterCountProps<T extends FieldValues, C, U> {
  control: Control<T, C, U>;
  name: FieldPathByValue<T, string | undefined>;
  max: number;
  helperText?: ReactNode;
}

/**
 * The count of a react-hook-form text field. It watches the field's length itself, so typing
 * re-renders this line and not the field or the form around it (the case form's inputs hold their
 * own value for speed, issue 3).
 */
export function FormCharacterCount<T extends FieldValues, C, U>({ control, name, max, helperText }: FormCharacterCountProps<T, C, U>) {
  const length = useWatch({
    control: control as Control<FieldValues>,
    name: name as string,
    compute: (value: unknown) => (typeof value === 'string' ? value.length : 0),
  });
  return <CharacterCount length={length} max={max} helperText={helperText} />;
}
