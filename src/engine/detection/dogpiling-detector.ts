// Dogpiling per target (issue 16 §5). R1 social coordination: "an individual using Twitter to incite
// their followers to ... reply to another person with abusive messaging — a practice referred to as
// dogpiling". The detector looks at the person replied to, not at pairs of accounts:
//
// - Targets. A replied-to post (`reply_id`), and an account: the author of the replied-to post when
//   that post is in the import, and an account @-mentioned in a reply outside its own thread (a
//   reply to the inciter's post that names the person is aimed at the person).
// - Bursts. At least `minRepliers` distinct accounts reply to the target within `windowSeconds` of
//   the burst's first reply.
// - Chance. A popular post is replied to by many accounts at once right after it appears, so a
//   burst is judged against the target's normal reply rate: the import's own reply-delay profile
//   (the share of all replies that arrive d seconds after their post, smoothed with a weak prior)
//   scaled to the target's reply count says how many replies the window should hold; an organic
//   cascade right after a post is expected, the same replies hours later, after a lull, are not.
//   Never less than the target's average rate over the import. The burst's replier count must
//   have a Poisson tail of at most `maxPValue` (as co-action.ts and the synchronised detector do).
// - Incitement. A post by another account at most `incitementLeadSeconds` before the burst's first
//   reply that names the target (its @username, a quote of the target post or a link to it) marks
//   its author as the inciter. Replies inside the target's own thread are the pile, not the call.
//   The inciter is recorded and raises the score; it is not required (the call may have come from
//   off the platform, which R1 counts as social coordination too).
// - No texts are read: a post's @-mentions are a column of the store, found while the file was
//   read (mentions.ts), and a target is named when its username is among them.
// - Edges. Repliers of one burst are linked (each to its `maxNeighbours` nearest repliers on each
//   side, so a viral burst costs repliers x neighbours), the inciter to every replier; a pair's
//   `coItems` is the number of bursts it shares and its score combines theirs. The bursts travel
//   with the run (`dogpiles`): clusters name their targets and inciters.
import type { DetectionContext } from './detection-context';
import type { DetectorEdge, DetectorRun, Dogpile, EdgeEvidence } from './detection-types';
import { MAX_EVIDENCE_PER_EDGE } from './detection-types';
import { MAX_MENTIONS_PER_POST } from './mentions';
import { ensureFloat64, ensureInt32 } from './pair-table';
import { poissonUpperTail } from './poisson';
import type { PostStore } from './post-store';
import type { DogpilingSettings } from './settings';

// The text functions the column agrees with (mentions.ts), for tests and callers that have a text.
export { mentionsOf, namesAccount } from './mentions';

/**
 * @-mentions read per reply (a reply naming fifty accounts is spam, not fifty targets): the first
 * of the post's mentions (the store keeps MAX_MENTIONS_PER_POST), the replied-to author's left out.
 */
const MAX_MENTIONS_PER_REPLY = Math.min(10, MAX_MENTIONS_PER_POST - 1);
/** How far up a reply chain an account counts as being in the thread (its own thread is not "elsewhere"). */
const THREAD_DEPTH = 8;
/** Inciters kept per burst, and inciting posts kept per inciter (earliest first). */
const MAX_INCITERS = 5;
const MAX_INCITING_POSTS = 5;
/** Weight, in replies, of the prior reply-delay profile that smooths the import's own. */
const PRIOR_REPLIES = 50;
/** An inciter on record is the seed's own example of dogpiling: its burst's score is raised by this. */
const INCITED_BONUS = 0.2;
/** Significance evaluations of one account target's windows (each costs one term per replied-to post). */
const ACCOUNT_EVALUATION_BUDGET = 200_000;

