// Composes the case page: the workspace feature owns the tabs and the form; the app slots in the
// live designation panel, submission and the links to review and designation record, the case
// timeline, its accounts found in other cases and the case's audit trail (features never import each other).
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ApiError } from '../api/client/http-client';
import { useCase } from '../api/client/case-queries';
import type { CaseDocument } from '../api/contract/case';
import { rolesAllow } from '../api/contract/endpoints';
import { useCurrentUser } from '../api/client/user-queries';
import { useAssignCase } from '../api/client/assignment';
import { hasRole } from '../api/contract/users';
import { SharedWithOtherCasesPanel } from '../components/cross-case/cross-case-refs';
import { CaseTimeline } from '../components/case-timeline/case-timeline';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/page-loading';
import { networkLinkForSignal } from '../features/activity-import/signal-link';
import { CaseAuditTrail } from '../features/audit/case-audit-trail';
import { CaseConversation } from '../features/conversation/case-conversation';
import { CaseChangeNotice } from '../features/live/case-change-notice';
import { CasePresence } from '../features/live/case-presence';
import { ReturnRequests } from '../features/conversation/return-requests';
import { CaseWorkspacePage } from '../features/case-workspace/case-workspace-page';
import type { HeaderActionsState } from '../features/case-workspace/header-actions';
import type { RenderDesignationPanel } from '../features/case-workspace/live-designation-panel';
import { DesignationPanel } from '../features/designation/designation-panel';
import { SubmitForReviewButton } from '../features/submission/submit-for-review-button';
import { NotFoundPage } from './not-found-page';

export function CaseRoute() {
  const { caseId = '', tab } = useParams();
  const caseQuery = useCase(caseId);
  const me = useCurrentUser();
  // The engine never reads the clock; the page passes the instant it was opened.
  const [now] = useState(() => new Date().toISOString());
  const renderDesignationPanel = useCallback<RenderDesignationPanel>(
    ({ content, focusField }) => <DesignationPanel content={content} now={now} onFocusField={focusField} />,
    [now],
  );

  if (caseQuery.isPending) return <PageLoading />;
  if (caseQuery.error) {
    if (caseQuery.error instanceof ApiError && caseQuery.error.code === 'not-found') return <NotFoundPage caseId={caseId} />;
    return <ErrorAlert error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;
  }
  const caseDocument = caseQuery.data;
  return (
    <CaseWorkspacePage
      caseDocument={caseDocument}
      tab={tab}
      renderDesignationPanel={renderDesignationPanel}
      renderHeaderActions={(state) => <CaseHeaderActions caseDocument={caseDocument} state={state} />}
      renderNotices={({ showField }) => (
        <>
          <CaseChangeNotice caseId={caseDocument.id} editable={caseDocument.status === 'draft' && rolesAllow(me.data, 'updateCase')} />
          <ReturnRequests caseDocument={caseDocument} canTick={rolesAllow(me.data, 'tickRequest')} onShowField={showField} />
        </>
      )}
      footer={
        <>
          {/* Issue 16 §2: what the saved case dates, on one axis. */}
          <CaseTimeline source={caseDocument} now={now} />
          {/* Issue 16 §4: its accounts that other cases or designations name too. */}
          <SharedWithOtherCasesPanel caseId={caseDocument.id} />
          <CaseConversation caseDocument={caseDocument} canComment={rolesAllow(me.data, 'commentOnCase')} />
          <CaseHistory caseId={caseDocument.id} />
        </>
      }
      networkLinkForSignal={(signal) => networkLinkForSignal(caseDocument.id, signal)}
    />
  );
}

function CaseHeaderActions({ caseDocument, state }: { caseDocument: CaseDocument; state: HeaderActionsState }) {
  const { t } = useTranslation('common');
  const me = useCurrentUser();
  const assign = useAssignCase();
  // Issue 12 §6: another analyst takes the case over (an audited change; the server checks the role).
  const canTakeOver = me.data !== undefined && hasRole(me.data, 'analyst') && caseDocument.ownerId !== me.data.id;
  return (
    <>
      {/* Issue 12 §7: who else is here; this person counts as editing while changes of theirs are unsaved. */}
      <CasePresence caseId={caseDocument.id} editing={!state.allChangesSaved} />
      {canTakeOver && (
        <Button
          variant="text"
          disabled={assign.isPending}
          onClick={() => me.data && assign.mutate({ caseId: caseDocument.id, version: caseDocument.version, role: 'owner', userId: me.data.id })}
        >
          {t('caseLinks.takeOver')}
        </Button>
      )}
      {caseDocument.status === 'in_review' && (
        <Button component={RouterLink} to={`/review/${caseDocument.id}`} variant="outlined">
          {t('caseLinks.review')}
        </Button>
      )}
      <Button component={RouterLink} to={`/designations/${caseDocument.id}`} variant="outlined">
        {caseDocument.designation ? t('caseLinks.designation') : t('caseLinks.enforcement')}
      </Button>
      <SubmitForReviewButton
        caseDocument={caseDocument}
        unsavedChanges={!state.allChangesSaved}
        refusedFields={state.refusedFields}
        onShowField={state.showField}
      />
    </>
  );
}

function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  return (
    <Accordion expanded={open} onChange={(_, expanded) => setOpen(expanded)} sx={{ mt: 2 }} disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="case-history" id="case-history-header">
        <Typography component="h2" variant="h6">
          {t('caseLinks.history')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="case-history">{open && <CaseAuditTrail caseId={caseId} />}</AccordionDetails>
    </Accordion>
  );
}
