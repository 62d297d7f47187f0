// The reviewer's view of one case (/review/:caseId): the case read-only, the engine's verdict at
// submission and now, what changed since the last review, and the decision or periodic review.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useUserName } from '../../api/client/user-queries';
import { ReviewDecisionKind, type CaseDocument } from '../../api/contract/case';
import { hasRole, type User } from '../../api/contract/users';
import { StatusChip } from '../../components/case-chips';
import { DateTime } from '../../components/date-time';
import { CaseForUser } from '../../components/case-for-user';
import { useNow } from '../../components/use-now';
import { CaseSummary } from './case-summary';
import { ChangesSinceReview } from './changes-since-review';
import { DecisionForm, type ChosenDecision } from './decision-form';
import { PeriodicReviewForm } from './periodic-review-form';
import { decisionBlocks, isModification } from './review-rules';
import { VerdictPanel } from './verdict-panel';

type Outcome = { kind: 'decision'; decision: ReviewDecisionKind } | { kind: 'periodic' };

/** What the app composes into the reviewer's page (features never import each other). */
export interface CaseReviewSlots {
  /** Under the title: who else has the case open, and what someone else just did on it (issue 12 §7). */
  renderLive?: (caseDocument: CaseDocument) => ReactNode;
  /** Above the case: the last return's requests and which were addressed (issue 12 §2). */
  renderRequests?: (caseDocument: CaseDocument) => ReactNode;
  /** Below the case: the conversation on it (issue 12 §1). */
  renderConversation?: (caseDocument: CaseDocument, me: User) => ReactNode;
}

export function CaseReviewPage(slots: CaseReviewSlots) {
  const { caseId = '' } = useParams();
  return <CaseForUser caseId={caseId}>{(caseDocument, me) => <CaseReview caseDocument={caseDocument} me={me} {...slots} />}</CaseForUser>;
}

function CaseReview({ caseDocument, me, renderLive, renderRequests, renderConversation }: { caseDocument: CaseDocument; me: User } & CaseReviewSlots) {
  const { t } = useTranslation(['review', 'policy']);
  const userName = useUserName();
  const now = useNow();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [chosen, setChosen] = useState<ChosenDecision | null>(null);
  const blocks = decisionBlocks(caseDocument, me);
  const submission = caseDocument.submission;
  const inForce = caseDocument.status === 'designated' && caseDocument.designation?.withdrawnAt === null;

  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Link component={RouterLink} to="/review">
        {t('page.backToQueue')}
      </Link>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          {t('page.title', { name: caseDocument.actor.name })}
        </Typography>
        <StatusChip status={caseDocument.status} />
      </Stack>
      {submission && (
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {t('page.submittedBy', { name: userName(submission.submittedBy) })} <DateTime value={submission.submittedAt} />
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t(`page.readOnly.${caseDocument.status}`)}
      </Typography>
      {renderLive && <Box sx={{ mt: 1 }}>{renderLive(caseDocument)}</Box>}
      <Box aria-live="polite" sx={{ my: 2 }}>
        {outcome && (
          <Alert severity="success" data-testid="review-outcome">
            {outcome.kind === 'decision' ? t('decision.done', { decision: t(`decision.options.${outcome.decision}`) }) : t('periodic.done')}{' '}
            {(caseDocument.status === 'designated' || caseDocument.status === 'withdrawn') && (
              <Link component={RouterLink} to={`/designations/${caseDocument.id}`}>
                {t('page.toDesignation')}
              </Link>
            )}
          </Alert>
        )}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <Stack spacing={2}>
          {renderRequests?.(caseDocument)}
          <ChangesSinceReview caseDocument={caseDocument} />
          <CaseSummary content={caseDocument} accounts={caseDocument.accounts} />
          <Link component={RouterLink} to={`/cases/${caseDocument.id}/evidence`}>
            {t('summary.toBoard')}
          </Link>
          {renderConversation?.(caseDocument, me)}
          {caseDocument.status === 'in_review' && blocks.length === 0 && (
            <DecisionBar modification={isModification(caseDocument)} onChoose={(decision) => setChosen({ decision, at: Date.now() })} />
          )}
        </Stack>
        {/* The verdict and the decision stay in view beside the long case on wide screens, below the sticky top bar (issue 12 §4). */}
        <Stack
          spacing={2}
          data-testid="review-decision-column"
          sx={{ position: { lg: 'sticky' }, top: { lg: 80 }, maxHeight: { lg: 'calc(100vh - 96px)' }, overflowY: { lg: 'auto' } }}
        >
          <VerdictPanel caseDocument={caseDocument} now={now} />
          {caseDocument.status === 'in_review' && (
            <DecisionForm
              caseDocument={caseDocument}
              blocks={blocks}
              chosen={chosen}
              onDecided={(_, decision) => setOutcome({ kind: 'decision', decision })}
            />
          )}
          {inForce && outcome === null && (
            <>
              <PeriodicReviewForm
                caseDocument={caseDocument}
                now={now}
                allowed={hasRole(me, 'reviewer')}
                onReviewed={() => setOutcome({ kind: 'periodic' })}
              />
              <Link component={RouterLink} to={`/designations/${caseDocument.id}`}>
                {t('page.toDesignation')}
              </Link>
            </>
          )}
          {caseDocument.status !== 'in_review' && !inForce && (
            <Alert severity="info">{t('page.nothingToDecide', { status: t(`policy:status.${caseDocument.status}`) })}</Alert>
          )}
        </Stack>
      </Box>
    </Container>
  );
}

/**
 * Issue 12 §4 on narrow screens, where the decision comes after the whole case: a bar that stays at the
 * bottom of the window while the case scrolls by; a choice there picks it in the form and goes to its
 * rationale. Wide screens keep the decision column beside the case instead.
 */
function DecisionBar({ modification, onChoose }: { modification: boolean; onChoose: (decision: ReviewDecisionKind) => void }) {
  const { t } = useTranslation('review');
  return (
    <Paper
      component="section"
      aria-label={t('decision.bar.label')}
      elevation={6}
      data-testid="decision-bar"
      sx={{ display: { xs: 'flex', lg: 'none' }, position: 'sticky', bottom: 0, zIndex: 2, p: 1, gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
    >
      <Typography variant="subtitle2" component="h2" sx={{ flexGrow: 1 }}>
        {t('decision.bar.label')}
      </Typography>
      {ReviewDecisionKind.options.map((kind) => (
        <Button key={kind} size="small" variant={kind === 'approve' ? 'contained' : 'outlined'} disabled={kind === 'reject' && modification} onClick={() => onChoose(kind)}>
          {t(`decision.bar.${kind}`)}
        </Button>
      ))}
    </Paper>
  );
}
