// R16 account association: accounts named in the signals are suggested; only a person's confirmation,
// with its basis, associates them, and only confirmed accounts can receive actions (R14). Each shows
// its last activity seen in the signals; one without recent activity is marked for the periodic review.
// Issue 10 §3: a designation may hold 100,000 accounts, so the list is the server's, a page at a time,
// filtered by status and handle; accounts are confirmed one by one or in bulk (the selection, or all
// that match), and exported as CSV.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCrossCaseRefs } from '../../api/client/cross-case-queries';
import { useCaseAccounts } from '../../api/client/designation-list-queries';
import { useUserName } from '../../api/client/user-queries';
import type { AccountAssociation, CaseDocument } from '../../api/contract/case';
import { AccountStatus, type BulkAccountDecisionResult } from '../../api/contract/designation-lists';
import { CrossCaseMark } from '../../components/cross-case/cross-case-refs';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { FilterSelect } from '../../components/filter-select';
import { SearchField } from '../../components/search-field';
import { TablePager } from '../../components/table-pager';
import { usePagerState } from '../../components/use-pager-state';
import { visuallyHidden } from '../../components/visually-hidden';
import { lastActivity, needsRecencyReview } from '../../engine/association-recency';
import { AccountDecisionDialog } from './account-decision-dialog';
import { BulkAccountDecisionDialog, type BulkTarget } from './bulk-account-decision-dialog';
import { CsvExportLink } from './csv-export-link';

const STATUS_COLOR = { suggested: 'info', confirmed: 'success', rejected: 'default' } as const;
const ROWS_PER_PAGE = [25, 50, 100] as const;

