// The seam's queries answered in memory, for the storages that hold everything at hand (memory,
// IndexedDB). The SQL storage answers the same queries in SQL; the contract suite holds both to the
// same answers, so the orders here are the SQL ones: rows without a sort value last in either
// direction, ties by id in code-unit order, names compared lower-cased, the policy's terms (kind,
// status, verdict) in the order policy-terms.ts lists them, people by id.
import type { z } from 'zod';
import type { AuditEvent } from '../api/contract/audit';
import type { AccountAssociation, EnforcementAction } from '../api/contract/case';
import type { CaseSummary } from '../api/contract/case-list';
import { actionInState, type AccountFilter } from '../api/contract/designation-lists';
import type { ExpiringAction } from '../api/contract/expiring-actions';
import { ACTOR_KINDS, CASE_STATUSES, VERDICT_OUTCOMES } from '../engine/policy-terms';
import { caseSearchText } from './case-search';
import { caseSummary } from './case-listing';
import { suggestedAccounts } from './case-rules';
import type {
  AuditPageQuery,
  CaseAccountsPageQuery,
  CaseActionsPageQuery,
  CaseListing,
  CasePageQuery,
  ExpiringActionsQuery,
  Page,
  StoredCase,
} from './storage';

export interface ListedCase {
  record: StoredCase;
  listing: CaseListing;
}

/** Code-unit order, like SQL's `COLLATE "C"` (localeCompare would differ by locale). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function pageOf<T>(rows: T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: rows.slice(start, start + pageSize), total: rows.length };
}

const instant = (value: string | null) => (value === null ? null : Date.parse(value));

type SortValue = number | string | null;

/** A term's place in the policy's list (the SQL storage ranks with the same lists). */
const rank = (terms: readonly string[], term: string) => terms.indexOf(term);

function sortValue(row: CaseSummary, sort: Exclude<CasePageQuery['sort'], 'queue'>): SortValue {
  switch (sort) {
    case 'priority':
      return row.priority;
    case 'name':
      return row.name.toLowerCase();
    case 'updatedAt':
      return instant(row.updatedAt);
    case 'submittedAt':
      return instant(row.submittedAt);
    case 'nextReviewAt':
      return instant(row.nextReviewAt);
    case 'actorKind':
      return rank(ACTOR_KINDS, row.actorKind);
    case 'status':
      return rank(CASE_STATUSES, row.status);
    case 'verdict':
      return rank(VERDICT_OUTCOMES, row.verdict);
    case 'signalCount':
      return row.signalCount;
    // By id: the storage holds no names (they are in the identity store); ids are short and stable.
    case 'ownerId':
      return row.ownerId;
    case 'reviewerId':
      return row.reviewerId;
  }
}

/** Nulls last whatever the direction; then the value; then id. */
function compareValues(x: SortValue, y: SortValue, sign: number): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
  return sign * compareText(String(x), String(y));
}

function compareRows(query: CasePageQuery): (a: CaseSummary, b: CaseSummary) => number {
  if (query.sort === 'queue') {
    // R11: priority first, then the longest-waiting submission.
    return (a, b) =>
      compareValues(a.priority, b.priority, -1) ||
      compareValues(instant(a.submittedAt), instant(b.submittedAt), 1) ||
      compareText(a.id, b.id);
  }
  const sort = query.sort;
  const sign = query.dir === 'asc' ? 1 : -1;
  return (a, b) => compareValues(sortValue(a, sort), sortValue(b, sort), sign) || compareText(a.id, b.id);
}

export function queryCasesInMemory(cases: Iterable<ListedCase>, query: CasePageQuery): Page<CaseSummary> {
  const needle = query.q?.trim().toLowerCase() ?? '';
  const dueBy = query.dueBy === undefined ? null : Date.parse(query.dueBy);
  const rows: CaseSummary[] = [];
  for (const { record, listing } of cases) {
    if (query.returned && !listing.returned) continue;
    if (query.ownerId && listing.ownerId !== query.ownerId) continue;
    if (query.reviewerId && listing.reviewerId !== query.reviewerId) continue;
    if (query.manipulationPending && !listing.manipulationPending) continue;
    if (needle && !caseSearchText(record).includes(needle)) continue;
    const row = caseSummary(record, listing);
    if (query.status && row.status !== query.status) continue;
    if (query.actorKind && row.actorKind !== query.actorKind) continue;
    if (query.priorityBand && row.priorityBand !== query.priorityBand) continue;
    if (dueBy !== null && (row.nextReviewAt === null || Date.parse(row.nextReviewAt) > dueBy)) continue;
    rows.push(row);
  }
  return pageOf(rows.toSorted(compareRows(query)), query.page, query.pageSize);
}

