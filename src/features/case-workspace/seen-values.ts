// The values an editor's fields have passed through as it told them to its other tabs or heard them
// from those tabs (issue 14, defect 2). When another tab of the same user saved a value this editor
// has already moved on from — typed on while that save was under way — this editor's value is the
// later one: carrying it over is no conflict with oneself. A value nobody of this user's tabs told
// (another person's save) is never in here, so a real conflict still reaches the conflict view.
import { isAbsent, pathKey, type PathSegment } from './content-diff';

/** How many values per field are remembered: far more than a field passes through while one save is under way. */
const PER_FIELD = 256;

/** The value as text, keys sorted, so equal values from different tabs read the same. */
function canonical(value: unknown): string {
  if (value === undefined || isAbsent(value)) return '∅';
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** cyrb53: a fast 53-bit string hash (public domain), so long texts are remembered in a few bytes. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class SeenValues {
  private readonly byField = new Map<string, Set<number>>();

  /** A value that a field (or an item of an id list) held, as told or heard in a patch. */
  add(path: readonly PathSegment[], value: unknown): void {
    const key = pathKey(path);
    const seen = this.byField.get(key) ?? new Set<number>();
    this.byField.set(key, seen);
    const fingerprint = hash(canonical(value));
    // Re-inserted at the end: the set's order is the order of last sight, the oldest goes first.
    seen.delete(fingerprint);
    seen.add(fingerprint);
    if (seen.size > PER_FIELD) seen.delete(seen.values().next().value as number);
  }

  has(path: readonly PathSegment[], value: unknown): boolean {
    return this.byField.get(pathKey(path))?.has(hash(canonical(value))) ?? false;
  }
}
