// The conflict view (issue 4 §6): after a 412, every field where the user's edits and the server's
// newer version differ, side by side; "keep mine" / "take theirs" per field or for all, then one save
// based on the server's version. Nothing is overwritten without the user seeing it.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/client/case-queries';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { contentOf } from './case-content';
import { defaultChoice, defaultChoices, diffContent, mergeContent, type ContentDifference, type Side } from './content-diff';
import { differenceLabel, sideText } from './conflict-labels';

export interface ConflictDialogProps {
  mine: CaseContent;
  theirs: CaseDocument;
  base: CaseContent | null;
  onResolve: (merged: CaseContent) => void;
  onLater: () => void;
}

export function ConflictDialog({ mine, theirs, base, onResolve, onLater }: ConflictDialogProps) {
  const { t, i18n } = useTranslation(['workspace', 'policy']);
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('md'));
  const theirContent = useMemo(() => contentOf(theirs), [theirs]);
  const differences = useMemo(() => diffContent(mine, theirContent, base), [mine, theirContent, base]);
  const [choices, setChoices] = useState<Record<string, Side>>(() => defaultChoices(differences));
  const choose = (key: string, side: Side) => setChoices((current) => ({ ...current, [key]: side }));
  const chooseAll = (side: Side) => setChoices(Object.fromEntries(differences.map((difference) => [difference.key, side])));
  const users = useUsers();
  const author = users.data?.find((user) => user.id === theirs.updatedBy)?.name ?? theirs.updatedBy;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(theirs.updatedAt));

  return (
    <Dialog open fullScreen={narrow} fullWidth maxWidth="lg" aria-labelledby="conflict-title" aria-describedby="conflict-intro" onClose={onLater}>
      <DialogTitle id="conflict-title">{t('conflict.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography id="conflict-intro" sx={{ mb: 2 }}>
          {t('conflict.intro', { user: author, version: theirs.version, time: when })}
        </Typography>
        {differences.length === 0 ? (
          <Typography>{t('conflict.noDifferences')}</Typography>
        ) : (
          <>
            <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
              <Button variant="outlined" onClick={() => chooseAll('mine')}>{t('conflict.allMine')}</Button>
              <Button variant="outlined" onClick={() => chooseAll('theirs')}>{t('conflict.allTheirs')}</Button>
            </Stack>
            <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('conflict.listLabel', { count: differences.length })}>
              {differences.map((difference) => (
                <DifferenceRow key={difference.key} difference={difference} choice={choices[difference.key] ?? defaultChoice(difference)} onChoose={choose} />
              ))}
            </Stack>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onLater}>{t('conflict.later')}</Button>
        <Button variant="contained" onClick={() => onResolve(mergeContent(mine, theirContent, differences, choices))}>
          {t('conflict.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function DifferenceRow({ difference, choice, onChoose }: { difference: ContentDifference; choice: Side; onChoose: (key: string, side: Side) => void }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const label = differenceLabel(difference, t);
  const labelId = `conflict-${difference.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <Box component="li" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid="conflict-row" data-path={difference.key}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" id={labelId}>{label}</Typography>
        <Chip size="small" variant="outlined" label={t(`conflict.changedBy.${difference.changedBy}`)} />
      </Stack>
      <RadioGroup aria-labelledby={labelId} value={choice} onChange={(event) => onChoose(difference.key, event.target.value as Side)}>
        <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          {(['mine', 'theirs'] as const).map((side) => (
            <Box key={side} sx={{ border: 1, borderRadius: 1, p: 1, borderColor: choice === side ? 'primary.main' : 'divider', bgcolor: choice === side ? 'action.selected' : 'transparent' }}>
              <FormControlLabel value={side} control={<Radio />} label={side === 'mine' ? t('conflict.keepMine') : t('conflict.takeTheirs')} />
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', }} data-side={side}>
                {sideText(difference, side, t)}
              </Typography>
            </Box>
          ))}
        </Box>
      </RadioGroup>
    </Box>
  );
}
