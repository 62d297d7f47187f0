// The append-only trail (R19), overall and per case, filtered and paged by the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import type { AuditQuery, CaseAuditQuery } from '../../api/contract/audit';

export function useAuditTrail(query: AuditQuery) {
  return useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: async ({ signal }) => (await callApi('audit', { query, signal })).data,
    placeholderData: keepPreviousData,
  });
}

export function useCaseAuditTrail(caseId: string, query: CaseAuditQuery = {}) {
  return useQuery({
    queryKey: queryKeys.cases.audit(caseId, query),
    queryFn: async ({ signal }) => (await callApi('caseAudit', { params: { caseId }, query, signal })).data,
    placeholderData: keepPreviousData,
  });
}
