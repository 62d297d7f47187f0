// The backend's persistence seam, small enough for a real database to implement. A case write is a
// compare-and-set on the case version that appends its audit events in the same atomic step, so two
// backend instances sharing one store never overwrite each other's work and never write a change
// without its audit event (R19). There is deliberately no way to update or delete an event.
import { z } from 'zod';
import { AuditEvent, AuditEventType, AuditQuery } from '../api/contract/audit';
import { CaseDocument, type AccountAssociation, type EnforcementAction } from '../api/contract/case';
import { AccountStatus, ActionState, CaseActionsQuery } from '../api/contract/designation-lists';
import { EnforcementActionType } from '../api/contract/policy-terms';
import type { CaseListQuery, CaseSummary } from '../api/contract/case-list';
import type { ExpiringAction, ExpiringActionsQuery as ExpiringActionsQueryInput } from '../api/contract/expiring-actions';
import { PriorityBand, VerdictOutcome } from '../api/contract/policy-terms';
import { UtcTimestamp } from '../api/contract/scalars';
import type { PivotKind } from '../api/contract/cross-case-pivots';
import type { CaseRef } from './cross-case-pivots';
import type { QuarantinedRecord } from '../api/contract/storage-health';

/**
 * A case as stored: the contract's CaseDocument, except that `accounts` holds only decided
 * associations; suggested accounts are derived from the signals when the case is read (R16).
 */
export type StoredCase = CaseDocument;
export const StoredCase = CaseDocument;

/** An event before the store numbers it: `seq` is assigned inside the atomic write. */
export type NewAuditEvent = Omit<AuditEvent, 'seq'>;

/** What a fresh store starts with; seed events carry their `seq` already. */
export const StorageSeed = z.object({ cases: z.array(StoredCase), audit: z.array(AuditEvent) });
export type StorageSeed = z.infer<typeof StorageSeed>;

/**
 * What the lists show that only the engine and the rules can say about a case: the backend computes
 * it when it writes the case (case-listing.ts) and the storage keeps it beside the case, so lists
 * filter, sort and page on it without the storage evaluating any policy.
 */
export const CaseListing = z.object({
  verdict: VerdictOutcome,
  priority: z.number(),
  priorityBand: PriorityBand,
  /** Set while a designation is in force (R17). */
  nextReviewAt: z.nullable(UtcTimestamp),
  /** Back with the analyst after a return (issue 12 §2); listings stored before it was kept read false. */
  returned: z.boolean().default(false),
  /** Issue 12 §6: the owning analyst and the assigned reviewer; listings stored before read null. */
  ownerId: z.nullable(z.string()).default(null),
  reviewerId: z.nullable(z.string()).default(null),
  /** R3: a platform-manipulation proposal waits for a decision; listings stored before read false. */
  manipulationPending: z.boolean().default(false),
});
export type CaseListing = z.infer<typeof CaseListing>;

/** How the backend lists a seed's cases when a store is seeded or reset. */
export type ListingOf = (record: StoredCase) => CaseListing;

/** The case list's query once parsed (defaults filled in). */
export type CasePageQuery = z.output<typeof CaseListQuery>;

export interface Page<T> {
  items: T[];
  /** How many match the query, over all pages. */
  total: number;
}

/**
 * The trail's query as the storage takes it: the endpoint's (defaults filled in), and for the rules a
 * set of event types (the conversation's events, a request's ticks).
 */
export const AuditStorageQuery = AuditQuery.extend({ types: z.optional(z.array(AuditEventType).max(AuditEventType.options.length)) });
export type AuditPageQuery = z.output<typeof AuditStorageQuery>;

/** Actions whose expiry falls in [from, to) and that have not ended (R15). */
export type ExpiringActionsQuery = z.output<typeof ExpiringActionsQueryInput>;

/** Rows of one page or batch of a case's accounts or actions, at most (an endpoint's page is smaller). */
const MAX_STORAGE_ROWS = 10_000;
const rowWindow = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_STORAGE_ROWS) };

/**
 * Issue 10 §3: a page of a case's accounts (R16) as the storage takes it: the endpoint's query parsed
 * (`q` trimmed, without its `@`, lower-cased; empty = none).
 */
export const CaseAccountsPageQuery = z.object({ status: z.optional(AccountStatus), q: z.optional(z.string().max(50)), ...rowWindow });
export type CaseAccountsPageQuery = z.output<typeof CaseAccountsPageQuery>;

/** A page of a case's actions (R14-R15); `now` decides which are in force. */
export const CaseActionsPageQuery = z.object({
  state: z.optional(ActionState),
  type: z.optional(EnforcementActionType),
  dir: CaseActionsQuery.shape.dir,
  now: UtcTimestamp,
  ...rowWindow,
});
export type CaseActionsPageQuery = z.output<typeof CaseActionsPageQuery>;