export function AccountsSection({ caseDocument, open, now }: { caseDocument: CaseDocument; open: boolean; now: string }) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const crossCase = useCrossCaseRefs(caseDocument.id);
  const [status, setStatus] = useState<AccountStatus | undefined>(undefined);
  const [search, setSearch] = useState('');
  const { page, setPage, rowsPerPage, pagerProps } = usePagerState(ROWS_PER_PAGE);
  // Handles as the list shows them; kept across pages, cleared when the filter changes.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deciding, setDeciding] = useState<AccountAssociation | null>(null);
  const [bulk, setBulk] = useState<{ target: BulkTarget; count: number } | null>(null);
  const [done, setDone] = useState<BulkAccountDecisionResult | null>(null);
  const q = search.trim();
  const filter = { ...(status ? { status } : {}), ...(q ? { q } : {}) };
  const list = useCaseAccounts(caseDocument.id, { ...filter, offset: page * rowsPerPage, limit: rowsPerPage });
  const accounts = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const refilter = (change: () => void) => {
    change();
    setPage(0);
    setSelected(new Set());
  };
  const toggle = (handle: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(handle);
    else next.delete(handle);
    setSelected(next);
  };
  const pageSelected = accounts.filter((account) => selected.has(account.handle)).length;
  const togglePage = (on: boolean) => {
    const next = new Set(selected);
    for (const account of accounts) {
      if (on) next.add(account.handle);
      else next.delete(account.handle);
    }
    setSelected(next);
  };
  const bulkDone = (result: BulkAccountDecisionResult) => {
    setBulk(null);
    setSelected(new Set());
    setDone(result);
  };

  return (
    <Paper component="section" aria-labelledby="accounts-title" sx={{ p: 2 }}>
      <Typography id="accounts-title" variant="h6" component="h2">
        {t('accounts.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {open ? t('accounts.intro') : t('accounts.closed')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap', mb: 1 }}>
        <FilterSelect
          label={t('accounts.list.status')}
          anyLabel={t('accounts.list.anyStatus')}
          value={status}
          options={AccountStatus.options.map((value) => ({ value, label: t(`accounts.status.${value}`) }))}
          onChange={(value) => refilter(() => setStatus(AccountStatus.optional().parse(value)))}
          minWidth={180}
        />
        <SearchField label={t('accounts.list.search')} value={search} onChange={(value) => refilter(() => setSearch(value))} />
        <Box sx={{ flexGrow: 1 }} />
        <CsvExportLink caseId={caseDocument.id} file="accounts" label={t('accounts.list.exportCsv')} />
      </Stack>
      {open && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
          <Button variant="contained" size="small" disabled={selected.size === 0} onClick={() => setBulk({ target: { handles: [...selected] }, count: selected.size })}>
            {t('accounts.list.confirmSelected', { count: selected.size })}
          </Button>
          <Button variant="outlined" size="small" disabled={total === 0} onClick={() => setBulk({ target: { allMatching: filter }, count: total })}>
            {t('accounts.list.confirmAll', { count: total })}
          </Button>
        </Stack>
      )}
      <Box aria-live="polite">
        {done && (
          <Alert severity="success" onClose={() => setDone(null)} sx={{ mb: 1 }}>
            {t('accounts.bulk.done', { count: done.decided })}
            {done.endedActions > 0 && ` ${t('accounts.bulk.endedActions', { count: done.endedActions })}`}
          </Alert>
        )}
      </Box>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {/* Scrolls sideways on a phone: a region that takes the focus, so the keyboard can scroll it (WCAG 2.1.1). */}
      <TableContainer component="section" tabIndex={0} aria-labelledby="accounts-caption" aria-busy={list.isFetching || undefined}>
        <Table size="small">
          <caption id="accounts-caption">{t('accounts.caption')}</caption>
          <TableHead>
            <TableRow>
              {open && (
                <TableCell padding="checkbox">
                  <Checkbox
                    size="small"
                    checked={accounts.length > 0 && pageSelected === accounts.length}
                    indeterminate={pageSelected > 0 && pageSelected < accounts.length}
                    disabled={accounts.length === 0}
                    onChange={(event) => togglePage(event.target.checked)}
                    slotProps={{ input: { 'aria-label': t('accounts.list.selectPage') } }}
                  />
                </TableCell>
              )}
              <TableCell>{t('accounts.columns.handle')}</TableCell>
              <TableCell>{t('accounts.columns.status')}</TableCell>
              <TableCell>{t('accounts.columns.basis')}</TableCell>
              <TableCell>{t('accounts.columns.primaryUse')}</TableCell>
              <TableCell>{t('accounts.columns.lastActivity')}</TableCell>
              <TableCell>{t('accounts.columns.decided')}</TableCell>
              <TableCell>{t('accounts.columns.note')}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t('accounts.columns.actions')}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {accounts.map((account) => (
              <AccountRow
                key={account.handle}
                account={account}
                caseDocument={caseDocument}
                now={now}
                open={open}
                selected={selected.has(account.handle)}
                onSelect={(on) => toggle(account.handle, on)}
                onDecide={() => setDeciding(account)}
                crossCase={crossCase.byHandle.get(account.handle.toLowerCase())}
              />
            ))}
            {list.isSuccess && accounts.length === 0 && (
              <TableRow>
                <TableCell colSpan={open ? 9 : 8}>{q || status ? t('accounts.list.noMatch') : t('accounts.empty')}</TableCell>
              </TableRow>
            )}
            {list.isPending && (
              <TableRow>
                <TableCell colSpan={open ? 9 : 8}>{t('accounts.list.loading')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager count={total} {...pagerProps} />
      {deciding && <AccountDecisionDialog caseDocument={caseDocument} account={deciding} onClose={() => setDeciding(null)} />}
      {bulk && (
        <BulkAccountDecisionDialog
          caseId={caseDocument.id}
          version={caseDocument.version}
          target={bulk.target}
          count={bulk.count}
          onClose={() => setBulk(null)}
          onDone={bulkDone}
        />
      )}
    </Paper>
  );
}

interface AccountRowProps {
  account: AccountAssociation;
  caseDocument: CaseDocument;
  now: string;
  open: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onDecide: () => void;
  crossCase: Parameters<typeof CrossCaseMark>[0]['account'];
}

function AccountRow({ account, caseDocument, now, open, selected, onSelect, onDecide, crossCase }: AccountRowProps) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const userName = useUserName();
  const activity = lastActivity(account.handle, caseDocument.signals);
  const toReview = needsRecencyReview(account, activity, now, caseDocument.settings.reviewIntervalDays);
  return (
    <TableRow data-testid={`account-row-${account.handle}`} selected={selected}>
      {open && (
        <TableCell padding="checkbox">
          <Checkbox
            size="small"
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
            slotProps={{ input: { 'aria-label': t('accounts.list.select', { handle: account.handle }) } }}
          />
        </TableCell>
      )}
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        @{account.handle}
        {/* Issue 16 §4: the account in other cases or designations. */}
        <CrossCaseMark account={crossCase} />
      </TableCell>
      <TableCell>
        <Chip size="small" color={STATUS_COLOR[account.status]} label={t(`accounts.status.${account.status}`)} />
      </TableCell>
      <TableCell>{account.basis.map((basis) => t(`policy:associationBasis.${basis}`)).join(', ') || '—'}</TableCell>
      <TableCell>{account.primaryUseFinding ? t('accounts.yes') : '—'}</TableCell>
      <TableCell>
        {activity ? <DateTime value={activity.at} dateOnly /> : t('accounts.noActivity')}
        {toReview && (
          <Chip size="small" color="warning" variant="outlined" sx={{ display: 'flex', mt: 0.5, height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal' } }} label={t('accounts.toReview')} />
        )}
      </TableCell>
      <TableCell>
        {account.decidedBy && account.decidedAt ? (
          <>
            {userName(account.decidedBy)}, <DateTime value={account.decidedAt} />
          </>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell sx={{ maxWidth: 280, overflowWrap: 'anywhere' }}>{account.note || '—'}</TableCell>
      <TableCell>
        {open && (
          <Button size="small" onClick={onDecide} aria-label={t('accounts.decideLabel', { handle: account.handle })}>
            {account.status === 'suggested' ? t('accounts.decide') : t('accounts.change')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
