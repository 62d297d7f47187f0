// A small outlined search box. Not TextField: that one imports every input variant and the menu
// select whether used or not.
//
// The value a page passes usually lives in the URL, which changes a moment after each key press; an
// input bound to it straight away was set back to the older value between two fast key presses and
// dropped characters ("abc def" became "adf"). While the field has the focus it shows what is typed;
// otherwise what the page says (so "Clear filters" or going back shows there).
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId, useState } from 'react';

export function SearchField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <FormControl size="small">
      <InputLabel htmlFor={id}>{label}</InputLabel>
      <OutlinedInput
        id={id}
        type="search"
        label={label}
        value={typed ?? value}
        onFocus={() => setTyped(value)}
        onBlur={() => setTyped(null)}
        onChange={(event) => {
          setTyped(event.target.value);
          onChange(event.target.value);
        }}
      />
    </FormControl>
  );
}
