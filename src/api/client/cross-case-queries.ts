// Issue 16 §4, cross-case pivots: the case's accounts, links and hashtags found in other cases, and
// the account page's cases. Under the `cases` key, so any case write (here or, through the live stream, elsewhere)
// refreshes them.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CrossCaseRefs } from '../contract/cross-case-pivots';
import { callApi } from './http-client';
import { queryKeys } from './query-keys';

export type CrossCaseRef = CrossCaseRefs['accounts'][number];

/**
 * The case's accounts, links and hashtags that appear in other cases; `byHandle` finds an account by
 * its lower-cased handle (empty while loading or on failure).
 */
export function useCrossCaseRefs(caseId: string) {
  const query = useQuery({
    queryKey: queryKeys.cases.crossCaseRefs(caseId),
    queryFn: async ({ signal }) => (await callApi('crossCaseRefs', { params: { caseId }, signal })).data,
    staleTime: 30_000,
  });
  const byHandle = useMemo(() => new Map((query.data?.accounts ?? []).map((account) => [account.value, account])), [query.data]);
  return { ...query, byHandle };
}

export function useAccountPivot(handle: string) {
  return useQuery({
    queryKey: queryKeys.cases.account(handle),
    queryFn: async ({ signal }) => (await callApi('accountPivot', { params: { handle }, signal })).data,
  });
}