export function detectDogpiling(ctx: DetectionContext, settings: DogpilingSettings): DetectorRun {
  const store = ctx.store;
  let replyCount = 0;
  /** Replies and the mentions they add to targets at most: the account actions, sized once (no copies while growing). */
  let accountActions = 0;
  for (let i = 0; i < store.size; i++) {
    if ((store.replyTo[i] ?? -1) < 0) continue;
    replyCount++;
    accountActions += 1 + Math.min(MAX_MENTIONS_PER_REPLY, (store.mentionOffsets[i + 1] ?? 0) - (store.mentionOffsets[i] ?? 0));
  }
  if (replyCount === 0) return { detector: 'dogpiling', edges: [], actions: 0, candidatePairs: 0, dogpiles: [] };
  const refPost = resolveRefs(store);
  const window = settings.windowSeconds;
  const minRepliers = Math.max(2, settings.minRepliers);
  // The target's average rate over the import is the least a window is expected to hold.
  const floorShare = Math.min(1, window / Math.max(window, store.maxTime - store.minTime));
  const profile = DelayProfile.of(store, refPost);
  const accountCount = store.accountIds.length;

  // Actions in time order: replies per target post, and per target account.
  const byPost = new Actions(replyCount);
  const byAccount = new Actions(accountActions);
  const names = usernameIndex(store);
  const extraNames: string[] = [];
  // Each mentioned name's target (an account, or an extra name after them), resolved when first met; -1: not yet.
  const mentionTarget = new Int32Array(store.mentionNames.length).fill(-1);
  const mentionIndex = new MentionIndex(store);
  const addressed: number[] = [];
  const order = ctx.timeOrder;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    const ref = store.replyTo[i] ?? -1;
    if (ref < 0) continue;
    const replier = store.account[i] ?? 0;
    const time = store.time[i] ?? 0;
    const parent = refPost[ref] ?? -1;
    const author = parent >= 0 ? (store.account[parent] ?? -1) : -1;
    if (author !== replier) byPost.push(ref, replier, time, i, parent);
    addressed.length = 0;
    if (author >= 0 && author !== replier) {
      byAccount.push(author, replier, time, i, parent);
      addressed.push(author);
    }
    const from = store.mentionOffsets[i] ?? 0;
    const end = store.mentionOffsets[i + 1] ?? 0;
    // The post's mentions but the replied-to author (whom every reply on most platforms names first).
    const skip = author >= 0 && from < end ? mentionIndex.ofAccount(author) : -1;
    let read = 0;
    for (let u = from; u < end && read < MAX_MENTIONS_PER_REPLY; u++) {
      const mention = store.mentionIds[u] ?? 0;
      if (mention === skip) continue;
      read++;
      let target = mentionTarget[mention] ?? -1;
      if (target < 0) {
        const name = store.mentionNames[mention] ?? '';
        target = names.get(name) ?? accountCount + extraNames.length;
        if (target >= accountCount) extraNames.push(name);
        mentionTarget[mention] = target;
      }
      if (target === replier || addressed.includes(target) || inThread(store, refPost, parent, target)) continue;
      addressed.push(target);
      byAccount.push(target, replier, time, i, -1);
    }
  }

  const scanner = new BurstScanner(Math.max(accountCount, 1), window, minRepliers, settings.maxPValue);
  const expectation = new Expectation(profile, window, floorShare);
  const found: Dogpile[] = [];

  // Post targets: expected = replies to the post x the share of the profile in the window (from the
  // post's time, or from its first reply when the post is not in the import).
  byPost.group(store.refIds.length, minRepliers, (ref, from, to) => {
    const post = byPost.origin[from] ?? -1;
    expectation.reset();
    expectation.add(post >= 0 ? (store.time[post] ?? 0) : (byPost.time[from] ?? 0), to - from);
    for (const burst of scanner.scan(byPost, from, to, expectation, 1)) {
      const account = post >= 0 ? (store.account[post] ?? -1) : -1;
      found.push(makeDogpile(byPost, burst, { kind: 'post', ref, post, account, username: account >= 0 ? (store.usernames[account] ?? null) : null }));
    }
  });

  // Account targets: the same per replied-to post of the account, plus its mentions elsewhere at
  // its average rate. An account replied to on one post only, never mentioned elsewhere, is that
  // post's target already.
  const origins = new Map<number, number>();
  byAccount.group(accountCount + extraNames.length, minRepliers, (target, from, to) => {
    origins.clear();
    let mentions = 0;
    for (let x = from; x < to; x++) {
      const post = byAccount.origin[x] ?? -1;
      if (post < 0) mentions++;
      else origins.set(post, (origins.get(post) ?? 0) + 1);
    }
    if (mentions === 0 && origins.size <= 1) return;
    expectation.reset();
    expectation.flat = mentions;
    for (const [post, count] of origins) expectation.add(store.time[post] ?? 0, count);
    const stride = Math.max(1, Math.ceil(((to - from) * (origins.size + 1)) / ACCOUNT_EVALUATION_BUDGET));
    for (const burst of scanner.scan(byAccount, from, to, expectation, stride)) {
      const known = target < accountCount;
      found.push(makeDogpile(byAccount, burst, {
        kind: 'account', ref: -1, post: -1, account: known ? target : -1,
        username: known ? (store.usernames[target] ?? null) : (extraNames[target - accountCount] ?? null),
      }));
    }
  });

  const dogpiles = dedupe(store, found, window, mentionIndex);
  findInciters(store, refPost, order, dogpiles, settings.incitementLeadSeconds, mentionIndex);
  for (const dogpile of dogpiles) dogpile.score = burstScore(dogpile);
  dogpiles.sort(compareDogpiles(store));
  const edges = buildEdges(store, dogpiles, settings.maxNeighbours);
  return { detector: 'dogpiling', edges, actions: replyCount, candidatePairs: edges.length, dogpiles };
}

