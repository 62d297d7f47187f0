// Clustering, the cluster -> signal conversion, and the whole pipeline on seeded synthetic data.
import { describe, expect, it } from 'vitest';
import { defaultSyntheticParams, generateSyntheticActivity } from '../../../scripts/lib/synthetic-activity';
import { parseActivity } from './activity-parser';
import { HANDLE_PATTERN, accountHandle, clusterToSignal } from './cluster-signal';
import { clusterEdges } from './clustering';
import { detectCoordination, detectCoordinationSteps } from './detect-coordination';
import { buildDetectionReport } from './detection-report';
import type { DetectorEdge } from './detection-types';
import { buildPostStore } from './post-store';
import type { ValidPost } from './post-store';
import { DEFAULT_DETECTOR_SETTINGS } from './settings';
import { TECHNICAL_TECHNIQUES, SOCIAL_TECHNIQUES } from '../policy-terms';

const T0 = 1_700_000_000;

function storeWithAccounts(names: readonly (string | null)[]) {
  const posts: ValidPost[] = names.map((name, i) => ({
    messageId: `m${i}`, userId: `u${i}`, username: name, time: T0 + i, text: '', repostId: null, replyId: null,
    quoteId: null, urls: [], deviceHash: null, ipHash: null,
  }));
  return buildPostStore(posts);
}

function edge(a: number, b: number, detector: DetectorEdge['detector'], score = 0.8, coItems = 3): DetectorEdge {
  return { a, b, detector, score, coItems, first: T0 + a, last: T0 + b + 100, evidence: [{ label: `item-${a}-${b}`, postA: a, postB: b }] };
}

describe('clusterEdges', () => {
  const store = storeWithAccounts(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);

  it('groups accounts linked by a detector into clusters with their evidence and suggested signal', () => {
    const clusters = clusterEdges(store, [edge(0, 1, 'co-retweet'), edge(1, 2, 'co-retweet'), edge(0, 2, 'co-retweet', 0.9)], DEFAULT_DETECTOR_SETTINGS.clustering);
    expect(clusters).toHaveLength(1);
    const [c] = clusters;
    expect(c?.accounts.map((a) => a.id)).toEqual(['u0', 'u1', 'u2']);
    expect(c?.primaryDetector).toBe('co-retweet');
    expect(c?.suggestedSignal).toEqual({ kind: 'technical', technique: 'coordinated-reposting' });
    expect(c?.detectors).toEqual([{ detector: 'co-retweet', edges: 3, accounts: 3, meanScore: 0.833, maxCoItems: 3 }]);
    expect(c?.score).toBe(0.833);
    expect(c?.strength).toBe('strong');
    expect(c?.window).toEqual({ start: '2023-11-14T22:13:20.000Z', end: '2023-11-14T22:15:02.000Z' });
    expect(c?.evidence.map((e) => e.label)).toEqual(['item-0-2', 'item-0-1', 'item-1-2']);
    expect(c?.edges[0]).toEqual({ a: 'u0', b: 'u2', detector: 'co-retweet', score: 0.9, coItems: 3 });
    expect(c?.id).toMatch(/^cluster-[0-9a-f]{16}$/);
  });

  it('drops lone pairs, even when two detectors chain them into three accounts', () => {
    // A shared family device (d-e) and an unrelated chance co-reply (e-f): not a network.
    const clusters = clusterEdges(store, [edge(3, 4, 'shared-identifier', 1), edge(4, 5, 'co-reply', 0.3)], DEFAULT_DETECTOR_SETTINGS.clustering);
    expect(clusters).toEqual([]);
  });

  it('merges detectors on the same accounts and lets the specific detector set the signal', () => {
    const clusters = clusterEdges(
      store,
      [edge(0, 1, 'co-post'), edge(1, 2, 'co-post'), edge(0, 1, 'near-duplicate'), edge(1, 2, 'near-duplicate'), edge(0, 2, 'synchronised-posting'), edge(0, 1, 'synchronised-posting'), edge(1, 2, 'synchronised-posting')],
      DEFAULT_DETECTOR_SETTINGS.clustering,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.detectors.map((d) => d.detector)).toEqual(['co-post', 'near-duplicate', 'synchronised-posting']);
    expect(clusters[0]?.primaryDetector).toBe('co-post');
    expect(clusters[0]?.suggestedSignal.technique).toBe('multiple-accounts-same-message');
  });

  it('gives the same id to the same accounts', () => {
    const one = clusterEdges(store, [edge(5, 6, 'co-link'), edge(6, 7, 'co-link')], DEFAULT_DETECTOR_SETTINGS.clustering);
    const two = clusterEdges(store, [edge(6, 7, 'co-link'), edge(5, 7, 'co-link')], DEFAULT_DETECTOR_SETTINGS.clustering);
    expect(one[0]?.id).toBe(two[0]?.id);
  });
});

