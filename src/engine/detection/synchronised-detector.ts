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
import type { SynchronisedSettings } from './settings';
import { poissonUpperTail } from './poisson';
import { toIsoUtc } from './timestamp';

const PHASE_BINS = 60; // minutes of the hour
const HOUR_BINS = 24;
/** Pseudo-count pulling sparse accounts' profiles towards the platform's (no affinity from 3 posts). */
const PRIOR = 6;

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

  // Posts of accounts with fewer moments than an edge needs cannot form an edge: drop them first.
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

  // Each account's post positions in time order (stable counting sort by account).
  const accountStart = new Int32Array(accounts + 1);
  for (let k = 0; k < n; k++) {
    const slot = (acc[k] ?? 0) + 1;
    accountStart[slot] = (accountStart[slot] ?? 0) + 1;
  }
  for (let a = 0; a < accounts; a++) accountStart[a + 1] = (accountStart[a + 1] ?? 0) + (accountStart[a] ?? 0);
  const accountFill = accountStart.slice(0, accounts);
  const positions = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const a = acc[k] ?? 0;
    positions[accountFill[a] ?? 0] = k;
    accountFill[a] = (accountFill[a] ?? 0) + 1;
  }

  // For each account, its moments' neighbours within the window (nearest `cap` on each side),
  // counted per partner in dense arrays that stay in cache; each pair is counted once, from its
  // lower-numbered account. A partner counts once per moment of the account. Evidence is not
  // collected while counting (21M partner hits at a million posts, nearly all of pairs that meet
  // once): the scan is repeated for the few accounts that got an edge, recording only those
  // partners' first meetings, which are the same meetings in the same order.
  const count = new Int32Array(accounts);
  const momentStamp = new Int32Array(accounts).fill(-1);
  const first = new Float64Array(accounts);
  const last = new Float64Array(accounts);
  const touched = new Int32Array(accounts);
  /** During the evidence scan: 1 + index in `pending` of the partner's edge, else 0. */
  const wanted = new Int32Array(accounts);
  const pending: DetectorEdge[] = [];
  let candidatePairs = 0;
  const edges: DetectorEdge[] = [];
  for (let a = 0; a < accounts; a++) {
    const from = accountStart[a] ?? 0;
    const to = accountStart[a + 1] ?? 0;
    if (to - from < minCo) continue;
    let touchedCount = 0;
    let moment = -1;
    let previous = Number.NEGATIVE_INFINITY;
    for (let p = from; p < to; p++) {
      const k = positions[p] ?? 0;
      const tk = t[k] ?? 0;
      if (tk - previous > w) moment++;
      previous = tk;
      const low = Math.max(0, k - cap);
      for (let m = k - 1; m >= low; m--) {
        const tm = t[m] ?? 0;
        if (tk - tm > w) break;
        const b = acc[m] ?? 0;
        if (b <= a || momentStamp[b] === moment) continue;
        momentStamp[b] = moment;
        const c = count[b] ?? 0;
        // Whole-second time order: within a second, fractional times may run backwards.
        if (c === 0) {
          touched[touchedCount++] = b;
          first[b] = tk < tm ? tk : tm;
        }
        last[b] = tk < tm ? tm : tk;
        count[b] = c + 1;
      }
      const high = Math.min(n, k + cap + 1);
      for (let m = k + 1; m < high; m++) {
        const tm = t[m] ?? 0;
        if (tm - tk > w) break;
        const b = acc[m] ?? 0;
        if (b <= a || momentStamp[b] === moment) continue;
        momentStamp[b] = moment;
        const c = count[b] ?? 0;
        if (c === 0) {
          touched[touchedCount++] = b;
          first[b] = tk < tm ? tk : tm;
        }
        last[b] = tk < tm ? tm : tk;
        count[b] = c + 1;
      }
    }
    candidatePairs += touchedCount;
    pending.length = 0;
    for (let x = 0; x < touchedCount; x++) {
      const b = touched[x] ?? 0;
      const k = count[b] ?? 0;
      count[b] = 0;
      momentStamp[b] = -1;
      if (k < minCo) continue;
      const expected =
        (moments[a] ?? 0) * (moments[b] ?? 0) * pClose *
        phaseAffinity(phase, postsOf, a, b) *
        hourAffinity(hour, postsOf, globalHour, globalHourSquares, a, b);
      if (k < settings.minLift * expected) continue;
      const pValue = poissonUpperTail(k, expected);
      if (!(pValue <= settings.maxPValue)) continue;
      const edge: DetectorEdge = {
        a, b, detector: 'synchronised-posting',
        // -log10 p of 20 or more is as strong as this detector gets.
        score: Math.min(1, -Math.log10(Math.max(pValue, 1e-300)) / 20),
        coItems: k, first: first[b] ?? 0, last: last[b] ?? 0, evidence: [],
      };
      edges.push(edge);
      pending.push(edge);
      wanted[b] = pending.length;
    }
    if (pending.length === 0) continue;
    // The evidence scan: the same walk, only for the partners that made an edge.
    moment = -1;
    previous = Number.NEGATIVE_INFINITY;
    for (let p = from; p < to; p++) {
      const k = positions[p] ?? 0;
      const tk = t[k] ?? 0;
      if (tk - previous > w) moment++;
      previous = tk;
      for (let side = 0; side < 2; side++) {
        const step = side === 0 ? -1 : 1;
        const stop = side === 0 ? Math.max(0, k - cap) - 1 : Math.min(n, k + cap + 1);
        for (let m = k + step; m !== stop; m += step) {
          const tm = t[m] ?? 0;
          if ((side === 0 ? tk - tm : tm - tk) > w) break;
          const b = acc[m] ?? 0;
          const slot = wanted[b] ?? 0;
          if (slot === 0 || b <= a || momentStamp[b] === moment) continue;
          momentStamp[b] = moment;
          const evidence = pending[slot - 1]?.evidence;
          if (evidence !== undefined && evidence.length < MAX_EVIDENCE_PER_EDGE) {
            const postA = postIndex[k] ?? 0;
            evidence.push({ label: `posted within ${w} s at ${toIsoUtc(store.time[postA] ?? 0)}`, postA, postB: postIndex[m] ?? 0 });
          }
        }
      }
    }
    for (const edge of pending) {
      wanted[edge.b] = 0;
      momentStamp[edge.b] = -1;
    }
  }
  return { detector: 'synchronised-posting', edges, actions: all, candidatePairs };
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