/** The score a dogpile gives its edges: how improbable the burst is, raised when its inciter is on record. */
function burstScore(dogpile: Dogpile): number {
  const surprise = Math.min(1, -Math.log10(Math.max(dogpile.pValue, 1e-300)) / 20);
  return Math.min(1, surprise + (dogpile.inciters.length > 0 ? INCITED_BONUS : 0));
}

// --- actions grouped by target ------------------------------------------------------------------

const ints = (len: number): Int32Array<ArrayBuffer> => new Int32Array(len);

/** (target, account, time, post, origin post) actions appended in time order. */
class Actions {
  target: Int32Array<ArrayBuffer>;
  account: Int32Array<ArrayBuffer>;
  time: Float64Array<ArrayBuffer>;
  post: Int32Array<ArrayBuffer>;
  /** The replied-to post in the store (the post whose time the reply's delay counts from), or -1. */
  origin: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.target = new Int32Array(n);
    this.account = new Int32Array(n);
    this.time = new Float64Array(n);
    this.post = new Int32Array(n);
    this.origin = new Int32Array(n);
  }

  push(target: number, account: number, time: number, post: number, origin: number): void {
    if (this.length === this.target.length) {
      const n = this.length * 2;
      this.target = ensureInt32(this.target, n);
      this.account = ensureInt32(this.account, n);
      this.time = ensureFloat64(this.time, n);
      this.post = ensureInt32(this.post, n);
      this.origin = ensureInt32(this.origin, n);
    }
    const i = this.length++;
    this.target[i] = target;
    this.account[i] = account;
    this.time[i] = time;
    this.post[i] = post;
    this.origin[i] = origin;
  }

  /**
   * Reorders the actions by target (a stable counting sort, so each target's actions stay in time
   * order; ties within a second are put in exact time order) and calls `each` per target with at
   * least `minSize` actions.
   */
  group(targets: number, minSize: number, each: (target: number, from: number, to: number) => void): void {
    const n = this.length;
    const start = new Int32Array(targets + 1);
    for (let i = 0; i < n; i++) {
      const slot = (this.target[i] ?? 0) + 1;
      start[slot] = (start[slot] ?? 0) + 1;
    }
    for (let t = 0; t < targets; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
    const fill = start.slice(0, targets);
    const sorted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const t = this.target[i] ?? 0;
      sorted[fill[t] ?? 0] = i;
      fill[t] = (fill[t] ?? 0) + 1;
    }
    const permute = <T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(column: T, make: (len: number) => T): T => {
      const out = make(column.length);
      for (let k = 0; k < n; k++) out[k] = column[sorted[k] ?? 0] ?? 0;
      return out;
    };
    this.target = permute(this.target, ints);
    this.account = permute(this.account, ints);
    this.time = permute(this.time, (len) => new Float64Array(len));
    this.post = permute(this.post, ints);
    this.origin = permute(this.origin, ints);
    for (let t = 0; t < targets; t++) {
      const from = start[t] ?? 0;
      const to = start[t + 1] ?? 0;
      if (to - from < minSize) continue;
      this.sortByTime(from, to);
      each(t, from, to);
    }
  }

  /** Insertion sort of an almost sorted range (the time order is by whole seconds). */
  private sortByTime(from: number, to: number): void {
    for (let i = from + 1; i < to; i++) {
      const t = this.time[i] ?? 0;
      if ((this.time[i - 1] ?? 0) <= t) continue;
      const account = this.account[i] ?? 0;
      const post = this.post[i] ?? 0;
      const origin = this.origin[i] ?? 0;
      let j = i - 1;
      while (j >= from && (this.time[j] ?? 0) > t) {
        this.time[j + 1] = this.time[j] ?? 0;
        this.account[j + 1] = this.account[j] ?? 0;
        this.post[j + 1] = this.post[j] ?? 0;
        this.origin[j + 1] = this.origin[j] ?? 0;
        j--;
      }
      this.time[j + 1] = t;
      this.account[j + 1] = account;
      this.post[j + 1] = post;
      this.origin[j + 1] = origin;
    }
  }
}

