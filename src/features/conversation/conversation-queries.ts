// Server state of the conversation on a case (issue 12 §1-§2): its entries, the latest return's
// requests, and the two writes (a comment, a tick). Neither write changes the case, so neither
// touches the cached case; both refresh the conversation and the trails that show their events.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import type { CommentInput, RequestTickInput } from '../../api/contract/conversation';

/** How often an open conversation asks for news anyway: live updates (issue 12 §7) bring them sooner, where the browser keeps a stream open. */
export const CONVERSATION_REFRESH_MS = 60_000;

export const CONVERSATION_PAGE = 50;

/** The conversation, newest page first; "earlier" loads the next page (any length, page by page). */
export function useConversation(caseId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.cases.conversation(caseId),
    queryFn: async ({ signal, pageParam }) =>
      (await callApi('caseConversation', { params: { caseId }, query: { page: pageParam, pageSize: CONVERSATION_PAGE }, signal })).data,
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    refetchInterval: CONVERSATION_REFRESH_MS,
  });
}

export function useReturnRequests(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.cases.returnRequests(caseId),
    queryFn: async ({ signal }) => (await callApi('returnRequests', { params: { caseId }, signal })).data,
    enabled,
  });
}

function useRefreshConversation(caseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.cases.conversation(caseId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.cases.audit(caseId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
  };
}

export function useCommentOnCase(caseId: string) {
  const refresh = useRefreshConversation(caseId);
  return useMutation({
    mutationFn: async (body: CommentInput) => (await callApi('commentOnCase', { params: { caseId }, body })).data,
    onSuccess: refresh,
  });
}

export function useTickRequest(caseId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshConversation(caseId);
  return useMutation({
    mutationFn: async ({ requestId, ...body }: RequestTickInput & { requestId: string }) =>
      (await callApi('tickRequest', { params: { caseId, requestId }, body })).data,
    onSuccess: (requests) => {
      queryClient.setQueryData(queryKeys.cases.returnRequests(caseId), requests);
      refresh();
    },
  });
}