/**
 * What a case write changed from the stored version (`expectedVersion`), as the backend knows it from
 * the record it read and the rules' answer (commit in backend.ts): the positions of the accounts and
 * actions that are new or differ, and whether what the case names for the cross-case pivots may have
 * changed (`names`, conservative: true when unsure). A storage may write only those rows (issue 10 §3:
 * an autosave of a case with 100,000 accounts must not ship or compare 100,000 rows); without it, or
 * on a create, it writes everything. Rows past the record's end go either way.
 */
export interface CaseChanges {
  accounts: readonly number[];
  actions: readonly number[];
  names: boolean;
}

export type PutCaseResult =
  | { ok: true; events: AuditEvent[] }
  /** The stored version moved (or the case exists on create); `null` = no such case. */
  | { ok: false; currentVersion: number | null };

export interface BackendStorage {
  /** True once a seed (or reset) has been written. */
  isSeeded(): Promise<boolean>;
  /** Writes the seed only if nothing was seeded yet; atomic, so concurrent starts seed once. */
  seedIfEmpty(seed: StorageSeed, listingOf: ListingOf): Promise<boolean>;
  getCase(id: string): Promise<StoredCase | null>;
  /** Every case, in id order: for export and tests. Screens use queryCases. */
  listCases(): Promise<StoredCase[]>;
  /**
   * Compare-and-set: stores `record` (with its `listing`) only when the stored version equals
   * `expectedVersion` (`null` = the case must not exist yet), and appends `events` with fresh,
   * increasing `seq`, in one atomic step.
   */
  putCase(record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing, changes?: CaseChanges): Promise<PutCaseResult>;
  /** A page of the case list, filtered and sorted; rows without a sort value go last either way. */
  queryCases(query: CasePageQuery): Promise<Page<CaseSummary>>;
  /** A page of the trail, filtered, newest first. */
  queryAudit(query: AuditPageQuery): Promise<Page<AuditEvent>>;
  /**
   * Appends events that change no case (a comment, a request ticked off: issue 12) with fresh,
   * increasing `seq`, in one atomic step. Their case must exist.
   */
  appendEvents(events: NewAuditEvent[]): Promise<AuditEvent[]>;
  /** A page of the actions expiring in a window, soonest first. */
  queryExpiringActions(query: ExpiringActionsQuery): Promise<Page<ExpiringAction>>;
  /**
   * Issue 16 §4: for each of `values` of `kind` (compared as pivotKey makes them), the cases other
   * than `exceptCaseId` that name it (pivotValuesOf) — designations in force first, then the latest
   * changed, then by id — at most `perValue` per value, with the value's totals; in value order.
   */
  casesWithRefs(kind: PivotKind, values: readonly string[], exceptCaseId: string | null, perValue: number): Promise<CaseRef[]>;
  /**
   * Issue 10 §3, R16: a page of the case's accounts as the case is read — the decided ones in the
   * stored order, then those its signals name that nobody decided yet (suggested) in the signals'
   * order — filtered by status and by a part of the handle (compared lower-cased); `null` when there is
   * no such case.
   */
  queryCaseAccounts(caseId: string, query: CaseAccountsPageQuery): Promise<Page<AccountAssociation> | null>;
  /** R14-R15: a page of the case's actions in the case's order (or the latest first), by state at `now` and type; `null`: no such case. */
  queryCaseActions(caseId: string, query: CaseActionsPageQuery): Promise<Page<EnforcementAction> | null>;
  /** Every account of the case as queryCaseAccounts orders them, `batchSize` at a time (exports); none for no case. */
  caseAccountsInBatches(caseId: string, batchSize: number): AsyncGenerator<AccountAssociation[]>;
  /** Every action of the case in the case's order, `batchSize` at a time (exports); none for no case. */
  caseActionsInBatches(caseId: string, batchSize: number): AsyncGenerator<EnforcementAction[]>;
  /** The whole trail, oldest first: for export and tests. Screens use queryAudit. */
  listAudit(): Promise<AuditEvent[]>;
  /** Drops everything and writes `seed` (dev reset). */
  reset(seed: StorageSeed, listingOf: ListingOf): Promise<void>;
  /**
   * Stores whose records can fail validation (browser storage the user can tamper with, old layouts)
   * set such records aside instead of dropping anything, and list them here, after checking every
   * stored record. Storages that validate on the way in need not implement it.
   */
  listQuarantined?(): Promise<QuarantinedRecord[]>;
}

/** Persisted data failed validation and could not be set aside: the request fails, nothing is dropped. */
export class StorageCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageCorruptError';
  }
}

export const EMPTY_SEED: StorageSeed = { cases: [], audit: [] };

/** Numbers new events after the highest `seq` so far; shared by the storages so they agree. */
export function numberEvents(events: readonly NewAuditEvent[], lastSeq: number): AuditEvent[] {
  return events.map((event, index) => ({ ...event, seq: lastSeq + index + 1 }));
}

export function lastSeqOf(events: readonly AuditEvent[]): number {
  return events.reduce((max, event) => Math.max(max, event.seq), 0);
}