/** `events` oldest first, as the storages keep them. */
export function queryAuditInMemory(events: readonly AuditEvent[], query: AuditPageQuery): Page<AuditEvent> {
  const rows = events.filter(
    (event) =>
      (!query.caseId || event.caseId === query.caseId) &&
      (!query.type || event.type === query.type) &&
      (!query.types || query.types.includes(event.type)) &&
      (!query.actorId || event.actorId === query.actorId) &&
      (!query.mentioned || (event.mentions?.includes(query.mentioned) ?? false)) &&
      (!query.from || Date.parse(event.at) >= Date.parse(query.from)) &&
      (!query.to || Date.parse(event.at) < Date.parse(query.to)),
  );
  return pageOf(rows.toReversed(), query.page, query.pageSize);
}

export function queryExpiringActionsInMemory(cases: Iterable<StoredCase>, query: ExpiringActionsQuery): Page<ExpiringAction> {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows: ExpiringAction[] = [];
  for (const record of cases) {
    for (const action of record.enforcementActions) {
      if (action.endedAt !== null || action.expiresAt === null) continue;
      const expires = Date.parse(action.expiresAt);
      if (expires >= from && expires < to) rows.push({ caseId: record.id, caseName: record.actor.name, action });
    }
  }
  rows.sort(
    (a, b) =>
      Date.parse(a.action.expiresAt ?? '') - Date.parse(b.action.expiresAt ?? '') ||
      compareText(a.caseId, b.caseId) ||
      compareText(a.action.id, b.action.id),
  );
  return pageOf(rows, query.page, query.pageSize);
}

// ---------------------------------------------------------------------------------------------
// issue 10 §3: one case's accounts and actions, a page or a batch at a time

/** R16: the case's accounts as it is read: the decided ones in the stored order, then the suggested ones. */
export function caseAccountsAsRead(record: Pick<StoredCase, 'accounts' | 'signals'>): AccountAssociation[] {
  return [...record.accounts, ...suggestedAccounts(record)];
}

/** The filter of the accounts list and of a bulk decision's `allMatching`: a status, a part of the handle (case-blind). */
export function matchesAccountFilter(account: AccountAssociation, filter: z.output<typeof AccountFilter>): boolean {
  if (filter.status && account.status !== filter.status) return false;
  const needle = filter.q?.toLowerCase();
  return !needle || account.handle.toLowerCase().includes(needle);
}

function slice<T>(rows: T[], offset: number, limit: number): Page<T> {
  return { items: rows.slice(offset, offset + limit), total: rows.length };
}

export function queryCaseAccountsInMemory(record: Pick<StoredCase, 'accounts' | 'signals'>, query: CaseAccountsPageQuery): Page<AccountAssociation> {
  const rows = caseAccountsAsRead(record).filter((account) => matchesAccountFilter(account, query));
  return slice(rows, query.offset, query.limit);
}

export function queryCaseActionsInMemory(record: Pick<StoredCase, 'enforcementActions'>, query: CaseActionsPageQuery): Page<EnforcementAction> {
  const rows = record.enforcementActions.filter(
    (action) => (!query.type || action.type === query.type) && (!query.state || actionInState(action, query.state, query.now)),
  );
  return slice(query.dir === 'desc' ? rows.toReversed() : rows, query.offset, query.limit);
}

/** `items` in batches of `size` (the in-memory storages' exports). */
export async function* batchesOf<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Batches read page by page through a paged query (the bridge); stops at the first short page. */
export async function* batchesFromPages<T>(page: (offset: number, limit: number) => Promise<Page<T> | null>, size: number): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += size) {
    const found = await page(offset, size);
    if (!found || found.items.length === 0) return;
    yield found.items;
    if (found.items.length < size) return;
  }
}
