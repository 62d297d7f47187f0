// Synchronised posting: accounts whose own posts (not reposts or replies: those have detectors of
// their own) land within seconds of each other far more often than chance predicts. Chance is
// computed per pair, so busy accounts and clock-driven ones are not mistaken for coordination:
//   expected = momentsA * momentsB * P(two posts within the window)      -- platform rate, bursts
//              * minute-of-hour affinity(A, B)                          -- schedulers posting at :00
//              * hour-of-day affinity(A, B)                             -- shared daily rhythm
// and an edge needs `minCoMoments`, a lift of `minLift` and a Poisson tail below `maxPValue`.
import type { DetectionContext } from './detection-context';
import type { DetectorEdge, DetectorRun } from './detection-types';
import { MAX_EVIDENCE_PER_EDGE } from './detection-types';
import { PairSketch, PairTable, ensureFloat64, ensureInt32 } from './pair-table';
import type { SynchronisedSettings } from './settings';
import { poissonUpperTail } from './poisson';
import { toIsoUtc } from './timestamp';

const PHASE_BINS = 60; // minutes of the hour
const HOUR_BINS = 24;
/** Pseudo-count pulling sparse accounts' profiles towards the platform's (no affinity from 3 posts). */
const PRIOR = 6;
const SKETCH_THRESHOLD = 1_000_000;

export function detectSynchronised(ctx: DetectionContext, settings: SynchronisedSettings): DetectorRun {
  const store = ctx.store;
  const accounts = store.accountIds.length;
  const order = ctx.timeOrder;
  const w = settings.windowSeconds;

  // The posts considered, in time order.
  let n = 0;
  const postIndex = new Int32Array(store.size);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if ((store.repostOf[i] ?? -1) >= 0 || (store.replyTo[i] ?? -1) >= 0) continue;
    postIndex[n++] = i;
  }
  const acc = new Int32Array(n);
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = postIndex[k] ?? 0;
    acc[k] = store.account[i] ?? 0;
    t[k] = store.time[i] ?? 0;
  }
  if (n < 2) return { detector: 'synchronised-posting', edges: [], actions: n, candidatePairs: 0 };

  // Moments per account (posts more than a window apart), profiles, platform density.
  const moments = new Float64Array(accounts);
  const lastSeen = new Float64Array(accounts).fill(Number.NEGATIVE_INFINITY);
  const phase = new Float32Array(accounts * PHASE_BINS);
  const hour = new Float32Array(accounts * HOUR_BINS);
  const postsOf = new Float64Array(accounts);
  const globalHour = new Float64Array(HOUR_BINS);
  const binWidth = Math.max(settings.densityBinSeconds, 4 * w);
  const t0 = t[0] ?? 0;
  const bins = Math.floor(((t[n - 1] ?? 0) - t0) / binWidth) + 1;
  const density = new Float64Array(bins);
  for (let k = 0; k < n; k++) {
    const a = acc[k] ?? 0;
    const tk = t[k] ?? 0;
    if (tk - (lastSeen[a] ?? 0) > w) moments[a] = (moments[a] ?? 0) + 1;
    lastSeen[a] = tk;
    const secondOfDay = ((tk % 86_400) + 86_400) % 86_400;
    const m = Math.floor((secondOfDay % 3_600) / 60);
    const h = Math.floor(secondOfDay / 3_600);
    phase[a * PHASE_BINS + m] = (phase[a * PHASE_BINS + m] ?? 0) + 1;
    hour[a * HOUR_BINS + h] = (hour[a * HOUR_BINS + h] ?? 0) + 1;
    postsOf[a] = (postsOf[a] ?? 0) + 1;
    globalHour[h] = (globalHour[h] ?? 0) + 1;
    const bin = Math.floor((tk - t0) / binWidth);
    density[bin] = (density[bin] ?? 0) + 1;
  }
  let sumSquares = 0;
  for (let b = 0; b < bins; b++) sumSquares += ((density[b] ?? 0) / n) ** 2;
  /** Probability that two random posts are within the window, from the platform's own rate. */
  const pClose = Math.min(1, sumSquares * ((2 * w) / binWidth));
  let globalHourSquares = 0;
  for (let h = 0; h < HOUR_BINS; h++) {
    globalHour[h] = (globalHour[h] ?? 0) / n;
    globalHourSquares += (globalHour[h] ?? 0) ** 2;
  }

  // Pair occurrences: each post with the nearest earlier posts inside the window. Posts of accounts
  // with fewer moments than an edge needs are dropped first (they cannot form an edge).
  const cap = settings.maxNeighbours;
  const minCo = settings.minCoMoments;
  const all = n;
  n = 0;
  for (let k = 0; k < all; k++) {
    const a = acc[k] ?? 0;
    if ((moments[a] ?? 0) < minCo) continue;
    acc[n] = a;
    t[n] = t[k] ?? 0;
    postIndex[n] = postIndex[k] ?? 0;
    n++;
  }
  const table = new PairTable(1024);
  let count = new Int32Array(1024);
  let lastMoment = new Float64Array(1024);
  let first = new Float64Array(1024);
  let evidence = new Int32Array(1024 * MAX_EVIDENCE_PER_EDGE * 2);
  let sketch: PairSketch | null = null;

  const record = (a: number, b: number, x: number, y: number): void => {
    const before = table.size;
    const id = table.intern(a, b);
    const tx = t[x] ?? 0;
    const ty = t[y] ?? 0;
    const later = tx > ty ? tx : ty;
    if (table.size !== before) {
      if (id >= count.length) {
        const size = count.length * 2;
        count = ensureInt32(count, size);
        lastMoment = ensureFloat64(lastMoment, size);
        first = ensureFloat64(first, size);
        evidence = ensureInt32(evidence, size * MAX_EVIDENCE_PER_EDGE * 2);
      }
      count[id] = 0;
      lastMoment[id] = Number.NEGATIVE_INFINITY;
      first[id] = tx < ty ? tx : ty;
    }
    if (later - (lastMoment[id] ?? 0) <= w) return; // same moment as the last one counted
    lastMoment[id] = later;
    const c = count[id] ?? 0;
    if (c < MAX_EVIDENCE_PER_EDGE) {
      const o = (id * MAX_EVIDENCE_PER_EDGE + c) * 2;
      evidence[o] = postIndex[x] ?? 0;
      evidence[o + 1] = postIndex[y] ?? 0;
    }
    count[id] = c + 1;
  };

  /** Mode 1 feeds the sketch, 2 records what the sketch lets through. */
  const walk = (mode: 1 | 2): void => {
    for (let k = 1; k < n; k++) {
      const ak = acc[k] ?? 0;
      const tk = t[k] ?? 0;
      const stop = k > cap ? k - cap : 0;
      for (let m = k - 1; m >= stop; m--) {
        if (tk - (t[m] ?? 0) > w) break;
        const am = acc[m] ?? 0;
        if (am === ak) continue;
        const a = ak < am ? ak : am;
        const b = ak < am ? am : ak;
        if (mode === 1) sketch?.add(a, b);
        else if (sketch === null || sketch.estimate(a, b) >= minCo) {
          if (ak < am) record(a, b, k, m);
          else record(a, b, m, k);
        }
      }
    }
  };
  // Upper bound on occurrences in O(n) (window sizes, capped), to decide on and size the sketch
  // without a third pass over the pairs.
  let bound = 0;
  for (let k = 1, lo = 0; k < n; k++) {
    const tk = t[k] ?? 0;
    while (tk - (t[lo] ?? 0) > w) lo++;
    bound += Math.min(cap, k - lo);
  }
  if (bound > SKETCH_THRESHOLD) {
    sketch = new PairSketch(bound);
    walk(1);
  }
  walk(2);

  const edges: DetectorEdge[] = [];
  for (let id = 0; id < table.size; id++) {
    const k = count[id] ?? 0;
    if (k < minCo) continue;
    const a = table.pairA[id] ?? 0;
    const b = table.pairB[id] ?? 0;
    const expected =
      (moments[a] ?? 0) * (moments[b] ?? 0) * pClose *
      phaseAffinity(phase, postsOf, a, b) *
      hourAffinity(hour, postsOf, globalHour, globalHourSquares, a, b);
    if (k < settings.minLift * expected) continue;
    const p = poissonUpperTail(k, expected);
    if (!(p <= settings.maxPValue)) continue;
    const ev = [];
    for (let e = 0; e < Math.min(k, MAX_EVIDENCE_PER_EDGE); e++) {
      const o = (id * MAX_EVIDENCE_PER_EDGE + e) * 2;
      const postA = evidence[o] ?? 0;
      const postB = evidence[o + 1] ?? 0;
      ev.push({ label: `posted within ${w} s at ${toIsoUtc(store.time[postA] ?? 0)}`, postA, postB });
    }
    edges.push({
      a, b, detector: 'synchronised-posting',
      // -log10 p of 20 or more is as strong as this detector gets.
      score: Math.min(1, -Math.log10(Math.max(p, 1e-300)) / 20),
      coItems: k, first: first[id] ?? 0, last: lastMoment[id] ?? 0, evidence: ev,
    });
  }
  return { detector: 'synchronised-posting', edges, actions: all, candidatePairs: table.size };
}

