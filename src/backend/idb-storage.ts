// IndexedDB storage for the browser's dev backend, so a reload keeps the data like a real server
// would. Every read is validated with zod (persisted local state is input too): data that no longer
// parses raises StorageCorruptError and the backend reseeds. Writes run in one readwrite
// transaction, which makes the compare-and-set atomic across tabs.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { AuditEvent } from '../api/contract/audit';
import {
  StorageCorruptError,
  StoredCase,
  numberEvents,
  type BackendStorage,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed,
} from './storage';

/** Bump when the stored layout changes: older data is then treated as corrupt and reseeded. */
export const IDB_SCHEMA_VERSION = 1;

const SEEDED_KEY = ['meta', 'seeded'];
const SCHEMA_KEY = ['meta', 'schema'];
const SEQ_KEY = ['meta', 'seq'];
const caseKey = (id: string) => ['case', id];
const auditKey = (seq: number) => ['audit', seq];
// Array keys sort by element; `[]` sorts after every string and number, closing each range.
const CASE_RANGE = () => IDBKeyRange.bound(['case'], ['case', []]);
const AUDIT_RANGE = () => IDBKeyRange.bound(['audit'], ['audit', []]);

const Seq = z.number().int().min(0);

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StorageCorruptError(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

function writeSeed(objects: IDBObjectStore, seed: StorageSeed): void {
  for (const record of seed.cases) objects.put(record, caseKey(record.id));
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

  return {
    isSeeded: () => store('readonly', readSeeded),
    seedIfEmpty: (seed) =>
      store('readwrite', async (objects) => {
        if (await readSeeded(objects).catch(() => true)) return false;
        writeSeed(objects, seed);
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
    putCase: (record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[]): Promise<PutCaseResult> =>
      store('readwrite', async (objects) => {
        const stored: unknown = await promisifyRequest(objects.get(caseKey(record.id)));
        const currentVersion = stored === undefined ? null : parse(StoredCase, stored, `case ${record.id}`).version;
        if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
        const lastSeq = parse(Seq, (await promisifyRequest(objects.get(SEQ_KEY))) ?? 0, 'audit sequence');
        const numbered = numberEvents(events, lastSeq);
        objects.put(record, caseKey(record.id));
        for (const event of numbered) objects.put(event, auditKey(event.seq));
        objects.put(lastSeq + numbered.length, SEQ_KEY);
        await promisifyRequest(objects.transaction);
        return { ok: true, events: numbered };
      }),
    listAudit: () =>
      store('readonly', async (objects) => {
        const values: unknown[] = await promisifyRequest(objects.getAll(AUDIT_RANGE()));
        return values.map((value, index) => parse(AuditEvent, value, `audit event #${index}`));
      }),
    reset: (seed) =>
      store('readwrite', async (objects) => {
        objects.clear();
        writeSeed(objects, seed);
        await promisifyRequest(objects.transaction);
      }),
  };
}
