// Server state of the designation record: association decisions (R16), enforcement actions (R14-R15)
// and the exportable decision record (R19).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useCaseWrite } from '../../api/client/case-write';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import type {
  AccountDecisionInput,
  ApplyActionInput,
  LiftActionInput,
  ManipulationDecisionInput,
  ManipulationProposalInput,
  ReapplicationDecisionInput,
  ReapplyActionInput,
} from '../../api/contract/requests';

export function useDecideAccount(caseId: string, version: number) {
  return useCaseWrite(caseId, async (body: AccountDecisionInput) =>
    (await callApi('decideAccount', { params: { caseId }, body, ifMatch: version })).data,
  );
}

export function useApplyAction(caseId: string, version: number) {
  return useCaseWrite(caseId, async (body: ApplyActionInput) =>
    (await callApi('applyAction', { params: { caseId }, body, ifMatch: version })).data,
  );
}

export function useReapplyAction(caseId: string, version: number) {
  return useCaseWrite(caseId, async ({ actionId, body }: { actionId: string; body: ReapplyActionInput }) =>
    (await callApi('reapplyAction', { params: { caseId, actionId }, body, ifMatch: version })).data,
  );
}

export function useLiftAction(caseId: string, version: number) {
  return useCaseWrite(caseId, async ({ actionId, body }: { actionId: string; body: LiftActionInput }) =>
    (await callApi('liftAction', { params: { caseId, actionId }, body, ifMatch: version })).data,
  );
}

/** The statement of reasons as the server builds it; only an approved designation has one. */
export function useDecisionRecord(caseId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.cases.decisionRecord(caseId),
    queryFn: async ({ signal }) => (await callApi('decisionRecord', { params: { caseId }, signal })).data,
    enabled,
  });
}

/** Fetches the record fresh at the moment of an export, so the file says what is true now. */
export function useFetchDecisionRecord(caseId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.fetchQuery({
        queryKey: queryKeys.cases.decisionRecord(caseId),
        queryFn: async ({ signal }) => (await callApi('decisionRecord', { params: { caseId }, signal })).data,
        staleTime: 0,
      }),
    [queryClient, caseId],
  );
}

/** R3: an analyst proposes platform-manipulation enforcement. */
export function useProposeManipulation(caseId: string, version: number) {
  return useCaseWrite(caseId, async (body: ManipulationProposalInput) =>
    (await callApi('proposeManipulationEnforcement', { params: { caseId }, body, ifMatch: version })).data,
  );
}

/** R3: another reviewer decides it (R18). */
export function useDecideManipulation(caseId: string, version: number) {
  return useCaseWrite(caseId, async ({ proposalId, body }: { proposalId: string; body: ManipulationDecisionInput }) =>
    (await callApi('decideManipulationEnforcement', { params: { caseId, proposalId }, body, ifMatch: version })).data,
  );
}

/** R15: a reviewer re-applies the limit a proposal names, or dismisses the proposal. */
export function useDecideReapplication(caseId: string, version: number) {
  return useCaseWrite(caseId, async ({ proposalId, body }: { proposalId: string; body: ReapplicationDecisionInput }) =>
    (await callApi('decideReapplication', { params: { caseId, proposalId }, body, ifMatch: version })).data,
  );
}

/** R15: a reviewer turns automatic re-application on or off for the case. */
export function useSetAutoReapply(caseId: string, version: number) {
  return useCaseWrite(caseId, async (enabled: boolean) =>
    (await callApi('setAutoReapply', { params: { caseId }, body: { enabled }, ifMatch: version })).data,
  );
}
