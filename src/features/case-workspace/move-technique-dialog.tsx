// Moving a signal to a lane of the other kind (by drag or the "Move to…" menu): its technique belongs to
// the kind it leaves (R1), so the analyst chooses a technique of the new kind, keeps the one it has (the
// engine then flags the signal until kind and technique agree), or leaves the signal where it is.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationSignal } from '../../api/contract/case';
import { TECHNIQUES_BY_KIND, type SignalTechnique } from '../../engine/policy-terms';
import { laneById, type LaneId } from './board-model';

export type MoveTechniqueChoice = { kind: 'keep' } | { kind: 'technique'; technique: SignalTechnique };

export interface MoveTechniqueDialogProps {
  signal: CoordinationSignal;
  lane: LaneId;
  laneName: string;
  onChoose: (choice: MoveTechniqueChoice) => void;
  onCancel: () => void;
}

export function MoveTechniqueDialog({ signal, lane, laneName, onChoose, onCancel }: MoveTechniqueDialogProps) {
  const { t } = useTranslation(['workspace', 'policy', 'common']);
  const { kind } = laneById(lane);
  const [choice, setChoice] = useState<SignalTechnique | ''>('');
  const [missing, setMissing] = useState(false);
  const techniques: readonly SignalTechnique[] = TECHNIQUES_BY_KIND[kind];
  const technique = t(`policy:technique.${signal.technique}`);
  const kindName = t(`policy:signalKindShort.${kind}`);
  const titleId = 'move-technique-title';

  const move = () => {
    if (choice === '') {
      setMissing(true);
      return;
    }
    onChoose({ kind: 'technique', technique: choice });
  };

  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm" aria-labelledby={titleId} aria-describedby="move-technique-why">
      <DialogTitle id={titleId}>{t('board.moveDialog.title', { technique, lane: laneName })}</DialogTitle>
      <DialogContent>
        <DialogContentText id="move-technique-why" sx={{ mb: 2 }}>
          {t('board.moveDialog.why', { technique, from: t(`policy:signalKindShort.${signal.kind}`), kind: kindName })}
        </DialogContentText>
        <FormControl error={missing} component="fieldset" variant="standard">
          <FormLabel component="legend">{t('board.moveDialog.choose', { kind: kindName })}</FormLabel>
          <RadioGroup
            name="move-technique"
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value as SignalTechnique);
              setMissing(false);
            }}
          >
            {techniques.map((option) => (
              <FormControlLabel key={option} value={option} control={<Radio />} label={t(`policy:technique.${option}`)} />
            ))}
          </RadioGroup>
          {missing && <FormHelperText>{t('board.moveDialog.chooseFirst')}</FormHelperText>}
        </FormControl>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onCancel}>{t('board.moveDialog.cancel')}</Button>
        <Button onClick={() => onChoose({ kind: 'keep' })}>{t('board.moveDialog.keep', { technique })}</Button>
        <Button variant="contained" onClick={move}>{t('board.moveDialog.move')}</Button>
      </DialogActions>
    </Dialog>
  );
}
