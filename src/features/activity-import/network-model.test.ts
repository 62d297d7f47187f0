import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { DETECTOR_NAMES } from '../../engine/detection/settings';
import { buildNetworkGraph, CLUSTER_COLORS, DETECTOR_STYLES, NODE_SIZE, nodeId, packClusters } from './network-model';
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
  it('draws one node per account and one edge per pair, its links strongest first', () => {
    const graph = buildNetworkGraph([
      cluster('cluster-a', ['u1', 'u2', 'u3'], [['u1', 'u2', 'co-post', 0.5], ['u2', 'u1', 'near-duplicate', 0.75], ['u2', 'u3', 'co-post', 1]]),
      cluster('cluster-b', ['u4', 'u5', 'u6'], [['u4', 'u5', 'shared-identifier', 1]]),
    ]);
    expect(graph.nodes.map((n) => n.id)).toEqual(['a:u1', 'a:u2', 'a:u3', 'a:u4', 'a:u5', 'a:u6']);
    expect(graph.nodes[0]).toMatchObject({ label: 'u1', clusterId: 'cluster-a', clusterRank: 1, color: CLUSTER_COLORS[0], degree: 1, activity: 6 });
    expect(graph.nodes[1]).toMatchObject({ label: '@name_u2', degree: 2, activity: 9 });
    expect(graph.nodes[3]).toMatchObject({ clusterId: 'cluster-b', clusterRank: 2, color: CLUSTER_COLORS[1] });
    // Node size follows activity (co-items over the account's links), on a square-root scale.
    expect(graph.nodes[1]?.size).toBe(NODE_SIZE.max);
    expect(graph.nodes[5]?.size).toBe(NODE_SIZE.min);
    expect(graph.nodes[0]?.size).toBeGreaterThan(NODE_SIZE.min);
    expect(graph.nodes[0]?.size).toBeLessThan(NODE_SIZE.max);
    expect(graph.edges).toEqual([
      {
        id: 'e:cluster-a:0', source: nodeId('u1'), target: nodeId('u2'), clusterId: 'cluster-a', weight: 1.25, detectors: ['near-duplicate', 'co-post'],
        links: [{ detector: 'near-duplicate', score: 0.75, coItems: 3 }, { detector: 'co-post', score: 0.5, coItems: 3 }],
      },
      { id: 'e:cluster-a:1', source: nodeId('u2'), target: nodeId('u3'), clusterId: 'cluster-a', weight: 1, detectors: ['co-post'], links: [{ detector: 'co-post', score: 1, coItems: 3 }] },
      {
        id: 'e:cluster-b:0', source: nodeId('u4'), target: nodeId('u5'), clusterId: 'cluster-b', weight: 1, detectors: ['shared-identifier'],
        links: [{ detector: 'shared-identifier', score: 1, coItems: 3 }],
      },
    ]);
    expect(graph.detectors).toEqual(['co-post', 'near-duplicate', 'shared-identifier']);
  });

  it('separates the clusters: no account of one lies inside another cluster\'s extent', () => {
    const clusters = Array.from({ length: 12 }, (_, c) => {
      const size = 3 + ((c * 5) % 17);
      const ids = Array.from({ length: size }, (_, i) => `c${c}u${i}`);
      const edges = ids.slice(1).map((id, i): [string, string, 'co-post', number] => [ids[0] ?? '', id, 'co-post', 0.5 + (i % 5) / 10]);
      return cluster(`cluster-${c}`, ids, edges);
    });
    const graph = buildNetworkGraph(clusters);
    const boxes = graph.clusterIds.map((id) => {
      const members = graph.nodes.filter((n) => n.clusterId === id);
      return { id, x1: Math.min(...members.map((n) => n.x)), x2: Math.max(...members.map((n) => n.x)), y1: Math.min(...members.map((n) => n.y)), y2: Math.max(...members.map((n) => n.y)) };
    });
    for (const node of graph.nodes) {
      for (const box of boxes) {
        if (box.id === node.clusterId) continue;
        const inside = node.x >= box.x1 && node.x <= box.x2 && node.y >= box.y1 && node.y <= box.y2;
        expect(inside, `${node.id} inside ${box.id}`).toBe(false);
      }
    }
    // No ring: the accounts of a cluster are not all at one distance from its centre.
    const big = graph.nodes.filter((n) => n.clusterId === 'cluster-3');
    const cx = big.reduce((s, n) => s + n.x, 0) / big.length;
    const cy = big.reduce((s, n) => s + n.y, 0) / big.length;
    const distances = big.map((n) => Math.hypot(n.x - cx, n.y - cy));
    expect(Math.max(...distances) - Math.min(...distances)).toBeGreaterThan(20);
  });

  it('gives the same clusters the same picture, and linked accounts sit closer than unlinked ones', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `u${i}`);
    // Two groups of 15 joined by one link.
    const edges: [string, string, 'co-post', number][] = [];
    for (let g = 0; g < 2; g++) for (let i = 0; i < 15; i++) for (let j = i + 1; j < 15; j += 3) edges.push([`u${g * 15 + i}`, `u${g * 15 + j}`, 'co-post', 1]);
    edges.push(['u0', 'u15', 'co-post', 1]);
    const one = buildNetworkGraph([cluster('cluster-x', ids, edges)]);
    const two = buildNetworkGraph([cluster('cluster-x', ids, edges)]);
    expect(two.nodes.map((n) => [n.x, n.y])).toEqual(one.nodes.map((n) => [n.x, n.y]));
    const at = new Map(one.nodes.map((n) => [n.accountId, n]));
    const distance = (a: string, b: string) => Math.hypot((at.get(a)?.x ?? 0) - (at.get(b)?.x ?? 0), (at.get(a)?.y ?? 0) - (at.get(b)?.y ?? 0));
    const mean = (pairs: [string, string][]) => pairs.reduce((s, [a, b]) => s + distance(a, b), 0) / pairs.length;
    const within: [string, string][] = [];
    const across: [string, string][] = [];
    for (let i = 1; i < 15; i++) {
      within.push([`u${i}`, `u${(i % 14) + 1}`], [`u${15 + i}`, `u${15 + (i % 14) + 1}`]);
      across.push([`u${i}`, `u${15 + i}`]);
    }
    expect(mean(within)).toBeLessThan(mean(across));
  });

  it('keeps dots apart, even in a dense clique of busy accounts', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `u${i}`);
    const edges: [string, string, 'co-post', number][] = [];
    for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) edges.push([`u${i}`, `u${j}`, 'co-post', 1]);
    const graph = buildNetworkGraph([cluster('cluster-dense', ids, edges), cluster('cluster-small', ['a', 'b', 'c'], [['a', 'b', 'co-post', 1]])]);
    for (const [i, a] of graph.nodes.entries()) {
      for (const b of graph.nodes.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual((a.size + b.size) / 2);
    }
  });

  it('caps the clusters drawn and says how many were left out', () => {
    const many = Array.from({ length: 5 }, (_, i) => cluster(`cluster-${i}`, [`a${i}`, `b${i}`, `c${i}`], []));
    const graph = buildNetworkGraph(many, 3);
    expect(graph.clusterIds).toEqual(['cluster-0', 'cluster-1', 'cluster-2']);
    expect(graph.omittedClusters).toBe(2);
    expect(graph.nodes).toHaveLength(9);
  });
});

describe('packClusters', () => {
  it('places circles without overlap, the largest first', () => {
    const radii = [10, 80, 30, 30, 5, 120, 60];
    const centres = packClusters(radii);
    for (let i = 0; i < radii.length; i++) {
      for (let j = i + 1; j < radii.length; j++) {
        const d = Math.hypot((centres[i]?.x ?? 0) - (centres[j]?.x ?? 0), (centres[i]?.y ?? 0) - (centres[j]?.y ?? 0));
        expect(d).toBeGreaterThanOrEqual((radii[i] ?? 0) + (radii[j] ?? 0));
      }
    }
    expect(centres[5]).toEqual({ x: 150, y: 150 });
  });
});

describe('detector styles', () => {
  it('give every detector its own colour and dash pattern, none a cluster colour', () => {
    const styles = DETECTOR_NAMES.map((d) => DETECTOR_STYLES[d]);
    expect(new Set(styles.map((s) => s.color)).size).toBe(DETECTOR_NAMES.length);
    expect(new Set(styles.map((s) => s.dash.join(','))).size).toBe(DETECTOR_NAMES.length);
    for (const { color } of styles) expect(CLUSTER_COLORS.map((c) => c.toLowerCase())).not.toContain(color.toLowerCase());
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
