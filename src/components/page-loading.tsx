// What a screen shows while its code or texts load. Offline they wait for the network (app/
// load-when-online.ts), so the text says why nothing comes and that the screen will appear by itself.
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../api/client/online-status';

export function PageLoading() {
  const { t } = useTranslation('common');
  const online = useOnline();
  return (
    <Box component="output" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 4 }}>
      <CircularProgress size={24} aria-hidden />
      <span>{online ? t('loading') : t('offline.screenWaiting')}</span>
    </Box>
  );
}
