// The visible autosave state (issue 4 §5): saved, saving, pending, offline, retrying, fields needing
// attention, rejected, conflict. Announced politely; the actions the state allows sit beside it.
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import LockIcon from '@mui/icons-material/Lock';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useErrorText } from '../../components/api-error-text';
import type { CaseAutosave, SaveStatus } from './autosave-controller';

const ICON: Record<SaveStatus, ReactNode> = {
  saved: <CloudDoneIcon color="success" fontSize="small" />,
  pending: <CloudUploadIcon color="action" fontSize="small" />,
  saving: <CloudUploadIcon color="primary" fontSize="small" />,
  offline: <CloudOffIcon color="warning" fontSize="small" />,
  retrying: <SyncProblemIcon color="warning" fontSize="small" />,
  invalid: <ErrorOutlineIcon color="warning" fontSize="small" />,
  error: <ErrorOutlineIcon color="error" fontSize="small" />,
  conflict: <SyncProblemIcon color="error" fontSize="small" />,
  readonly: <LockIcon color="action" fontSize="small" />,
};

export function SaveStatusIndicator({ autosave, onShowField, onOpenConflict }: {
  autosave: CaseAutosave;
  onShowField: (path: string) => void;
  onOpenConflict: () => void;
}) {
  const { t, i18n } = useTranslation('workspace');
  const { apiError } = useErrorText();
  const state = useStore(autosave.store);
  const time = state.lastSavedAt
    ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(state.lastSavedAt))
    : null;

  let text: string;
  let action: ReactNode = null;
  switch (state.status) {
    case 'saved':
      text = time ? t('save.savedAt', { version: state.baseVersion, time }) : t('save.saved', { version: state.baseVersion });
      break;
    case 'pending':
      text = state.restored ? t('save.restored') : t('save.pending');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'offline':
      text = t('save.offline');
      break;
    case 'retrying':
      text = `${apiError(state.error)} ${t('save.retrying')}`;
      action = <Button size="small" onClick={() => void autosave.flush()}>{t('save.retryNow')}</Button>;
      break;
    case 'invalid':
      text = t('save.invalid', { count: state.invalidPaths.length });
      action = state.invalidPaths[0] !== undefined
        ? <Button size="small" onClick={() => onShowField(state.invalidPaths[0] ?? '')}>{t('save.showField')}</Button>
        : null;
      break;
    case 'error':
      text = `${apiError(state.error)} ${t('save.keptLocally')}`;
      action = <Button size="small" onClick={() => void autosave.flush()}>{t('save.retryNow')}</Button>;
      break;
    case 'conflict':
      text = t('save.conflict', { version: state.conflictVersion ?? '?' });
      action = <Button size="small" variant="contained" color="error" onClick={onOpenConflict}>{t('save.resolve')}</Button>;
      break;
    case 'readonly':
      text = t('save.readonly');
      break;
  }

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid="save-status" data-status={state.status}>
      <Box component="output" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {ICON[state.status]}
        <Typography variant="body2">{text}</Typography>
      </Box>
      {!state.keptLocally && (
        <Typography variant="body2" color="error">{t('save.notKeptLocally')}</Typography>
      )}
      {action}
    </Box>
  );
}
