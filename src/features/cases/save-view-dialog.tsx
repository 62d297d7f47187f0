// "Save view…": names the case list's current filters and sort. Loaded when first wanted, not with the list.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEW_NAME_MAX } from './saved-views';

/** The dialog opens with the focus in its field (MUI's focus trap then leaves it there, and restores it on close). */
const focusOnMount = (input: HTMLInputElement | null) => input?.focus();

export function SaveViewDialog({
  open,
  names,
  onClose,
  onSave,
}: {
  open: boolean;
  /** The names of the views already saved: saving under one of them replaces it. */
  names: readonly string[];
  onClose: () => void;
  onSave: (name: string) => void;
}) {
  const { t } = useTranslation(['cases', 'common']);
  const titleId = useId();
  const introId = useId();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const trimmed = name.trim();
  const replaces = names.some((existing) => existing.toLocaleLowerCase() === trimmed.toLocaleLowerCase());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '') {
      setMissing(true);
      return;
    }
    onSave(trimmed);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      aria-labelledby={titleId}
      aria-describedby={introId}
      slotProps={{
        transition: {
          onExited: () => {
            setName('');
            setMissing(false);
          },
        },
      }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('views.dialogTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id={introId} sx={{ mb: 2 }}>
            {t('views.dialogIntro')}
          </DialogContentText>
          <TextField
            inputRef={focusOnMount}
            fullWidth
            required
            label={t('views.name')}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setMissing(false);
            }}
            error={missing}
            helperText={missing ? t('views.nameRequired') : replaces ? t('views.replaces') : ' '}
            slotProps={{ htmlInput: { maxLength: VIEW_NAME_MAX } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('views.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
