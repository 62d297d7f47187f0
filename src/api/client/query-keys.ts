// Every TanStack Query key in one place (ARCHITECTURE.md rule 3): mutations invalidate by key.
import type { AuditQuery, CaseAuditQuery } from '../contract/audit';
import type { CaseListQuery } from '../contract/case-list';
import type { CaseAccountsQuery, CaseActionsQuery } from '../contract/designation-lists';

export const queryKeys = {
  users: ['users'] as const,
  /** The signed-in identity; refetched when the user switcher invalidates everything. */
  me: ['me'] as const,
  /** Server mode: who the signed session names (`user: null` = show sign-in). */
  session: ['session'] as const,
  cases: {
    all: ['cases'] as const,
    list: (query: CaseListQuery) => ['cases', 'list', query] as const,
    detail: (caseId: string) => ['cases', 'detail', caseId] as const,
    audit: (caseId: string, query: CaseAuditQuery = {}) => ['cases', 'detail', caseId, 'audit', query] as const,
    decisionRecord: (caseId: string) => ['cases', 'detail', caseId, 'decision-record'] as const,
    /** Issue 10 §3: pages of a designation's accounts and actions (any write of the case refreshes them). */
    accounts: (caseId: string, query: CaseAccountsQuery) => ['cases', 'detail', caseId, 'accounts', query] as const,
    actions: (caseId: string, query: CaseActionsQuery) => ['cases', 'detail', caseId, 'actions', query] as const,
    /** Issue 12: the conversation (its newest `pageSize` entries) and the latest return's requests. */
    conversation: (caseId: string) => ['cases', 'detail', caseId, 'conversation'] as const,
    returnRequests: (caseId: string) => ['cases', 'detail', caseId, 'requests'] as const,
    /** Issue 12 §7: who has the case open (this tab's heartbeat answers it; the live stream updates it). */
    presence: (caseId: string) => ['cases', 'detail', caseId, 'presence'] as const,
    /** Issue 16 §4: the case's accounts found in other cases (any case write may change them). */
    crossCaseRefs: (caseId: string) => ['cases', 'detail', caseId, 'shared-with-other-cases'] as const,
    /** Issue 16 §4: every case one account appears in. */
    account: (handle: string) => ['cases', 'account', handle.toLowerCase()] as const,
  },
  audit: (query: AuditQuery) => ['audit', query] as const,
  /** Prefix of every overall-trail query: a case write invalidates them all. */
  auditAll: ['audit'] as const,
  /** The mock backend's report of stored records it set aside (msw mode only). */
  devStorage: ['dev', 'storage'] as const,
};
