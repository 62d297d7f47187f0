// R6a: a harm evidence item names the coordination signals whose results it shows — the link the
// policy asks for between coordination and harm ("evidence that the results of that coordination
// cause harm"). A multiple choice of the case's signals; a signal removed since is named as such.
import Checkbox from '@mui/material/Checkbox';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HarmCategory } from '../../engine/policy-terms';
import type { CaseFormValues } from './case-content';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';

const SHORT = 70;

export function EvidenceSignalsField({ category, index }: { category: HarmCategory; index: number }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const name = `harm.${category}.evidence.${index}.signalIds` as const;
  const { field } = useController<CaseFormValues, typeof name>({ name });
  const signals = useWatch<CaseFormValues, 'signals'>({ name: 'signals' }).items;
  const chosen = field.value ?? [];
  const labelOf = (id: string): string => {
    const signal = signals.find((candidate) => candidate.id === id);
    if (!signal) return t('harm.evidenceSignalRemoved', { id });
    const text = signal.description.trim() || t(`policy:technique.${signal.technique}`);
    return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
  };
  // Known signals first, in the board's order; then any chosen one that no longer exists.
  const options = [...signals.map((signal) => signal.id), ...chosen.filter((id) => !signals.some((signal) => signal.id === id))];
  return (
    <TextField
      id={fieldId(name)}
      select
      fullWidth
      label={t('harm.evidenceSignals')}
      helperText={signals.length === 0 ? t('harm.evidenceSignalsNone') : t('harm.evidenceSignalsHelp')}
      value={chosen}
      onChange={(event) => {
        const value = event.target.value as unknown;
        field.onChange(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
      }}
      onBlur={field.onBlur}
      disabled={readOnly || options.length === 0}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (selected) => (selected as string[]).map(labelOf).join('; '),
        },
      }}
    >
      {options.map((id) => (
        <MenuItem key={id} value={id}>
          <Checkbox checked={chosen.includes(id)} size="small" tabIndex={-1} disableRipple slotProps={{ input: { 'aria-hidden': true } }} />
          <ListItemText primary={labelOf(id)} />
        </MenuItem>
      ))}
    </TextField>
  );
}
