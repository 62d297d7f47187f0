// The accounts across all signals, most-mentioned first: a click filters the board to one account.
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CoordinationSignal } from '../../api/contract/case';
import { indexAccounts } from './board-model';
import { useBoardStore } from './board-store';
import { useWorkspace } from './workspace-context';
import { caseTabPath } from './workspace-tabs';

const SHOWN = 12;

export function BoardAccountsSummary({ signals }: { signals: readonly CoordinationSignal[] }) {
  const { t } = useTranslation('workspace');
  const { caseId } = useWorkspace();
  const accounts = useMemo(() => indexAccounts(signals), [signals]);
  const selected = useBoardStore((s) => s.filters.account);
  const setAccountFilter = useBoardStore((s) => s.setAccountFilter);
  return (
    <Paper component="section" aria-labelledby="board-accounts" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h3" id="board-accounts">
          {t('board.accountsHeading', { count: accounts.length })}
        </Typography>
        {accounts.length > 0 && (
          <Link component={RouterLink} to={caseTabPath(caseId, 'accounts')}>
            {t('board.allAccounts')}
          </Link>
        )}
      </Stack>
      {accounts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('board.noAccountsYet')}</Typography>
      ) : (
        <Stack component="ul" direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}>
          {accounts.slice(0, SHOWN).map((account) => (
            <li key={account.handle}>
              <Chip
                size="small"
                variant={selected === account.handle ? 'filled' : 'outlined'}
                color={selected === account.handle ? 'primary' : 'default'}
                aria-pressed={selected === account.handle}
                label={t('board.accountChip', { account: account.handle, count: account.signals.length })}
                onClick={() => setAccountFilter(selected === account.handle ? null : account.handle)}
              />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
