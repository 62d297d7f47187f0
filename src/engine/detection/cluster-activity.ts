// Issue 16 §1: what a group of accounts did and when — each account's posts on one time axis, with
// the co-actions that tie them to the others marked (same text, same link, same repost, reply
// burst, the same moment). This is the evidence of coordination the analyst looks at (R1-R2): the
// detectors found the pairs; this shows the posts. Pure: one pass over the store, then per item.
import { SIGNAL_ACTIVITY_LIMITS } from '../case-model';
import type { SignalActivityModel } from '../case-model';
import type { PostStore } from './post-store';
import type { DetectorSettings } from './settings';
import { normaliseText } from './text-features';
import { toIsoUtc } from './timestamp';

export const ACTIVITY_KINDS = ['post', 'repost', 'reply', 'quote'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The co-actions a mark can carry, as bits of `ActivityMark.coActions` (bit i = CO_ACTION_KINDS[i]). */
export const CO_ACTION_KINDS = ['same-text', 'same-link', 'same-repost', 'reply-burst', 'synchronised'] as const;
export type CoActionKind = (typeof CO_ACTION_KINDS)[number];

export function coActionBit(kind: CoActionKind): number {
  return 1 << CO_ACTION_KINDS.indexOf(kind);
}

export function coActionsOf(bits: number): CoActionKind[] {
  return CO_ACTION_KINDS.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** Characters of a post's text kept for display. */
export const EXCERPT_CHARS = 140;

export interface ActivityMark {
  /** The platform's message id. */
  post: string;
  /** Epoch seconds. */
  t: number;
  kind: ActivityKind;
  /** Bit set over CO_ACTION_KINDS: what this post shares with another account of the group. */
  coActions: number;
  /** The first EXCERPT_CHARS characters of the text (a repost's text is the reposted one's). */
  excerpt: string;
}

export interface ActivityLane {
  accountId: string;
  username: string | null;
  /** Posts of this account in the import (`marks` may hold fewer, see `ClusterActivityLimits`). */
  posts: number;
  /** Of those, posts with at least one co-action. */
  coActionPosts: number;
  /** In time order; co-action posts are kept first when the lane is cut. */
  marks: ActivityMark[];
}

export interface ActivityBins {
  /** Epoch seconds of the first bin's start. */
  start: number;
  binSeconds: number;
  /** Posts of the group per bin. */
  counts: number[];
}

export interface ActivityBurst {
  start: number;
  end: number;
  posts: number;
}

export interface ClusterActivity {
  lanes: ActivityLane[];
  /** Accounts asked for that have no post in the import (or were beyond `maxAccounts`). */
  missingAccounts: number;
  /** Epoch seconds of the group's first and last post (0 when it has none). */
  start: number;
  end: number;
  bins: ActivityBins;
  /** Runs of bins far above the group's usual rate (mean + 3 standard deviations, at least 3 posts). */
  bursts: ActivityBurst[];
  /** Marks left out to stay within `maxMarks`. */
  omittedMarks: number;
  /**
   * The posts' texts were left in the imported file and it can no longer be read (changed or moved
   * since the import): the excerpts are empty.
   */
  textsUnreadable: boolean;
}

export interface ClusterActivityLimits {
  maxAccounts: number;
  /** Marks over all lanes; each lane gets an even share, co-action posts first. */
  maxMarks: number;
  /** Bins of the posts-per-period strip; the bin width grows from a minute to keep within it. */
  maxBins: number;
}

export const DEFAULT_ACTIVITY_LIMITS: ClusterActivityLimits = { maxAccounts: 500, maxMarks: 100_000, maxBins: 1_440 };

type CoActionWindows = Record<CoActionKind, number>;

/** The detectors' own windows: a co-action here is what the detector would have counted. */
function windowsOf(settings: DetectorSettings): CoActionWindows {
  return {
    'same-text': settings.coPost.windowSeconds,
    'same-link': settings.coLink.windowSeconds,
    'same-repost': settings.coRetweet.windowSeconds,
    'reply-burst': settings.coReply.windowSeconds,
    synchronised: settings.synchronised.windowSeconds,
  };
}

/**
 * The activity of `accountIds` (platform user ids, in lane order; unknown ones are counted in
 * `missingAccounts`), with each post's co-actions among these accounts.
 */
export function clusterActivity(
  store: PostStore,
  accountIds: readonly string[],
  settings: DetectorSettings,
  limits: ClusterActivityLimits = DEFAULT_ACTIVITY_LIMITS,
): ClusterActivity {
  const indexOf = new Map<string, number>();
  for (let i = 0; i < store.accountIds.length; i++) indexOf.set(store.accountIds[i] ?? '', i);
  const laneOf = new Int32Array(store.accountIds.length).fill(-1);
  const laneAccounts: number[] = [];
  for (const id of accountIds) {
    if (laneAccounts.length >= limits.maxAccounts) break;
    const index = indexOf.get(id);
    if (index === undefined || laneOf[index] !== -1) continue;
    laneOf[index] = laneAccounts.length;
    laneAccounts.push(index);
  }

  // The group's posts, in time order (ties by row, so the result does not depend on sort stability).
  const posts: number[] = [];
  for (let i = 0; i < store.size; i++) if ((laneOf[store.account[i] ?? 0] ?? -1) >= 0) posts.push(i);
  posts.sort((a, b) => (store.time[a] ?? 0) - (store.time[b] ?? 0) || a - b);
  store.text.prefetch(posts); // their texts in one sweep of the file, where they were left there

  const bits = new Map<number, number>();
  const mark = (post: number, bit: number): void => {
    bits.set(post, (bits.get(post) ?? 0) | bit);
  };
  const windows = windowsOf(settings);
  markShared(store, groupPosts(posts, (p) => sameTextKey(store, p, settings.coPost.minTextChars)), windows['same-text'], 1, coActionBit('same-text'), mark);
  markShared(store, groupPostsMany(store, posts), windows['same-link'], 1, coActionBit('same-link'), mark);
  markShared(store, groupPosts(posts, (p) => refKey(store.repostOf[p])), windows['same-repost'], 1, coActionBit('same-repost'), mark);
  markShared(store, groupPosts(posts, (p) => refKey(store.replyTo[p])), windows['reply-burst'], settings.coReply.minBurstReplies, coActionBit('reply-burst'), mark);
  markShared(store, new Map([['', posts]]), windows.synchronised, 1, coActionBit('synchronised'), mark);

  const lanes: ActivityLane[] = laneAccounts.map((account) => ({
    accountId: store.accountIds[account] ?? '',
    username: store.usernames[account] ?? null,
    posts: 0,
    coActionPosts: 0,
    marks: [],
  }));
  const perLane: number[][] = laneAccounts.map(() => []);
  for (const post of posts) {
    const lane = laneOf[store.account[post] ?? 0] ?? -1;
    perLane[lane]?.push(post);
  }
  const share = Math.max(1, Math.floor(limits.maxMarks / Math.max(1, lanes.length)));
  let omittedMarks = 0;
  perLane.forEach((lanePosts, index) => {
    const lane = lanes[index];
    if (lane === undefined) return;
    lane.posts = lanePosts.length;
    const co = lanePosts.filter((p) => (bits.get(p) ?? 0) !== 0);
    lane.coActionPosts = co.length;
    let kept = lanePosts;
    if (lanePosts.length > share) {
      // Co-action posts first (evenly spread when even they are too many), then the others evenly.
      const plain = lanePosts.filter((p) => (bits.get(p) ?? 0) === 0);
      const chosen = co.length >= share ? spread(co, share) : [...co, ...spread(plain, share - co.length)];
      kept = chosen.toSorted((a, b) => (store.time[a] ?? 0) - (store.time[b] ?? 0) || a - b);
      omittedMarks += lanePosts.length - kept.length;
    }
    lane.marks = kept.map((p) => toMark(store, p, bits.get(p) ?? 0));
  });

  const start = posts.length > 0 ? (store.time[posts[0] ?? 0] ?? 0) : 0;
  const end = posts.length > 0 ? (store.time[posts[posts.length - 1] ?? 0] ?? 0) : 0;
  const bins = binPosts(store, posts, start, end, limits.maxBins);
  return {
    lanes,
    missingAccounts: accountIds.length - laneAccounts.length,
    start,
    end,
    bins,
    bursts: findBursts(bins),
    omittedMarks,
    textsUnreadable: store.text.unreadable,
  };
}

function toMark(store: PostStore, post: number, coActions: number): ActivityMark {
  const kind: ActivityKind =
    (store.repostOf[post] ?? -1) >= 0 ? 'repost' : (store.replyTo[post] ?? -1) >= 0 ? 'reply' : (store.quoteOf[post] ?? -1) >= 0 ? 'quote' : 'post';
  const text = store.text.get(post);
  return {
    post: store.postIds[post] ?? '',
    t: store.time[post] ?? 0,
    kind,
    coActions,
    excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text,
  };
}

function refKey(ref: number | undefined): string | null {
  return ref === undefined || ref < 0 ? null : String(ref);
}

/** Identical normalised texts of original posts (reposts carry someone else's text). */
function sameTextKey(store: PostStore, post: number, minChars: number): string | null {
  if ((store.repostOf[post] ?? -1) >= 0) return null;
  const normal = normaliseText(store.text.get(post));
  return normal.length >= minChars ? normal : null;
}

function groupPosts(posts: readonly number[], keyOf: (post: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const post of posts) {
    const key = keyOf(post);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  }
  return groups;
}

/** Posts per linked URL (a post with two links is in two groups). */
function groupPostsMany(store: PostStore, posts: readonly number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const post of posts) {
    const from = store.urlOffsets[post] ?? 0;
    const to = store.urlOffsets[post + 1] ?? from;
    for (let u = from; u < to; u++) {
      const key = String(store.urlIds[u] ?? -1);
      const group = groups.get(key);
      if (group) group.push(post);
      else groups.set(key, [post]);
    }
  }
  return groups;
}

/**
 * Marks each post of a group (already in time order) that has a post of another account on the same
 * item within `window` seconds, and, for `minGroup` > 1, sits in a run of at least `minGroup` posts
 * within the window (a reply burst). Neighbours are scanned only while inside the window.
 */
function markShared(
  store: PostStore,
  groups: Map<string, number[]>,
  window: number,
  minGroup: number,
  bit: number,
  mark: (post: number, bit: number) => void,
): void {
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < group.length; i++) {
      const post = group[i] ?? 0;
      const t = store.time[post] ?? 0;
      const account = store.account[post];
      while ((store.time[group[lo] ?? 0] ?? 0) < t - window) lo++;
      if (hi < i) hi = i;
      while (hi + 1 < group.length && (store.time[group[hi + 1] ?? 0] ?? 0) <= t + window) hi++;
      if (hi - lo + 1 < Math.max(2, minGroup)) continue;
      // Outwards from the post: the nearest other account's post usually ends the scan at once.
      let other = false;
      for (let j = i - 1; j >= lo && !other; j--) other = store.account[group[j] ?? 0] !== account;
      for (let j = i + 1; j <= hi && !other; j++) other = store.account[group[j] ?? 0] !== account;
      if (other) mark(post, bit);
    }
  }
}

