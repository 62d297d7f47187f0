import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { boundsOf, indexNodes } from './network-hit-test';
import { buildNetworkGraph } from './network-model';

function cluster(id: string, accounts: string[]): CoordinationCluster {
  return {
    id, accounts: accounts.map((a) => ({ id: a, username: a })), score: 0.9, strength: 'strong', detectors: [], primaryDetector: 'co-post',
    suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
    window: { start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T01:00:00.000Z' }, evidence: [], evidenceCount: 0,
    edges: accounts.slice(1).map((b) => ({ a: accounts[0] ?? '', b, detector: 'co-post' as const, score: 1, coItems: 2 })), edgeCount: accounts.length - 1,
  };
}

describe('indexNodes', () => {
  const graph = buildNetworkGraph([cluster('c1', ['a', 'b', 'c', 'd']), cluster('c2', ['e', 'f', 'g'])]);
  const all = graph.nodes.map(() => true);
  const index = indexNodes(graph);

  it('finds the dot under a point, and nothing between dots', () => {
    graph.nodes.forEach((node, i) => {
      expect(index.nodeAt(node.x, node.y, 0, all)).toBe(i);
      expect(index.nodeAt(node.x + node.size / 2 - 0.5, node.y, 0, all)).toBe(i);
    });
    const box = boundsOf(graph.nodes);
    expect(index.nodeAt((box?.x2 ?? 0) + 50, (box?.y2 ?? 0) + 50, 3, all)).toBe(-1);
  });

  it('skips hidden accounts', () => {
    const first = graph.nodes[0];
    const hidden = all.map((_, i) => i !== 0);
    expect(index.nodeAt(first?.x ?? 0, first?.y ?? 0, 0, hidden)).not.toBe(0);
  });
});

describe('boundsOf', () => {
  it('is the box around the dots, or null for none', () => {
    expect(boundsOf([])).toBeNull();
    const nodes = [
      { x: 0, y: 10, size: 10 },
      { x: 100, y: -20, size: 20 },
    ].map((n, i) => ({ ...n, id: `a:${i}`, accountId: `${i}`, label: `${i}`, clusterId: 'c', clusterRank: 1, color: '#000000', activity: 0, degree: 0 }));
    expect(boundsOf(nodes)).toEqual({ x1: -5, y1: -30, x2: 110, y2: 15 });
  });
});
