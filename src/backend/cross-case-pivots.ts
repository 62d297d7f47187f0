// Issue 16 §4, cross-case pivots: where an account, a link or a hashtag appears across cases. One
// definition of what a case names (pivotValuesOf) for every storage — the SQL storage keeps it in an
// index table — and the answers of the two endpoints, built from what the storage found.
import {
  MAX_PIVOT_CASES_PER_ACCOUNT,
  PIVOT_KINDS,
  type AccountPivot,
  type CrossCaseRefs,
  type PivotCase,
  type PivotKind,
} from '../api/contract/cross-case-pivots';
import { designationInForce } from '../api/contract/case';
import { sharedTextKey } from '../engine/detection/shared-text';
import { normaliseUrl } from '../engine/detection/url-normalise';
import type { StoredCase } from './storage';
import { compareText } from './storage-queries';

/** A value (as compared) and one other case it appears in, with the value's totals over all cases. */
export interface CaseRef extends PivotCase {
  kind: PivotKind;
  value: string;
  caseCount: number;
  designationCount: number;
}

/** Handles are compared as the platform compares them: without regard to case. */
export function accountKey(handle: string): string {
  return handle.toLowerCase();
}

/** A value as the pivots compare it; null for one that names nothing (an empty or non-http link). */
export function pivotKey(kind: PivotKind, raw: string): string | null {
  switch (kind) {
    case 'account':
      return accountKey(raw);
    case 'link':
      return normaliseUrl(raw);
    case 'hashtag': {
      const tag = raw.trim().replace(/^#+/, '').toLowerCase();
      return tag === '' ? null : `#${tag}`;
    }
    case 'text':
      return sharedTextKey(raw);
  }
}

/** What the case names, by kind: each value once, as compared, in code-unit order. */
export function pivotValuesOf(record: Pick<StoredCase, 'signals' | 'accounts' | 'enforcementActions' | 'harm' | 'actor'>): Record<PivotKind, string[]> {
  const found = { account: new Set<string>(), link: new Set<string>(), hashtag: new Set<string>(), text: new Set<string>() } satisfies Record<PivotKind, Set<string>>;
  const add = (kind: PivotKind, raw: string) => {
    const key = pivotKey(kind, raw);
    if (key !== null) found[kind].add(key);
  };
  for (const signal of record.signals) {
    for (const handle of signal.accounts) add('account', handle);
    for (const source of signal.sources) add('link', source);
    for (const text of signal.sharedTexts ?? []) add('text', text);
  }
  for (const association of record.accounts) add('account', association.handle);
  for (const action of record.enforcementActions) if (action.target === 'account') add('account', action.targetRef);
  for (const assessment of Object.values(record.harm)) for (const evidence of assessment.evidence) add('link', evidence.link);
  for (const hashtag of record.actor.hashtags) add('hashtag', hashtag);
  return {
    account: [...found.account].toSorted(compareText),
    link: [...found.link].toSorted(compareText),
    hashtag: [...found.hashtag].toSorted(compareText),
    text: [...found.text].toSorted(compareText),
  };
}

/** Every account the case names, lower-cased, each once, in code-unit order. */
export function accountHandlesOf(record: Pick<StoredCase, 'signals' | 'accounts' | 'enforcementActions' | 'harm' | 'actor'>): string[] {
  return pivotValuesOf(record).account;
}

export function pivotCaseOf(record: StoredCase): PivotCase {
  return { caseId: record.id, caseName: record.actor.name, status: record.status, designated: designationInForce(record) };
}

/**
 * The storages' answer, worked out in memory (the SQL storage answers the same in SQL): per value of
 * `kind`, the cases other than `exceptCaseId` naming it — designations in force first, then the latest
 * changed, then by id — at most `perValue` of them, with the totals; in value order.
 */
export function caseRefsInMemory(
  records: Iterable<StoredCase>,
  kind: PivotKind,
  values: readonly string[],
  exceptCaseId: string | null,
  perValue = MAX_PIVOT_CASES_PER_ACCOUNT,
): CaseRef[] {
  const wanted = new Set(values.flatMap((raw) => pivotKey(kind, raw) ?? []));
  const byValue = new Map<string, { record: StoredCase; pivot: PivotCase }[]>();
  for (const record of records) {
    if (record.id === exceptCaseId) continue;
    const pivot = pivotCaseOf(record);
    for (const value of pivotValuesOf(record)[kind]) {
      if (!wanted.has(value)) continue;
      const list = byValue.get(value) ?? [];
      list.push({ record, pivot });
      byValue.set(value, list);
    }
  }
  const refs: CaseRef[] = [];
  for (const value of [...byValue.keys()].toSorted(compareText)) {
    const cases = (byValue.get(value) ?? []).toSorted(
      (a, b) =>
        Number(b.pivot.designated) - Number(a.pivot.designated) ||
        Date.parse(b.record.updatedAt) - Date.parse(a.record.updatedAt) ||
        compareText(a.record.id, b.record.id),
    );
    const designationCount = cases.filter((entry) => entry.pivot.designated).length;
    for (const { pivot } of cases.slice(0, perValue)) refs.push({ kind, value, ...pivot, caseCount: cases.length, designationCount });
  }
  return refs;
}

/** The case page's marks: each value found elsewhere, with the first cases and the totals, by kind. */
export function crossCaseRefsOf(refs: readonly CaseRef[]): CrossCaseRefs {
  const grouped = { account: new Map(), link: new Map(), hashtag: new Map(), text: new Map() } satisfies Record<PivotKind, Map<string, CrossCaseRefs['accounts'][number]>>;
  for (const { kind, value, caseCount, designationCount, ...pivot } of refs) {
    const entry = grouped[kind].get(value) ?? { value, cases: [], caseCount, designationCount };
    entry.cases.push(pivot);
    grouped[kind].set(value, entry);
  }
  const [accounts, links, hashtags, texts] = PIVOT_KINDS.map((kind) => [...grouped[kind].values()]);
  return { accounts: accounts ?? [], links: links ?? [], hashtags: hashtags ?? [], texts: texts ?? [] };
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
