// Issue 12 §6: setting a case's owner or reviewer from wherever a case is listed or opened. The server
// answers with the whole case, which replaces the cached copy; the lists that show owners are refreshed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignmentInput } from '../contract/requests';
import { callApi } from './http-client';
import { queryKeys } from './query-keys';

export function useAssignCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ caseId, version, ...body }: AssignmentInput & { caseId: string; version: number }) =>
      (await callApi('assignCase', { params: { caseId }, body, ifMatch: version })).data,
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.cases.detail(updated.id), updated);
      void queryClient.invalidateQueries({
        queryKey: queryKeys.cases.all,
        predicate: (query) => query.queryKey.length !== 3 || query.queryKey[2] !== updated.id,
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
    },
  });
}
