// Detector edges into clusters of accounts: connected components of the union of all detectors'
// edges (each edge already passed its detector's thresholds), scored, with the evidence that backs
// them and the R1 signal they suggest.
import type { DetectorEdge, Dogpile } from './detection-types';
import type { PostStore } from './post-store';
import type { SignalKind, SignalStrength, SignalTechnique } from '../policy-terms';
import type { ClusterSettings, DetectorName } from './settings';
import { DETECTOR_NAMES } from './settings';
import { toIsoUtc } from './timestamp';
import { mix32 } from './text-features';

export interface ClusterAccount {
  /** The platform's user id. */
  id: string;
  username: string | null;
}

export interface ClusterDetectorSummary {
  detector: DetectorName;
  /** Edges of this detector inside the cluster. */
  edges: number;
  /** Accounts touched by those edges. */
  accounts: number;
  meanScore: number;
  /** Most distinct items one pair shared through this detector. */
  maxCoItems: number;
}

export interface ClusterEvidence {
  detector: DetectorName;
  label: string;
  postIds: string[];
  /** User ids of the accounts involved. */
  accounts: string[];
  start: string;
  end: string;
}

export interface ClusterEdge {
  /** User ids. */
  a: string;
  b: string;
  detector: DetectorName;
  score: number;
  coItems: number;
}

export interface SuggestedSignal {
  kind: SignalKind;
  technique: SignalTechnique;
}

/** A dogpiling target (R1 social): who was piled on, when, by how many accounts. */
export interface DogpilingTarget {
  kind: 'post' | 'account';
  /** The target post's id (null for an account target). */
  postId: string | null;
  /** The targeted account (a post target's author): its user id, null when it is known only by an @-mention. */
  accountId: string | null;
  username: string | null;
  /** The burst's first and last reply. */
  start: string;
  end: string;
  /** Distinct accounts that replied in the burst. */
  repliers: number;
  /** User ids of the accounts whose posts named the target just before the burst. */
  incitedBy: string[];
}

/** An account whose post named a target just before its dogpile (R1 social: incitement). */
export interface DogpilingInciter {
  accountId: string;
  username: string | null;
  /** The inciting posts. */
  postIds: string[];
}

export interface CoordinationCluster {
  /** Stable: derived from the member accounts. */
  id: string;
  accounts: ClusterAccount[];
  score: number;
  strength: SignalStrength;
  detectors: ClusterDetectorSummary[];
  /** The detector whose edges weigh most (SUGGESTION_WEIGHT); it sets the suggested signal. */
  primaryDetector: DetectorName;
  suggestedSignal: SuggestedSignal;
  window: { start: string; end: string };
  evidence: ClusterEvidence[];
  /** Distinct evidence items before the cap. */
  evidenceCount: number;
  edges: ClusterEdge[];
  edgeCount: number;
  /**
   * Dogpiling targets of the cluster's accounts, earliest first (at most MAX_TARGETS); empty without
   * dogpiling. `clusterEdges` and the contract (for reports stored before issue 16) always set both;
   * they are optional only so clusters written by hand elsewhere stay valid.
   */
  targets?: DogpilingTarget[];
  /** Accounts that incited those dogpiles; empty when none is on record. */
  inciters?: DogpilingInciter[];
}

/**
 * R1: which signal each detector suggests. Interpretation: co-link (pushing the same link within
 * seconds) is counted as copy-paste amplification, a technical technique.
 */
export const DETECTOR_SIGNALS: Record<DetectorName, SuggestedSignal> = {
  'shared-identifier': { kind: 'technical', technique: 'technical-linkage' },
  'co-post': { kind: 'technical', technique: 'multiple-accounts-same-message' },
  'near-duplicate': { kind: 'technical', technique: 'copy-paste-amplification' },
  'co-link': { kind: 'technical', technique: 'copy-paste-amplification' },
  'co-retweet': { kind: 'technical', technique: 'coordinated-reposting' },
  'co-reply': { kind: 'social', technique: 'incitement-dogpiling' },
  dogpiling: { kind: 'social', technique: 'incitement-dogpiling' },
  'synchronised-posting': { kind: 'social', technique: 'synchronised-posting' },
};

/**
 * Weights when choosing a cluster's suggested technique from its detectors' edge mass: identical
 * texts are also near-duplicates, and most coordinated groups are also simultaneous, so the more
 * specific detector wins over those two.
 */
const SUGGESTION_WEIGHT: Record<DetectorName, number> = {
  'shared-identifier': 1,
  'co-post': 1,
  'near-duplicate': 0.8,
  'co-link': 1,
  'co-retweet': 1,
  'co-reply': 1,
  dogpiling: 1,
  'synchronised-posting': 0.5,
};

const MAX_POSTS_PER_EVIDENCE = 20;
/** Dogpiling targets and inciters listed per cluster. */
const MAX_TARGETS = 50;
const MAX_INCITERS = 50;
const MAX_ACCOUNTS_PER_EVIDENCE = 50;

