// Accounts tab: every account named by a signal (virtualised), and the signals that name the chosen one.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CoordinationSignal } from '../../api/contract/case';
import { indexAccounts, laneOf, type AccountEntry } from './board-model';
import { useBoardStore } from './board-store';
import { formatWindow } from './signal-format';
import { useWorkspace } from './workspace-context';
import { caseTabPath } from './workspace-tabs';
import type { CaseFormValues } from './case-content';

const ACCOUNT_ROW = 48;
const SIGNAL_ROW = 88;
const LIST_HEIGHT = 520;

export function AccountsTab() {
  const { t } = useTranslation('workspace');
  const signals = useWatch<CaseFormValues, 'signals'>({ name: 'signals' }).items;
  const accounts = useMemo(() => indexAccounts(signals), [signals]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim().replace(/^@/, '').toLowerCase());
  const shown = useMemo(
    () => (deferredQuery ? accounts.filter((account) => account.handle.toLowerCase().includes(deferredQuery)) : accounts),
    [accounts, deferredQuery],
  );
  const selectedHandle = useBoardStore((s) => s.selectedAccount);
  const selectAccount = useBoardStore((s) => s.selectAccount);
  const selected = accounts.find((account) => account.handle === selectedHandle) ?? null;

  return (
    <Paper component="section" aria-labelledby="accounts-heading" sx={{ p: 2 }}>
      <Typography variant="h5" component="h2" id="accounts-heading" gutterBottom>
        {t('accounts.heading', { count: accounts.length })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('accounts.intro')}
      </Typography>
      {accounts.length === 0 ? (
        <Typography>{t('accounts.empty')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(240px, 1fr) 2fr' } }}>
          <Stack spacing={1}>
            <TextField id="accounts-search" size="small" label={t('accounts.search')} value={query} onChange={(event) => setQuery(event.target.value)} />
            <Typography variant="caption" color="text.secondary" component="output">
              {t('accounts.shown', { count: shown.length })}
            </Typography>
            <AccountList accounts={shown} selected={selectedHandle} onSelect={selectAccount} />
          </Stack>
          <Box>
            {selected ? (
              <AccountSignals account={selected} signals={signals} />
            ) : (
              <Typography color="text.secondary">{t('accounts.choose')}</Typography>
            )}
          </Box>
        </Box>
      )}
    </Paper>
  );
}

function AccountList({ accounts, selected, onSelect }: { accounts: AccountEntry[]; selected: string | null; onSelect: (handle: string) => void }) {
  const { t } = useTranslation('workspace');
  const scrollRef = useRef<HTMLDivElement>(null);
  // oxlint-disable-next-line react/incompatible-library -- the app does not use React Compiler
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ACCOUNT_ROW,
    getItemKey: (index) => accounts[index]?.handle ?? index,
    overscan: 8,
    initialRect: { width: 300, height: LIST_HEIGHT },
  });
  const totalSize = virtualizer.getTotalSize();
  return (
    <div ref={scrollRef} style={{ height: Math.min(LIST_HEIGHT, totalSize), overflowY: 'auto', contain: 'strict' }}>
      <ul aria-label={t('accounts.listLabel')} style={{ height: totalSize, position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const account = accounts[item.index];
          if (!account) return null;
          return (
            <li
              key={item.key}
              aria-setsize={accounts.length}
              aria-posinset={item.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ACCOUNT_ROW, transform: `translateY(${item.start}px)` }}
            >
              <ListItemButton selected={account.handle === selected} aria-pressed={account.handle === selected} onClick={() => onSelect(account.handle)} sx={{ height: ACCOUNT_ROW }}>
                <ListItemText primary={`@${account.handle}`} secondary={t('accounts.signalCount', { count: account.signals.length })} slotProps={{ secondary: { component: 'span' } }} />
              </ListItemButton>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function AccountSignals({ account, signals }: { account: AccountEntry; signals: readonly CoordinationSignal[] }) {
  const { t, i18n } = useTranslation(['workspace', 'policy']);
  const { caseId } = useWorkspace();
  const navigate = useNavigate();
  const setAccountFilter = useBoardStore((s) => s.setAccountFilter);
  const requestFocus = useBoardStore((s) => s.requestFocus);
  const scrollRef = useRef<HTMLDivElement>(null);
  // oxlint-disable-next-line react/incompatible-library -- the app does not use React Compiler
  const virtualizer = useVirtualizer({
    count: account.signals.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SIGNAL_ROW,
    overscan: 6,
    initialRect: { width: 600, height: LIST_HEIGHT },
  });
  const totalSize = virtualizer.getTotalSize();
  const showOnBoard = (signal: CoordinationSignal) => {
    setAccountFilter(account.handle);
    requestFocus(signal.id);
    void navigate(caseTabPath(caseId, 'evidence'));
  };
  return (
    <section aria-labelledby="account-signals-heading">
      <Typography variant="h6" component="h3" id="account-signals-heading" gutterBottom>
        {t('accounts.signalsOf', { account: account.handle, count: account.signals.length })}
      </Typography>
      <div ref={scrollRef} style={{ height: Math.min(LIST_HEIGHT, totalSize), overflowY: 'auto', contain: 'strict' }}>
        <ul aria-labelledby="account-signals-heading" style={{ height: totalSize, position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const signal = signals[account.signals[item.index] ?? -1];
            if (!signal) return null;
            const lane = laneOf(signal);
            const window = formatWindow(signal.window, i18n.language);
            return (
              <li
                key={item.key}
                aria-setsize={account.signals.length}
                aria-posinset={item.index + 1}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: SIGNAL_ROW - 8, transform: `translateY(${item.start}px)` }}
              >
                <Paper variant="outlined" sx={{ p: 1, height: '100%', boxSizing: 'border-box', display: 'flex', gap: 1, alignItems: 'center' }}>
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Typography variant="subtitle2" noWrap>{t(`policy:technique.${signal.technique}`)}</Typography>
                    <Stack direction="row" spacing={0.5} sx={{ my: 0.5 }}>
                      <Chip size="small" label={t('board.laneTitle', { kind: t(`policy:signalKindShort.${signal.kind}`), observed: t(`policy:observed.${signal.observed}`) })} />
                      <Chip size="small" variant="outlined" label={t(`policy:evidenceState.${signal.evidenceState}`)} />
                      <Chip size="small" variant="outlined" label={t(`policy:strength.${signal.strength}`)} />
                    </Stack>
                    <Typography variant="caption" color="text.secondary" noWrap component="p">
                      {window ? t('board.window', { window }) : t('board.noWindow')}
                    </Typography>
                  </Box>
                  <Button size="small" data-lane={lane} onClick={() => showOnBoard(signal)} aria-label={t('accounts.showOnBoardFor', { technique: t(`policy:technique.${signal.technique}`) })}>
                    {t('accounts.showOnBoard')}
                  </Button>
                </Paper>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
