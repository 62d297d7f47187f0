// Server state of the review feature: the two queues and the reviewer's writes (R8, R17, R18).
import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client/http-client';
import { useCaseWrite } from '../../api/client/case-write';
import { queryKeys } from '../../api/client/query-keys';
import type { DecisionInput, PeriodicReviewInput } from '../../api/contract/requests';
import type { CaseListQuery } from '../../api/contract/case-list';

/** Queues are small; one page of the maximum size holds them, so ordering can happen here. */
export const IN_REVIEW_QUERY: CaseListQuery = { status: 'in_review', sort: 'queue', pageSize: 200 };
export const DESIGNATED_QUERY: CaseListQuery = { status: 'designated', sort: 'nextReviewAt', dir: 'asc', pageSize: 200 };

export function useQueue(query: CaseListQuery) {
  return useQuery({
    queryKey: queryKeys.cases.list(query),
    queryFn: async ({ signal }) => (await callApi('listCases', { query, signal })).data,
  });
}

export function useDecideCase(caseId: string, version: number) {
  return useCaseWrite(caseId, async (body: DecisionInput) =>
    (await callApi('decideCase', { params: { caseId }, body, ifMatch: version })).data,
  );
}

export function usePeriodicReview(caseId: string, version: number) {
  return useCaseWrite(caseId, async (body: PeriodicReviewInput) =>
    (await callApi('periodicReview', { params: { caseId }, body, ifMatch: version })).data,
  );
}