/** 60 x sum over minutes of A's profile times B's (smoothed over the neighbouring minutes); 1 for uniform accounts. */
function phaseAffinity(phase: Float32Array, postsOf: Float64Array, a: number, b: number): number {
  const na = (postsOf[a] ?? 0) + PRIOR;
  const nb = (postsOf[b] ?? 0) + PRIOR;
  const oa = a * PHASE_BINS;
  const ob = b * PHASE_BINS;
  const prior = PRIOR / PHASE_BINS;
  let sum = 0;
  for (let m = 0; m < PHASE_BINS; m++) {
    const pa = ((phase[oa + m] ?? 0) + prior) / na;
    const left = phase[ob + ((m + PHASE_BINS - 1) % PHASE_BINS)] ?? 0;
    const mid = phase[ob + m] ?? 0;
    const right = phase[ob + ((m + 1) % PHASE_BINS)] ?? 0;
    const pb = ((left + mid + right) / 3 + prior) / nb;
    sum += pa * pb;
  }
  return Math.max(1, sum * PHASE_BINS);
}

/** Sum over hours of A's and B's daily profiles relative to the platform's; 1 for accounts that follow it. */
function hourAffinity(
  hour: Float32Array,
  postsOf: Float64Array,
  globalHour: Float64Array,
  globalSquares: number,
  a: number,
  b: number,
): number {
  if (globalSquares <= 0) return 1;
  const na = (postsOf[a] ?? 0) + PRIOR;
  const nb = (postsOf[b] ?? 0) + PRIOR;
  let sum = 0;
  for (let h = 0; h < HOUR_BINS; h++) {
    const g = globalHour[h] ?? 0;
    const pa = ((hour[a * HOUR_BINS + h] ?? 0) + PRIOR * g) / na;
    const pb = ((hour[b * HOUR_BINS + h] ?? 0) + PRIOR * g) / nb;
    sum += pa * pb;
  }
  return Math.max(1, sum / globalSquares);
}
