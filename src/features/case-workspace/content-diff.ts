// Path-level diff and merge of two CaseContents, for the conflict view (issue 4 §6): every field where
// "mine" and "theirs" differ, with the last version both started from ("base") when it is known, so
// the view can preselect the side that actually changed. Lists of items with ids (signals, evidence)
// are compared item by item, so two analysts adding different signals do not collide.
import type { CaseContent } from '../../api/contract/case';

export type PathSegment = string | { id: string };
export type Side = 'mine' | 'theirs';

export interface ContentDifference {
  /** Unique and stable: `actor.name`, `signals[sig-1]`, `harm.physical.evidence[ev-2]`. */
  key: string;
  path: PathSegment[];
  /** A whole item of an id list (present on one side only, or changed) rather than one value. */
  item: boolean;
  mine: unknown;
  theirs: unknown;
  /** Who changed this since the base: known only when the base is. */
  changedBy: 'mine' | 'theirs' | 'both' | 'unknown';
}

/** Marks "this item does not exist on that side". */
export const ABSENT: unique symbol = Symbol('absent');

export function isAbsent(value: unknown): value is typeof ABSENT {
  return value === ABSENT;
}

export function pathKey(path: readonly PathSegment[]): string {
  return path.reduce<string>((key, segment) => {
    if (typeof segment === 'string') return key ? `${key}.${segment}` : segment;
    return `${key}[${segment.id}]`;
  }, '');
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!deepEqual(a[index], b[index])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

type IdItem = { id: string } & Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdList(value: unknown): value is IdItem[] {
  return Array.isArray(value) && value.every((entry) => isPlainObject(entry) && typeof entry.id === 'string');
}

function byId(list: IdItem[]): Map<string, IdItem> {
  return new Map(list.map((entry) => [entry.id, entry]));
}

function changedBy(mine: unknown, theirs: unknown, base: unknown, baseKnown: boolean): ContentDifference['changedBy'] {
  if (!baseKnown) return 'unknown';
  const mineChanged = !deepEqual(mine, base);
  const theirsChanged = !deepEqual(theirs, base);
  if (mineChanged && theirsChanged) return 'both';
  return theirsChanged ? 'theirs' : 'mine';
}

function walk(
  mine: unknown,
  theirs: unknown,
  base: unknown,
  baseKnown: boolean,
  path: PathSegment[],
  out: ContentDifference[],
): void {
  if (deepEqual(mine, theirs)) return;
  if (isIdList(mine) && isIdList(theirs)) {
    const mineItems = byId(mine);
    const theirItems = byId(theirs);
    const baseItems = baseKnown && isIdList(base) ? byId(base) : new Map<string, IdItem>();
    const ids = [...new Set([...theirItems.keys(), ...mineItems.keys()])];
    for (const id of ids) {
      const left = mineItems.get(id) ?? ABSENT;
      const right = theirItems.get(id) ?? ABSENT;
      if (deepEqual(left, right)) continue;
      const itemPath = [...path, { id }];
      const baseItem = baseItems.get(id) ?? ABSENT;
      out.push({ key: pathKey(itemPath), path: itemPath, item: true, mine: left, theirs: right, changedBy: changedBy(left, right, baseItem, baseKnown && isIdList(base)) });
    }
    return;
  }
  if (isPlainObject(mine) && isPlainObject(theirs)) {
    const baseObject = isPlainObject(base) ? base : {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      walk(mine[key], theirs[key], baseObject[key], baseKnown && isPlainObject(base), [...path, key], out);
    }
    return;
  }
  out.push({ key: pathKey(path), path, item: false, mine, theirs, changedBy: changedBy(mine, theirs, base, baseKnown) });
}

/** Every place where `mine` and `theirs` differ; `base` (the version both started from) sets `changedBy`. */
export function diffContent(mine: CaseContent, theirs: CaseContent, base?: CaseContent | null): ContentDifference[] {
  const out: ContentDifference[] = [];
  walk(mine, theirs, base ?? undefined, base !== null && base !== undefined, [], out);
  return out;
}

/** The preselected side: whoever changed it; where both did or nobody knows, mine (nothing typed is dropped unseen). */
export function defaultChoice(difference: ContentDifference): Side {
  return difference.changedBy === 'theirs' ? 'theirs' : 'mine';
}

export function defaultChoices(differences: readonly ContentDifference[]): Record<string, Side> {
  return Object.fromEntries(differences.map((difference) => [difference.key, defaultChoice(difference)]));
}

/**
 * Builds the merged content: theirs, with every difference chosen as "mine" put back. An item kept
 * from mine that theirs lacks is inserted after its predecessor in mine, so list order survives.
 */
export function mergeContent(
  mine: CaseContent,
  theirs: CaseContent,
  differences: readonly ContentDifference[],
  choices: Readonly<Record<string, Side>>,
): CaseContent {
  const merged = structuredClone(theirs);
  for (const difference of differences) {
    if ((choices[difference.key] ?? defaultChoice(difference)) !== 'mine') continue;
    applyMine(merged, mine, difference);
  }
  return merged;
}

function containerAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'string') current = isPlainObject(current) ? current[segment] : undefined;
    else current = isIdList(current) ? current.find((entry) => entry.id === segment.id) : undefined;
  }
  return current;
}

