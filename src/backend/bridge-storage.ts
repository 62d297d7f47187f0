// A storage that forwards every call to `window.__chaSharedStore(op, payload)`. Playwright's e2e
// harness exposes that function in several browser contexts, all backed by one Node-side store, so
// two contexts share one database like two users of one server. Both sides validate what crosses
// the bridge with zod: each is input to the other.
import { z } from 'zod';
import { AuditEvent } from '../api/contract/audit';
import {
  StorageCorruptError,
  StorageSeed,
  StoredCase,
  type BackendStorage,
  type NewAuditEvent,
  type PutCaseResult,
} from './storage';

/** The function the harness exposes: one operation name and a JSON payload in, a JSON result out. */
export type SharedStoreCall = (op: StorageOp, payload: unknown) => Promise<unknown>;

declare global {
  interface Window {
    __chaSharedStore?: SharedStoreCall;
  }
}

const NewAuditEventSchema = AuditEvent.omit({ seq: true });

/** The bridge protocol: every operation with its payload schema. Results are described in BRIDGE_RESULTS. */
export const BRIDGE_PAYLOADS = {
  isSeeded: z.object({}),
  seedIfEmpty: z.object({ seed: StorageSeed }),
  getCase: z.object({ id: z.string() }),
  listCases: z.object({}),
  putCase: z.object({
    record: StoredCase,
    expectedVersion: z.number().int().nullable(),
    events: z.array(NewAuditEventSchema),
  }),
  listAudit: z.object({}),
  reset: z.object({ seed: StorageSeed }),
} as const;

export type StorageOp = keyof typeof BRIDGE_PAYLOADS;
export const STORAGE_OPS = Object.keys(BRIDGE_PAYLOADS) as StorageOp[];

const PutCaseResultSchema = z.union([
  z.object({ ok: z.literal(true), events: z.array(AuditEvent) }),
  z.object({ ok: z.literal(false), currentVersion: z.number().int().nullable() }),
]);

export const BRIDGE_RESULTS = {
  isSeeded: z.boolean(),
  seedIfEmpty: z.boolean(),
  getCase: StoredCase.nullable(),
  listCases: z.array(StoredCase),
  putCase: PutCaseResultSchema,
  listAudit: z.array(AuditEvent),
  reset: z.null(),
} as const satisfies Record<StorageOp, z.ZodType>;

/** The browser side: a BackendStorage over the exposed function. */
export function createBridgeStorage(call: SharedStoreCall): BackendStorage {
  async function send<Op extends StorageOp>(op: Op, payload: z.input<(typeof BRIDGE_PAYLOADS)[Op]>) {
    const raw = await call(op, payload);
    const result = BRIDGE_RESULTS[op].safeParse(raw);
    if (!result.success) {
      throw new StorageCorruptError(`shared store answered ${op} with ${result.error.issues[0]?.message ?? 'invalid data'}`);
    }
    return result.data as z.output<(typeof BRIDGE_RESULTS)[Op]>;
  }
  return {
    isSeeded: () => send('isSeeded', {}),
    seedIfEmpty: (seed) => send('seedIfEmpty', { seed }),
    getCase: (id) => send('getCase', { id }),
    listCases: () => send('listCases', {}),
    putCase: (record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[]): Promise<PutCaseResult> =>
      send('putCase', { record, expectedVersion, events }),
    listAudit: () => send('listAudit', {}),
    reset: async (seed) => {
      await send('reset', { seed });
    },
  };
}

/** The shared store's function, when the page runs under the e2e harness. */
export function sharedStoreFromWindow(): SharedStoreCall | null {
  // oxlint-disable-next-line no-underscore-dangle -- the name is the e2e harness's contract
  return typeof window !== 'undefined' && typeof window.__chaSharedStore === 'function' ? window.__chaSharedStore : null;
}

/**
 * The Node side, for the harness: `context.exposeFunction('__chaSharedStore', createStorageBridgeHost(store))`
 * with one store (e.g. createMemoryStorage()) for every context.
 */
export function createStorageBridgeHost(storage: BackendStorage): (op: string, payload: unknown) => Promise<unknown> {
  return async (op, payload) => {
    if (!(STORAGE_OPS as string[]).includes(op)) throw new Error(`unknown shared-store op: ${op}`);
    const name = op as StorageOp;
    const input = BRIDGE_PAYLOADS[name].parse(payload ?? {});
    switch (name) {
      case 'isSeeded':
        return storage.isSeeded();
      case 'seedIfEmpty':
        return storage.seedIfEmpty((input as z.output<typeof BRIDGE_PAYLOADS.seedIfEmpty>).seed);
      case 'getCase':
        return storage.getCase((input as z.output<typeof BRIDGE_PAYLOADS.getCase>).id);
      case 'listCases':
        return storage.listCases();
      case 'putCase': {
        const { record, expectedVersion, events } = input as z.output<typeof BRIDGE_PAYLOADS.putCase>;
        return storage.putCase(record, expectedVersion, events);
      }
      case 'listAudit':
        return storage.listAudit();
      case 'reset':
        await storage.reset((input as z.output<typeof BRIDGE_PAYLOADS.reset>).seed);
        return null;
    }
  };
}
