// The last decision on a case, said where the analyst works (issue 12 §2-§3): returned, rejected or
// withdrawn, by whom, when and why — rather than a bare status chip with the reason in the audit trail.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useUserName } from '../../api/client/user-queries';
import type { CaseDocument } from '../../api/contract/case';
import { DateTime } from '../../components/date-time';

/** What the banner says: the decision that shaped the case's current state, or nothing. */
export function lastDecisionOf(caseDocument: CaseDocument):
  | { kind: 'returned' | 'rejected'; by: string; at: string; rationale: string; override: string | null }
  | { kind: 'withdrawn'; by: string; at: string; rationale: string }
  | null {
  const { status, designation, reviews } = caseDocument;
  if (status === 'withdrawn' && designation?.withdrawnAt && designation.withdrawnBy) {
    return { kind: 'withdrawn', by: designation.withdrawnBy, at: designation.withdrawnAt, rationale: designation.withdrawalRationale ?? '' };
  }
  const last = reviews.at(-1);
  if (!last) return null;
  if (status === 'rejected' && last.decision === 'reject') {
    return { kind: 'rejected', by: last.decidedBy, at: last.decidedAt, rationale: last.rationale, override: last.override?.justification ?? null };
  }
  if (status === 'draft' && last.decision === 'return') {
    return { kind: 'returned', by: last.decidedBy, at: last.decidedAt, rationale: last.rationale, override: null };
  }
  return null;
}

export function DecisionBanner({ caseDocument }: { caseDocument: CaseDocument }) {
  const { t } = useTranslation('workspace');
  const userName = useUserName();
  const decision = lastDecisionOf(caseDocument);
  if (!decision) return null;
  return (
    <Alert severity={decision.kind === 'returned' ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="decision-banner">
      <AlertTitle>
        {t(`decisionBanner.${decision.kind}`, { name: userName(decision.by) })} <DateTime value={decision.at} />
      </AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {decision.rationale}
      </Typography>
      {'override' in decision && decision.override && (
        <Typography variant="body2" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
          {t('decisionBanner.override', { justification: decision.override })}
        </Typography>
      )}
      {decision.kind !== 'returned' && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('decisionBanner.panelNote')}
        </Typography>
      )}
    </Alert>
  );
}
