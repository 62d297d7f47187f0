// The notice after a change made on the case page with one click (a removal, a move): announced
// politely, visible, and with the one action that helps (Undo a removal, Edit a moved signal). The
// evidence board and the harm evidence items share it, so every removal there can be undone the same way.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActionNotice {
  message: string;
  /** `warning` when the change needs the user's eye (a signal flagged by R1 after a move). */
  severity?: 'info' | 'warning';
  action?: { label: string; run: () => void };
}

export function useActionNotice() {
  const { t } = useTranslation('workspace');
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  /** A removal that "Undo" takes back: `restore` puts it back, then `restoredMessage` is announced. */
  const announceUndoable = useCallback(
    (message: string, restore: () => void, restoredMessage: string) =>
      setNotice({
        message,
        action: {
          label: t('board.undo'),
          run: () => {
            restore();
            setNotice({ message: restoredMessage });
          },
        },
      }),
    [t],
  );
  return { notice, setNotice, announceUndoable };
}

export function ActionNoticeOutput({ notice, onClose }: { notice: ActionNotice | null; onClose: () => void }) {
  return (
    <Box component="output" aria-live="polite" aria-atomic="true" sx={{ display: 'block' }}>
      {notice && (
        <Alert
          severity={notice.severity ?? 'info'}
          onClose={onClose}
          action={
            notice.action ? (
              <Button color="inherit" size="small" onClick={notice.action.run}>
                {notice.action.label}
              </Button>
            ) : undefined
          }
        >
          {notice.message}
        </Alert>
      )}
    </Box>
  );
}
