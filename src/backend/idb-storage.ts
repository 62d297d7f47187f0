// IndexedDB storage for the browser's dev backend, so a reload keeps the data like a real server
// would. Every read is validated with zod (persisted local state is input too): data that no longer
// parses raises StorageCorruptError and the backend reseeds. Writes run in one readwrite
// transaction, which makes the compare-and-set atomic across tabs.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { AuditEvent } from '../api/contract/audit';
import {
  CaseListing,
  StorageCorruptError,
  StoredCase,
  numberEvents,
  type BackendStorage,
  type ListingOf,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed,
} from './storage';
import { queryAuditInMemory, queryCasesInMemory, queryExpiringActionsInMemory, type ListedCase } from './storage-queries';

/** Bump when the stored layout changes: older data is then treated as corrupt and reseeded. */
export const IDB_SCHEMA_VERSION = 1;

const SEEDED_KEY = ['meta', 'seeded'];
const SCHEMA_KEY = ['meta', 'schema'];
const SEQ_KEY = ['meta', 'seq'];
const caseKey = (id: string) => ['case', id];
/** The case's listing (case-listing.ts), written in the same transaction as the case. */
const listingKey = (id: string) => ['listing', id];
const auditKey = (seq: number) => ['audit', seq];
// Array keys sort by element; `[]` sorts after every string and number, closing each range.
const CASE_RANGE = () => IDBKeyRange.bound(['case'], ['case', []]);
const AUDIT_RANGE = () => IDBKeyRange.bound(['audit'], ['audit', []]);
const LISTING_RANGE = () => IDBKeyRange.bound(['listing'], ['listing', []]);

const Seq = z.number().int().min(0);

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StorageCorruptError(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
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

async function readSeeded(objects: IDBObjectStore): Promise<boolean> {
  const seeded: unknown = await promisifyRequest(objects.get(SEEDED_KEY));
  if (seeded === undefined) return false;
  const schema: unknown = await promisifyRequest(objects.get(SCHEMA_KEY));
  if (seeded !== true || schema !== IDB_SCHEMA_VERSION) {
    throw new StorageCorruptError(`unexpected store layout (schema ${String(schema)})`);
  }
  return true;
}

export interface IdbStorageOptions {
  dbName?: string;
  storeName?: string;
}

export function createIdbStorage(options: IdbStorageOptions = {}): BackendStorage {
  const store: UseStore = createStore(options.dbName ?? 'cha-mock-backend', options.storeName ?? 'records');

  /** Every case with its listing, read in one transaction (the lists filter them in memory). */
  const readListed = () =>
    store('readonly', async (objects): Promise<ListedCase[]> => {
      const [records, listings]: [unknown[], unknown[]] = await Promise.all([
        promisifyRequest(objects.getAll(CASE_RANGE())),
        promisifyRequest(objects.getAll(LISTING_RANGE())),
      ]);
      if (records.length !== listings.length) throw new StorageCorruptError(`${records.length} cases but ${listings.length} listings`);
      return records.map((value, index) => ({
        record: parse(StoredCase, value, `case #${index}`),
        listing: parse(CaseListing, listings[index], `listing #${index}`),
      }));
    });

  const readAudit = () =>
    store('readonly', async (objects) => {
      const values: unknown[] = await promisifyRequest(objects.getAll(AUDIT_RANGE()));
      return values.map((value, index) => parse(AuditEvent, value, `audit event #${index}`));
    });

  return {
    isSeeded: () => store('readonly', readSeeded),
    seedIfEmpty: (seed, listingOf) =>
      store('readwrite', async (objects) => {
        if (await readSeeded(objects).catch(() => true)) return false;
        writeSeed(objects, seed, listingOf);
        await promisifyRequest(objects.transaction);
        return true;
      }),
    getCase: (id) =>
      store('readonly', async (objects) => {
        const value: unknown = await promisifyRequest(objects.get(caseKey(id)));
        return value === undefined ? null : parse(StoredCase, value, `case ${id}`);
      }),
    listCases: () =>
      store('readonly', async (objects) => {
        const values: unknown[] = await promisifyRequest(objects.getAll(CASE_RANGE()));
        return values.map((value, index) => parse(StoredCase, value, `case #${index}`));
      }),
    putCase: (record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing): Promise<PutCaseResult> =>
      store('readwrite', async (objects) => {
        const stored: unknown = await promisifyRequest(objects.get(caseKey(record.id)));
        const currentVersion = stored === undefined ? null : parse(StoredCase, stored, `case ${record.id}`).version;
        if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
        const lastSeq = parse(Seq, (await promisifyRequest(objects.get(SEQ_KEY))) ?? 0, 'audit sequence');
        const numbered = numberEvents(events, lastSeq);
        objects.put(record, caseKey(record.id));
        objects.put(listing, listingKey(record.id));
        for (const event of numbered) objects.put(event, auditKey(event.seq));
        objects.put(lastSeq + numbered.length, SEQ_KEY);
        await promisifyRequest(objects.transaction);
        return { ok: true, events: numbered };
      }),
    listAudit: readAudit,
    queryCases: async (query) => queryCasesInMemory(await readListed(), query),
    queryAudit: async (query) => queryAuditInMemory(await readAudit(), query),
    queryExpiringActions: async (query) => queryExpiringActionsInMemory((await readListed()).map((listed) => listed.record), query),
    reset: (seed, listingOf) =>
      store('readwrite', async (objects) => {
        objects.clear();
        writeSeed(objects, seed, listingOf);
        await promisifyRequest(objects.transaction);
      }),
  };
}
