// Msw mode only: tells the user that the mock backend set aside stored records it could not read
// (kept in quarantine, not deleted) and how to start over instead (issue 14, defect 3), and the top
// bar's "Reset demo data…" (issue 15 §10), confirmed in a dialog because it drops this browser's data.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetDemoData, useStorageHealth } from '../api/client/dev-storage-queries';
import { ErrorAlert } from '../components/error-alert';

export function StorageNotice() {
  const { t } = useTranslation('common');
  const { data } = useStorageHealth();
  const count = data?.quarantined.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert severity="warning" sx={{ borderRadius: 0, '@media print': { display: 'none' } }}>
      {t('storage.quarantined', { count })} {t('storage.startOver')}
    </Alert>
  );
}

export function DemoDataReset() {
  const { t } = useTranslation('common');
  const reset = useResetDemoData();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="inherit" size="small" onClick={() => setOpen(true)}>
        {t('storage.reset')}
      </Button>
      <output aria-live="polite">{reset.isSuccess && !open && <span style={{ fontSize: '0.875rem' }}>{t('storage.resetDone')}</span>}</output>
      <Dialog open={open} onClose={reset.isPending ? undefined : () => setOpen(false)} aria-labelledby="reset-demo-title" aria-describedby="reset-demo-text">
        <DialogTitle id="reset-demo-title">{t('storage.resetTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="reset-demo-text">{t('storage.resetText')}</DialogContentText>
          {reset.error && <ErrorAlert error={reset.error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={reset.isPending}>
            {t('actions.cancel')}
          </Button>
          <Button
            variant="contained"
            color="error"
            disabled={reset.isPending}
            onClick={() => reset.mutate(undefined, { onSuccess: () => setOpen(false) })}
          >
            {t('storage.resetConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
