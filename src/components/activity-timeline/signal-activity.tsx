// Issue 16 §1: the activity timeline a detected signal keeps, drawn from its snapshot: inline (the
// review) or in a dialog (the evidence board, whose cards have a fixed height). Loaded lazily by both,
// so the board and the review page do not carry the timeline's code until it is opened.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalActivityModel } from '../../engine/case-model';
import { ActivityTimeline } from './activity-timeline';
import { fromSignalActivity } from './activity-timeline-model';

export function SignalActivityTimeline({ activity, headingLevel = 'h4', title, visibleRows = 8 }: {
  activity: SignalActivityModel;
  headingLevel?: 'h2' | 'h3' | 'h4';
  title?: string;
  visibleRows?: number;
}) {
  const model = useMemo(() => fromSignalActivity(activity), [activity]);
  return <ActivityTimeline model={model} headingLevel={headingLevel} title={title} visibleRows={visibleRows} />;
}

/** The snapshot in a dialog; `name` says which signal (its technique and first account). */
export function SignalActivityDialog({ activity, name, onClose }: { activity: SignalActivityModel; name: string; onClose: () => void }) {
  const { t } = useTranslation('activityTimeline');
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const titleId = useId();
  const introId = useId();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" fullScreen={fullScreen} aria-labelledby={titleId} aria-describedby={introId}>
      <DialogTitle id={titleId}>
        {t('snapshot.dialogTitle')}: {name}
      </DialogTitle>
      <DialogContent>
        <Typography id={introId} variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('snapshot.dialogIntro')}
        </Typography>
        <SignalActivityTimeline activity={activity} headingLevel="h3" visibleRows={10} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('snapshot.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