/** Evenly spaced picks, first and last included. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  if (items.length <= count) return [...items];
  if (count === 1) return [items[0] as T];
  const out: T[] = [];
  for (let k = 0; k < count; k++) out.push(items[Math.round((k * (items.length - 1)) / (count - 1))] as T);
  return out;
}

function binPosts(store: PostStore, posts: readonly number[], start: number, end: number, maxBins: number): ActivityBins {
  const span = Math.max(0, end - start);
  const minutes = Math.ceil(span / 60 / Math.max(1, maxBins)) || 1;
  const binSeconds = 60 * Math.max(1, minutes);
  const first = Math.floor(start / binSeconds) * binSeconds;
  const count = posts.length === 0 ? 0 : Math.floor((end - first) / binSeconds) + 1;
  const counts = Array.from({ length: count }, () => 0);
  for (const post of posts) {
    const bin = Math.floor(((store.time[post] ?? 0) - first) / binSeconds);
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { start: first, binSeconds, counts };
}

export function findBursts(bins: ActivityBins): ActivityBurst[] {
  const n = bins.counts.length;
  if (n === 0) return [];
  let sum = 0;
  let squares = 0;
  for (const c of bins.counts) {
    sum += c;
    squares += c * c;
  }
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
  const threshold = mean + 3 * sd;
  const bursts: ActivityBurst[] = [];
  let open: ActivityBurst | null = null;
  bins.counts.forEach((c, i) => {
    const binStart = bins.start + i * bins.binSeconds;
    if (c >= 3 && c > threshold) {
      if (open) {
        open.end = binStart + bins.binSeconds;
        open.posts += c;
      } else {
        open = { start: binStart, end: binStart + bins.binSeconds, posts: c };
        bursts.push(open);
      }
    } else open = null;
  });
  return bursts;
}

// --- the snapshot a signal keeps (SignalActivityModel) ----------------------------------------

/** A mark's code: kind and co-actions in 7 bits (SignalActivityModel). */
export function markCode(kind: ActivityKind, coActions: number): number {
  return ACTIVITY_KINDS.indexOf(kind) + 4 * (coActions & 31);
}

