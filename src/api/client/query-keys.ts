// Every TanStack Query key in one place (ARCHITECTURE.md rule 3): mutations invalidate by key.
import type { AuditQuery } from '../contract/audit';
import type { CaseListQuery } from '../contract/requests';

export const queryKeys = {
  users: ['users'] as const,
  cases: {
    all: ['cases'] as const,
    list: (query: CaseListQuery) => ['cases', 'list', query] as const,
    detail: (caseId: string) => ['cases', 'detail', caseId] as const,
    audit: (caseId: string) => ['cases', 'detail', caseId, 'audit'] as const,
  },
  audit: (query: AuditQuery) => ['audit', query] as const,
};
