// A rule id that shows the policy sentence it stands for on hover, on keyboard focus and on a tap
// (issue 15 §9): a button named "R7: <the sentence>", so a screen reader reads the sentence, not "R7".
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleId } from '../../engine/verdict';

export function RuleChip({ rule, color = 'default' }: { rule: RuleId; color?: 'default' | 'success' | 'error' | 'warning' }) {
  const { t } = useTranslation('policy');
  const sentence = t(`rule.${rule}`);
  // Opened by hover and focus as a tooltip is, and by a tap or Enter on touch screens and keyboards.
  const [open, setOpen] = useState(false);
  return (
    <Tooltip title={sentence} describeChild open={open} onOpen={() => setOpen(true)} onClose={() => setOpen(false)}>
      <Chip
        component="button"
        type="button"
        size="small"
        label={rule}
        color={color}
        variant="outlined"
        clickable
        onClick={() => setOpen((shown) => !shown)}
        aria-label={`${rule}: ${sentence}`}
        sx={{ fontFamily: 'monospace', fontWeight: 700 }}
      />
    </Tooltip>
  );
}
