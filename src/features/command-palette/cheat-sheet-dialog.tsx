// The `?` dialog: every keyboard shortcut and what it does (issue 15 §5: "every shortcut listed").
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../components/visually-hidden';
import { CHEAT_SHEET } from './cheat-sheet-entries';
import { KeySequence } from './key-sequence';

export function CheatSheetDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('commandPalette');
  const id = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`} fullWidth maxWidth="md">
      <DialogTitle id={`${id}-title`}>{t('cheatSheet.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-intro`} sx={{ mb: 2 }}>
          {t('cheatSheet.intro')}
        </DialogContentText>
        <Table size="small">
          <caption style={visuallyHidden}>{t('cheatSheet.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('cheatSheet.columns.keys')}</TableCell>
              <TableCell component="th" scope="col">{t('cheatSheet.columns.action')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {CHEAT_SHEET.map((entry) => (
              <TableRow key={entry.action} data-testid={`shortcut-${entry.action}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {entry.keys.map((sequence, index) => (
                    <Fragment key={sequence.join(' ')}>
                      {index > 0 && ` ${t('cheatSheet.or')} `}
                      <KeySequence keys={sequence} />
                    </Fragment>
                  ))}
                </TableCell>
                <TableCell>{t(`cheatSheet.actions.${entry.action}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cheatSheet.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
