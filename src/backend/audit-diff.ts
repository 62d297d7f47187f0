// Field-level diffs for the audit trail (R19: "what" changed). Paths read like the case document:
// `harm.informational.severity`, `actor.name`; items that carry an `id` (or an account's `handle`)
// are matched by it, not by position, so `signals[sig-12].evidenceState` survives reordering.
import type { FieldChange } from '../api/contract/audit';
import type { CaseDocument } from '../api/contract/case';

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
    return keysA.length === keysB.length && keysA.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

const ITEM_KEYS = ['id', 'handle'] as const;

/** The key an array's items are matched by, when every item on both sides has a unique one. */
function itemKeyOf(before: Json[], after: Json[]): (typeof ITEM_KEYS)[number] | null {
  const all = [...before, ...after];
  if (all.length === 0) return null;
  for (const key of ITEM_KEYS) {
    const usable = all.every((item) => isPlainObject(item) && typeof item[key] === 'string');
    if (!usable) continue;
    const unique = (items: Json[]) => new Set(items.map((item) => (item as Record<string, Json>)[key])).size === items.length;
    if (unique(before) && unique(after)) return key;
  }
  return null;
}

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function change(path: string, before: Json, after: Json): FieldChange {
  // JSON has no `undefined`; an absent side is `null` so the event round-trips unchanged.
  return { path, before: before === undefined ? null : before, after: after === undefined ? null : after };
}

export function diffValues(before: Json, after: Json, path = ''): FieldChange[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValues(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path);
  return [change(path, before, after)];
}

function diffArrays(before: Json[], after: Json[], path: string): FieldChange[] {
  const key = itemKeyOf(before, after);
  if (key) {
    const keyOf = (item: Json) => String((item as Record<string, Json>)[key]);
    const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
    const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
    const changes: FieldChange[] = [];
    for (const [id, item] of beforeByKey) {
      changes.push(...diffValues(item, afterByKey.get(id), `${path}[${id}]`));
    }
    for (const [id, item] of afterByKey) {
      if (!beforeByKey.has(id)) changes.push(change(`${path}[${id}]`, null, item));
    }
    const keptBefore = [...beforeByKey.keys()].filter((id) => afterByKey.has(id));
    const keptAfter = [...afterByKey.keys()].filter((id) => beforeByKey.has(id));
    if (!deepEqual(keptBefore, keptAfter)) changes.push(change(`${path}.$order`, keptBefore, keptAfter));
    return changes;
  }
  const objects = [...before, ...after].every(isPlainObject);
  if (objects) {
    // Items without an identity (review decisions): matched by position, which only grows.
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffValues(before[index], after[index], join(path, String(index)))).flat();
  }
  // Lists of plain values (hashtags, policy areas, handles) are one field: before and after in full.
  return [change(path, before, after)];
}

/**
 * Bookkeeping and snapshots left out of a case's diff: the version, the updated stamp and the
 * content copies (`contentAtSubmission`, `contentAtLastReview`) merely repeat content the trail
 * already records change by change.
 */
const OMITTED_PATHS = ['version', 'updatedAt', 'updatedBy', 'contentAtLastReview', 'submission.contentAtSubmission'];

export function diffCases(before: CaseDocument | null, after: CaseDocument): FieldChange[] {
  return diffValues(before ? omitBookkeeping(before) : {}, omitBookkeeping(after)).filter(
    (entry) => !OMITTED_PATHS.some((omitted) => entry.path === omitted || entry.path.startsWith(`${omitted}.`)),
  );
}

function omitBookkeeping(record: CaseDocument): Record<string, Json> {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, contentAtLastReview: _snapshot, ...rest } = record;
  if (!rest.submission) return rest;
  const { contentAtSubmission: _submitted, ...submission } = rest.submission;
  return { ...rest, submission };
}