/**
 * Replies a window of one target should hold at its normal rate: per replied-to post, its reply
 * count times the profile's share of the window counted from the post's time, never less than the
 * average rate over the import (`floorShare`); replies known only by an @-mention (`flat`) at the
 * average rate.
 */
class Expectation {
  private readonly origins: number[] = [];
  private readonly counts: number[] = [];
  flat = 0;
  total = 0;

  constructor(
    private readonly profile: DelayProfile,
    private readonly window: number,
    readonly floorShare: number,
  ) {}

  reset(): void {
    this.origins.length = 0;
    this.counts.length = 0;
    this.flat = 0;
    this.total = 0;
  }

  add(originTime: number, count: number): void {
    this.origins.push(originTime);
    this.counts.push(count);
    this.total += count;
  }

  /** The least `at` can be: every reply at the average rate. */
  get minimum(): number {
    return (this.total + this.flat) * this.floorShare;
  }

  at(start: number): number {
    let sum = this.flat * this.floorShare;
    for (let g = 0; g < this.origins.length; g++) {
      const origin = this.origins[g] ?? 0;
      sum += (this.counts[g] ?? 0) * Math.max(this.profile.share(start - origin, start + this.window - origin), this.floorShare);
    }
    return sum;
  }
}

interface BurstWindow {
  /** Actions [from, to) of the group. */
  from: number;
  to: number;
  repliers: number;
  expected: number;
  pValue: number;
}

/**
 * Sliding windows over one target's actions: the window starting at each action holds the actions
 * at most `window` seconds later. A run of consecutive windows with at least `minRepliers` distinct
 * accounts is one candidate burst; its most improbable window is the burst, kept when its Poisson
 * tail is at most `maxPValue`.
 */
class BurstScanner {
  private readonly counts: Int32Array;
  private readonly logMaxPValue: number;
  constructor(
    accountCount: number,
    private readonly window: number,
    private readonly minRepliers: number,
    private readonly maxPValue: number,
  ) {
    this.counts = new Int32Array(accountCount);
    this.logMaxPValue = Math.log(maxPValue);
  }

  /**
   * A window that would not be improbable even at the target's average rate (`expectation.minimum`,
   * a lower bound of the expectation) is not evaluated: it cannot be kept, nor be the best of a run
   * that is kept.
   */
  scan(actions: Actions, from: number, to: number, expectation: Expectation, stride: number): BurstWindow[] {
    const { account, time } = actions;
    const minExpected = expectation.minimum;
    let boundFor = -1;
    let boundPasses = false;
    const counts = this.counts;
    const out: BurstWindow[] = [];
    let best: BurstWindow | null = null;
    let runLength = 0;
    let bestRepliers = 0;
    let distinct = 0;
    let hi = from;
    for (let i = from; i < to; i++) {
      const end = (time[i] ?? 0) + this.window;
      while (hi < to && (time[hi] ?? 0) <= end) {
        const a = account[hi] ?? 0;
        if ((counts[a] = (counts[a] ?? 0) + 1) === 1) distinct++;
        hi++;
      }
      if (distinct >= this.minRepliers) {
        // Every window of a short run is judged; a long run (a busy account) every `stride`-th one
        // and each new densest one.
        if (distinct !== boundFor) {
          boundFor = distinct;
          // P(X >= k | expected) >= P(X >= k | minimum) >= P(X = k | minimum).
          boundPasses = logPoissonTerm(distinct, minExpected) <= this.logMaxPValue;
        }
        if (boundPasses && (runLength % stride === 0 || distinct > bestRepliers)) {
          const expected = expectation.at(time[i] ?? 0);
          // P(X >= k) >= P(X = k): when that term alone is too likely, the window cannot be kept
          // (and the tail, slow to sum just above the mean, is not summed).
          const pValue = logPoissonTerm(distinct, expected) > this.logMaxPValue ? 1 : poissonUpperTail(distinct, expected);
          if (best === null || pValue < best.pValue) best = { from: i, to: hi, repliers: distinct, expected, pValue };
          if (distinct > bestRepliers) bestRepliers = distinct;
        }
        runLength++;
      } else if (runLength > 0) {
        if (best !== null && best.pValue <= this.maxPValue) out.push(best);
        best = null;
        runLength = 0;
        bestRepliers = 0;
      }
      const a = account[i] ?? 0;
      if ((counts[a] = (counts[a] ?? 0) - 1) === 0) distinct--;
    }
    // Every action entered the window and left it: the counters are back to zero.
    if (best !== null && best.pValue <= this.maxPValue) out.push(best);
    return out;
  }
}

