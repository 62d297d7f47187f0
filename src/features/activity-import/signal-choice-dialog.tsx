// Kind and technique of the signal made from a cluster, the detectors' suggestion preselected; the
// analyst's choice wins (R1 leaves it to a person whether a pattern is technical or social).
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL_KINDS, TECHNIQUES_BY_KIND, type SignalKind, type SignalTechnique } from '../../engine/policy-terms';

export interface SignalChoice {
  kind: SignalKind;
  technique: SignalTechnique;
}

export interface SignalChoiceDialogProps {
  rank: number;
  initial: SignalChoice;
  mode: 'add' | 'edit';
  busy: boolean;
  onConfirm: (choice: SignalChoice) => void;
  onClose: () => void;
  /**
   * Issue 16 §1: whether the signal will keep the cluster's activity timeline (`kept`), cannot
   * (`not-kept`: the import is from an earlier session, so the dialog says so), or already does.
   */
  activity?: 'kept' | 'not-kept' | null;
}

/** Mounted only while open, so each opening starts from `initial`. */
export function SignalChoiceDialog({ rank, initial, mode, busy, onConfirm, onClose, activity = null }: SignalChoiceDialogProps) {
  const { t } = useTranslation(['activityImport', 'policy', 'common']);
  const [choice, setChoice] = useState<SignalChoice>(initial);
  const techniques: readonly SignalTechnique[] = TECHNIQUES_BY_KIND[choice.kind];

  const setKind = (kind: SignalKind) => {
    const options: readonly SignalTechnique[] = TECHNIQUES_BY_KIND[kind];
    // Keep the technique when it belongs to the new kind; otherwise take the kind's first.
    setChoice({ kind, technique: options.includes(choice.technique) ? choice.technique : (options[0] ?? choice.technique) });
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="signal-choice-title" aria-describedby="signal-choice-intro" fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(choice);
        }}
      >
        <DialogTitle id="signal-choice-title">{t('signal.dialogTitle', { rank })}</DialogTitle>
        <DialogContent>
          <DialogContentText id="signal-choice-intro" sx={{ mb: 2 }}>
            {t('signal.dialogIntro')}
          </DialogContentText>
          {activity === 'kept' && (
            <DialogContentText variant="body2" sx={{ mb: 2 }}>
              {t('activity.kept')}
            </DialogContentText>
          )}
          {activity === 'not-kept' && (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="signal-choice-activity">
              {t('activity.notKept')}
            </Alert>
          )}
          <FormControl component="fieldset">
            <FormLabel component="legend">{t('signal.kind')}</FormLabel>
            <RadioGroup row name="signal-kind" value={choice.kind} onChange={(event) => {
              const kind = SIGNAL_KINDS.find((k) => k === event.target.value);
              if (kind) setKind(kind);
            }}>
              {SIGNAL_KINDS.map((kind) => (
                <FormControlLabel key={kind} value={kind} control={<Radio />} label={t(`policy:signalKind.${kind}`)} />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            select
            fullWidth
            sx={{ mt: 2 }}
            label={t('signal.technique')}
            value={choice.technique}
            onChange={(event) => {
              const technique = techniques.find((option) => option === event.target.value);
              if (technique) setChoice({ ...choice, technique });
            }}
          >
            {techniques.map((technique) => (
              <MenuItem key={technique} value={technique}>
                {t(`policy:technique.${technique}`)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {mode === 'add' ? t('signal.add') : t('signal.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
