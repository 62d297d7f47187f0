// The analyst's one write in this feature: submit a draft for review, based on the version they saw.
import { useCaseWrite } from '../../api/client/case-write';
import { callApi } from '../../api/client/http-client';
import type { SubmitInput } from '../../api/contract/requests';

export function useSubmitCase(caseId: string, version: number) {
  return useCaseWrite(caseId, async (body: SubmitInput) =>
    (await callApi('submitCase', { params: { caseId }, body, ifMatch: version })).data,
  );
}
