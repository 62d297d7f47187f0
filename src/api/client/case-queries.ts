// TanStack Query hooks over the typed client, shared by every feature that reads cases or users.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDocument, NewCaseInput } from '../contract/case';
import type { CaseListQuery } from '../contract/case-list';
import { callApi } from './http-client';
import { queryKeys } from './query-keys';

/** The team's directory (names in the trail, the demo picker); on the server, once someone is signed in. */
export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.users,
    enabled,
    queryFn: async ({ signal }) => (await callApi('listUsers', { signal })).data,
    staleTime: Infinity,
  });
}

export function useCaseList(query: CaseListQuery) {
  return useQuery({
    queryKey: queryKeys.cases.list(query),
    queryFn: async ({ signal }) => (await callApi('listCases', { query, signal })).data,
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: queryKeys.cases.detail(caseId),
    queryFn: async ({ signal }) => (await callApi('getCase', { params: { caseId }, signal })).data,
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewCaseInput) => (await callApi('createCase', { body })).data,
    onSuccess: (created: CaseDocument) => {
      queryClient.setQueryData(queryKeys.cases.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
    },
  });
}
