// What a live notice does to the screens' server state (issue 12 §7): the queries that show what
// changed are marked stale, and those on screen fetch again. Nothing is written into the cache from a
// notice: the content comes from the ordinary endpoints. Your own unsaved edits are the editor's to
// keep: a newer version only reaches the form when nothing is unsent, and otherwise the next save
// meets it and the conflict view lets you choose (case-editor.tsx).
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/client/query-keys';
import type { CaseDocument } from '../../api/contract/case';
import type { CaseChangeNotice, LiveNotice } from '../../api/contract/live';
import { CasePresence } from '../../api/contract/live';

/** Events that leave the case's version where it was (they change the conversation only). */
const CONVERSATION_ONLY = new Set<CaseChangeNotice['type']>(['case.commented', 'case.request-addressed', 'case.request-reopened']);

export function applyLiveNotice(queryClient: QueryClient, notice: LiveNotice, myId: string | null): void {
  if (notice.kind === 'presence') {
    const key = queryKeys.cases.presence(notice.caseId);
    // Only where this tab shows the case: otherwise there is no query to update.
    if (queryClient.getQueryState(key)) queryClient.setQueryData(key, CasePresence.parse({ caseId: notice.caseId, people: notice.people }));
    return;
  }
  const { caseId } = notice;
  void queryClient.invalidateQueries({ queryKey: queryKeys.cases.conversation(caseId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.cases.returnRequests(caseId) });
  void queryClient.invalidateQueries({ queryKey: [...queryKeys.cases.detail(caseId), 'audit'] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
  if (CONVERSATION_ONLY.has(notice.type)) return;

  void queryClient.invalidateQueries({ queryKey: [...queryKeys.cases.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.cases.decisionRecord(caseId) });
  // A version this tab holds already (its own write) needs no second read. The same person's content
  // edits reach their other tabs through the autosave's own channel, which merges them with what is
  // typed there; everything else they did (a submission, a decision, an action) is read here.
  const cached = queryClient.getQueryData<CaseDocument>(queryKeys.cases.detail(caseId));
  const ownEdit = notice.actorId === myId && notice.type === 'case.updated';
  if (!ownEdit && (!cached || cached.version < notice.caseVersion)) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(caseId), exact: true });
  }
}

/** After a dropped connection: everything about cases may have changed meanwhile. */
export function catchUpAfterDrop(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
}
