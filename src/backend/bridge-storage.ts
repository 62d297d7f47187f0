// A storage that forwards every call to `window.__chaSharedStore(op, payload)`. Playwright's e2e
// harness exposes that function in several browser contexts, all backed by one Node-side store, so
// two contexts share one database like two users of one server. Both sides validate what crosses
// the bridge with zod: each is input to the other.
import { z } from 'zod';
import { PIVOT_KINDS, PivotCase } from '../api/contract/cross-case-pivots';
import { AuditEvent } from '../api/contract/audit';
import { AccountAssociation, EnforcementAction } from '../api/contract/case';
import { CaseListQuery, CaseSummary } from '../api/contract/case-list';
import { ExpiringAction, ExpiringActionsQuery } from '../api/contract/expiring-actions';
import {
  AuditStorageQuery,
  CaseAccountsPageQuery,
  CaseActionsPageQuery,
  CaseListing,
  StorageCorruptError,
  StorageSeed,
  StoredCase,
  type BackendStorage,
  type CaseChanges,
  type ListingOf,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed as Seed,
} from './storage';
import { batchesFromPages } from './storage-queries';

/** The function the harness exposes: one operation name and a JSON payload in, a JSON result out. */
export type SharedStoreCall = (op: StorageOp, payload: unknown) => Promise<unknown>;

declare global {
  interface Window {
    __chaSharedStore?: SharedStoreCall;
  }
}

const NewAuditEventSchema = AuditEvent.omit({ seq: true });

/** The bridge protocol: every operation with its payload schema. Results are described in BRIDGE_RESULTS. */
// A seed's listings travel with it, one per case in the seed's order: the listing function stays on
// the browser side, where the backend's rules are.
const SeedWithListings = z.object({ seed: StorageSeed, listings: z.array(CaseListing) });

export const BRIDGE_PAYLOADS = {
  isSeeded: z.object({}),
  seedIfEmpty: SeedWithListings,
  getCase: z.object({ id: z.string() }),
  listCases: z.object({}),
  putCase: z.object({
    record: StoredCase,
    expectedVersion: z.number().int().nullable(),
    events: z.array(NewAuditEventSchema),
    listing: CaseListing,
    changes: z.optional(z.object({ accounts: z.array(z.number().int().min(0)), actions: z.array(z.number().int().min(0)), names: z.boolean() })),
  }),
  queryCases: z.object({ query: CaseListQuery }),
  queryAudit: z.object({ query: AuditStorageQuery }),
  appendEvents: z.object({ events: z.array(NewAuditEventSchema) }),
  queryExpiringActions: z.object({ query: ExpiringActionsQuery }),
  casesWithRefs: z.object({ kind: z.enum(PIVOT_KINDS), values: z.array(z.string()), exceptCaseId: z.string().nullable(), perValue: z.number().int().min(1) }),
  queryCaseAccounts: z.object({ caseId: z.string(), query: CaseAccountsPageQuery }),
  queryCaseActions: z.object({ caseId: z.string(), query: CaseActionsPageQuery }),
  listAudit: z.object({}),
  reset: SeedWithListings,
} as const;

export type StorageOp = keyof typeof BRIDGE_PAYLOADS;
export const STORAGE_OPS = Object.keys(BRIDGE_PAYLOADS) as StorageOp[];

const PutCaseResultSchema = z.union([
  z.object({ ok: z.literal(true), events: z.array(AuditEvent) }),
  z.object({ ok: z.literal(false), currentVersion: z.number().int().nullable() }),
]);

const pageOf = <S extends z.core.$ZodType>(item: S) => z.object({ items: z.array(item), total: z.number().int() });

export const BRIDGE_RESULTS = {
  isSeeded: z.boolean(),
  seedIfEmpty: z.boolean(),
  getCase: StoredCase.nullable(),
  listCases: z.array(StoredCase),
  putCase: PutCaseResultSchema,
  queryCases: pageOf(CaseSummary),
  queryAudit: pageOf(AuditEvent),
  appendEvents: z.array(AuditEvent),
  queryExpiringActions: pageOf(ExpiringAction),
  casesWithRefs: z.array(
    PivotCase.extend({ kind: z.enum(PIVOT_KINDS), value: z.string(), caseCount: z.number().int(), designationCount: z.number().int() }),
  ),
  queryCaseAccounts: pageOf(AccountAssociation).nullable(),
  queryCaseActions: pageOf(EnforcementAction).nullable(),
  listAudit: z.array(AuditEvent),
  reset: z.null(),
} as const satisfies Record<StorageOp, z.core.$ZodType>;

