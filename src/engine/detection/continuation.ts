// R15: the posts of an imported file by which an account whose visibility limit expired (and was
// not re-applied) continues the designated group's behaviour. A post continues it when it is by a
// watched account, strictly after that account's limit expired, and falls in one of the detected
// clusters (cited by its evidence, or by a member within the cluster's window), or carries one of the
// case's hashtags, keywords or links. Pure: everything
// (the posts, the clusters, the case's watch list) is passed in; no clock, no I/O.
import { accountHandle } from './cluster-signal';
import type { CoordinationCluster } from './clustering';
import type { PostStore } from './post-store';
import { toIsoUtc } from './timestamp';
import { normaliseUrl } from './url-normalise';
import {
  MAX_CONTINUATION_EXAMPLES,
  MAX_MATCHES_PER_POST,
  MAX_MATCH_VALUE_CHARS,
  MIN_KEYWORD_CHARS,
  type ContinuationMatchKind,
} from './continuation-limits';

export { CONTINUATION_MATCH_KINDS, MAX_CONTINUATION_EXAMPLES, type ContinuationMatchKind } from './continuation-limits';

export interface ContinuationWatch {
  /** Accounts whose visibility limit expired and was not re-applied: handle as the case writes it (no '@', compare case-insensitively with the post store's usernames), the expired action's id, and when it expired (ISO UTC). */
  accounts: readonly { handle: string; actionId: string; expiredAt: string }[];
  /** The case's hashtags (with or without '#'), keywords, and links (any URLs; normalised as the parser normalises post URLs: url-normalise.ts). */
  hashtags: readonly string[];
  keywords: readonly string[];
  links: readonly string[];
}

export interface ContinuationMatch {
  kind: ContinuationMatchKind;
  value: string;
}

export interface ContinuationPost {
  postId: string;
  at: string;
  matches: ContinuationMatch[];
}

export interface ContinuationFinding {
  handle: string;
  actionId: string;
  expiredAt: string;
  /** Matching posts after expiry (all of them, counted). */
  posts: number;
  firstAt: string;
  lastAt: string;
  /** The first matching posts in time order, at most MAX_CONTINUATION_EXAMPLES. */
  examples: ContinuationPost[];
}

/** `#tag` tokens: a `#` not preceded by a letter, digit, mark or `_`, then letters, digits, marks and `_`. */
const HASHTAG_RE = /(?<![\p{L}\p{N}\p{M}_])#([\p{L}\p{N}\p{M}_]+)/gu;

interface WatchedAccount {
  handle: string;
  key: string;
  actionId: string;
  expiredAt: string;
  /** Epoch seconds; a post counts when its time is strictly greater. */
  expiry: number;
}

interface Example {
  index: number;
  time: number;
  matches: ContinuationMatch[];
}

interface Tally {
  posts: number;
  first: number;
  last: number;
  /** Ascending by (time, store index). */
  examples: Example[];
}

const stripAt = (s: string): string => s.trim().replace(/^@+/, '');
const foldCase = (s: string): string => s.normalize('NFC').toLowerCase();
const cut = (s: string): string => (s.length > MAX_MATCH_VALUE_CHARS ? s.slice(0, MAX_MATCH_VALUE_CHARS) : s);

/**
 * The watched accounts, one per handle (compared case-insensitively). A handle listed twice keeps
 * the entry that expired last: activity before that expiry was still under a limit.
 */
function watchedAccounts(watch: ContinuationWatch): WatchedAccount[] {
  const byKey = new Map<string, WatchedAccount>();
  for (const account of watch.accounts) {
    const handle = stripAt(account.handle);
    const expiry = Date.parse(account.expiredAt) / 1000;
    if (handle.length === 0 || !Number.isFinite(expiry)) continue;
    const key = foldCase(handle);
    const known = byKey.get(key);
    if (known === undefined || expiry > known.expiry) byKey.set(key, { handle, key, actionId: account.actionId, expiredAt: account.expiredAt, expiry });
  }
  return [...byKey.values()];
}

/**
 * The watched entry of each account index, or -1. An account is known by its username and by the
 * handle a detected cluster gives it (`accountHandle`: how a case's handles are made from a cluster).
 */
