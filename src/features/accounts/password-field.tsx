// A password input as every account form wants it: masked, required, the browser told whether it is
// the current password or a new one (so password managers fill or suggest), and one error text that
// is the form's own check or the server's refusal, with an optional hint when there is none.
import TextField, { type TextFieldProps } from '@mui/material/TextField';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'required' | 'error' | 'helperText' | 'autoComplete'> & {
  autoComplete: 'current-password' | 'new-password';
  /** What is wrong, in words; undefined when nothing is. */
  problem: string | undefined;
  hint?: string;
};

export function PasswordField({ problem, hint, ...props }: PasswordFieldProps) {
  return <TextField {...props} type="password" required error={problem !== undefined} helperText={problem ?? hint} />;
}
