// A select that filters a list: an "any" entry first, then the options; empty means no filter.
// Native, like the top bar's: MUI's menu select brings Menu, Popover and Modal to the first page.
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId } from 'react';

export interface FilterSelectProps {
  label: string;
  /** The text of the entry that clears the filter. */
  anyLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  minWidth?: number;
}

export function FilterSelect({ label, anyLabel, value, options, onChange, minWidth = 200 }: FilterSelectProps) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth }}>
      {/* A native select always shows its value, so the label stays up. */}
      <InputLabel htmlFor={id} shrink>
        {label}
      </InputLabel>
      <NativeSelect
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
        input={<OutlinedInput label={label} notched />}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}
