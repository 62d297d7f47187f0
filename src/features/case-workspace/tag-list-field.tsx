// A list of short entries (aliases, hashtags, accounts) typed one by one: Enter or a comma adds, a
// pasted list is split on commas and new lines, each entry is checked before it becomes a chip.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useController, type FieldPathByValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TagList } from '../../api/contract/primitives';
import { useErrorText } from '../../components/api-error-text';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

export interface TagListInputProps {
  id: string;
  label: string;
  helperText?: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  /** Checks and normalises one entry (e.g. strips `@` from a handle). */
  entrySchema?: z.ZodType<string, string>;
  error?: string | undefined;
  readOnly?: boolean;
  required?: boolean;
}

export function TagListInput({ id, label, helperText, value, onChange, onBlur, entrySchema = TagList.element, error, readOnly, required }: TagListInputProps) {
  const { t } = useTranslation('workspace');
  const { fieldError } = useErrorText();
  const [draft, setDraft] = useState('');
  const [entryError, setEntryError] = useState<string | null>(null);

  const add = (texts: string[]): boolean => {
    const next = [...value];
    for (const text of texts.map((entry) => entry.trim()).filter(Boolean)) {
      const parsed = entrySchema.safeParse(text);
      if (!parsed.success) {
        setEntryError(fieldError(parsed.error.issues[0]?.message) ?? null);
        setDraft(text);
        if (next.length !== value.length) onChange(next);
        return false;
      }
      if (!next.includes(parsed.data)) next.push(parsed.data);
    }
    setEntryError(null);
    setDraft('');
    if (next.length !== value.length) onChange(next);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add([draft]);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[,\n]/.test(text)) return;
    event.preventDefault();
    add(text.split(/[,\n]/));
  };

  const message = entryError ?? error;
  const listId = `${id}-entries`;
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <TextField
        id={id}
        label={label}
        value={draft}
        fullWidth
        required={required}
        onChange={(event) => {
          setDraft(event.target.value);
          setEntryError(null);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          if (draft.trim()) add([draft]);
          onBlur?.();
        }}
        error={!!message}
        helperText={message ?? helperText ?? (readOnly ? undefined : t('tags.help'))}
        slotProps={{ htmlInput: { readOnly } }}
      />
      {value.length > 0 && (
        <Box component="ul" id={listId} aria-label={t('tags.entries', { label })} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0, mt: 1 }}>
          {value.map((entry) => (
            <li key={entry}>
              {readOnly ? (
                <Chip size="small" label={entry} />
              ) : (
                <Chip
                  size="small"
                  label={entry}
                  aria-label={t('tags.remove', { value: entry })}
                  onClick={() => onChange(value.filter((other) => other !== entry))}
                  onDelete={() => onChange(value.filter((other) => other !== entry))}
                />
              )}
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

type TagListPath = FieldPathByValue<CaseFormValues, string[]>;

/** A TagListInput bound to a list field of the case form. */
export function FormTagListField({ name, label, helperText }: { name: TagListPath; label: string; helperText?: string }) {
  const { readOnly } = useWorkspace();
  const { fieldError } = useErrorText();
  const { field, fieldState } = useController<CaseFormValues, TagListPath>({ name });
  const entryMessage = Array.isArray(fieldState.error)
    ? (fieldState.error as ({ message?: string } | undefined)[]).find((entry) => entry?.message)?.message
    : fieldState.error?.message;
  return (
    <TagListInput
      id={fieldId(name)}
      label={label}
      helperText={helperText}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldError(entryMessage)}
      readOnly={readOnly}
    />
  );
}
