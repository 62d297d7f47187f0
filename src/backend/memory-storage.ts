// In-memory storage for Node (tests, the MSW node server, the Playwright harness's shared store).
// Every value is cloned in and out, so no caller can change a stored case or event behind its back.
import type { AuditEvent } from '../api/contract/audit';
import {
  lastSeqOf,
  numberEvents,
  type BackendStorage,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed,
  type StoredCase,
} from './storage';

export function createMemoryStorage(): BackendStorage {
  const cases = new Map<string, StoredCase>();
  const audit: AuditEvent[] = [];
  let seeded = false;

  function load(seed: StorageSeed): void {
    cases.clear();
    audit.length = 0;
    for (const record of seed.cases) cases.set(record.id, structuredClone(record));
    audit.push(...structuredClone(seed.audit).toSorted((a, b) => a.seq - b.seq));
    seeded = true;
  }

  // Each method does its work synchronously before its first await point, which is what makes the
  // compare-and-set atomic on a single JS thread.
  return {
    async isSeeded() {
      return seeded;
    },
    async seedIfEmpty(seed) {
      if (seeded) return false;
      load(seed);
      return true;
    },
    async getCase(id) {
      const record = cases.get(id);
      return record ? structuredClone(record) : null;
    },
    async listCases() {
      return [...cases.values()].map((record) => structuredClone(record));
    },
    async putCase(record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[]): Promise<PutCaseResult> {
      const current = cases.get(record.id);
      const currentVersion = current?.version ?? null;
      if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
      const numbered = numberEvents(events, lastSeqOf(audit.slice(-1)));
      cases.set(record.id, structuredClone(record));
      audit.push(...structuredClone(numbered));
      return { ok: true, events: numbered };
    },
    async listAudit() {
      return structuredClone(audit);
    },
    async reset(seed) {
      load(seed);
    },
  };
}
