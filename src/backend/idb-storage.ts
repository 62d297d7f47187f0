// IndexedDB storage for the browser's dev backend, so a reload keeps the data like a real server
// would. Every read is validated with zod (persisted local state is input too). A record that no
// longer parses is set aside under a quarantine key, with the reason and its raw value (kept, listed
// by listQuarantined, never served), and the rest is served: one bad record must not cost the other
// cases or the audit trail (issue 14, defect 3). A store whose layout is unknown is set aside whole
// and the demo data seeded beside it. Writes run in one readwrite transaction, which makes the
// compare-and-set atomic across tabs, and any error inside one aborts it, so a case never lands
// without its audit events (defect 4). Only the dev reset drops data, the quarantine included.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { AuditEvent } from '../api/contract/audit';
import type { QuarantinedRecord } from '../api/contract/storage-health';
import {
  CaseListing,
  StoredCase,
  numberEvents,
  type BackendStorage,
  type ListingOf,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed,
} from './storage';
import { caseRefsInMemory } from './cross-case-pivots';
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

/**
 * Bump when the stored layout changes: older data is then set aside (quarantined) and the store
 * reseeded. 2: each case's listing is stored beside it (['listing', id]).
 */
export const IDB_SCHEMA_VERSION = 2;

const SEEDED_KEY = ['meta', 'seeded'];
const SCHEMA_KEY = ['meta', 'schema'];
const SEQ_KEY = ['meta', 'seq'];
const QUARANTINE = 'quarantine';
const caseKey = (id: string) => ['case', id];
/** The case's listing (case-listing.ts), written in the same transaction as the case. */
const listingKey = (id: string) => ['listing', id];
const auditKey = (seq: number) => ['audit', seq];
const quarantineKey = (at: string, key: IDBValidKey) => [QUARANTINE, at, key];
// Array keys sort by element; `[]` sorts after every string and number, closing each range.
const CASE_RANGE = () => IDBKeyRange.bound(['case'], ['case', []]);
const AUDIT_RANGE = () => IDBKeyRange.bound(['audit'], ['audit', []]);
const LISTING_RANGE = () => IDBKeyRange.bound(['listing'], ['listing', []]);
const QUARANTINE_RANGE = () => IDBKeyRange.bound([QUARANTINE], [QUARANTINE, []]);

const Seq = z.number().int().min(0);

/** What the quarantine keeps of a record it set aside: enough to inspect or restore it by hand. */
const QuarantineEntry = z.object({ key: z.unknown(), reason: z.string(), quarantinedAt: z.string(), value: z.unknown() });

interface Unreadable {
  key: IDBValidKey;
  reason: string;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
}

function describeKey(key: unknown): Pick<QuarantinedRecord, 'kind' | 'ref'> {
  if (Array.isArray(key) && key.length === 2) {
    const [space, id] = key as unknown[];
    if (space === 'case' && typeof id === 'string') return { kind: 'case', ref: id };
    if (space === 'audit' && typeof id === 'number') return { kind: 'audit-event', ref: String(id) };
    if (space === 'meta' && typeof id === 'string') return { kind: 'meta', ref: id };
  }
  return { kind: 'other', ref: JSON.stringify(key) ?? String(key) };
}

function warnSetAside(key: IDBValidKey, reason: string): void {
  const { kind, ref } = describeKey(key);
  console.warn(`[mock backend] stored ${kind} ${ref} does not parse (${reason}); set aside (quarantined, kept), the rest is served.`);
}

/** Moves one record under the quarantine keys, inside the caller's readwrite transaction. */
function setAside(objects: IDBObjectStore, key: IDBValidKey, value: unknown, reason: string, at: string, warn = true): void {
  objects.put({ key, reason, quarantinedAt: at, value }, quarantineKey(at, key));
  objects.delete(key);
  if (warn) warnSetAside(key, reason);
}

/** A readwrite transaction that commits only if `work` succeeds: any error (even a synchronous throw from `put`) aborts it. */
function write<T>(store: UseStore, work: (objects: IDBObjectStore) => Promise<T>): Promise<T> {
  return store('readwrite', async (objects) => {
    try {
      const result = await work(objects);
      await promisifyRequest(objects.transaction);
      return result;
    } catch (error) {
      try {
        objects.transaction.abort();
      } catch {
        // Already aborted (a failed request aborts it) or finished: nothing was committed by us.
      }
      throw error;
    }
  });
}

function writeSeed(objects: IDBObjectStore, seed: StorageSeed, listingOf: ListingOf): void {
  for (const record of seed.cases) {
    objects.put(record, caseKey(record.id));
    objects.put(listingOf(record), listingKey(record.id));
  }
  for (const event of seed.audit) objects.put(event, auditKey(event.seq));
  objects.put(seed.audit.reduce((max, event) => Math.max(max, event.seq), 0), SEQ_KEY);
  objects.put(IDB_SCHEMA_VERSION, SCHEMA_KEY);
  objects.put(true, SEEDED_KEY);
}

