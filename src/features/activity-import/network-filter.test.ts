import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { defaultFilter, filterNetwork } from './network-filter';
import { buildNetworkGraph } from './network-model';

function cluster(id: string, accounts: string[], edges: [string, string, CoordinationCluster['edges'][number]['detector'], number][]): CoordinationCluster {
  return {
    id, accounts: accounts.map((a) => ({ id: a, username: a })), score: 0.9, strength: 'strong', detectors: [], primaryDetector: 'co-post',
    suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
    window: { start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T01:00:00.000Z' }, evidence: [], evidenceCount: 0,
    edges: edges.map(([a, b, detector, score]) => ({ a, b, detector, score, coItems: 2 })), edgeCount: edges.length,
  };
}

const graph = buildNetworkGraph([
  cluster('c1', ['a', 'b', 'c', 'lonely'], [['a', 'b', 'co-post', 0.9], ['a', 'b', 'synchronised-posting', 0.3], ['b', 'c', 'synchronised-posting', 0.6]]),
]);

describe('filterNetwork', () => {
  it('shows everything by default, accounts without a link included', () => {
    const filtered = filterNetwork(graph, defaultFilter(graph));
    expect(filtered.unfiltered).toBe(true);
    expect(filtered.edgeDetector).toEqual(['co-post', 'synchronised-posting']);
    expect(filtered.edgeWeight).toEqual([1.2, 0.6]);
    expect(filtered.nodeShown).toEqual([true, true, true, true]);
    expect(filtered.nodeLinks[1]).toEqual({ degree: 2, detectors: ['co-post', 'synchronised-posting'], maxScore: 0.9 });
    expect([filtered.shownNodes, filtered.shownEdges]).toEqual([4, 2]);
  });

  it('colours an edge by its strongest link still shown and hides accounts left without one', () => {
    const filtered = filterNetwork(graph, { detectors: ['synchronised-posting'], minScore: 0 });
    expect(filtered.unfiltered).toBe(false);
    expect(filtered.edgeDetector).toEqual(['synchronised-posting', 'synchronised-posting']);
    expect(filtered.edgeWeight).toEqual([0.3, 0.6]);
    expect(filtered.nodeShown).toEqual([true, true, true, false]);
  });

  it('hides links under the minimum score', () => {
    const filtered = filterNetwork(graph, { detectors: graph.detectors, minScore: 0.5 });
    expect(filtered.edgeDetector).toEqual(['co-post', 'synchronised-posting']);
    expect(filtered.edgeWeight).toEqual([0.9, 0.6]);
    const strict = filterNetwork(graph, { detectors: graph.detectors, minScore: 0.95 });
    expect(strict.edgeDetector).toEqual([null, null]);
    expect(strict.nodeShown).toEqual([false, false, false, false]);
    expect(strict.nodeLinks[0]).toEqual({ degree: 0, detectors: [], maxScore: 0 });
  });
});
