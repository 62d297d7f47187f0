// Server state of the review feature: the two queues and the reviewer's writes (R8, R17, R18).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client/http-client';
import { useCaseWrite } from '../../api/client/case-write';
import { queryKeys } from '../../api/client/query-keys';
import type { DecisionInput, PeriodicReviewInput } from '../../api/contract/requests';
import type { CaseListQuery } from '../../api/contract/case-list';

/** The review queue, in its order (R11), one page of the largest size; `total` counts them all. */
export const IN_REVIEW_QUERY: CaseListQuery = { status: 'in_review', sort: 'queue', pageSize: 200 };

/**
 * The due queue (R17): the designations whose periodic review is due at `now`, filtered by the
 * server (in SQL on the server), most overdue first, however many designations there are.
 */
export function dueQuery(now: string): CaseListQuery {
  return { status: 'designated', dueBy: now, sort: 'nextReviewAt', dir: 'asc', pageSize: 200 };
}

export function useQueue(query: CaseListQuery) {
  return useQuery({
    queryKey: queryKeys.cases.list(query),
    queryFn: async ({ signal }) => (await callApi('listCases', { query, signal })).data,
    // The due queue's instant moves every minute: keep showing the last answer while the next loads.
    placeholderData: keepPreviousData,
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
