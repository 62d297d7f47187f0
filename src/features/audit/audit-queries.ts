// The append-only trail (R19), overall (filtered by the server) and per case.
import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import type { AuditQuery } from '../../api/contract/audit';

export function useAuditTrail(query: AuditQuery) {
  return useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: async ({ signal }) => (await callApi('audit', { query, signal })).data,
  });
}

export function useCaseAuditTrail(caseId: string) {
  return useQuery({
    queryKey: queryKeys.cases.audit(caseId),
    queryFn: async ({ signal }) => (await callApi('caseAudit', { params: { caseId }, signal })).data,
  });
}
