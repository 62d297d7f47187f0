// The one shape of every case write (submit, decide, review, associate, act): the server answers with
// the whole case, which replaces the cached copy; lists and trails that may show it are invalidated.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDocument } from '../contract/case';
import { ApiError } from './http-client';
import { queryKeys } from './query-keys';

/** Puts the server's answer to a case write in the cache, and marks what may show that case as stale. */
export function useCaseWritten(): (updated: CaseDocument) => void {
  const queryClient = useQueryClient();
  return (updated) => {
    queryClient.setQueryData(queryKeys.cases.detail(updated.id), updated);
    void queryClient.invalidateQueries({
      queryKey: queryKeys.cases.all,
      // The detail was just replaced by the server's answer; everything else under `cases` may be stale.
      predicate: (query) => query.queryKey.length !== 3 || query.queryKey[2] !== updated.id,
    });
    void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
  };
}

export function useCaseWrite<V>(caseId: string, write: (variables: V) => Promise<CaseDocument>) {
  const queryClient = useQueryClient();
  const written = useCaseWritten();
  return useMutation({
    mutationFn: write,
    onSuccess: written,
    onError: (error) => {
      // 412: someone else wrote first; fetch their version so the user acts on what is there now.
      if (error instanceof ApiError && error.code === 'precondition-failed') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(caseId) });
      }
    },
  });
}
