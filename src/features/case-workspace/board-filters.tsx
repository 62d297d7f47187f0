// Filters of the evidence board: evidence state and strength (any combination), and one account.
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_STATES, SIGNAL_STRENGTHS } from '../../engine/policy-terms';
import { useBoardStore } from './board-store';

export function BoardFilters() {
  const { t } = useTranslation(['workspace', 'policy']);
  const filters = useBoardStore((s) => s.filters);
  const toggleState = useBoardStore((s) => s.toggleState);
  const toggleStrength = useBoardStore((s) => s.toggleStrength);
  const setAccountFilter = useBoardStore((s) => s.setAccountFilter);
  const clearFilters = useBoardStore((s) => s.clearFilters);
  const active = filters.states.length + filters.strengths.length + (filters.account ? 1 : 0) > 0;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}>
      <Stack spacing={0.5}>
        <Typography variant="caption" id="filter-state-label">{t('board.filterState')}</Typography>
        <ToggleButtonGroup size="small" aria-labelledby="filter-state-label" value={filters.states}>
          {EVIDENCE_STATES.map((state) => (
            <ToggleButton key={state} value={state} onClick={() => toggleState(state)}>
              {t(`policy:evidenceState.${state}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Stack spacing={0.5}>
        <Typography variant="caption" id="filter-strength-label">{t('board.filterStrength')}</Typography>
        <ToggleButtonGroup size="small" aria-labelledby="filter-strength-label" value={filters.strengths}>
          {SIGNAL_STRENGTHS.map((strength) => (
            <ToggleButton key={strength} value={strength} onClick={() => toggleStrength(strength)}>
              {t(`policy:strength.${strength}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      {filters.account && (
        <Chip label={t('board.filterAccount', { account: filters.account })} onDelete={() => setAccountFilter(null)} color="primary" variant="outlined" />
      )}
      {active && (
        <Button size="small" onClick={clearFilters}>
          {t('board.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
