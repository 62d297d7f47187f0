// R14-R15 enforcement actions: who applied what to which target, when, on which basis, until when.
// Whether an action is active or expired is read against the current time, as the backend does.
// Issue 10 §3: a designation may hold 100,000 actions, so the list is the server's, the latest first,
// a page at a time, filtered by state and type, and exported as CSV.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseActions } from '../../api/client/designation-list-queries';
import { useUserName } from '../../api/client/user-queries';
import type { CaseDocument, EnforcementAction } from '../../api/contract/case';
import { ActionState as ActionStateFilter } from '../../api/contract/designation-lists';
import { EnforcementActionType } from '../../api/contract/policy-terms';
import { SYSTEM_ACTOR_ID } from '../../api/contract/users';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { FilterSelect } from '../../components/filter-select';
import { TablePager } from '../../components/table-pager';
import { usePagerState } from '../../components/use-pager-state';
import { visuallyHidden } from '../../components/visually-hidden';
import { ENFORCEMENT_ACTION_TYPES, type EnforcementActionType as ActionType } from '../../engine/policy-terms';
import { actionState, canLift, canReapply, type ActionState } from './action-rules';
import { ApplyActionFormView } from './apply-action-form';
import { ActionReasonDialog, type ActionReasonKind } from './action-reason-dialog';
import { CsvExportLink } from './csv-export-link';

const STATE_COLOR = { active: 'success', expired: 'warning', ended: 'default' } as const satisfies Record<ActionState, string>;
const ROWS_PER_PAGE = [25, 50, 100] as const;

export interface ActionsSectionProps {
  caseDocument: CaseDocument;
  now: string;
  /** A designation is in force (R14). */
  open: boolean;
  /** The user may apply actions (reviewers, R18). */
  canAct: boolean;
}

