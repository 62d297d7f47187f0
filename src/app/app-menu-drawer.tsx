// Small screens (issue 15 §7): the top bar's navigation and settings in a drawer from the left, opened
// by the bar's menu button. Loaded when first opened (a Drawer brings Modal, FocusTrap and the slide),
// so the first page stays under its budget; the shell hands in what the drawer holds.
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface AppMenuDrawerProps {
  id: string;
  open: boolean;
  onClose: () => void;
  /** The main navigation, laid out as a column. */
  navigation: ReactNode;
  /** Identity, demo data, language and theme. */
  settings: ReactNode;
}

export function AppMenuDrawer({ id, open, onClose, navigation, settings }: AppMenuDrawerProps) {
  const { t } = useTranslation('common');
  const titleId = `${id}-title`;
  return (
    // Closing gives the focus back to the menu button (the modal returns it where it was when opened).
    <Drawer
      anchor="left"
      open={open}
      onClose={onClose}
      slotProps={{
        paper: { id, role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId, sx: { width: 'min(320px, calc(100vw - 48px))', p: 2 } },
      }}
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography id={titleId} variant="h6" component="h2" sx={{ fontWeight: 700 }}>
          {t('menu.title')}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('menu.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {navigation}
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" component="h3" color="text.secondary" sx={{ mb: 1 }}>
        {t('menu.settings')}
      </Typography>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 2 }}>{settings}</Box>
    </Drawer>
  );
}
