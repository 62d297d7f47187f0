// A small outlined search box. Not TextField: that one imports every input variant and the menu
// select whether used or not.
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId } from 'react';

export function SearchField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <FormControl size="small">
      <InputLabel htmlFor={id}>{label}</InputLabel>
      <OutlinedInput id={id} type="search" label={label} value={value} onChange={(event) => onChange(event.target.value)} />
    </FormControl>
  );
}
