// Issue 12 §6: setting a case's owner or reviewer from wherever a case is listed or opened. The server
// answers with the whole case, which replaces the cached copy like any case write (case-write.ts).
import { useMutation } from '@tanstack/react-query';
import type { AssignmentInput } from '../contract/requests';
import { useCaseWritten } from './case-write';
import { callApi } from './http-client';

export function useAssignCase() {
  const written = useCaseWritten();
  return useMutation({
    mutationFn: async ({ caseId, version, ...body }: AssignmentInput & { caseId: string; version: number }) =>
      (await callApi('assignCase', { params: { caseId }, body, ifMatch: version })).data,
    onSuccess: written,
  });
}
