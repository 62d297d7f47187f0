// The engine shared by co-post, near-duplicate, co-link, co-retweet and co-reply: accounts acting on
// the same item (text, link, target post) within a window. Weighting answers the ways a naive
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
// Cost: each action looks at the nearest `maxNeighbours` actions on each side of it on its item,
// so a viral cascade costs actions x neighbours, never actions squared; counts live in per-partner
// arrays for one account at a time, so only pairs that actually met are ever touched.
import { ensureFloat64, ensureInt32 } from './pair-table';
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

  /** Drops the arrays, keeping `length`: findCoActions copies what it needs, in item order, first. */
  release(): void {
    this.account = new Int32Array(0);
    this.item = new Int32Array(0);
    this.time = new Float64Array(0);
    this.post = new Int32Array(0);
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

export function findCoActions(
  actions: ActionList,
  itemCount: number,
  accountCount: number,
  params: CoActionParams,
): CoActionResult {
  const n = actions.length;
  const itemAccounts = new Int32Array(itemCount);
  if (n === 0 || itemCount === 0) return { pairs: [], candidatePairs: 0, itemAccounts };
  // Each action's account, time, item and post in item order, contiguous: the scans below read
  // them in sequence. The list itself is released (`release`): at a million actions it is 20 MB.
  const { start, accountAt, timeAt, itemAt, postAt } = itemOrder(actions, itemCount);
  actions.release();

  // Distinct accounts per item, active accounts, and each account's IDF mass.
  const stamp = new Int32Array(accountCount).fill(-1);
  let active = 0;
  const seenAccount = new Uint8Array(accountCount);
  for (let it = 0; it < itemCount; it++) {
    const end = start[it + 1] ?? 0;
    let distinct = 0;
    for (let k = start[it] ?? 0; k < end; k++) {
      const acc = accountAt[k] ?? 0;
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

  // Per shared item: its share of all actions times the share of its action pairs inside the window.
  const timedShare = new Float64Array(itemCount);
  for (let it = 0; it < itemCount; it++) {
    if ((itemAccounts[it] ?? 0) < 2) continue;
    const s = start[it] ?? 0;
    const e = start[it + 1] ?? 0;
    const size = e - s;
    let inWindow = 0;
    for (let k = s + 1, lo = s; k < e; k++) {
      const tx = timeAt[k] ?? 0;
      while ((timeAt[lo] ?? 0) < tx - window) lo++;
      inWindow += k - lo;
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
      const acc = accountAt[k] ?? 0;
      if (stamp[acc] !== it) {
        stamp[acc] = it;
        mass[acc] = (mass[acc] ?? 0) + w;
        itemsOf[acc] = (itemsOf[acc] ?? 0) + 1;
        reach[acc] = (reach[acc] ?? 0) + ts;
      }
    }
  }

  const minCo = params.minCoItems;
  const maxEv = params.maxEvidence;

  // Burst sizes (co-reply): actions on the item in the window ending at / starting at each action.
  // A pair counts when some window holding both is big enough, so the first and the last replies
  // of a dogpile count too.
  let backBurst: Int32Array | null = null;
  let forwardBurst: Int32Array | null = null;
  if (minBurst > 1) {
    backBurst = new Int32Array(n);
    forwardBurst = new Int32Array(n);
    for (let it = 0; it < itemCount; it++) {
      const s = start[it] ?? 0;
      const e = start[it + 1] ?? 0;
      for (let m = s, lo = s, hi = s; m < e; m++) {
        const tm = timeAt[m] ?? 0;
        while ((timeAt[lo] ?? 0) < tm - window) lo++;
        if (hi < m) hi = m;
        while (hi + 1 < e && (timeAt[hi + 1] ?? 0) <= tm + window) hi++;
        backBurst[m] = m - lo + 1;
        forwardBurst[m] = hi - m + 1;
      }
    }
  }

  // The positions of each account's actions, in item order (a stable counting sort by account).
  const accountStart = new Int32Array(accountCount + 1);
  for (let k = 0; k < n; k++) {
    const slot = (accountAt[k] ?? 0) + 1;
    accountStart[slot] = (accountStart[slot] ?? 0) + 1;
  }
  for (let a = 0; a < accountCount; a++) accountStart[a + 1] = (accountStart[a + 1] ?? 0) + (accountStart[a] ?? 0);
  const accountFill = accountStart.slice(0, accountCount);
  const positions = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const a = accountAt[k] ?? 0;
    positions[accountFill[a] ?? 0] = k;
    accountFill[a] = (accountFill[a] ?? 0) + 1;
  }

  // Per-partner counters for the account being processed: dense arrays indexed by the partner,
  // small enough to stay in cache, reset through the list of partners touched. Each pair is
  // counted once, from its lower-numbered account, so no pair table and no sketch are needed.
  const coItems = new Int32Array(accountCount);
  const lastItem = new Int32Array(accountCount).fill(-1);
  const shared = new Float64Array(accountCount);
  const first = new Float64Array(accountCount);
  const last = new Float64Array(accountCount);
  // Evidence lives per touched slot (partners of one account), not per account: a few partners,
  // not a million-account-sized array per detector.
  let evidence = new Int32Array(1024 * maxEv * 3);
  const slotOf = new Int32Array(accountCount);
  const touched = new Int32Array(accountCount);
  let candidatePairs = 0;
  const pairs: CoActionPair[] = [];

  for (let a = 0; a < accountCount; a++) {
    if ((itemsOf[a] ?? 0) < minCo) continue;
    let touchedCount = 0;
    const from = accountStart[a] ?? 0;
    const to = accountStart[a + 1] ?? 0;
    for (let p = from; p < to; p++) {
      const k = positions[p] ?? 0;
      const it = itemAt[k] ?? 0;
      if ((itemAccounts[it] ?? 0) < 2) continue;
      const s = start[it] ?? 0;
      const e = start[it + 1] ?? 0;
      const tk = timeAt[k] ?? 0;
      const w = idf[it] ?? 0;
      // Earlier actions, then later ones, each side capped at the nearest `cap`.
      for (let side = 0; side < 2; side++) {
        const step = side === 0 ? -1 : 1;
        const stop = side === 0 ? Math.max(s, k - cap) - 1 : Math.min(e, k + cap + 1);
        for (let m = k + step; m !== stop; m += step) {
          const dt = side === 0 ? tk - (timeAt[m] ?? 0) : (timeAt[m] ?? 0) - tk;
          if (dt > window) break;
          const b = accountAt[m] ?? 0;
          if (b <= a || (itemsOf[b] ?? 0) < minCo) continue;
          if (backBurst !== null && forwardBurst !== null) {
            const later = side === 0 ? k : m;
            const earlier = side === 0 ? m : k;
            if ((backBurst[later] ?? 0) < minBurst && (forwardBurst[earlier] ?? 0) < minBurst) continue;
          }
          const tm = timeAt[m] ?? 0;
          const lo = tk < tm ? tk : tm;
          const hi = tk < tm ? tm : tk;
          const c = coItems[b] ?? 0;
          if (c === 0) {
            slotOf[b] = touchedCount;
            touched[touchedCount++] = b;
            if (touchedCount * maxEv * 3 > evidence.length) evidence = ensureInt32(evidence, touchedCount * maxEv * 3);
            first[b] = lo;
            last[b] = hi;
          } else {
            if (lo < (first[b] ?? 0)) first[b] = lo;
            if (hi > (last[b] ?? 0)) last[b] = hi;
          }
          if (lastItem[b] === it) continue; // this item already counted for the pair
          lastItem[b] = it;
          if (c < maxEv) {
            const o = ((slotOf[b] ?? 0) * maxEv + c) * 3;
            evidence[o] = it;
            evidence[o + 1] = postAt[k] ?? 0;
            evidence[o + 2] = postAt[m] ?? 0;
          }
          coItems[b] = c + 1;
          shared[b] = (shared[b] ?? 0) + w;
        }
      }
    }
    // Judge each partner, then reset its counters.
    candidatePairs += touchedCount;
    for (let t = 0; t < touchedCount; t++) {
      const b = touched[t] ?? 0;
      const c = coItems[b] ?? 0;
      if (c >= minCo) {
        const similarity = Math.min(1, (shared[b] ?? 0) / Math.sqrt((mass[a] ?? 0) * (mass[b] ?? 0)));
        const expected = Math.max((itemsOf[b] ?? 0) * (reach[a] ?? 0), (itemsOf[a] ?? 0) * (reach[b] ?? 0));
        const pValue = similarity >= params.minSimilarity ? poissonUpperTail(c, expected) : 1;
        if (similarity >= params.minSimilarity && pValue <= params.maxPValue) {
          const ev: CoActionPair['evidence'] = [];
          for (let x = 0; x < Math.min(c, maxEv); x++) {
            const o = (t * maxEv + x) * 3;
            ev.push({ item: evidence[o] ?? 0, postA: evidence[o + 1] ?? 0, postB: evidence[o + 2] ?? 0 });
          }
          pairs.push({
            a, b, coItems: c, sharedWeight: shared[b] ?? 0, similarity, expected, pValue,
            first: first[b] ?? 0, last: last[b] ?? 0, evidence: ev,
          });
        }
      }
      coItems[b] = 0;
      lastItem[b] = -1;
      shared[b] = 0;
    }
  }
  return { pairs, candidatePairs, itemAccounts };
}

/**
 * The actions sorted by item with a stable counting sort (so each item's actions are contiguous and
 * in time order), as columns: `start[it]..start[it + 1]` are item `it`'s.
 */
function itemOrder(
  actions: ActionList,
  itemCount: number,
): { start: Int32Array; accountAt: Int32Array; timeAt: Float64Array; itemAt: Int32Array; postAt: Int32Array } {
  const n = actions.length;
  const { account, item, time, post } = actions;
  const start = new Int32Array(itemCount + 1);
  for (let i = 0; i < n; i++) {
    const slot = (item[i] ?? 0) + 1;
    start[slot] = (start[slot] ?? 0) + 1;
  }
  for (let k = 0; k < itemCount; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const fill = start.slice(0, itemCount);
  const accountAt = new Int32Array(n);
  const timeAt = new Float64Array(n);
  const itemAt = new Int32Array(n);
  const postAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const it = item[i] ?? 0;
    const k = fill[it] ?? 0;
    fill[it] = k + 1;
    accountAt[k] = account[i] ?? 0;
    timeAt[k] = time[i] ?? 0;
    itemAt[k] = it;
    postAt[k] = post[i] ?? 0;
  }
  return { start, accountAt, timeAt, itemAt, postAt };
}
