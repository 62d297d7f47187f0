// Issue 10 §3: a designation's accounts (R16) and actions (R14-R15) a page at a time, the bulk decision
// on associations, and the addresses of the CSV exports. Pages sit under the case's key, so any write
// of the case (here, another tab's through the live stream) refreshes them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildPath } from '../contract/endpoint-definition';
import { CSV_EXPORT_PATHS, type BulkAccountDecisionInput, type CaseAccountsQuery, type CaseActionsQuery } from '../contract/designation-lists';
import { ApiError, callApi } from './http-client';
import { queryKeys } from './query-keys';

export function useCaseAccounts(caseId: string, query: CaseAccountsQuery) {
  return useQuery({
    queryKey: queryKeys.cases.accounts(caseId, query),
    queryFn: async ({ signal }) => (await callApi('caseAccounts', { params: { caseId }, query, signal })).data,
    placeholderData: keepPreviousData,
  });
}

export function useCaseActions(caseId: string, query: CaseActionsQuery) {
  return useQuery({
    queryKey: queryKeys.cases.actions(caseId, query),
    queryFn: async ({ signal }) => (await callApi('caseActions', { params: { caseId }, query, signal })).data,
    placeholderData: keepPreviousData,
  });
}

/**
 * R16 in bulk. The answer is the new version, not the case (tens of megabytes at 100,000 accounts):
 * the case and everything shown of it are read again.
 */
export function useDecideAccountsInBulk(caseId: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BulkAccountDecisionInput) => (await callApi('decideAccountsInBulk', { params: { caseId }, body, ifMatch: version })).data,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
    },
    onError: (error) => {
      // 412: someone else wrote first; the case is read again so the next try names what is there now.
      if (error instanceof ApiError && error.code === 'precondition-failed') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(caseId) });
      }
    },
  });
}

/** Where the server streams a case's CSV export (a link to it saves the file as it comes). */
export function csvExportPath(file: 'accounts' | 'actions', caseId: string): string {
  return buildPath(CSV_EXPORT_PATHS[file], { caseId });
}