function watchOfAccounts(store: PostStore, watched: readonly WatchedAccount[]): Int32Array | null {
  const byKey = new Map<string, number>();
  for (const [w, account] of watched.entries()) byKey.set(account.key, w);
  const of = new Int32Array(store.accountIds.length).fill(-1);
  let any = false;
  for (let a = 0; a < of.length; a++) {
    const username = store.usernames[a] ?? null;
    let w = username === null ? undefined : byKey.get(foldCase(stripAt(username)));
    w ??= byKey.get(foldCase(accountHandle(username, store.accountIds[a] ?? '')));
    if (w === undefined) continue;
    of[a] = w;
    any = true;
  }
  return any ? of : null;
}

/** An account's place in a detected cluster: the cluster's id and its window (epoch seconds). */
interface Membership {
  id: string;
  start: number;
  end: number;
}

/**
 * Account id -> the clusters it belongs to. A post of a member within its cluster's window is part of
 * the coordinated behaviour the cluster found, whether or not the cluster's evidence (a few examples
 * per detector) happens to cite that post.
 */
function clusterMembers(clusters: readonly CoordinationCluster[]): Map<string, Membership[]> {
  const byAccount = new Map<string, Membership[]>();
  for (const cluster of clusters) {
    const membership = { id: cluster.id, start: Date.parse(cluster.window.start) / 1000, end: Date.parse(cluster.window.end) / 1000 };
    for (const account of cluster.accounts) {
      const list = byAccount.get(account.id);
      if (list === undefined) byAccount.set(account.id, [membership]);
      else list.push(membership);
    }
  }
  return byAccount;
}

/** Post id -> the ids of the clusters whose evidence cites it. */
function clusterPosts(clusters: readonly CoordinationCluster[]): Map<string, string[]> {
  const byPost = new Map<string, string[]>();
  for (const cluster of clusters) {
    for (const evidence of cluster.evidence) {
      for (const postId of evidence.postIds) {
        const ids = byPost.get(postId);
        if (ids === undefined) byPost.set(postId, [cluster.id]);
        else if (!ids.includes(cluster.id)) ids.push(cluster.id);
      }
    }
  }
  return byPost;
}

interface Matchers {
  clusters: Map<string, string[]>;
  members: Map<string, Membership[]>;
  /** Folded tag (no '#') -> value ('#' + the tag as the case writes it). */
  hashtags: Map<string, string>;
  keywords: { folded: string; value: string }[];
  /** Normalised URL -> the link as the case writes it. */
  links: Map<string, string>;
}