type Layout = { kind: 'current' } | { kind: 'empty' } | { kind: 'unknown'; schema: unknown };

async function readLayout(objects: IDBObjectStore): Promise<Layout> {
  const seeded: unknown = await promisifyRequest(objects.get(SEEDED_KEY));
  const schema: unknown = await promisifyRequest(objects.get(SCHEMA_KEY));
  if (seeded === true && schema === IDB_SCHEMA_VERSION) return { kind: 'current' };
  if (seeded === undefined && schema === undefined) return { kind: 'empty' };
  return { kind: 'unknown', schema };
}

/** Sets aside every record outside the quarantine (a store of an unknown layout, or data left without its seed marker). */
async function setAsideEverything(objects: IDBObjectStore, reason: string): Promise<void> {
  const [keys, values] = await Promise.all([
    promisifyRequest(objects.getAllKeys()),
    promisifyRequest<unknown[]>(objects.getAll()),
  ]);
  const at = new Date().toISOString();
  let count = 0;
  keys.forEach((key, index) => {
    if (Array.isArray(key) && key[0] === QUARANTINE) return;
    setAside(objects, key, values[index], reason, at, false);
    count += 1;
  });
  // One line for the lot: a whole store can hold thousands of audit events.
  if (count > 0) console.warn(`[mock backend] ${reason}: set aside all ${count} stored records (quarantined, kept) and seeded the demo data.`);
}

/** The last `seq` handed out; if its record is unreadable, it is set aside and the trail's highest key is used. */
async function readLastSeq(objects: IDBObjectStore): Promise<number> {
  const raw: unknown = await promisifyRequest(objects.get(SEQ_KEY));
  const parsed = Seq.safeParse(raw ?? 0);
  if (parsed.success) return parsed.data;
  setAside(objects, SEQ_KEY, raw, firstIssue(parsed.error), new Date().toISOString());
  const cursor = await promisifyRequest(objects.openKeyCursor(AUDIT_RANGE(), 'prev'));
  const key: unknown = cursor?.key;
  return Array.isArray(key) && typeof key[1] === 'number' ? key[1] : 0;
}

function toReport(value: unknown): QuarantinedRecord {
  const entry = QuarantineEntry.safeParse(value);
  if (!entry.success) return { kind: 'other', ref: '?', reason: 'unreadable quarantine entry', quarantinedAt: '' };
  return { ...describeKey(entry.data.key), reason: entry.data.reason, quarantinedAt: entry.data.quarantinedAt };
}

export interface IdbStorageOptions {
  dbName?: string;
  storeName?: string;
}

