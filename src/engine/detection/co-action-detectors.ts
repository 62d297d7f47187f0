// The five co-action detectors: each turns posts into (account, item, time) actions and lets the
// shared engine (co-action.ts) find the pairs. They differ only in what counts as "the same item".
import { ActionList, findCoActions } from './co-action';
import { FirstOccurrence } from './first-occurrence';
import type { CoActionPair, CoActionParams } from './co-action';
import type { DetectionContext } from './detection-context';
import type { DetectorEdge, DetectorRun } from './detection-types';
import { MAX_EVIDENCE_PER_EDGE } from './detection-types';
import { pairHash } from './pair-table';
import type { PostStore } from './post-store';
import type { CoActionSettings, CoReplySettings, DetectorName, NearDuplicateSettings, TextCoActionSettings } from './settings';
import { SIGNATURE_BINS, mix32, normaliseText, signatureSimilarity } from './text-features';

const LABEL_CHARS = 140;

function params(settings: CoActionSettings, minBurst = 1): CoActionParams {
  return {
    windowSeconds: settings.windowSeconds,
    minCoItems: settings.minCoItems,
    minSimilarity: settings.minSimilarity,
    maxPValue: settings.maxPValue,
    maxNeighbours: settings.maxNeighbours,
    minBurst,
    maxEvidence: MAX_EVIDENCE_PER_EDGE,
  };
}

function toEdges(
  detector: DetectorName,
  pairs: readonly CoActionPair[],
  label: (item: number, post: number) => string,
): DetectorEdge[] {
  return pairs.map((p) => ({
    a: p.a,
    b: p.b,
    detector,
    score: p.similarity,
    coItems: p.coItems,
    first: p.first,
    last: p.last,
    evidence: p.evidence.map((e) => ({ label: label(e.item, e.postA), postA: e.postA, postB: e.postB })),
  }));
}

/**
 * Reads the texts the edges' labels show (`postOf`: the post whose text labels an evidence item)
 * in one sweep of the file where texts were left there (PostTexts.prefetch); returns `pairs`.
 */
function prefetchLabels(store: PostStore, pairs: readonly CoActionPair[], postOf: (item: number, post: number) => number): readonly CoActionPair[] {
  const posts = new Set<number>();
  for (const p of pairs) for (const e of p.evidence) posts.add(postOf(e.item, e.postA));
  store.text.prefetch(posts);
  return pairs;
}

