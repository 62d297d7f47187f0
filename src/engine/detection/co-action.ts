// The engine shared by co-post, near-duplicate, co-link, co-retweet and co-reply: accounts acting on
// the same item (text, link, target post) within a window. Weighting answers the two ways a naive
// co-action count fails:
//   - popular items (a viral post, a top news link) are shared by many accounts by chance, so each
//     item weighs idf = ln(1 + activeAccounts / accountsOnItem);
//   - busy accounts co-act with everyone, so a pair's weight is compared with both accounts' total
//     activity on shared items: similarity = sharedWeight / sqrt(weightOfA * weightOfB)
//     (IDF-weighted cosine).
//   - and chance itself: accounts acting on many items, on items everyone acts on at once (viral
//     reply storms), meet often without any plan. If B's actions fell on items by popularity, each
//     would land on one of A's items, inside the window, with probability S_A = sum over A's items
//     of p_i * q_i (p_i the item's share of all actions, q_i the share of its action pairs that
//     fall inside the window). Expected meetings: max(sharedItemsOfB * S_A, sharedItemsOfA * S_B),
//     counting only actions on shared items (items at least two accounts touched): an account's
//     own unique posts were written, not drawn from the popular ones, and cannot meet anything.
//     The observed count must be improbable under Poisson(expected) (`maxPValue`). Only items an
//     account actually touched count, so a giant share-button text elsewhere raises nobody's chance.
// A pair becomes an edge with at least `minCoItems` distinct shared items, `minSimilarity` and a
// Poisson tail of at most `maxPValue`.
import { PairSketch, PairTable, ensureFloat64, ensureInt32 } from './pair-table';
import { poissonUpperTail } from './poisson';

/** Actions appended in global time order (so each item's actions stay in time order). */
export class ActionList {
  account: Int32Array<ArrayBuffer>;
  item: Int32Array<ArrayBuffer>;
  time: Float64Array<ArrayBuffer>;
  post: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 1024) {
    this.account = new Int32Array(capacity);
    this.item = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.post = new Int32Array(capacity);
  }

  push(account: number, item: number, time: number, post: number): void {
    if (this.length === this.account.length) {
      const n = Math.max(16, this.length * 2);
      this.account = ensureInt32(this.account, n);
      this.item = ensureInt32(this.item, n);
      this.time = ensureFloat64(this.time, n);
      this.post = ensureInt32(this.post, n);
    }
    const i = this.length++;
    this.account[i] = account;
    this.item[i] = item;
    this.time[i] = time;
    this.post[i] = post;
  }
}

export interface CoActionParams {
  windowSeconds: number;
  minCoItems: number;
  minSimilarity: number;
  maxNeighbours: number;
  /** Only pair actions inside a burst: at least this many actions on the item within the window (1 = always). */
  minBurst: number;
  /** Largest chance probability of the pair's co-item count (Poisson tail) accepted. */
  maxPValue: number;
  /** Evidence kept per pair. */
  maxEvidence: number;
}

export interface CoActionPair {
  a: number;
  b: number;
  coItems: number;
  sharedWeight: number;
  similarity: number;
  /** Co-items expected by chance, and the Poisson tail of the observed count. */
  expected: number;
  pValue: number;
  first: number;
  last: number;
  /** Up to `maxEvidence` (item, postA, postB) triples, postA by account a. */
  evidence: { item: number; postA: number; postB: number }[];
}

export interface CoActionResult {
  pairs: CoActionPair[];
  candidatePairs: number;
  /** Distinct accounts per item (for labels and diagnostics). */
  itemAccounts: Int32Array;
}

/** Above this many pair occurrences a sketch pass filters one-off pairs before exact counting. */
const SKETCH_THRESHOLD = 1_000_000;

