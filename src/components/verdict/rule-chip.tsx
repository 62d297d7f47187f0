// A rule id that shows the policy sentence it stands for on hover and on keyboard focus.
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import type { RuleId } from '../../engine/verdict';

export function RuleChip({ rule, color = 'default' }: { rule: RuleId; color?: 'default' | 'success' | 'error' | 'warning' }) {
  const { t } = useTranslation('policy');
  const sentence = t(`rule.${rule}`);
  return (
    <Tooltip title={sentence} describeChild>
      <Chip
        component="span"
        size="small"
        label={rule}
        color={color}
        variant="outlined"
        tabIndex={0}
        aria-label={`${rule}: ${sentence}`}
        sx={{ fontFamily: 'monospace', fontWeight: 700 }}
      />
    </Tooltip>
  );
}
