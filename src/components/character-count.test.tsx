// Issue 15 §8: "fields show a counter" — in the reader's number format, calm until needed, in the
// error colour past the limit, announced only when the text crosses the limit, and with the limit the
// contract's own.
import TextField from '@mui/material/TextField';
import { screen } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { CommentInput } from '../api/contract/conversation';
import { Actor, HarmEvidenceItem } from '../api/contract/case';
import { DecisionFields, SubmitInput } from '../api/contract/requests';
import { shortText } from '../api/contract/primitives';
import { createAppTheme } from '../app/theme';
import { renderWithProviders } from '../test/render';
import { CharacterCount, FormCharacterCount, maxLengthOf } from './character-count';

function Counted({ length, max, focused = false }: { length: number; max: number; focused?: boolean }) {
  return <TextField label="Note" focused={focused} helperText={<CharacterCount length={length} max={max} helperText="Say why." />} />;
}

/** A form field wired like the dialogs': react-hook-form's register, the count watching the value. */
function CountedForm({ max, initial = '' }: { max: number; initial?: string }) {
  const { register, control } = useForm<{ note: string }>({ defaultValues: { note: initial } });
  return <TextField label="Note" multiline {...register('note')} helperText={<FormCharacterCount control={control} name="note" max={max} helperText="Say why." />} />;
}

/** The colour jsdom computes, in the `rgb()` form MUI's hex colours come out as. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('CharacterCount', () => {
  it('counts in the reader’s number format', () => {
    const { unmount } = renderWithProviders(<Counted length={1234} max={5000} focused />);
    expect(screen.getByTestId('character-count')).toHaveTextContent('1,234 / 5,000');
    unmount();
    renderWithProviders(<Counted length={1234} max={5000} focused />, { language: 'nl' });
    expect(screen.getByTestId('character-count')).toHaveTextContent('1.234 / 5.000');
  });

  it('shows the count while the field has focus or once the text passes 80 % of the limit, keeping its place otherwise', async () => {
    const { user } = renderWithProviders(<CountedForm max={100} />);
    const count = screen.getByTestId('character-count');
    // Hidden but in the layout: nothing under the field moves when it appears.
    expect(count).not.toBeVisible();
    expect(count).toHaveTextContent('0 / 100');
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    expect(count).toBeVisible();
    await user.keyboard('abc');
    expect(count).toHaveTextContent('3 / 100');
    await user.tab();
    expect(count).not.toBeVisible();
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.paste('x'.repeat(77));
    await user.tab();
    expect(count).toHaveTextContent('80 / 100');
    expect(count).toBeVisible();
  });

  it('turns the error colour past the limit', () => {
    const { palette } = createAppTheme('light');
    const { unmount } = renderWithProviders(<Counted length={100} max={100} />);
    expect(getComputedStyle(screen.getByTestId('character-count')).color).toBe(palette.text.secondary);
    unmount();
    renderWithProviders(<Counted length={101} max={100} />);
    expect(getComputedStyle(screen.getByTestId('character-count')).color).toBe(rgb(palette.error.main));
  });

  it('tells screen readers when the text crosses the limit, not on each keystroke, and keeps the count out of the field’s description', async () => {
    const { user } = renderWithProviders(<CountedForm max={5} />);
    const field = screen.getByRole('textbox', { name: 'Note' });
    const announcement = screen.getByTestId('character-count-announcement');
    expect(announcement).toHaveAttribute('aria-live', 'polite');
    await user.click(field);
    await user.keyboard('12345');
    expect(announcement).toHaveTextContent('');
    expect(field).toHaveAccessibleDescription('Say why.');
    await user.keyboard('6');
    expect(announcement).toHaveTextContent('Over the limit of 5 characters');
    await user.keyboard('78');
    expect(announcement).toHaveTextContent('Over the limit of 5 characters');
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    expect(announcement).toHaveTextContent('Within the limit of 5 characters again');
  });

  it('says nothing for a text already over the limit when the form opens', () => {
    renderWithProviders(<CountedForm max={5} initial="123456" />);
    expect(screen.getByTestId('character-count-announcement')).toHaveTextContent('');
    expect(screen.getByTestId('character-count')).toBeVisible();
    expect(screen.getByTestId('character-count')).toHaveAttribute('data-over', 'true');
  });
});

describe('maxLengthOf', () => {
  it('reads the limit off the contract’s schema, through nullable, default and trim', () => {
    expect(maxLengthOf(shortText(300))).toBe(300);
    expect(maxLengthOf(Actor.shape.purpose)).toBe(5_000);
    expect(maxLengthOf(HarmEvidenceItem.shape.description)).toBe(5_000);
    expect(maxLengthOf(CommentInput.shape.text)).toBe(5_000);
    expect(maxLengthOf(DecisionFields.shape.rationale)).toBe(10_000);
    expect(maxLengthOf(DecisionFields.shape.overrideJustification)).toBe(10_000);
    expect(maxLengthOf(SubmitInput.shape.note)).toBe(5_000);
  });

  it('refuses a schema without a limit', () => {
    expect(() => maxLengthOf(CommentInput.shape.mentions)).toThrow(/no maximum length/);
  });
});
