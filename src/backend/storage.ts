// The backend's persistence seam, small enough for a real database to implement. A case write is a
// compare-and-set on the case version that appends its audit events in the same atomic step, so two
// backend instances sharing one store never overwrite each other's work and never write a change
// without its audit event (R19). There is deliberately no way to update or delete an event.
import { z } from 'zod';
import { AuditEvent, AuditEventType, AuditQuery } from '../api/contract/audit';
import { CaseDocument } from '../api/contract/case';
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
  putCase(record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing): Promise<PutCaseResult>;
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