export function ActionsSection({ caseDocument, now, open, canAct }: ActionsSectionProps) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const [deciding, setDeciding] = useState<{ kind: ActionReasonKind; action: EnforcementAction } | null>(null);
  const [state, setState] = useState<ActionStateFilter | undefined>(undefined);
  const [type, setType] = useState<ActionType | undefined>(undefined);
  const { page, setPage, rowsPerPage, pagerProps } = usePagerState(ROWS_PER_PAGE);
  const list = useCaseActions(caseDocument.id, {
    ...(state ? { state } : {}), ...(type ? { type } : {}), dir: 'desc', offset: page * rowsPerPage, limit: rowsPerPage,
  });
  const actions = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // R15: an action already re-applied is not offered again (its successor may be on another page).
  const reapplied = useMemo(
    () => new Set(caseDocument.enforcementActions.flatMap((action) => (action.reappliesId ? [action.reappliesId] : []))),
    [caseDocument.enforcementActions],
  );
  const refilter = (change: () => void) => {
    change();
    setPage(0);
  };
  return (
    <Paper component="section" aria-labelledby="actions-title" sx={{ p: 2 }}>
      <Typography id="actions-title" variant="h6" component="h2">
        {t('actions.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('actions.intro', { days: caseDocument.settings.visibilityLimitDays })}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap', mb: 1 }}>
        <FilterSelect
          label={t('actions.list.state')}
          anyLabel={t('actions.list.any')}
          value={state}
          options={ActionStateFilter.options.map((value) => ({ value, label: t(`actions.list.states.${value}`) }))}
          onChange={(value) => refilter(() => setState(ActionStateFilter.optional().parse(value)))}
          minWidth={180}
        />
        <FilterSelect
          label={t('actions.list.type')}
          anyLabel={t('actions.list.any')}
          value={type}
          options={ENFORCEMENT_ACTION_TYPES.map((value) => ({ value, label: t(`policy:actionShort.${value}`) }))}
          onChange={(value) => refilter(() => setType(EnforcementActionType.safeParse(value).data))}
          minWidth={220}
        />
        <Box sx={{ flexGrow: 1 }} />
        <CsvExportLink caseId={caseDocument.id} file="actions" label={t('actions.list.exportCsv')} />
      </Stack>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {/* Scrolls sideways on a phone: a region that takes the focus, so the keyboard can scroll it (WCAG 2.1.1). */}
      <TableContainer component="section" tabIndex={0} aria-labelledby="actions-caption" aria-busy={list.isFetching || undefined}>
        <Table size="small">
          <caption id="actions-caption">{t('actions.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('actions.columns.action')}</TableCell>
              <TableCell>{t('actions.columns.target')}</TableCell>
              <TableCell>{t('actions.columns.basis')}</TableCell>
              <TableCell>{t('actions.columns.applied')}</TableCell>
              <TableCell>{t('actions.columns.expiry')}</TableCell>
              <TableCell>{t('actions.columns.state')}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t('actions.columns.reapply')}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {actions.map((action) => (
              <ActionRow
                key={action.id}
                action={action}
                now={now}
                reapplicable={open && canAct && canReapply(action, reapplied, now)}
                liftable={canAct && canLift(action, now)}
                onDecide={(kind) => setDeciding({ kind, action })}
              />
            ))}
            {list.isSuccess && actions.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>{state || type ? t('actions.list.noMatch') : t('actions.empty')}</TableCell>
              </TableRow>
            )}
            {list.isPending && (
              <TableRow>
                <TableCell colSpan={7}>{t('actions.list.loading')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager count={total} {...pagerProps} />
      {!open && <Alert severity="info" sx={{ mt: 2 }}>{t('actions.closed')}</Alert>}
      {!canAct && <Alert severity="info" sx={{ mt: 2 }}>{t('actions.reviewersOnly')}</Alert>}
      {canAct && <ApplyActionFormView caseDocument={caseDocument} generalRulesOnly={!open} />}
      {deciding && <ActionReasonDialog kind={deciding.kind} caseDocument={caseDocument} action={deciding.action} onClose={() => setDeciding(null)} />}
    </Paper>
  );
}

interface ActionRowProps {
  action: EnforcementAction;
  now: string;
  reapplicable: boolean;
  liftable: boolean;
  onDecide: (kind: ActionReasonKind) => void;
}

function ActionRow({ action, now, reapplicable, liftable, onDecide }: ActionRowProps) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const userName = useUserName();
  const state = actionState(action, now);
  const shownTarget = action.target === 'account' ? `@${action.targetRef}` : action.targetRef;
  return (
    <TableRow data-testid={`action-row-${action.id}`} data-state={state}>
      <TableCell>
        {t(`policy:actionShort.${action.type}`)}
        {action.reappliesId && (
          <Typography variant="caption" component="span" sx={{ display: 'block' }}>
            {action.appliedBy === SYSTEM_ACTOR_ID ? t('actions.reappliedAutomatically') : t('actions.reapplies')}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {t(`policy:target.${action.target}`)}: {shownTarget}
      </TableCell>
      <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{action.basis}</TableCell>
      <TableCell>
        {userName(action.appliedBy)}, <DateTime value={action.appliedAt} />
      </TableCell>
      <TableCell>{action.expiresAt ? <DateTime value={action.expiresAt} /> : t('actions.noExpiryShort')}</TableCell>
      <TableCell>
        <Chip size="small" color={STATE_COLOR[state]} label={t(`actions.state.${state}`)} />
        {state === 'ended' && action.endedReason && (
          <Typography variant="caption" component="span" sx={{ display: 'block' }}>
            {t(`actions.endedReason.${action.endedReason}`)}
          </Typography>
        )}
        {state === 'ended' && action.endedNote && (
          <Typography variant="caption" component="span" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
            {t('actions.liftedBecause', { reason: action.endedNote })}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {reapplicable && (
          <Button size="small" onClick={() => onDecide('reapply')} aria-label={t('actions.reapplyLabel', { action: t(`policy:actionShort.${action.type}`), target: shownTarget })}>
            {t('actions.reapply')}
          </Button>
        )}
        {liftable && (
          <Button size="small" color="warning" onClick={() => onDecide('lift')} aria-label={t('actions.liftLabel', { action: t(`policy:actionShort.${action.type}`), target: shownTarget })}>
            {t('actions.lift')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