const LOG_FACTORIALS: number[] = [0];

/** ln P(X = k) for X ~ Poisson(lambda). */
function logPoissonTerm(k: number, lambda: number): number {
  if (lambda <= 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  while (LOG_FACTORIALS.length <= k) LOG_FACTORIALS.push((LOG_FACTORIALS.at(-1) ?? 0) + Math.log(LOG_FACTORIALS.length));
  return -lambda + k * Math.log(lambda) - (LOG_FACTORIALS[k] ?? 0);
}

function makeDogpile(
  actions: Actions,
  burst: BurstWindow,
  target: Pick<Dogpile, 'kind' | 'ref' | 'post' | 'account' | 'username'>,
): Dogpile {
  const replierAccounts: number[] = [];
  const replies: number[] = [];
  const seen = new Set<number>();
  for (let x = burst.from; x < burst.to; x++) {
    const a = actions.account[x] ?? 0;
    if (seen.has(a)) continue;
    seen.add(a);
    replierAccounts.push(a);
    replies.push(actions.post[x] ?? 0);
  }
  return {
    ...target,
    start: actions.time[burst.from] ?? 0,
    end: actions.time[burst.to - 1] ?? 0,
    repliers: burst.repliers,
    expected: burst.expected,
    pValue: burst.pValue,
    score: 0,
    replierAccounts,
    replies,
    inciters: [],
  };
}

// --- one burst, one target ----------------------------------------------------------------------

function overlaps(a: Dogpile, b: Dogpile, window: number): boolean {
  return a.start <= b.end + window && b.start <= a.end + window;
}

function sharedRepliers(a: Dogpile, b: Dogpile): number {
  const other = new Set(b.replierAccounts);
  let shared = 0;
  for (const x of a.replierAccounts) if (other.has(x)) shared++;
  return shared;
}

/**
 * One burst is reported once, under its most telling target:
 * - replies to a post that names an account, about that account (the inciter's post replied to
 *   with "@person ..."), are a dogpile on the account, not on the inciter's post;
 * - an account burst that is mostly one post's burst is that post's (the post target names the
 *   author too).
 */
function dedupe(store: PostStore, found: readonly Dogpile[], window: number, mentionIndex: MentionIndex): Dogpile[] {
  const posts = found.filter((d) => d.kind === 'post');
  const accounts = found.filter((d) => d.kind === 'account');
  const accountMention = accounts.map((a) => mentionIndex.of(a.username));
  const keptPosts = posts.filter((p) => {
    if (p.post < 0) return true;
    return !accounts.some(
      (a, k) => overlaps(p, a, window) && mentions(store, p.post, accountMention[k] ?? -1) && 2 * sharedRepliers(p, a) >= p.repliers,
    );
  });
  const keptAccounts = accounts.filter(
    (a) => !keptPosts.some((p) => p.account >= 0 && p.account === a.account && overlaps(p, a, window) && 2 * sharedRepliers(a, p) >= a.repliers),
  );
  return [...keptPosts, ...keptAccounts];
}

function compareDogpiles(store: PostStore): (x: Dogpile, y: Dogpile) => number {
  const key = (d: Dogpile): string => (d.kind === 'post' ? `p${store.refIds[d.ref] ?? ''}` : `a${d.account >= 0 ? (store.accountIds[d.account] ?? '') : `@${d.username ?? ''}`}`);
  return (x, y) => x.start - y.start || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);
}

// --- incitement ---------------------------------------------------------------------------------

/**
 * Posts at most `lead` seconds before a burst's first reply that name its target (R1 social: "an
 * individual ... inciting followers"): its @username, a quote of the target post or a link to it.
 * Not the target itself, not reposts (they copy someone else's words), not replies inside the
 * target's thread (those are the pile), not a reply that already counts toward an account target.
 * One sweep over the posts in time order for all bursts: each post in some burst's lead window is
 * read once (its mentions, not its text: the target's name is looked up once per burst).
 */
