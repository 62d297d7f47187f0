// R14-R15 enforcement actions: who applied what to which target, when, on which basis, until when.
// Whether an action is active or expired is read against the current time, as the backend does.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserName } from '../../api/client/user-queries';
import type { CaseDocument, EnforcementAction } from '../../api/contract/case';
import { SYSTEM_ACTOR_ID } from '../../api/contract/users';
import { DateTime } from '../../components/date-time';
import { visuallyHidden } from '../../components/visually-hidden';
import { actionState, canLift, canReapply, type ActionState } from './action-rules';
import { ApplyActionFormView } from './apply-action-form';
import { ActionReasonDialog, type ActionReasonKind } from './action-reason-dialog';

const STATE_COLOR = { active: 'success', expired: 'warning', ended: 'default' } as const satisfies Record<ActionState, string>;

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
  const actions = caseDocument.enforcementActions.toSorted((a, b) => Date.parse(b.appliedAt) - Date.parse(a.appliedAt));
  return (
    <Paper component="section" aria-labelledby="actions-title" sx={{ p: 2 }}>
      <Typography id="actions-title" variant="h6" component="h2">
        {t('actions.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('actions.intro', { days: caseDocument.settings.visibilityLimitDays })}
      </Typography>
      {/* Scrolls sideways on a phone: a region that takes the focus, so the keyboard can scroll it (WCAG 2.1.1). */}
      <TableContainer component="section" tabIndex={0} aria-labelledby="actions-caption">
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
                reapplicable={open && canAct && canReapply(action, caseDocument.enforcementActions, now)}
                liftable={canAct && canLift(action, now)}
                onDecide={(kind) => setDeciding({ kind, action })}
              />
            ))}
            {actions.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>{t('actions.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
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