function withListings(seed: Seed, listingOf: ListingOf) {
  return { seed, listings: seed.cases.map(listingOf) };
}

/** The host side's listing function for a seed that came with its listings. */
function listingsOf(payload: z.output<typeof SeedWithListings>): ListingOf {
  const byId = new Map(payload.seed.cases.map((record, index) => [record.id, payload.listings[index]]));
  return (record) => {
    const listing = byId.get(record.id);
    if (!listing) throw new Error(`the seed carries no listing for case ${record.id}`);
    return listing;
  };
}

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
    seedIfEmpty: (seed, listingOf) => send('seedIfEmpty', withListings(seed, listingOf)),
    getCase: (id) => send('getCase', { id }),
    listCases: () => send('listCases', {}),
    putCase: (record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing, changes?: CaseChanges): Promise<PutCaseResult> =>
      send('putCase', { record, expectedVersion, events, listing, ...(changes ? { changes: { ...changes, accounts: [...changes.accounts], actions: [...changes.actions] } } : {}) }),
    queryCases: (query) => send('queryCases', { query }),
    queryAudit: (query) => send('queryAudit', { query }),
    appendEvents: (events) => send('appendEvents', { events }),
    queryExpiringActions: (query) => send('queryExpiringActions', { query }),
    casesWithRefs: (kind, values, exceptCaseId, perValue) => send('casesWithRefs', { kind, values: [...values], exceptCaseId, perValue }),
    queryCaseAccounts: (caseId, query) => send('queryCaseAccounts', { caseId, query }),
    queryCaseActions: (caseId, query) => send('queryCaseActions', { caseId, query }),
    // Batches cross the bridge as pages: one operation fewer in the protocol, the same rows.
    caseAccountsInBatches: (caseId, batchSize) =>
      batchesFromPages((offset, limit) => send('queryCaseAccounts', { caseId, query: { offset, limit } }), batchSize),
    caseActionsInBatches: (caseId, batchSize) =>
      batchesFromPages(
        (offset, limit) => send('queryCaseActions', { caseId, query: { offset, limit, dir: 'asc', now: new Date(0).toISOString() } }),
        batchSize,
      ),
    listAudit: () => send('listAudit', {}),
    reset: async (seed, listingOf) => {
      await send('reset', withListings(seed, listingOf));
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
      case 'seedIfEmpty': {
        const payload = input as z.output<typeof BRIDGE_PAYLOADS.seedIfEmpty>;
        return storage.seedIfEmpty(payload.seed, listingsOf(payload));
      }
      case 'getCase':
        return storage.getCase((input as z.output<typeof BRIDGE_PAYLOADS.getCase>).id);
      case 'listCases':
        return storage.listCases();
      case 'putCase': {
        const { record, expectedVersion, events, listing, changes } = input as z.output<typeof BRIDGE_PAYLOADS.putCase>;
        return storage.putCase(record, expectedVersion, events, listing, changes);
      }
      case 'queryCases':
        return storage.queryCases((input as z.output<typeof BRIDGE_PAYLOADS.queryCases>).query);
      case 'queryAudit':
        return storage.queryAudit((input as z.output<typeof BRIDGE_PAYLOADS.queryAudit>).query);
      case 'appendEvents':
        return storage.appendEvents((input as z.output<typeof BRIDGE_PAYLOADS.appendEvents>).events);
      case 'queryExpiringActions':
        return storage.queryExpiringActions((input as z.output<typeof BRIDGE_PAYLOADS.queryExpiringActions>).query);
      case 'casesWithRefs': {
        const { kind, values, exceptCaseId, perValue } = input as z.output<typeof BRIDGE_PAYLOADS.casesWithRefs>;
        return storage.casesWithRefs(kind, values, exceptCaseId, perValue);
      }
      case 'queryCaseAccounts': {
        const { caseId, query } = input as z.output<typeof BRIDGE_PAYLOADS.queryCaseAccounts>;
        return storage.queryCaseAccounts(caseId, query);
      }
      case 'queryCaseActions': {
        const { caseId, query } = input as z.output<typeof BRIDGE_PAYLOADS.queryCaseActions>;
        return storage.queryCaseActions(caseId, query);
      }
      case 'listAudit':
        return storage.listAudit();
      case 'reset': {
        const payload = input as z.output<typeof BRIDGE_PAYLOADS.reset>;
        await storage.reset(payload.seed, listingsOf(payload));
        return null;
      }
    }
  };
}
