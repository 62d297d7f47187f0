// Issue 16 §4, cross-case pivots: where an account appears across cases. One definition of "the
// accounts of a case" (its signals' accounts, R1-R2; its decided associations, R16; its actions on
// accounts, R14-R15) for every storage — the SQL storage keeps it in an index table — and the answers
// of the two endpoints, built from what the storage found.
import {
  MAX_PIVOT_CASES_PER_ACCOUNT,
  type AccountPivot,
  type CrossCaseAccounts,
  type PivotCase,
} from '../api/contract/account-pivot';
import { designationInForce } from '../api/contract/case';
import type { StoredCase } from './storage';

/** An account (lower-cased) and one other case it appears in, with the account's totals over all cases. */
export interface AccountCaseRef extends PivotCase {
  handle: string;
  caseCount: number;
  designationCount: number;
}

/** Handles are compared as the platform compares them: without regard to case. */
export function accountKey(handle: string): string {
  return handle.toLowerCase();
}

/** Every account the case names, lower-cased, each once, in code-unit order. */
export function accountHandlesOf(record: Pick<StoredCase, 'signals' | 'accounts' | 'enforcementActions'>): string[] {
  const handles = new Set<string>();
  for (const signal of record.signals) for (const handle of signal.accounts) handles.add(accountKey(handle));
  for (const association of record.accounts) handles.add(accountKey(association.handle));
  for (const action of record.enforcementActions) if (action.target === 'account') handles.add(accountKey(action.targetRef));
  return [...handles].toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function pivotCaseOf(record: StoredCase): PivotCase {
  return { caseId: record.id, caseName: record.actor.name, status: record.status, designated: designationInForce(record) };
}

/**
 * The storages' answer, worked out in memory (the SQL storage answers the same in SQL): per handle,
 * the cases other than `exceptCaseId` it appears in — designations in force first, then the latest
 * changed, then by id — at most `perHandle` of them, with the totals; in handle order.
 */
export function accountCaseRefsInMemory(
  records: Iterable<StoredCase>,
  handles: readonly string[],
  exceptCaseId: string | null,
  perHandle = MAX_PIVOT_CASES_PER_ACCOUNT,
): AccountCaseRef[] {
  const wanted = new Set(handles.map(accountKey));
  const byHandle = new Map<string, { record: StoredCase; pivot: PivotCase }[]>();
  for (const record of records) {
    if (record.id === exceptCaseId) continue;
    const pivot = pivotCaseOf(record);
    for (const handle of accountHandlesOf(record)) {
      if (!wanted.has(handle)) continue;
      const list = byHandle.get(handle) ?? [];
      list.push({ record, pivot });
      byHandle.set(handle, list);
    }
  }
  const refs: AccountCaseRef[] = [];
  for (const handle of [...byHandle.keys()].toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cases = (byHandle.get(handle) ?? []).toSorted(
      (a, b) =>
        Number(b.pivot.designated) - Number(a.pivot.designated) ||
        Date.parse(b.record.updatedAt) - Date.parse(a.record.updatedAt) ||
        (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
    );
    const designationCount = cases.filter((entry) => entry.pivot.designated).length;
    for (const { pivot } of cases.slice(0, perHandle)) refs.push({ handle, ...pivot, caseCount: cases.length, designationCount });
  }
  return refs;
}

/** The case page's marks: each of its accounts found elsewhere, with the first cases and the totals. */
export function crossCaseAccountsOf(refs: readonly AccountCaseRef[]): CrossCaseAccounts {
  const accounts = new Map<string, CrossCaseAccounts['accounts'][number]>();
  for (const { handle, caseCount, designationCount, ...pivot } of refs) {
    const entry = accounts.get(handle) ?? { handle, cases: [], caseCount, designationCount };
    entry.cases.push(pivot);
    accounts.set(handle, entry);
  }
  return { accounts: [...accounts.values()] };
}

/** What one case holds about the account, for the account page. */
export function accountInCase(record: StoredCase, handle: string): AccountPivot['cases'][number] {
  const key = accountKey(handle);
  const association = record.accounts.find((candidate) => accountKey(candidate.handle) === key) ?? null;
  return {
    ...pivotCaseOf(record),
    signalCount: record.signals.filter((signal) => signal.accounts.some((candidate) => accountKey(candidate) === key)).length,
    association: association && { status: association.status, decidedBy: association.decidedBy, decidedAt: association.decidedAt },
    actions: record.enforcementActions
      .filter((action) => action.target === 'account' && accountKey(action.targetRef) === key)
      .map(({ id, type, appliedAt, expiresAt, endedAt, reappliesId }) => ({ id, type, appliedAt, expiresAt, endedAt, reappliesId }))
      .toSorted((a, b) => Date.parse(b.appliedAt) - Date.parse(a.appliedAt)),
  };
}
