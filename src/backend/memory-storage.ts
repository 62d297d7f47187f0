// In-memory storage for Node (tests, the MSW node server, the Playwright harness's shared store).
// Every value is cloned in and out, so no caller can change a stored case or event behind its back.
import type { AuditEvent } from '../api/contract/audit';
import { caseRefsInMemory } from './cross-case-pivots';
import {
  lastSeqOf,
  numberEvents,
  type BackendStorage,
  type CaseListing,
  type ListingOf,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed,
  type StoredCase,
} from './storage';
import {
  batchesOf,
  caseAccountsAsRead,
  queryAuditInMemory,
  queryCaseAccountsInMemory,
  queryCaseActionsInMemory,
  queryCasesInMemory,
  queryExpiringActionsInMemory,
  type ListedCase,
} from './storage-queries';

export function createMemoryStorage(): BackendStorage {
  const cases = new Map<string, ListedCase>();
  const audit: AuditEvent[] = [];
  let seeded = false;

  function load(seed: StorageSeed, listingOf: ListingOf): void {
    cases.clear();
    audit.length = 0;
    for (const record of seed.cases) cases.set(record.id, { record: structuredClone(record), listing: listingOf(record) });
    audit.push(...structuredClone(seed.audit).toSorted((a, b) => a.seq - b.seq));
    seeded = true;
  }

  // Each method does its work synchronously before its first await point, which is what makes the
  // compare-and-set atomic on a single JS thread.
  return {
    async isSeeded() {
      return seeded;
    },
    async seedIfEmpty(seed, listingOf) {
      if (seeded) return false;
      load(seed, listingOf);
      return true;
    },
    async getCase(id) {
      const stored = cases.get(id);
      return stored ? structuredClone(stored.record) : null;
    },
    async listCases() {
      return [...cases.values()].map((stored) => structuredClone(stored.record)).toSorted((a, b) => (a.id < b.id ? -1 : 1));
    },
    // Holding the whole record, it has no use for the write's changes.
    async putCase(record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing): Promise<PutCaseResult> {
      const currentVersion = cases.get(record.id)?.record.version ?? null;
      if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
      const numbered = numberEvents(events, lastSeqOf(audit.slice(-1)));
      cases.set(record.id, { record: structuredClone(record), listing: { ...listing } });
      audit.push(...structuredClone(numbered));
      return { ok: true, events: numbered };
    },
    async queryCases(query) {
      return structuredClone(queryCasesInMemory(cases.values(), query));
    },
    async appendEvents(events) {
      const numbered = numberEvents(events, lastSeqOf(audit.slice(-1)));
      audit.push(...structuredClone(numbered));
      return numbered;
    },
    async queryAudit(query) {
      return structuredClone(queryAuditInMemory(audit, query));
    },
    async queryExpiringActions(query) {
      return structuredClone(queryExpiringActionsInMemory([...cases.values()].map((stored) => stored.record), query));
    },
    async casesWithRefs(kind, values, exceptCaseId, perValue) {
      return caseRefsInMemory([...cases.values()].map((stored) => stored.record), kind, values, exceptCaseId, perValue);
    },
    async queryCaseAccounts(caseId, query) {
      const stored = cases.get(caseId);
      return stored ? structuredClone(queryCaseAccountsInMemory(stored.record, query)) : null;
    },
    async queryCaseActions(caseId, query) {
      const stored = cases.get(caseId);
      return stored ? structuredClone(queryCaseActionsInMemory(stored.record, query)) : null;
    },
    async *caseAccountsInBatches(caseId, batchSize) {
      const stored = cases.get(caseId);
      // Read at once, like a SQL snapshot of the first batch; copies, so the caller cannot change the store.
      if (stored) yield* batchesOf(structuredClone(caseAccountsAsRead(stored.record)), batchSize);
    },
    async *caseActionsInBatches(caseId, batchSize) {
      const stored = cases.get(caseId);
      if (stored) yield* batchesOf(structuredClone(stored.record.enforcementActions), batchSize);
    },
    async listAudit() {
      return structuredClone(audit);
    },
    async reset(seed, listingOf) {
      load(seed, listingOf);
    },
  };
}
