// Msw mode only: tells the user that the mock backend set aside stored records it could not read
// (kept in quarantine, not deleted) and how to start over instead (issue 14, defect 3).
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useStorageHealth } from '../api/client/dev-storage-queries';

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
