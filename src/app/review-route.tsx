// Composes the reviewer's page: the review feature owns the case view and the decision; the app slots
// in who else is there and what they just did, the last return's requests, the case timeline and the
// accounts found in other cases (issue 16 §2, §4), and the conversation (features never import each other).
import { useState } from 'react';
import { rolesAllow } from '../api/contract/endpoints';
import { SharedWithOtherCasesPanel } from '../components/cross-case/cross-case-refs';
import { CaseTimeline } from '../components/case-timeline/case-timeline';
import { CaseConversation } from '../features/conversation/case-conversation';
import { CaseChangeNotice } from '../features/live/case-change-notice';
import { CasePresence } from '../features/live/case-presence';
import { ReturnRequests } from '../features/conversation/return-requests';
import { CaseReviewPage } from '../features/review/case-review-page';

export function ReviewRoute() {
  // The timeline's "now": the instant the page was opened.
  const [now] = useState(() => new Date().toISOString());
  return (
    <CaseReviewPage
      renderLive={(caseDocument) => (
        <>
          <CasePresence caseId={caseDocument.id} />
          <CaseChangeNotice caseId={caseDocument.id} />
        </>
      )}
      renderRequests={(caseDocument) => <ReturnRequests caseDocument={caseDocument} canTick={false} />}
      renderConversation={(caseDocument, me) => (
        <>
          <CaseTimeline source={caseDocument} now={now} />
          <SharedWithOtherCasesPanel caseId={caseDocument.id} />
          <CaseConversation caseDocument={caseDocument} canComment={rolesAllow(me, 'commentOnCase')} />
        </>
      )}
    />
  );
}