describe('clusterToSignal', () => {
  it('makes an unverified, detected signal with safe handles and the cluster window', () => {
    const store = storeWithAccounts(['alice', '@bob', 'ca rol<script>', null, 'ca_rol_script']);
    const [cluster] = clusterEdges(store, [edge(0, 1, 'co-reply'), edge(1, 2, 'co-reply'), edge(2, 3, 'co-reply'), edge(3, 4, 'co-reply')], DEFAULT_DETECTOR_SETTINGS.clustering);
    if (!cluster) throw new Error('no cluster');
    const signal = clusterToSignal(cluster);
    expect(signal).toMatchObject({
      kind: 'social',
      technique: 'incitement-dogpiling',
      observed: 'on-platform',
      accounts: ['alice', 'bob', 'ca_rol_script', 'user-u3', 'ca_rol_script-2'],
      window: cluster.window,
      sources: [],
      evidenceState: 'unverified',
      origin: 'detected',
      strength: 'strong',
    });
    expect(signal.id).toBe(`sig-${cluster.id}`);
    for (const handle of signal.accounts) expect(handle).toMatch(HANDLE_PATTERN);
    expect(signal.description).toContain('replied to the same posts in bursts');
  });

  it.each([
    ['@@alice', 'u1', 'alice'],
    ['Ünïcode', 'u1', 'n_code'],
    ['🔥🔥', '123', 'user-123'],
    [null, '=cmd()', 'user-cmd'],
    ['', '', 'user-unknown'],
    ['x'.repeat(80), 'u', 'x'.repeat(50)],
  ])('accountHandle(%j, %j) = %j', (name, id, expected) => {
    expect(accountHandle(name, id)).toBe(expected);
  });
});

describe('the pipeline on seeded synthetic activity', () => {
  it('finds the planted clusters of every kind with precision and recall of at least 0.95', () => {
    const dataset = generateSyntheticActivity({ ...defaultSyntheticParams(30_000, 7), clustersPerKind: 2 });
    const parsed = parseActivity([...dataset.csvChunks()].join(''));
    expect(parsed.fatal).toBeNull();
    expect(parsed.issueCount).toBe(0);
    const outcome = detectCoordination(parsed.store);
    const flagged = new Set(outcome.clusters.flatMap((c) => c.accounts.map((a) => a.id)));
    const truePositives = [...flagged].filter((id) => dataset.truth.has(id)).length;
    expect(truePositives / flagged.size).toBeGreaterThanOrEqual(0.95);
    expect(truePositives / dataset.truth.size).toBeGreaterThanOrEqual(0.95);
    // Every kind is found by its own detector, and signals use the policy's vocabularies. Planted
    // co-reply groups pile onto ordinary posts again and again: each pile is a dogpile too, and the
    // dogpiling detector's edges may outweigh co-reply's (both suggest incitement/dogpiling, R1).
    const primary = new Set(outcome.clusters.map((c) => c.primaryDetector));
    for (const kind of ['co-post', 'near-duplicate', 'co-link', 'co-retweet', 'dogpiling', 'synchronised-posting', 'shared-identifier'] as const) {
      expect(primary).toContain(kind);
    }
    const coReplyPlanted = new Set(dataset.clusters.filter((c) => c.kind === 'co-reply').flatMap((c) => c.userIds));
    const coReplyLeads = outcome.clusters.filter((c) => c.accounts.some((a) => coReplyPlanted.has(a.id))).map((c) => c.primaryDetector);
    expect(coReplyLeads.length).toBeGreaterThan(0);
    for (const lead of coReplyLeads) expect(['co-reply', 'dogpiling']).toContain(lead);
    // Each planted dogpile is named on its cluster, with its inciter.
    const dogpilers = dataset.clusters.filter((c) => c.kind === 'dogpiling');
    for (const planted of dogpilers) {
      const cluster = outcome.clusters.find((c) => c.accounts.some((a) => planted.userIds.includes(a.id)));
      expect(cluster?.targets?.length).toBeGreaterThanOrEqual(2);
      expect(cluster?.inciters?.map((i) => i.accountId)).toContain(planted.userIds[0]);
    }
    for (const cluster of outcome.clusters) {
      const signal = clusterToSignal(cluster);
      const allowed: readonly string[] = signal.kind === 'technical' ? TECHNICAL_TECHNIQUES : SOCIAL_TECHNIQUES;
      expect(allowed).toContain(signal.technique);
    }
    const report = buildDetectionReport(parsed, outcome);
    expect(report.posts).toBe(parsed.store.size);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  }, 60_000);

  it('yields between phases so a worker can cancel or report progress', () => {
    const store = storeWithAccounts(['a']);
    const phases: string[] = [];
    const steps = detectCoordinationSteps(store);
    for (let next = steps.next(); !next.done; next = steps.next()) phases.push(next.value.phase);
    expect(phases).toEqual(['prepare', 'co-post', 'near-duplicate', 'co-link', 'co-retweet', 'co-reply', 'dogpiling', 'synchronised-posting', 'shared-identifier', 'clustering']);
  });
});