export function findCoActions(
  actions: ActionList,
  itemCount: number,
  accountCount: number,
  params: CoActionParams,
): CoActionResult {
  const n = actions.length;
  const itemAccounts = new Int32Array(itemCount);
  if (n === 0 || itemCount === 0) return { pairs: [], candidatePairs: 0, itemAccounts };
  const { account, item, time, post } = actions;

  // Stable counting sort by item: each item's actions end up contiguous and in time order.
  const start = new Int32Array(itemCount + 1);
  for (let i = 0; i < n; i++) {
    const slot = (item[i] ?? 0) + 1;
    start[slot] = (start[slot] ?? 0) + 1;
  }
  for (let k = 0; k < itemCount; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const fill = start.slice(0, itemCount);
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const it = item[i] ?? 0;
    sorted[fill[it] ?? 0] = i;
    fill[it] = (fill[it] ?? 0) + 1;
  }

  // Distinct accounts per item, active accounts, and each account's IDF mass.
  const stamp = new Int32Array(accountCount).fill(-1);
  let active = 0;
  const seenAccount = new Uint8Array(accountCount);
  for (let it = 0; it < itemCount; it++) {
    const end = start[it + 1] ?? 0;
    let distinct = 0;
    for (let k = start[it] ?? 0; k < end; k++) {
      const acc = account[sorted[k] ?? 0] ?? 0;
      if (stamp[acc] !== it) {
        stamp[acc] = it;
        distinct++;
        if (seenAccount[acc] === 0) {
          seenAccount[acc] = 1;
          active++;
        }
      }
    }
    itemAccounts[it] = distinct;
  }
  const idf = new Float64Array(itemCount);
  for (let it = 0; it < itemCount; it++) idf[it] = Math.log(1 + active / Math.max(1, itemAccounts[it] ?? 1));

  const window = params.windowSeconds;
  const cap = params.maxNeighbours;
  const minBurst = Math.max(1, params.minBurst);

  // Per shared item: its share of all actions times the share of its action pairs inside the
  // window; plus an upper bound on pair occurrences (window sizes, capped) to decide on and size
  // the sketch.
  const timedShare = new Float64Array(itemCount);
  let bound = 0;
  for (let it = 0; it < itemCount; it++) {
    if ((itemAccounts[it] ?? 0) < 2) continue;
    const s = start[it] ?? 0;
    const e = start[it + 1] ?? 0;
    const size = e - s;
    let inWindow = 0;
    for (let k = s + 1, lo = s; k < e; k++) {
      const tx = time[sorted[k] ?? 0] ?? 0;
      while ((time[sorted[lo] ?? 0] ?? 0) < tx - window) lo++;
      inWindow += k - lo;
      bound += Math.min(cap, k - lo);
    }
    timedShare[it] = (size / n) * (inWindow / ((size * (size - 1)) / 2));
  }

  // Items only one account touched are left out of the mass: nobody else could share them, by
  // chance or by design, so they say nothing about any pair (and would bury a coordinated account
  // that also posts plenty of its own content).
  const mass = new Float64Array(accountCount);
  const itemsOf = new Float64Array(accountCount);
  const reach = new Float64Array(accountCount);
  stamp.fill(-1);
  for (let it = 0; it < itemCount; it++) {
    if ((itemAccounts[it] ?? 0) < 2) continue;
    const end = start[it + 1] ?? 0;
    const w = idf[it] ?? 0;
    const ts = timedShare[it] ?? 0;
    for (let k = start[it] ?? 0; k < end; k++) {
      const acc = account[sorted[k] ?? 0] ?? 0;
      if (stamp[acc] !== it) {
        stamp[acc] = it;
        mass[acc] = (mass[acc] ?? 0) + w;
        itemsOf[acc] = (itemsOf[acc] ?? 0) + 1;
        reach[acc] = (reach[acc] ?? 0) + ts;
      }
    }
  }

  const minCo = params.minCoItems;
  const table = new PairTable(1024);
  let coItems = new Int32Array(1024);
  let lastItem = new Int32Array(1024);
  let shared = new Float64Array(1024);
  let first = new Float64Array(1024);
  let last = new Float64Array(1024);
  const maxEv = params.maxEvidence;
  let evidence = new Int32Array(1024 * maxEv * 3);
  let sketch: PairSketch | null = null;

  /** Exact bookkeeping of one pair occurrence (a < b; x is a's action, y is b's). */
  const record = (a: number, b: number, it: number, x: number, y: number): void => {
    const before = table.size;
    const id = table.intern(a, b);
    if (table.size !== before) {
      if (id >= coItems.length) {
        const size = coItems.length * 2;
        coItems = ensureInt32(coItems, size);
        lastItem = ensureInt32(lastItem, size);
        shared = ensureFloat64(shared, size);
        first = ensureFloat64(first, size);
        last = ensureFloat64(last, size);
        evidence = ensureInt32(evidence, size * maxEv * 3);
      }
      coItems[id] = 0;
      lastItem[id] = -1;
      shared[id] = 0;
      first[id] = Number.POSITIVE_INFINITY;
      last[id] = Number.NEGATIVE_INFINITY;
    }
    const tx = time[x] ?? 0;
    const ty = time[y] ?? 0;
    const tMin = tx < ty ? tx : ty;
    const tMax = tx < ty ? ty : tx;
    if (tMin < (first[id] ?? 0)) first[id] = tMin;
    if (tMax > (last[id] ?? 0)) last[id] = tMax;
    if (lastItem[id] === it) return;
    lastItem[id] = it;
    const c = coItems[id] ?? 0;
    if (c < maxEv) {
      const o = (id * maxEv + c) * 3;
      evidence[o] = it;
      evidence[o + 1] = post[x] ?? 0;
      evidence[o + 2] = post[y] ?? 0;
    }
    coItems[id] = c + 1;
    shared[id] = (shared[id] ?? 0) + (idf[it] ?? 0);
  };

  // Burst size seen from each action: actions on its item within the window that starts at it. A
  // pair counts when some window holding both is big enough: the one ending at the later action
  // or the one starting at the earlier (so the first and the last replies of a dogpile count too).
  let burst: Int32Array | null = null;
  if (minBurst > 1) {
    const b = new Int32Array(n);
    for (let it = 0; it < itemCount; it++) {
      const s = start[it] ?? 0;
      const e = start[it + 1] ?? 0;
      let hi = s;
      for (let m = s; m < e; m++) {
        const limit = (time[sorted[m] ?? 0] ?? 0) + window;
        if (hi < m) hi = m;
        while (hi + 1 < e && (time[sorted[hi + 1] ?? 0] ?? 0) <= limit) hi++;
        b[m] = hi - m + 1;
      }
    }
    burst = b;
  }

  /**
   * Walks every windowed pair occurrence. Mode 1 feeds the sketch, 2 records the pairs the sketch
   * lets through. One loop with a mode switch keeps the hot path free of closures.
   */
  const walk = (mode: 1 | 2): void => {
    for (let it = 0; it < itemCount; it++) {
      if ((itemAccounts[it] ?? 0) < 2) continue;
      const s = start[it] ?? 0;
      const e = start[it + 1] ?? 0;
      let lo = s;
      for (let k = s + 1; k < e; k++) {
        const x = sorted[k] ?? 0;
        const tx = time[x] ?? 0;
        while ((time[sorted[lo] ?? 0] ?? 0) < tx - window) lo++;
        const ax = account[x] ?? 0;
        const stop = Math.max(lo, k - cap);
        const backwardBurst = k - lo + 1 >= minBurst;
        for (let m = k - 1; m >= stop; m--) {
          if (!backwardBurst && burst !== null && (burst[m] ?? 0) < minBurst) continue;
          const y = sorted[m] ?? 0;
          const ay = account[y] ?? 0;
          if (ay === ax) continue;
          const a = ax < ay ? ax : ay;
          const b = ax < ay ? ay : ax;
          if (mode === 1) sketch?.add(a, b);
          else if (sketch === null || sketch.estimate(a, b) >= minCo) {
            if (ax < ay) record(a, b, it, x, y);
            else record(a, b, it, y, x);
          }
        }
      }
    }
  };

  if (bound > SKETCH_THRESHOLD && minCo > 1) {
    sketch = new PairSketch(bound);
    walk(1);
  }
  walk(2);

  const pairs: CoActionPair[] = [];
  for (let id = 0; id < table.size; id++) {
    const c = coItems[id] ?? 0;
    if (c < minCo) continue;
    const a = table.pairA[id] ?? 0;
    const b = table.pairB[id] ?? 0;
    const similarity = Math.min(1, (shared[id] ?? 0) / Math.sqrt((mass[a] ?? 0) * (mass[b] ?? 0)));
    if (!(similarity >= params.minSimilarity)) continue;
    const expected = Math.max((itemsOf[b] ?? 0) * (reach[a] ?? 0), (itemsOf[a] ?? 0) * (reach[b] ?? 0));
    const pValue = poissonUpperTail(c, expected);
    if (!(pValue <= params.maxPValue)) continue;
    const ev: CoActionPair['evidence'] = [];
    for (let e = 0; e < Math.min(c, maxEv); e++) {
      const o = (id * maxEv + e) * 3;
      ev.push({ item: evidence[o] ?? 0, postA: evidence[o + 1] ?? 0, postB: evidence[o + 2] ?? 0 });
    }
    pairs.push({
      a, b, coItems: c, sharedWeight: shared[id] ?? 0, similarity, expected, pValue,
      first: first[id] ?? 0, last: last[id] ?? 0, evidence: ev,
    });
  }
  return { pairs, candidatePairs: table.size, itemAccounts };
}