export function decodeMarkCode(code: number): { kind: ActivityKind; coActions: number } {
  return { kind: ACTIVITY_KINDS[code & 3] ?? 'post', coActions: (code >> 2) & 31 };
}

/**
 * The activity as a detected signal keeps it (issue 16 §1): lanes named by the signal's handles
 * (`handleOf`: platform user id -> handle; accounts without one are left out), at most
 * SIGNAL_ACTIVITY_LIMITS lanes, marks and bins (bins are merged pairwise until they fit).
 */
export function signalActivitySnapshot(activity: ClusterActivity, handleOf: ReadonlyMap<string, string>): SignalActivityModel {
  let { binSeconds, counts } = activity.bins;
  while (counts.length > SIGNAL_ACTIVITY_LIMITS.bins) {
    const merged: number[] = [];
    for (let i = 0; i < counts.length; i += 2) merged.push((counts[i] ?? 0) + (counts[i + 1] ?? 0));
    counts = merged;
    binSeconds *= 2;
  }
  const lanes = activity.lanes
    .filter((lane) => handleOf.has(lane.accountId))
    .slice(0, SIGNAL_ACTIVITY_LIMITS.lanes);
  const share = Math.max(1, Math.floor(SIGNAL_ACTIVITY_LIMITS.marks / Math.max(1, lanes.length)));
  const start = activity.bins.start;
  return {
    start: toIsoUtc(start),
    end: toIsoUtc(Math.max(start, activity.end)),
    binSeconds,
    counts,
    bursts: activity.bursts.slice(0, 100).map((b) => ({ start: toIsoUtc(b.start), end: toIsoUtc(b.end) })),
    lanes: lanes.map((lane) => {
      const co = lane.marks.filter((m) => m.coActions !== 0);
      const marks = lane.marks.length <= share ? lane.marks : co.length >= share ? spread(co, share) : keepInOrder(lane.marks, co, share);
      return {
        account: handleOf.get(lane.accountId) ?? lane.accountId,
        posts: lane.posts,
        marks: marks.map((m): [number, number] => [Math.max(0, Math.round(m.t - start)), markCode(m.kind, m.coActions)]),
      };
    }),
  };
}

/** All co-action marks and an even spread of the others, `count` in all, in time order. */
function keepInOrder(marks: readonly ActivityMark[], co: readonly ActivityMark[], count: number): ActivityMark[] {
  const chosen = new Set<ActivityMark>([...co, ...spread(marks.filter((m) => m.coActions === 0), count - co.length)]);
  return marks.filter((m) => chosen.has(m));
}