function findInciters(store: PostStore, refPost: Int32Array, order: Uint32Array, dogpiles: readonly Dogpile[], lead: number, mentionIndex: MentionIndex): void {
  const bursts = dogpiles
    .map((d) => ({ d, from: d.start - lead, mention: mentionIndex.of(d.username), postId: d.kind === 'post' ? (store.refIds[d.ref] ?? '') : '' }))
    .toSorted((x, y) => x.from - y.from);
  let active: typeof bursts = [];
  let next = 0;
  for (let k = bursts.length > 0 ? firstAtOrAfter(store, order, bursts[0]?.from ?? 0) : order.length; k < order.length; k++) {
    const c = order[k] ?? 0;
    const t = store.time[c] ?? 0;
    for (let b = bursts[next]; b !== undefined && b.from <= t; b = bursts[++next]) active.push(b);
    if (active.some((b) => t >= b.d.start)) active = active.filter((b) => t < b.d.start);
    if (active.length === 0) {
      if (next >= bursts.length) break;
      // Jump to the next lead window (never backwards: the order is by whole seconds).
      k = Math.max(k, firstAtOrAfter(store, order, bursts[next]?.from ?? 0) - 1);
      continue;
    }
    if ((store.repostOf[c] ?? -1) >= 0) continue;
    const author = store.account[c] ?? 0;
    const replyRef = store.replyTo[c] ?? -1;
    const repliedPost = replyRef >= 0 ? (refPost[replyRef] ?? -1) : -1;
    const repliedAuthor = repliedPost >= 0 ? (store.account[repliedPost] ?? -1) : -1;
    const quoteRef = store.quoteOf[c] ?? -1;
    const quoted = quoteRef >= 0 ? (refPost[quoteRef] ?? -1) : -1;
    const quotedAuthor = quoted >= 0 ? (store.account[quoted] ?? -1) : -1;
    for (const { d, mention, postId } of active) {
      const target = d.account;
      if (author === target) continue;
      const named = mentions(store, c, mention);
      let incites = false;
      if (d.kind === 'post') {
        if (replyRef === d.ref || (target >= 0 && repliedAuthor === target)) continue;
        incites = quoteRef === d.ref || named || linksTo(store, c, postId);
      } else if (replyRef >= 0) {
        // A reply to the account, or one naming it, is part of the pile on the account.
        if ((target >= 0 && repliedAuthor === target) || named) continue;
        incites = target >= 0 && quotedAuthor === target;
      } else {
        incites = (target >= 0 && quotedAuthor === target) || named;
      }
      if (!incites) continue;
      let inciter = d.inciters.find((x) => x.account === author);
      if (!inciter) {
        if (d.inciters.length >= MAX_INCITERS) continue;
        inciter = { account: author, posts: [] };
        d.inciters.push(inciter);
      }
      if (inciter.posts.length < MAX_INCITING_POSTS) inciter.posts.push(c);
    }
  }
}