function textLabel(store: PostStore, post: number): string {
  const text = normaliseText(store.text.get(post));
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS)}…` : text;
}

/** Co-post: the same normalised text (case, @mentions, URLs and spacing ignored). */
export function detectCoPost(ctx: DetectionContext, settings: TextCoActionSettings, signatureMinChars: number): DetectorRun {
  const store = ctx.store;
  const fp = ctx.textFingerprints(signatureMinChars);
  const order = ctx.timeOrder;
  // The texts considered, in time order; the item of each is its first post with the same two
  // hashes (found per partition in cache-sized tables, not in one table of 700,000 texts).
  const posts = new Int32Array(order.length);
  const hashA = new Int32Array(order.length);
  const hashB = new Int32Array(order.length);
  const keys = new Int32Array(order.length);
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if (fp.eligible[i] !== 1 || (fp.length[i] ?? 0) < settings.minTextChars) continue;
    // Hashes are uint32; compare the same bits as int32.
    const a = (fp.hashA[i] ?? 0) | 0;
    const b = (fp.hashB[i] ?? 0) | 0;
    posts[n] = i;
    hashA[n] = a;
    hashB[n] = b;
    keys[n] = pairHash(a, b) | 0;
    n++;
  }
  const first = new Int32Array(n);
  // Equal keys and equal hashB mean equal hashA: for a fixed second argument pairHash is a bijection.
  new FirstOccurrence().compute(keys, n, first, hashB);
  const itemOf = new Int32Array(n);
  let items = 0;
  const actions = new ActionList(Math.max(16, n));
  for (let x = 0; x < n; x++) {
    const f = first[x] ?? x;
    const item = f === x ? items++ : (itemOf[f] ?? 0);
    itemOf[x] = item;
    const i = posts[x] ?? 0;
    actions.push(store.account[i] ?? 0, item, store.time[i] ?? 0, i);
  }
  const result = findCoActions(actions, items, store.accountIds.length, params(settings));
  return {
    detector: 'co-post',
    edges: toEdges('co-post', prefetchLabels(store, result.pairs, (_item, post) => post), (_item, post) => textLabel(store, post)),
    actions: actions.length,
    candidatePairs: result.candidatePairs,
  };
}

/**
 * Near-duplicate: texts whose word-bigram MinHash signatures agree on at least `minTextSimilarity`
 * of the bins. Candidates come from LSH banding (`bands` x `rows` bins must all agree), never from
 * comparing all pairs; each candidate is checked against the bucket's first text, and accepted
 * pairs are merged into near-duplicate groups (union-find). A group is one item for the engine.
 */
export function detectNearDuplicate(ctx: DetectionContext, settings: NearDuplicateSettings): DetectorRun {
  const store = ctx.store;
  const fp = ctx.textFingerprints(settings.minTextChars);
  const signed = fp.signedCount;
  const sig: Uint16Array = fp.signatures; // 16 bits a bin (b-bit MinHash, text-features.ts STORED_BIN_MASK)
  const parent = new Int32Array(signed);
  for (let i = 0; i < signed; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
    while ((parent[x] ?? x) !== r) {
      const next = parent[x] ?? x;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const bands = Math.max(1, Math.min(settings.bands, Math.floor(SIGNATURE_BINS / Math.max(1, settings.rows))));
  const rows = Math.max(1, settings.rows);
  // Per band: each text's bucket (the band's hash) and the bucket's first text, then the candidates
  // in text order, as a single pass over a hash table would visit them. One band's hashes at a
  // time (a tenth of the memory of all bands' at once: 2.6 MB instead of 26 at a million posts).
  const bandKeys = new Int32Array(signed);
  const firstInBucket = new Int32Array(signed);
  const buckets = new FirstOccurrence();
  for (let band = 0; band < bands; band++) {
    for (let s = 0, o = band * rows; s < signed; s++, o += SIGNATURE_BINS) {
      // Band hash: a cheap polynomial over the band's stored (16-bit) values, mixed once.
      let h = 0x3c6ef372 ^ band;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ (sig[o + r] ?? 0), 0x01000193) + r;
      bandKeys[s] = mix32(h) | 0;
    }
    buckets.compute(bandKeys, signed, firstInBucket);
    for (let s = 0; s < signed; s++) {
      const rep = firstInBucket[s] ?? s;
      if (rep === s) continue;
      const ra = find(rep);
      const rb = find(s);
      if (ra === rb) continue;
      if (signatureSimilarity(sig, s, rep) >= settings.minTextSimilarity) parent[rb] = ra;
    }
  }
  // Dense group ids for signed posts; the representative post of each group labels it.
  const groupOf = new Int32Array(signed).fill(-1);
  const representative: number[] = [];
  const postOfRow = new Int32Array(signed);
  for (let i = 0; i < store.size; i++) {
    const row = fp.signatureRow[i] ?? -1;
    if (row >= 0) postOfRow[row] = i;
  }
  const order = ctx.timeOrder;
  const actions = new ActionList(Math.max(16, signed)); // one action per signed post
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    const row = fp.signatureRow[i] ?? -1;
    if (row < 0) continue;
    const root = find(row);
    let group = groupOf[root] ?? -1;
    if (group < 0) {
      group = representative.length;
      groupOf[root] = group;
      representative.push(postOfRow[root] ?? i);
    }
    actions.push(store.account[i] ?? 0, group, store.time[i] ?? 0, i);
  }
  const result = findCoActions(actions, representative.length, store.accountIds.length, params(settings));
  return {
    detector: 'near-duplicate',
    edges: toEdges('near-duplicate', prefetchLabels(store, result.pairs, (item) => representative[item] ?? 0), (item) => `≈ ${textLabel(store, representative[item] ?? 0)}`),
    actions: actions.length,
    candidatePairs: result.candidatePairs,
  };
}

/** Co-link: the same normalised URL (tracking parameters, www., scheme, fragment, trailing slash ignored). */
export function detectCoLink(ctx: DetectionContext, settings: CoActionSettings): DetectorRun {
  const store = ctx.store;
  const order = ctx.timeOrder;
  let count = 0;
  for (let i = 0; i < store.size; i++) if ((store.repostOf[i] ?? -1) < 0) count += (store.urlOffsets[i + 1] ?? 0) - (store.urlOffsets[i] ?? 0);
  const actions = new ActionList(Math.max(16, count)); // sized up front: no copies while growing
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if ((store.repostOf[i] ?? -1) >= 0) continue; // a repost carries its source's links by design
    const from = store.urlOffsets[i] ?? 0;
    const to = store.urlOffsets[i + 1] ?? 0;
    for (let u = from; u < to; u++) actions.push(store.account[i] ?? 0, store.urlIds[u] ?? 0, store.time[i] ?? 0, i);
  }
  const result = findCoActions(actions, store.urls.length, store.accountIds.length, params(settings));
  return {
    detector: 'co-link',
    edges: toEdges('co-link', result.pairs, (item) => store.urls[item] ?? ''),
    actions: actions.length,
    candidatePairs: result.candidatePairs,
  };
}

/** Co-retweet: reposts of the same post. */
export function detectCoRetweet(ctx: DetectionContext, settings: CoActionSettings): DetectorRun {
  return referenceDetector(ctx, 'co-retweet', ctx.store.repostOf, params(settings), 'repost of');
}

/** Co-reply: replies to the same post inside a burst of at least `minBurstReplies` replies (dogpiling). */
export function detectCoReply(ctx: DetectionContext, settings: CoReplySettings): DetectorRun {
  return referenceDetector(ctx, 'co-reply', ctx.store.replyTo, params(settings, settings.minBurstReplies), 'reply to');
}

function referenceDetector(
  ctx: DetectionContext,
  detector: DetectorName,
  column: Int32Array,
  p: CoActionParams,
  prefix: string,
): DetectorRun {
  const store = ctx.store;
  const order = ctx.timeOrder;
  let count = 0;
  for (let i = 0; i < store.size; i++) if ((column[i] ?? -1) >= 0) count++;
  const actions = new ActionList(Math.max(16, count)); // sized up front: no copies while growing
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    const ref = column[i] ?? -1;
    if (ref >= 0) actions.push(store.account[i] ?? 0, ref, store.time[i] ?? 0, i);
  }
  const result = findCoActions(actions, store.refIds.length, store.accountIds.length, p);
  return {
    detector,
    edges: toEdges(detector, result.pairs, (item) => `${prefix} ${store.refIds[item] ?? ''}`),
    actions: actions.length,
    candidatePairs: result.candidatePairs,
  };
}