export function createIdbStorage(options: IdbStorageOptions = {}): BackendStorage {
  const store: UseStore = createStore(options.dbName ?? 'cha-mock-backend', options.storeName ?? 'records');

  /** Sets aside the records a read found unreadable, unless another tab rewrote them meanwhile. */
  async function setAsideIfStillUnreadable(schema: z.ZodType, unreadable: Unreadable[]): Promise<void> {
    if (unreadable.length === 0) return;
    const at = new Date().toISOString();
    await write(store, async (objects) => {
      for (const { key } of unreadable) {
        const value: unknown = await promisifyRequest(objects.get(key));
        if (value === undefined) continue;
        const result = schema.safeParse(value);
        if (!result.success) setAside(objects, key, value, firstIssue(result.error), at);
      }
    });
  }

  /** Reads one key range, serves what parses (with its key) and sets aside what does not. */
  async function readKeyed<S extends z.ZodType>(schema: S, range: () => IDBKeyRange): Promise<[IDBValidKey, z.output<S>][]> {
    const [keys, values] = await store('readonly', (objects) =>
      Promise.all([promisifyRequest(objects.getAllKeys(range())), promisifyRequest<unknown[]>(objects.getAll(range()))]),
    );
    const valid: [IDBValidKey, z.output<S>][] = [];
    const unreadable: Unreadable[] = [];
    values.forEach((value, index) => {
      const result = schema.safeParse(value);
      if (result.success) valid.push([keys[index] as IDBValidKey, result.data]);
      else unreadable.push({ key: keys[index] as IDBValidKey, reason: firstIssue(result.error) });
    });
    await setAsideIfStillUnreadable(schema, unreadable);
    return valid;
  }

  async function readRange<S extends z.ZodType>(schema: S, range: () => IDBKeyRange): Promise<z.output<S>[]> {
    return (await readKeyed(schema, range)).map(([, value]) => value);
  }

  const listCases = () => readRange(StoredCase, CASE_RANGE);
  const listAudit = () => readRange(AuditEvent, AUDIT_RANGE);

  /** Every readable case with its readable listing (the lists filter them in memory). */
  async function readListed(): Promise<ListedCase[]> {
    const [records, listings] = await Promise.all([listCases(), readKeyed(CaseListing, LISTING_RANGE)]);
    const byId = new Map(listings.map(([key, listing]) => [Array.isArray(key) ? String(key[1]) : '', listing]));
    // A case whose listing was set aside is left out of the lists until its next write lists it again.
    return records.flatMap((record) => {
      const listing = byId.get(record.id);
      return listing ? [{ record, listing }] : [];
    });
  }

  /** One case, validated; an unreadable one is set aside and reads as absent. */
  async function getCase(id: string): Promise<StoredCase | null> {
    const key = caseKey(id);
    const value: unknown = await store('readonly', (objects) => promisifyRequest(objects.get(key)));
    if (value === undefined) return null;
    const result = StoredCase.safeParse(value);
    if (result.success) return result.data;
    await setAsideIfStillUnreadable(StoredCase, [{ key, reason: firstIssue(result.error) }]);
    return null;
  }

  return {
    isSeeded: async () => (await store('readonly', readLayout)).kind === 'current',
    seedIfEmpty: (seed, listingOf) =>
      write(store, async (objects) => {
        const layout = await readLayout(objects);
        if (layout.kind === 'current') return false;
        await setAsideEverything(
          objects,
          layout.kind === 'unknown' ? `unknown store layout (schema ${String(layout.schema)})` : 'stored without a seed marker',
        );
        writeSeed(objects, seed, listingOf);
        return true;
      }),
    getCase,
    listCases,
    putCase: (record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing): Promise<PutCaseResult> =>
      write(store, async (objects) => {
        const key = caseKey(record.id);
        const stored: unknown = await promisifyRequest(objects.get(key));
        let currentVersion: number | null = null;
        if (stored !== undefined) {
          const parsed = StoredCase.safeParse(stored);
          // An unreadable case counts as absent: set aside, it cannot be overwritten by accident.
          if (parsed.success) currentVersion = parsed.data.version;
          else setAside(objects, key, stored, firstIssue(parsed.error), new Date().toISOString());
        }
        if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
        const lastSeq = await readLastSeq(objects);
        const numbered = numberEvents(events, lastSeq);
        objects.put(record, key);
        objects.put(listing, listingKey(record.id));
        for (const event of numbered) objects.put(event, auditKey(event.seq));
        objects.put(lastSeq + numbered.length, SEQ_KEY);
        return { ok: true, events: numbered };
      }),
    queryCases: async (query) => queryCasesInMemory(await readListed(), query),
    queryAudit: async (query) => queryAuditInMemory(await listAudit(), query),
    appendEvents: (events) =>
      write(store, async (objects) => {
        const lastSeq = await readLastSeq(objects);
        const numbered = numberEvents(events, lastSeq);
        for (const event of numbered) objects.put(event, auditKey(event.seq));
        objects.put(lastSeq + numbered.length, SEQ_KEY);
        return numbered;
      }),
    queryExpiringActions: async (query) => queryExpiringActionsInMemory(await listCases(), query),
    casesWithRefs: async (kind, values, exceptCaseId, perValue) => caseRefsInMemory(await listCases(), kind, values, exceptCaseId, perValue),
    // The dev backend's lists are small: read the case, filter in memory (issue 10 §3).
    queryCaseAccounts: async (caseId, query) => {
      const record = await getCase(caseId);
      return record ? queryCaseAccountsInMemory(record, query) : null;
    },
    queryCaseActions: async (caseId, query) => {
      const record = await getCase(caseId);
      return record ? queryCaseActionsInMemory(record, query) : null;
    },
    async *caseAccountsInBatches(caseId, batchSize) {
      const record = await getCase(caseId);
      if (record) yield* batchesOf(caseAccountsAsRead(record), batchSize);
    },
    async *caseActionsInBatches(caseId, batchSize) {
      const record = await getCase(caseId);
      if (record) yield* batchesOf(record.enforcementActions, batchSize);
    },
    listAudit,
    reset: (seed, listingOf) =>
      write(store, async (objects) => {
        objects.clear();
        writeSeed(objects, seed, listingOf);
      }),
    listQuarantined: async () => {
      // Check every record first, so the report is complete before any screen has read them.
      await Promise.all([listCases(), listAudit()]);
      const values = await store('readonly', (objects) => promisifyRequest<unknown[]>(objects.getAll(QUARANTINE_RANGE())));
      return values.map(toReport);
    },
  };
}