/** Union-find over account indices. */
class Components {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const parent = this.parent;
    let r = x;
    while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
    while ((parent[x] ?? x) !== r) {
      const next = parent[x] ?? x;
      parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

/**
 * Edges that belong to a group of at least `minAccounts` accounts linked by the same detector. A
 * lone pair (two accounts, one detector) is not a cluster, and must not become one by chaining
 * onto another detector's lone pair: a family sharing a tablet plus a chance co-reply is not a
 * network.
 */
function supportedEdges(accountCount: number, edges: readonly DetectorEdge[], minAccounts: number): DetectorEdge[] {
  if (minAccounts <= 2) return edges.slice();
  const kept: DetectorEdge[] = [];
  for (const detector of DETECTOR_NAMES) {
    const own = edges.filter((e) => e.detector === detector);
    if (own.length === 0) continue;
    const components = new Components(accountCount);
    for (const e of own) components.union(e.a, e.b);
    const sizes = new Map<number, number>();
    const counted = new Set<number>();
    for (const e of own) {
      for (const a of [e.a, e.b]) {
        if (counted.has(a)) continue;
        counted.add(a);
        const root = components.find(a);
        sizes.set(root, (sizes.get(root) ?? 0) + 1);
      }
    }
    for (const e of own) if ((sizes.get(components.find(e.a)) ?? 0) >= minAccounts) kept.push(e);
  }
  return kept;
}

/** `dogpiles`: the dogpiling detector's bursts; each is listed on the cluster that holds its repliers. */
export function clusterEdges(
  store: PostStore,
  allEdges: readonly DetectorEdge[],
  settings: ClusterSettings,
  dogpiles: readonly Dogpile[] = [],
): CoordinationCluster[] {
  const accountCount = store.accountIds.length;
  const edges = supportedEdges(accountCount, allEdges, settings.minAccounts);
  const components = new Components(accountCount);
  const find = (x: number): number => components.find(x);
  for (const e of edges) components.union(e.a, e.b);
  const members = new Map<number, number[]>();
  const edgesOf = new Map<number, DetectorEdge[]>();
  for (const e of edges) {
    const root = find(e.a);
    let list = edgesOf.get(root);
    if (!list) {
      list = [];
      edgesOf.set(root, list);
    }
    list.push(e);
  }
  for (const root of edgesOf.keys()) members.set(root, []);
  for (let a = 0; a < accountCount; a++) {
    const list = members.get(find(a));
    if (list) list.push(a);
  }

  // A burst's repliers are linked to each other by its edges: they are in one component.
  const dogpilesOf = new Map<number, Dogpile[]>();
  for (const dogpile of dogpiles) {
    const first = dogpile.replierAccounts[0];
    if (first === undefined) continue;
    const root = find(first);
    if (!members.has(root)) continue;
    let list = dogpilesOf.get(root);
    if (!list) {
      list = [];
      dogpilesOf.set(root, list);
    }
    list.push(dogpile);
  }

  const clusters: CoordinationCluster[] = [];
  for (const [root, accounts] of members) {
    if (accounts.length < settings.minAccounts) continue;
    clusters.push(buildCluster(store, accounts, edgesOf.get(root) ?? [], settings, dogpilesOf.get(root) ?? []));
  }
  clusters.sort((x, y) => y.score - x.score || y.accounts.length - x.accounts.length || (x.id < y.id ? -1 : 1));
  return clusters;
}

function buildCluster(
  store: PostStore,
  accounts: readonly number[],
  edges: readonly DetectorEdge[],
  settings: ClusterSettings,
  dogpiles: readonly Dogpile[],
): CoordinationCluster {
  const size = accounts.length;
  const summaries: ClusterDetectorSummary[] = [];
  let remaining = 1;
  let best: DetectorName = edges[0]?.detector ?? 'co-post';
  let bestMass = -1;
  for (const detector of DETECTOR_NAMES) {
    const own = edges.filter((e) => e.detector === detector);
    if (own.length === 0) continue;
    const touched = new Set<number>();
    let sum = 0;
    let maxCoItems = 0;
    for (const e of own) {
      touched.add(e.a);
      touched.add(e.b);
      sum += e.score;
      if (e.coItems > maxCoItems) maxCoItems = e.coItems;
    }
    const meanScore = sum / own.length;
    summaries.push({ detector, edges: own.length, accounts: touched.size, meanScore: round(meanScore), maxCoItems });
    remaining *= 1 - meanScore * (touched.size / size);
    const mass = sum * SUGGESTION_WEIGHT[detector];
    if (mass > bestMass) {
      bestMass = mass;
      best = detector;
    }
  }
  const score = round(1 - remaining);

  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of edges) {
    if (e.first < start) start = e.first;
    if (e.last > end) end = e.last;
  }

  const sorted = edges.toSorted((x, y) => y.score - x.score || y.coItems - x.coItems);
  const evidenceByKey = new Map<string, { entry: ClusterEvidence; posts: Set<number>; accounts: Set<number>; from: number; to: number }>();
  let evidenceCount = 0;
  for (const e of sorted) {
    for (const ev of e.evidence) {
      const key = `${e.detector}\u0000${ev.label}`;
      let slot = evidenceByKey.get(key);
      if (!slot) {
        evidenceCount++;
        if (evidenceByKey.size >= settings.maxEvidence) continue;
        slot = {
          entry: { detector: e.detector, label: ev.label, postIds: [], accounts: [], start: '', end: '' },
          posts: new Set(),
          accounts: new Set(),
          from: Number.POSITIVE_INFINITY,
          to: Number.NEGATIVE_INFINITY,
        };
        evidenceByKey.set(key, slot);
      }
      for (const post of [ev.postA, ev.postB]) {
        if (post < 0) continue;
        if (slot.posts.size < MAX_POSTS_PER_EVIDENCE) slot.posts.add(post);
        const account = store.account[post] ?? 0;
        if (slot.accounts.size < MAX_ACCOUNTS_PER_EVIDENCE) slot.accounts.add(account);
        const t = store.time[post] ?? 0;
        if (t < slot.from) slot.from = t;
        if (t > slot.to) slot.to = t;
      }
    }
  }
  const evidence: ClusterEvidence[] = [];
  for (const slot of evidenceByKey.values()) {
    const entry = slot.entry;
    entry.postIds = [...slot.posts].toSorted((x, y) => x - y).map((p) => store.postIds[p] ?? '');
    entry.accounts = [...slot.accounts].map((a) => store.accountIds[a] ?? '');
    entry.start = toIsoUtc(Number.isFinite(slot.from) ? slot.from : 0);
    entry.end = toIsoUtc(Number.isFinite(slot.to) ? slot.to : 0);
    evidence.push(entry);
  }

  const memberIds = accounts.map((a) => store.accountIds[a] ?? '');
  return {
    id: clusterId(memberIds),
    accounts: accounts.map((a) => ({ id: store.accountIds[a] ?? '', username: store.usernames[a] ?? null })),
    score,
    strength: score >= 0.7 ? 'strong' : score >= 0.4 ? 'moderate' : 'weak',
    detectors: summaries,
    primaryDetector: best,
    suggestedSignal: DETECTOR_SIGNALS[best],
    window: { start: toIsoUtc(Number.isFinite(start) ? start : 0), end: toIsoUtc(Number.isFinite(end) ? end : 0) },
    evidence,
    evidenceCount,
    edges: sorted.slice(0, settings.maxEdges).map((e) => ({
      a: store.accountIds[e.a] ?? '',
      b: store.accountIds[e.b] ?? '',
      detector: e.detector,
      score: round(e.score),
      coItems: e.coItems,
    })),
    edgeCount: edges.length,
    ...dogpilingOf(store, dogpiles),
  };
}

/** The report's view of a cluster's dogpiles: targets (earliest first) and their inciters. */
function dogpilingOf(store: PostStore, dogpiles: readonly Dogpile[]): Pick<CoordinationCluster, 'targets' | 'inciters'> {
  const sorted = dogpiles.toSorted((x, y) => x.start - y.start);
  const targets: DogpilingTarget[] = sorted.slice(0, MAX_TARGETS).map((d) => ({
    kind: d.kind,
    postId: d.kind === 'post' ? (store.refIds[d.ref] ?? '') : null,
    accountId: d.account >= 0 ? (store.accountIds[d.account] ?? null) : null,
    username: d.username,
    start: toIsoUtc(d.start),
    end: toIsoUtc(d.end),
    repliers: d.repliers,
    incitedBy: d.inciters.map((i) => store.accountIds[i.account] ?? ''),
  }));
  const byAccount = new Map<number, Set<number>>();
  for (const d of sorted) {
    for (const inciter of d.inciters) {
      let posts = byAccount.get(inciter.account);
      if (!posts) {
        if (byAccount.size >= MAX_INCITERS) continue;
        posts = new Set();
        byAccount.set(inciter.account, posts);
      }
      for (const post of inciter.posts) posts.add(post);
    }
  }
  const inciters: DogpilingInciter[] = [...byAccount].map(([account, posts]) => ({
    accountId: store.accountIds[account] ?? '',
    username: store.usernames[account] ?? null,
    postIds: [...posts].toSorted((x, y) => (store.time[x] ?? 0) - (store.time[y] ?? 0) || x - y).map((p) => store.postIds[p] ?? ''),
  }));
  return { targets, inciters };
}

/** `cluster-` + 16 hex digits from the sorted member ids: the same accounts give the same id. */
function clusterId(userIds: readonly string[]): string {
  const sorted = userIds.toSorted();
  let h1 = 0x811c9dc5;
  let h2 = 0x01234567;
  for (const id of sorted) {
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 13);
    }
    h1 = Math.imul(h1 ^ 0x2c, 0x01000193);
    h2 = Math.imul(h2 + 0x2c, 0x5bd1e995);
  }
  return `cluster-${mix32(h1).toString(16).padStart(8, '0')}${mix32(h2).toString(16).padStart(8, '0')}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
