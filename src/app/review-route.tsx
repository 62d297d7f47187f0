// Composes the reviewer's page: the review feature owns the case view and the decision; the app slots
// in who else is there and what they just did, the last return's requests and the conversation (features never import each other).
import { rolesAllow } from '../api/contract/endpoints';
import { CaseConversation } from '../features/conversation/case-conversation';
import { CaseChangeNotice } from '../features/live/case-change-notice';
import { CasePresence } from '../features/live/case-presence';
import { ReturnRequests } from '../features/conversation/return-requests';
import { CaseReviewPage } from '../features/review/case-review-page';

export function ReviewRoute() {
  return (
    <CaseReviewPage
      renderLive={(caseDocument) => (
        <>
          <CasePresence caseId={caseDocument.id} />
          <CaseChangeNotice caseId={caseDocument.id} />
        </>
      )}
      renderRequests={(caseDocument) => <ReturnRequests caseDocument={caseDocument} canTick={false} />}
      renderConversation={(caseDocument, me) => <CaseConversation caseDocument={caseDocument} canComment={rolesAllow(me, 'commentOnCase')} />}
    />
  );
}