function matchers(clusters: readonly CoordinationCluster[], watch: ContinuationWatch): Matchers {
  const hashtags = new Map<string, string>();
  for (const raw of watch.hashtags) {
    const tag = raw.trim().replace(/^#+/, '');
    const folded = foldCase(tag);
    if (tag.length > 0 && !hashtags.has(folded)) hashtags.set(folded, cut(`#${tag}`));
  }
  const keywords: { folded: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const raw of watch.keywords) {
    const value = raw.trim();
    const folded = foldCase(value);
    if ([...value].length < MIN_KEYWORD_CHARS || seen.has(folded)) continue;
    seen.add(folded);
    keywords.push({ folded, value: cut(value) });
  }
  const links = new Map<string, string>();
  for (const raw of watch.links) {
    const value = raw.trim();
    const url = normaliseUrl(value);
    if (url !== null && !links.has(url)) links.set(url, cut(value));
  }
  return { clusters: clusterPosts(clusters), members: clusterMembers(clusters), hashtags, keywords, links };
}

/** What in post `i` continues the group's behaviour, in kind order; empty when nothing does. */
function matchPost(store: PostStore, i: number, m: Matchers): ContinuationMatch[] {
  const matches: ContinuationMatch[] = [];
  const inClusters = new Set(m.clusters.get(store.postIds[i] ?? '') ?? []);
  const time = store.time[i] ?? 0;
  for (const membership of m.members.get(store.accountIds[store.account[i] ?? -1] ?? '') ?? []) {
    if (time >= membership.start && time <= membership.end) inClusters.add(membership.id);
  }
  for (const id of inClusters) matches.push({ kind: 'cluster', value: id });
  const text = store.text.get(i);
  if (m.hashtags.size > 0 && text.includes('#')) {
    const found = new Set<string>();
    for (const token of text.matchAll(HASHTAG_RE)) {
      const value = m.hashtags.get(foldCase(token[1] ?? ''));
      if (value !== undefined && !found.has(value)) {
        found.add(value);
        matches.push({ kind: 'hashtag', value });
      }
    }
  }
  if (m.keywords.length > 0 && text.length > 0) {
    const folded = foldCase(text);
    for (const keyword of m.keywords) if (folded.includes(keyword.folded)) matches.push({ kind: 'keyword', value: keyword.value });
  }
  if (m.links.size > 0) {
    const seen = new Set<string>();
    for (let u = store.urlOffsets[i] ?? 0; u < (store.urlOffsets[i + 1] ?? 0); u++) {
      const value = m.links.get(store.urls[store.urlIds[u] ?? -1] ?? '');
      if (value !== undefined && !seen.has(value)) {
        seen.add(value);
        matches.push({ kind: 'link', value });
      }
    }
  }
  return matches.length > MAX_MATCHES_PER_POST ? matches.slice(0, MAX_MATCHES_PER_POST) : matches;
}

/** Keeps the MAX_CONTINUATION_EXAMPLES earliest posts; posts arrive in store order, so a tie keeps the earlier row. */
function addExample(examples: Example[], example: Example): void {
  const last = examples.at(-1);
  if (examples.length >= MAX_CONTINUATION_EXAMPLES && last !== undefined && example.time >= last.time) return;
  let at = examples.length;
  while (at > 0 && (examples[at - 1]?.time ?? 0) > example.time) at--;
  examples.splice(at, 0, example);
  if (examples.length > MAX_CONTINUATION_EXAMPLES) examples.pop();
}

/**
 * R15: per watched account, the posts after its limit expired that continue the group's behaviour.
 * One pass over the posts (accounts are resolved to their watch entry first); findings by handle.
 */
export function findContinuations(store: PostStore, clusters: readonly CoordinationCluster[], watch: ContinuationWatch): ContinuationFinding[] {
  const watched = watchedAccounts(watch);
  if (watched.length === 0 || store.size === 0) return [];
  const watchOf = watchOfAccounts(store, watched);
  if (watchOf === null) return [];
  const m = matchers(clusters, watch);
  if (m.clusters.size === 0 && m.members.size === 0 && m.hashtags.size === 0 && m.keywords.length === 0 && m.links.size === 0) return [];

  const tallies: (Tally | undefined)[] = Array.from({ length: watched.length });
  const { account, time } = store;
  // The watched accounts' posts after their limit expired, their texts read in one sweep of the file.
  const candidates: number[] = [];
  for (let i = 0; i < store.size; i++) {
    const w = watchOf[account[i] ?? 0] ?? -1;
    if (w >= 0 && (time[i] ?? 0) > (watched[w]?.expiry ?? Number.POSITIVE_INFINITY)) candidates.push(i);
  }
  store.text.prefetch(candidates);
  for (const i of candidates) {
    const w = watchOf[account[i] ?? 0] ?? -1;
    const t = time[i] ?? 0;
    const matches = matchPost(store, i, m);
    if (matches.length === 0) continue;
    let tally = tallies[w];
    if (tally === undefined) {
      tally = { posts: 0, first: t, last: t, examples: [] };
      tallies[w] = tally;
    }
    tally.posts++;
    if (t < tally.first) tally.first = t;
    if (t > tally.last) tally.last = t;
    addExample(tally.examples, { index: i, time: t, matches });
  }

  const findings: { key: string; finding: ContinuationFinding }[] = [];
  for (const [w, account] of watched.entries()) {
    const tally = tallies[w];
    if (tally === undefined) continue;
    findings.push({
      key: account.key,
      finding: {
        handle: account.handle,
        actionId: account.actionId,
        expiredAt: account.expiredAt,
        posts: tally.posts,
        firstAt: toIsoUtc(tally.first),
        lastAt: toIsoUtc(tally.last),
        examples: tally.examples.map((e) => ({ postId: store.postIds[e.index] ?? '', at: toIsoUtc(e.time), matches: e.matches })),
      },
    });
  }
  findings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return findings.map((f) => f.finding);
}