function applyMine(merged: CaseContent, mine: CaseContent, difference: ContentDifference): void {
  const parentPath = difference.path.slice(0, -1);
  const last = difference.path.at(-1);
  if (last === undefined) return;
  const parent = containerAt(merged, parentPath);
  if (typeof last === 'string') {
    if (isPlainObject(parent)) parent[last] = structuredClone(difference.mine);
    return;
  }
  if (!Array.isArray(parent)) return;
  const list = parent as IdItem[];
  const index = list.findIndex((entry) => entry.id === last.id);
  if (isAbsent(difference.mine)) {
    if (index >= 0) list.splice(index, 1);
    return;
  }
  const item = structuredClone(difference.mine) as IdItem;
  if (index >= 0) {
    list[index] = item;
    return;
  }
  // Insert after the nearest preceding item (in mine's order) that the merged list has.
  const mineList = containerAt(mine, parentPath);
  const mineOrder = isIdList(mineList) ? mineList.map((entry) => entry.id) : [];
  const position = mineOrder.indexOf(last.id);
  for (let previous = position - 1; previous >= 0; previous -= 1) {
    const at = list.findIndex((entry) => entry.id === mineOrder[previous]);
    if (at >= 0) {
      list.splice(at + 1, 0, item);
      return;
    }
  }
  list.unshift(item);
}

/**
 * One change of a content patch: the value now at `path` (a field, or a whole item of an id list), or
 * that it is gone; a new item goes after the item `after` (first when null).
 */
export interface PatchEntry {
  path: PathSegment[];
  value?: unknown;
  absent?: true;
  after?: string | null;
}

/** What changed from `from` to `to`, as entries that `applyContentPatch` puts onto any other content. */
export function contentPatch(from: CaseContent, to: CaseContent): PatchEntry[] {
  return diffContent(to, from).map((difference) => {
    const last = difference.path.at(-1);
    if (isAbsent(difference.mine) || (!difference.item && difference.mine === undefined)) return { path: difference.path, absent: true };
    const entry: PatchEntry = { path: difference.path, value: difference.mine };
    if (difference.item && isAbsent(difference.theirs) && last !== undefined && typeof last !== 'string') {
      const list = containerAt(to, difference.path.slice(0, -1));
      const ids = isIdList(list) ? list.map((item) => item.id) : [];
      entry.after = ids[ids.indexOf(last.id) - 1] ?? null;
    }
    return entry;
  });
}

/**
 * Puts a patch onto `content` without touching it: only the objects and lists along each path are
 * copied, so a patch of one field does not copy the signals.
 */
export function applyContentPatch(content: CaseContent, patch: readonly PatchEntry[]): CaseContent {
  let result: unknown = content;
  for (const entry of patch) result = patchAt(result, entry.path, entry);
  return result as CaseContent;
}

function patchAt(node: unknown, path: readonly PathSegment[], entry: PatchEntry): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return structuredClone(entry.value);
  if (typeof head === 'string') {
    const object = isPlainObject(node) ? node : {};
    if (rest.length === 0 && entry.absent) {
      const copy = { ...object };
      delete copy[head];
      return copy;
    }
    return { ...object, [head]: patchAt(object[head], rest, entry) };
  }
  const list: IdItem[] = isIdList(node) ? node : [];
  const index = list.findIndex((item) => item.id === head.id);
  if (rest.length > 0) return index < 0 ? list : list.map((item, at) => (at === index ? (patchAt(item, rest, entry) as IdItem) : item));
  if (entry.absent) return index < 0 ? list : list.filter((_, at) => at !== index);
  const item = structuredClone(entry.value) as IdItem;
  if (index >= 0) return list.map((existing, at) => (at === index ? item : existing));
  if (entry.after === null || entry.after === undefined) return [item, ...list];
  const after = list.findIndex((existing) => existing.id === entry.after);
  return after < 0 ? [...list, item] : [...list.slice(0, after + 1), item, ...list.slice(after + 1)];
}