function firstAtOrAfter(store: PostStore, order: Uint32Array, time: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The time order is by whole seconds: compare whole seconds, the caller checks the exact time.
    if (Math.floor(store.time[order[mid] ?? 0] ?? 0) < Math.floor(time)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether one of the post's links points at the post id (`.../status/123`, `...?id=123`). */
function linksTo(store: PostStore, post: number, postId: string): boolean {
  if (postId.length === 0) return false;
  const from = store.urlOffsets[post] ?? 0;
  const to = store.urlOffsets[post + 1] ?? 0;
  for (let u = from; u < to; u++) {
    const url = store.urls[store.urlIds[u] ?? 0] ?? '';
    for (let at = url.indexOf(postId); at >= 0; at = url.indexOf(postId, at + 1)) {
      const before = url.charCodeAt(at - 1);
      const after = at + postId.length < url.length ? url.charCodeAt(at + postId.length) : -1;
      // '/' or '=' before; end, '/', '?', '&' or '#' after.
      if ((before === 47 || before === 61) && (after === -1 || after === 47 || after === 63 || after === 38 || after === 35)) return true;
    }
  }
  return false;
}

// --- mentions -----------------------------------------------------------------------------------

/** Whether post `post` @-mentions name `mention` (an index into `store.mentionNames`; -1: no name). */
function mentions(store: PostStore, post: number, mention: number): boolean {
  if (mention < 0) return false;
  for (let u = store.mentionOffsets[post] ?? 0, end = store.mentionOffsets[post + 1] ?? 0; u < end; u++) if (store.mentionIds[u] === mention) return true;
  return false;
}

/** The store's mentioned names by name, and each account's username among them. */
class MentionIndex {
  private index: Map<string, number> | null = null;
  /** Per account: its username's id in `mentionNames`, -1 for none, -2 not looked up yet. */
  private readonly accounts: Int32Array;

  constructor(private readonly store: PostStore) {
    this.accounts = new Int32Array(store.accountIds.length).fill(-2);
  }

  /** The id of `username` (any case, a leading '@' dropped) in `mentionNames`, or -1 when no post mentions it. */
  of(username: string | null): number {
    if (username === null) return -1;
    let index = this.index;
    if (index === null) {
      index = new Map();
      const names = this.store.mentionNames;
      for (let id = 0; id < names.length; id++) index.set(names[id] ?? '', id);
      this.index = index;
    }
    return index.get(usernameKey(username)) ?? -1;
  }

  /** The id in `mentionNames` of the account's username, or -1. */
  ofAccount(account: number): number {
    let id = this.accounts[account] ?? -1;
    if (id === -2) {
      id = this.of(this.store.usernames[account] ?? null);
      this.accounts[account] = id;
    }
    return id;
  }
}

/** A username as it is mentioned: lower case, without a leading '@'. */
function usernameKey(name: string): string {
  return name.replace(/^@+/, '').toLowerCase();
}

function usernameIndex(store: PostStore): Map<string, number> {
  const index = new Map<string, number>();
  store.usernames.forEach((name, account) => {
    if (name === null) return;
    const key = usernameKey(name);
    if (key.length > 0 && !index.has(key)) index.set(key, account);
  });
  return index;
}

/** Whether `account` wrote a post on the reply chain above `post` (itself included), THREAD_DEPTH levels up. */
function inThread(store: PostStore, refPost: Int32Array, post: number, account: number): boolean {
  let q = post;
  for (let depth = 0; q >= 0 && depth < THREAD_DEPTH; depth++) {
    if (store.account[q] === account) return true;
    const ref = store.replyTo[q] ?? -1;
    q = ref >= 0 ? (refPost[ref] ?? -1) : -1;
  }
  return false;
}

// --- references to posts in the import ----------------------------------------------------------

/**
 * The store index of each replied-to or quoted post that is in the import (-1 otherwise), by
 * hashing the referenced ids into an open-addressing table and looking every message id up once
 * (a Map of a million strings costs several times more).
 */
export function resolveRefs(store: PostStore): Int32Array {
  const refCount = store.refIds.length;
  const refPost = new Int32Array(refCount).fill(-1);
  const used = new Uint8Array(refCount);
  let usedCount = 0;
  for (const column of [store.replyTo, store.quoteOf]) {
    for (let i = 0; i < store.size; i++) {
      const ref = column[i] ?? -1;
      if (ref >= 0 && used[ref] === 0) {
        used[ref] = 1;
        usedCount++;
      }
    }
  }
  if (usedCount === 0) return refPost;
  let size = 1024;
  while (size < usedCount * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(size);
  for (let ref = 0; ref < refCount; ref++) {
    if (used[ref] === 0) continue;
    const h = hashString(store.refIds[ref] ?? '');
    let s = h & mask;
    while ((slots[s] ?? -1) >= 0) s = (s + 1) & mask;
    slots[s] = ref;
    hashes[s] = h;
  }
  for (let i = 0; i < store.size; i++) {
    // Platforms address a reply or a quote of a repost to the original.
    if ((store.repostOf[i] ?? -1) >= 0) continue;
    const id = store.postIds[i] ?? '';
    const h = hashString(id);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const ref = slots[s] ?? -1;
      if (ref < 0) break;
      if (hashes[s] === h && store.refIds[ref] === id) {
        if (refPost[ref] === -1) refPost[ref] = i;
        break;
      }
    }
  }
  return refPost;
}

/** Hash of an id's length and last 12 characters (where message ids differ; equality is checked on the strings). */
function hashString(s: string): number {
  let h = Math.imul(0x811c9dc5 ^ s.length, 0x01000193);
  for (let i = Math.max(0, s.length - 12); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

// --- the reply-delay profile --------------------------------------------------------------------

/**
 * How long after a post its replies arrive, over the whole import: the share of replies whose delay
 * falls in [from, to). The import's own delays (replies to posts in the import, not by their
 * author), mixed with a weak prior of PRIOR_REPLIES replies (half within about an hour, half within
 * about a day), so a small import or one dominated by a single burst does not call its own burst
 * normal.
 */
export class DelayProfile {
  private constructor(private readonly delays: Float64Array) {}

  static of(store: PostStore, refPost: Int32Array): DelayProfile {
    const delays: number[] = [];
    for (let i = 0; i < store.size; i++) {
      const ref = store.replyTo[i] ?? -1;
      if (ref < 0) continue;
      const parent = refPost[ref] ?? -1;
      if (parent < 0 || store.account[parent] === store.account[i]) continue;
      delays.push(Math.max(0, (store.time[i] ?? 0) - (store.time[parent] ?? 0)));
    }
    return new DelayProfile(Float64Array.from(delays).toSorted());
  }

  /** P(delay <= x). */
  cdf(x: number): number {
    if (x < 0) return 0;
    const n = this.delays.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.delays[mid] ?? 0) <= x) lo = mid + 1;
      else hi = mid;
    }
    const prior = 1 - 0.5 * Math.exp(-x / 3_600) - 0.5 * Math.exp(-x / 86_400);
    return (lo + PRIOR_REPLIES * prior) / (n + PRIOR_REPLIES);
  }

  /** P(from < delay <= to). */
  share(from: number, to: number): number {
    return Math.max(0, this.cdf(to) - this.cdf(from));
  }
}

// --- edges --------------------------------------------------------------------------------------

interface PairAccumulator {
  a: number;
  b: number;
  bursts: number;
  lastBurst: number;
  /** Product of (1 - burst score) over the shared bursts. */
  keep: number;
  first: number;
  last: number;
  evidence: EdgeEvidence[];
}

export function dogpileLabel(store: PostStore, dogpile: Pick<Dogpile, 'kind' | 'ref' | 'account' | 'username'>): string {
  const who = dogpile.username !== null ? `@${dogpile.username}` : dogpile.account >= 0 ? `user ${store.accountIds[dogpile.account] ?? ''}` : null;
  if (dogpile.kind === 'account') return who ?? '';
  const post = `post ${store.refIds[dogpile.ref] ?? ''}`;
  return who === null ? post : `${post} by ${who}`;
}

function buildEdges(store: PostStore, dogpiles: readonly Dogpile[], maxNeighbours: number): DetectorEdge[] {
  const stride = store.accountIds.length;
  const pairs = new Map<number, PairAccumulator>();
  const cap = Math.max(1, maxNeighbours);
  dogpiles.forEach((dogpile, burst) => {
    const label = dogpileLabel(store, dogpile);
    const add = (x: number, y: number, postX: number, postY: number): void => {
      if (x === y) return;
      const [a, b, postA, postB] = x < y ? [x, y, postX, postY] : [y, x, postY, postX];
      const key = a * stride + b;
      let pair = pairs.get(key);
      if (!pair) {
        pair = { a, b, bursts: 0, lastBurst: -1, keep: 1, first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY, evidence: [] };
        pairs.set(key, pair);
      }
      for (const post of [postA, postB]) {
        const t = store.time[post] ?? 0;
        if (t < pair.first) pair.first = t;
        if (t > pair.last) pair.last = t;
      }
      if (pair.lastBurst === burst) return;
      pair.lastBurst = burst;
      pair.bursts++;
      pair.keep *= 1 - dogpile.score;
      if (pair.evidence.length < MAX_EVIDENCE_PER_EDGE) pair.evidence.push({ label, postA, postB });
    };
    const { replierAccounts: repliers, replies } = dogpile;
    for (let i = 0; i < repliers.length; i++) {
      for (let j = i + 1; j < Math.min(repliers.length, i + cap + 1); j++) add(repliers[i] ?? 0, repliers[j] ?? 0, replies[i] ?? 0, replies[j] ?? 0);
    }
    for (const inciter of dogpile.inciters) {
      const post = inciter.posts[0] ?? 0;
      for (let i = 0; i < repliers.length; i++) add(inciter.account, repliers[i] ?? 0, post, replies[i] ?? 0);
    }
  });
  return [...pairs.values()].map((p) => ({
    a: p.a,
    b: p.b,
    detector: 'dogpiling' as const,
    score: 1 - p.keep,
    coItems: p.bursts,
    first: p.first,
    last: p.last,
    evidence: p.evidence,
  }));
}
