// Post indices sorted by time, computed once per store and shared by the detectors: a detector that
// walks posts in this order and buckets them by item gets each bucket already in time order.
import type { PostStore } from './post-store';

const INDEX_BITS = 23; // 8.4M posts
const INDEX_SCALE = 2 ** INDEX_BITS;

/**
 * Sorts by time (whole seconds, ties by input order) through one native Float64Array sort of
 * packed `second * 2^23 + index` keys; falls back to a comparator sort when the span or size does
 * not fit 53 bits.
 */
export function timeOrder(store: PostStore): Uint32Array {
  const n = store.size;
  const order = new Uint32Array(n);
  const span = Math.floor(store.maxTime) - Math.floor(store.minTime);
  if (n > 0 && span < Math.max(4 * n, 1 << 20)) {
    // The same order by a stable counting sort over whole seconds (a week is 604,800 counters):
    // two sequential passes instead of a comparison sort of a million keys.
    const base = Math.floor(store.minTime);
    const time = store.time;
    const start = new Int32Array(span + 2);
    for (let i = 0; i < n; i++) {
      const slot = Math.floor(time[i] ?? 0) - base + 1;
      start[slot] = (start[slot] ?? 0) + 1;
    }
    for (let s = 0; s <= span; s++) start[s + 1] = (start[s + 1] ?? 0) + (start[s] ?? 0);
    for (let i = 0; i < n; i++) {
      const slot = Math.floor(time[i] ?? 0) - base;
      order[start[slot] ?? 0] = i;
      start[slot] = (start[slot] ?? 0) + 1;
    }
    return order;
  }
  if (n < INDEX_SCALE && span < 2 ** (52 - INDEX_BITS)) {
    const keys = new Float64Array(n);
    const base = Math.floor(store.minTime);
    const time = store.time;
    for (let i = 0; i < n; i++) keys[i] = (Math.floor(time[i] ?? 0) - base) * INDEX_SCALE + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = (keys[i] ?? 0) % INDEX_SCALE;
    // Whole seconds are enough: windows compare real times, a sub-second swap changes no pair.
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const time = store.time;
  return order.toSorted((a, b) => (time[a] ?? 0) - (time[b] ?? 0) || a - b);
}
