// The backend's persistence seam, small enough for a real database to implement. A case write is a
// compare-and-set on the case version that appends its audit events in the same atomic step, so two
// backend instances sharing one store never overwrite each other's work and never write a change
// without its audit event (R19). There is deliberately no way to update or delete an event.
import { z } from 'zod';
import { AuditEvent } from '../api/contract/audit';
import { CaseDocument } from '../api/contract/case';
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

export type PutCaseResult =
  | { ok: true; events: AuditEvent[] }
  /** The stored version moved (or the case exists on create); `null` = no such case. */
  | { ok: false; currentVersion: number | null };

export interface BackendStorage {
  /** True once a seed (or reset) has been written. */
  isSeeded(): Promise<boolean>;
  /** Writes the seed only if nothing was seeded yet; atomic, so concurrent starts seed once. */
  seedIfEmpty(seed: StorageSeed): Promise<boolean>;
  getCase(id: string): Promise<StoredCase | null>;
  listCases(): Promise<StoredCase[]>;
  /**
   * Compare-and-set: stores `record` only when the stored version equals `expectedVersion`
   * (`null` = the case must not exist yet), and appends `events` with fresh, increasing `seq`.
   */
  putCase(record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[]): Promise<PutCaseResult>;
  /** The whole trail, oldest first. */
  listAudit(): Promise<AuditEvent[]>;
  /** Drops everything and writes `seed` (dev reset). */
  reset(seed: StorageSeed): Promise<void>;
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
