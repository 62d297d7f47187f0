import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { buildNetworkGraph, CLUSTER_COLORS, nodeId } from './network-model';
import { applySignalChange } from './board-write';
import { clusterIdOfSignal, networkLinkForSignal, signalsByCluster } from './signal-link';
import type { CoordinationSignal } from '../../api/contract/case';

function cluster(id: string, accounts: string[], edges: [string, string, CoordinationCluster['edges'][number]['detector'], number][]): CoordinationCluster {
  return {
    id, accounts: accounts.map((a) => ({ id: a, username: a === 'u1' ? null : `name_${a}` })), score: 0.9, strength: 'strong',
    detectors: [], primaryDetector: 'co-post', suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
    window: { start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T01:00:00.000Z' }, evidence: [], evidenceCount: 0,
    edges: edges.map(([a, b, detector, score]) => ({ a, b, detector, score, coItems: 3 })), edgeCount: edges.length,
  };
}

describe('buildNetworkGraph', () => {
  it('draws one node per account and one edge per pair, weighted by the sum of its detectors', () => {
    const graph = buildNetworkGraph([
      cluster('cluster-a', ['u1', 'u2', 'u3'], [['u1', 'u2', 'co-post', 0.5], ['u2', 'u1', 'near-duplicate', 0.25], ['u2', 'u3', 'co-post', 1]]),
      cluster('cluster-b', ['u4', 'u5', 'u6'], [['u4', 'u5', 'shared-identifier', 1]]),
    ]);
    expect(graph.nodes.map((n) => n.id)).toEqual(['a:u1', 'a:u2', 'a:u3', 'a:u4', 'a:u5', 'a:u6']);
    expect(graph.nodes[0]).toMatchObject({ label: 'u1', clusterId: 'cluster-a', color: CLUSTER_COLORS[0] });
    expect(graph.nodes[1]).toMatchObject({ label: '@name_u2' });
    expect(graph.nodes[3]).toMatchObject({ clusterId: 'cluster-b', color: CLUSTER_COLORS[1] });
    expect(graph.edges).toEqual([
      { id: 'e:cluster-a:0', source: nodeId('u1'), target: nodeId('u2'), clusterId: 'cluster-a', color: CLUSTER_COLORS[0], weight: 0.75, detectors: ['co-post', 'near-duplicate'] },
      { id: 'e:cluster-a:1', source: nodeId('u2'), target: nodeId('u3'), clusterId: 'cluster-a', color: CLUSTER_COLORS[0], weight: 1, detectors: ['co-post'] },
      { id: 'e:cluster-b:0', source: nodeId('u4'), target: nodeId('u5'), clusterId: 'cluster-b', color: CLUSTER_COLORS[1], weight: 1, detectors: ['shared-identifier'] },
    ]);
    // Rings do not overlap: the two clusters' nodes are far apart.
    const xs = (id: string) => graph.nodes.filter((n) => n.clusterId === id).map((n) => n.x);
    expect(Math.min(...xs('cluster-b'))).toBeGreaterThan(Math.max(...xs('cluster-a')));
  });

  it('caps the clusters drawn and says how many were left out', () => {
    const many = Array.from({ length: 5 }, (_, i) => cluster(`cluster-${i}`, [`a${i}`, `b${i}`, `c${i}`], []));
    const graph = buildNetworkGraph(many, 3);
    expect(graph.clusterIds).toEqual(['cluster-0', 'cluster-1', 'cluster-2']);
    expect(graph.omittedClusters).toBe(2);
    expect(graph.nodes).toHaveLength(9);
  });
});

const base: CoordinationSignal = {
  id: 'signal-1', kind: 'technical', technique: 'coordinated-reposting', observed: 'on-platform',
  description: 'Detected cluster cluster-0123456789abcdef: 5 accounts', accounts: ['a'], window: { start: null, end: null },
  sources: [], strength: 'strong', evidenceState: 'unverified', origin: 'detected',
};

describe('detected signals and their clusters', () => {
  it('reads the cluster id from a detected signal only', () => {
    expect(clusterIdOfSignal(base)).toBe('cluster-0123456789abcdef');
    expect(clusterIdOfSignal({ ...base, origin: 'manual' })).toBeNull();
    expect(clusterIdOfSignal({ ...base, description: 'Seen by hand; Detected cluster cluster-0123456789abcdef: x' })).toBeNull();
    // The engine's default id names the cluster too, when the analyst rewrote the description.
    expect(clusterIdOfSignal({ ...base, id: 'sig-cluster-00000000000000ff', description: 'Rewritten' })).toBe('cluster-00000000000000ff');
    expect(networkLinkForSignal('case-1', base)).toBe('/cases/case-1/import?view=network&cluster=cluster-0123456789abcdef');
    expect(networkLinkForSignal('case-1', { ...base, origin: 'manual' })).toBeNull();
    expect(signalsByCluster([base, { ...base, id: 'signal-2' }])).toEqual(new Map([['cluster-0123456789abcdef', 'signal-1']]));
  });

  it('adds a cluster once, and retypes without touching the rest of the signal', () => {
    expect(applySignalChange([], { type: 'add', signal: base })).toEqual([base]);
    expect(applySignalChange([base], { type: 'add', signal: { ...base, id: 'signal-9' } })).toBeNull();
    const edited = { ...base, evidenceState: 'corroborated' as const };
    expect(applySignalChange([edited], { type: 'retype', signalId: 'signal-1', kind: 'social', technique: 'synchronised-posting' })).toEqual([
      { ...edited, kind: 'social', technique: 'synchronised-posting' },
    ]);
  });
});
