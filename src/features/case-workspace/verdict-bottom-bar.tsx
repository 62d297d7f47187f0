// Small screens (issue 15 §7): the live verdict one tap away. A bar fixed to the bottom of the case
// page shows the outcome the live panel computed (published by the panel, not evaluated again here)
// and opens the panel's drawer; the page leaves room for it (BOTTOM_BAR_SPACE).
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import GavelIcon from '@mui/icons-material/Gavel';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { VerdictChip } from '../../components/case-chips';
import { useVerdictAnnouncement } from '../../components/verdict/use-verdict-announcement';
import type { LiveVerdictStore } from '../../components/verdict/live-verdict';
import { visuallyHidden } from '../../components/visually-hidden';
import type { VerdictOutcome } from '../../engine/policy-terms';

const BAR_HEIGHT = 56;

/** What the page below the bar keeps free at its end, so the bar never covers content. */
export const BOTTOM_BAR_SPACE = `calc(${BAR_HEIGHT}px + env(safe-area-inset-bottom, 0px))`;

export function VerdictBottomBar({ store, onOpen }: { store: LiveVerdictStore; onOpen: () => void }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const outcome = useStore(store, (s) => s.verdict?.outcome ?? null);
  const verdict = outcome ? t(`policy:verdict.${outcome}`) : null;
  return (
    <Paper
      square
      elevation={8}
      sx={{
        position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 'appBar',
        pb: 'env(safe-area-inset-bottom, 0px)',
        '@media print': { display: 'none' },
      }}
    >
      <Button
        fullWidth
        color="inherit"
        onClick={onOpen}
        data-testid="verdict-bottom-bar"
        data-outcome={outcome ?? undefined}
        // Its visible words, in order, with the verdict: "Designation panel: Not recommended".
        aria-label={verdict ? t('panel.openWithVerdict', { verdict }) : t('panel.open')}
        startIcon={<GavelIcon />}
        endIcon={<ExpandLessIcon />}
        sx={{ height: BAR_HEIGHT, px: 2, borderRadius: 0, textTransform: 'none', justifyContent: 'flex-start' }}
      >
        {/* The name over the verdict: side by side, 390 px cut "Designation recommended" short. */}
        <Box component="span" sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.25 }}>
          <Box component="span" sx={{ typography: 'caption', fontWeight: 700, lineHeight: 1.3 }}>
            {t('panel.open')}
          </Box>
          {outcome && <VerdictChip outcome={outcome} />}
        </Box>
      </Button>
      {outcome && <VerdictChangeAnnouncement outcome={outcome} />}
    </Paper>
  );
}

/** While the panel is shut (its own live region hidden with it), a change of verdict is still heard. */
function VerdictChangeAnnouncement({ outcome }: { outcome: VerdictOutcome }) {
  const { t } = useTranslation(['engine', 'policy']);
  const announced = useVerdictAnnouncement(outcome);
  return (
    <Box component="output" aria-live="polite" sx={visuallyHidden}>
      {announced ? t('engine:panel.announce', { verdict: t(`policy:verdict.${announced}`) }) : ''}
    </Box>
  );
}
