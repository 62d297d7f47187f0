// The network view's graph as plain data: accounts as nodes, one weighted edge per account pair,
// coloured by cluster, laid out without a physics simulation (each cluster a ring, rings on a grid),
// so layout costs O(n) on the main thread and the same clusters always give the same picture.
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { DetectorName } from '../../engine/detection/settings';

export interface NetworkNode {
  /** `a:<user id>` (account ids and cluster ids never clash). */
  id: string;
  accountId: string;
  label: string;
  clusterId: string;
  color: string;
  x: number;
  y: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  clusterId: string;
  color: string;
  /** Sum of the pair's detector scores (0..number of detectors). */
  weight: number;
  detectors: DetectorName[];
}

export interface NetworkGraph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Clusters drawn (the strongest first) and how many were left out by the cap. */
  clusterIds: string[];
  omittedClusters: number;
}

/**
 * Colour-blind-safe qualitative palette (Okabe-Ito without black and yellow, plus Tol's muted
 * tones); every colour reaches 3:1 against white for graphical objects (WCAG 1.4.11).
 */
export const CLUSTER_COLORS = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56781F', '#882255', '#117733', '#AA4499', '#44449B', '#8A5A00',
] as const;

/** A canvas with thousands of rings helps nobody; the list still has every cluster. */
export const MAX_GRAPH_CLUSTERS = 150;

export function nodeId(accountId: string): string {
  return `a:${accountId}`;
}

export function clusterColor(index: number): string {
  return CLUSTER_COLORS[index % CLUSTER_COLORS.length] ?? CLUSTER_COLORS[0];
}

export function buildNetworkGraph(clusters: readonly CoordinationCluster[], maxClusters = MAX_GRAPH_CLUSTERS): NetworkGraph {
  const shown = clusters.slice(0, maxClusters);
  const columns = Math.max(1, Math.ceil(Math.sqrt(shown.length)));
  // Cell size from the biggest ring, so no two rings overlap.
  const radii = shown.map((cluster) => ringRadius(cluster.accounts.length));
  const cell = 2 * Math.max(40, ...radii) + 80;
  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  shown.forEach((cluster, index) => {
    const color = clusterColor(index);
    const cx = (index % columns) * cell;
    const cy = Math.floor(index / columns) * cell;
    const radius = radii[index] ?? 0;
    const count = cluster.accounts.length;
    cluster.accounts.forEach((account, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, count) - Math.PI / 2;
      nodes.push({
        id: nodeId(account.id),
        accountId: account.id,
        label: account.username ? `@${account.username}` : account.id,
        clusterId: cluster.id,
        color,
        x: Math.round(cx + radius * Math.cos(angle)),
        y: Math.round(cy + radius * Math.sin(angle)),
      });
    });
    // Several detectors can link the same pair: one edge per pair, weighted by their sum.
    const pairs = new Map<string, NetworkEdge>();
    for (const edge of cluster.edges) {
      const [a, b] = edge.a < edge.b ? [edge.a, edge.b] : [edge.b, edge.a];
      const key = `${a}\u0000${b}`;
      const existing = pairs.get(key);
      if (existing) {
        existing.weight = round(existing.weight + edge.score);
        if (!existing.detectors.includes(edge.detector)) existing.detectors.push(edge.detector);
      } else {
        pairs.set(key, {
          id: `e:${cluster.id}:${pairs.size}`,
          source: nodeId(a),
          target: nodeId(b),
          clusterId: cluster.id,
          color,
          weight: round(edge.score),
          detectors: [edge.detector],
        });
      }
    }
    for (const edge of pairs.values()) edges.push(edge);
  });
  return {
    nodes,
    edges,
    clusterIds: shown.map((cluster) => cluster.id),
    omittedClusters: Math.max(0, clusters.length - shown.length),
  };
}

/** Ring radius that leaves about 28 px of circumference per account. */
function ringRadius(accounts: number): number {
  return Math.max(30, (accounts * 28) / (2 * Math.PI));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
