// The network view's graph as plain data: accounts as nodes (coloured by cluster, sized by activity),
// one edge per account pair carrying each detector's link. The layout is deterministic and runs in
// O(iterations × (n + e)): each cluster gets a short force simulation (grid-bounded repulsion, springs
// along its links) from a fixed start, then the clusters are packed in rows, largest first. No random
// numbers, so the same clusters always give the same picture.
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { DETECTOR_NAMES, type DetectorName } from '../../engine/detection/settings';

export interface NetworkLink {
  detector: DetectorName;
  /** The detector's score for the pair (0..1). */
  score: number;
  /** Distinct items the pair shared through this detector. */
  coItems: number;
}

export interface NetworkNode {
  /** `a:<user id>` (account ids and cluster ids never clash). */
  id: string;
  accountId: string;
  label: string;
  clusterId: string;
  /** 1-based position of the cluster in the report (strongest first). */
  clusterRank: number;
  color: string;
  x: number;
  y: number;
  /**
   * Activity as the detectors saw it: the co-items over the account's links in the report (the
   * report keeps no post counts; the account drawer shows the posts when the file is still read).
   */
  activity: number;
  /** Accounts it is linked to. */
  degree: number;
  /** Diameter in model units, from `activity` (square-root scale, so area follows activity). */
  size: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  clusterId: string;
  /** One per detector that linked the pair, strongest first. */
  links: NetworkLink[];
  /** Sum of the links' scores (0..number of detectors). */
  weight: number;
  /** The links' detectors, strongest first. */
  detectors: DetectorName[];
}

export interface NetworkGraph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Clusters drawn (the strongest first) and how many were left out by the cap. */
  clusterIds: string[];
  omittedClusters: number;
  /** Detectors with at least one link in the graph, in DETECTOR_NAMES order. */
  detectors: DetectorName[];
  /** Milliseconds the layout took (shown by the benchmark). */
  layoutMs: number;
}

/**
 * Colour-blind-safe qualitative palette (Okabe-Ito without black and yellow, plus Tol's muted
 * tones); every colour reaches 3:1 against white for graphical objects (WCAG 1.4.11).
 */
export const CLUSTER_COLORS = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56781F', '#882255', '#117733', '#AA4499', '#44449B', '#8A5A00',
] as const;

export interface DetectorLineStyle {
  color: string;
  /** Canvas/SVG dash pattern in pixels; empty for a solid line. Colour is never the only cue. */
  dash: readonly number[];
}

/**
 * Edge colours by detector: lighter than the cluster colours (edges read as lines, nodes as dots),
 * drawn from IBM's and Tol's colour-blind-safe sets, each 3:1 or more against both the light
 * (#ffffff) and the dark (#1b1e23) paper; every detector also has its own dash pattern.
 */
export const DETECTOR_STYLES: Record<DetectorName, DetectorLineStyle> = {
  'co-post': { color: '#EE3377', dash: [] },
  'near-duplicate': { color: '#9F6BE0', dash: [8, 3] },
  'co-link': { color: '#3A86FF', dash: [2, 3] },
  'co-retweet': { color: '#C77800', dash: [12, 4] },
  'co-reply': { color: '#2E9E8F', dash: [8, 3, 2, 3] },
  dogpiling: { color: '#999933', dash: [6, 2, 1, 2] },
  'synchronised-posting': { color: '#8F8F8F', dash: [1, 4] },
  'shared-identifier': { color: '#E5541C', dash: [4, 2, 4, 6] },
};

/** A canvas with thousands of clusters helps nobody; the list still has every cluster. */
export const MAX_GRAPH_CLUSTERS = 150;

/** Node diameters (model units) for no activity and for the most active account of the graph. */
export const NODE_SIZE = { min: 8, max: 24 } as const;

/** Ideal link length of the layout (model units). */
const SPRING = 40;

export function nodeId(accountId: string): string {
  return `a:${accountId}`;
}

export function clusterColor(index: number): string {
  return CLUSTER_COLORS[index % CLUSTER_COLORS.length] ?? CLUSTER_COLORS[0];
}

export function buildNetworkGraph(clusters: readonly CoordinationCluster[], maxClusters = MAX_GRAPH_CLUSTERS): NetworkGraph {
  const started = typeof performance === 'undefined' ? Date.now() : performance.now();
  const shown = clusters.slice(0, maxClusters);
  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  const present = new Set<DetectorName>();
  const laidOut: { first: number; count: number; springs: [number, number, number][]; radius: number }[] = [];

  shown.forEach((cluster, index) => {
    const color = clusterColor(index);
    const first = nodes.length;
    const local = new Map<string, number>();
    for (const account of cluster.accounts) {
      if (local.has(account.id)) continue;
      local.set(account.id, nodes.length - first);
      nodes.push({
        id: nodeId(account.id),
        accountId: account.id,
        label: account.username ? `@${account.username}` : account.id,
        clusterId: cluster.id,
        clusterRank: index + 1,
        color,
        x: 0,
        y: 0,
        activity: 0,
        degree: 0,
        size: NODE_SIZE.min,
      });
    }
    // Several detectors can link the same pair: one edge per pair, its links strongest first.
    const pairs = new Map<string, NetworkEdge>();
    for (const link of cluster.edges) {
      const [a, b] = link.a < link.b ? [link.a, link.b] : [link.b, link.a];
      if (a === b || !local.has(a) || !local.has(b)) continue;
      present.add(link.detector);
      const key = `${a}\u0000${b}`;
      let edge = pairs.get(key);
      if (!edge) {
        edge = { id: `e:${cluster.id}:${pairs.size}`, source: nodeId(a), target: nodeId(b), clusterId: cluster.id, links: [], weight: 0, detectors: [] };
        pairs.set(key, edge);
      }
      const existing = edge.links.find((l) => l.detector === link.detector);
      if (existing) {
        existing.score = Math.max(existing.score, link.score);
        existing.coItems = Math.max(existing.coItems, link.coItems);
      } else edge.links.push({ detector: link.detector, score: round(link.score), coItems: link.coItems });
      const nodeA = nodes[first + (local.get(a) ?? 0)];
      const nodeB = nodes[first + (local.get(b) ?? 0)];
      if (nodeA) nodeA.activity += link.coItems;
      if (nodeB) nodeB.activity += link.coItems;
    }
    const springs: [number, number, number][] = [];
    for (const edge of pairs.values()) {
      edge.links.sort((l, m) => m.score - l.score || DETECTOR_NAMES.indexOf(l.detector) - DETECTOR_NAMES.indexOf(m.detector));
      edge.weight = round(edge.links.reduce((sum, l) => sum + l.score, 0));
      edge.detectors = edge.links.map((l) => l.detector);
      const i = local.get(edge.source.slice(2)) ?? 0;
      const j = local.get(edge.target.slice(2)) ?? 0;
      springs.push([i, j, edge.weight]);
      const nodeA = nodes[first + i];
      const nodeB = nodes[first + j];
      if (nodeA) nodeA.degree += 1;
      if (nodeB) nodeB.degree += 1;
      edges.push(edge);
    }
    laidOut.push({ first, count: nodes.length - first, springs, radius: 0 });
  });

  // Sizes first (they are relative to the busiest account of the graph): the layout keeps dots apart.
  const maxActivity = nodes.reduce((max, node) => Math.max(max, node.activity), 0);
  for (const node of nodes) {
    node.size = maxActivity > 0 ? round(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(node.activity / maxActivity)) : NODE_SIZE.min;
  }
  for (const cluster of laidOut) {
    const { first, count } = cluster;
    const radii = Float64Array.from({ length: count }, (_, k) => (nodes[first + k]?.size ?? NODE_SIZE.min) / 2);
    const positions = layoutCluster(count, cluster.springs, radii);
    for (let k = 0; k < count; k++) {
      const node = nodes[first + k];
      if (!node) continue;
      node.x = positions[2 * k] ?? 0;
      node.y = positions[2 * k + 1] ?? 0;
      cluster.radius = Math.max(cluster.radius, Math.hypot(node.x, node.y) + node.size / 2);
    }
  }

  const centres = packClusters(laidOut.map((c) => c.radius));
  laidOut.forEach(({ first, count }, index) => {
    const centre = centres[index] ?? { x: 0, y: 0 };
    for (let k = first; k < first + count; k++) {
      const node = nodes[k];
      if (!node) continue;
      node.x = Math.round(node.x + centre.x);
      node.y = Math.round(node.y + centre.y);
    }
  });

  const ended = typeof performance === 'undefined' ? Date.now() : performance.now();
  return {
    nodes,
    edges,
    clusterIds: shown.map((cluster) => cluster.id),
    omittedClusters: Math.max(0, clusters.length - shown.length),
    detectors: DETECTOR_NAMES.filter((d) => present.has(d)),
    layoutMs: Math.round(ended - started),
  };
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions (x0, y0, x1, y1, …) of `count` nodes of the given radii around (0, 0). Start: a
 * sunflower spiral in breadth-first order from the best-linked account, so neighbours start near
 * each other. Then a Fruchterman-Reingold simulation whose ideal distance between two accounts is
 * SPRING plus their radii and whose repulsion only reaches twice that (a grid finds the neighbours,
 * so an iteration costs O(n + e)), with a weak pull to the centre that keeps accounts without a
 * drawn link beside their cluster. A last pass pushes apart dots that still overlap.
 */
export function layoutCluster(count: number, springs: readonly (readonly [number, number, number])[], radii: ArrayLike<number> = []): Float64Array {
  const pos = new Float64Array(2 * count);
  if (count <= 1) return pos;
  // Adjacency (CSR), neighbours strongest first, then by index.
  const degree = new Int32Array(count);
  const strength = new Float64Array(count);
  for (const [i, j, w] of springs) {
    degree[i] = (degree[i] ?? 0) + 1;
    degree[j] = (degree[j] ?? 0) + 1;
    strength[i] = (strength[i] ?? 0) + w;
    strength[j] = (strength[j] ?? 0) + w;
  }
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i] ?? 0);
  const fill = offsets.slice(0, count);
  const neighbours = new Int32Array(offsets[count] ?? 0);
  const weights = new Float64Array(offsets[count] ?? 0);
  for (const [i, j, w] of springs) {
    const fi = fill[i] ?? 0;
    neighbours[fi] = j;
    weights[fi] = w;
    fill[i] = fi + 1;
    const fj = fill[j] ?? 0;
    neighbours[fj] = i;
    weights[fj] = w;
    fill[j] = fj + 1;
  }

  // Breadth-first order from the strongest account of each component; isolated accounts last.
  const byStrength = Array.from({ length: count }, (_, i) => i).toSorted((a, b) => (strength[b] ?? 0) - (strength[a] ?? 0) || a - b);
  const order: number[] = [];
  const seen = new Uint8Array(count);
  for (const root of byStrength) {
    if (seen[root] || (degree[root] ?? 0) === 0) continue;
    seen[root] = 1;
    order.push(root);
    for (let head = order.length - 1; head < order.length; head++) {
      const u = order[head] ?? 0;
      const from = offsets[u] ?? 0;
      const to = offsets[u + 1] ?? 0;
      const next: number[] = [];
      for (let k = from; k < to; k++) {
        const v = neighbours[k] ?? 0;
        if (!seen[v]) {
          seen[v] = 1;
          next.push(v);
        }
      }
      next.sort((a, b) => (strength[b] ?? 0) - (strength[a] ?? 0) || a - b);
      order.push(...next);
    }
  }
  for (let i = 0; i < count; i++) if (!seen[i]) order.push(i);
  order.forEach((node, rank) => {
    const r = SPRING * 0.6 * Math.sqrt(rank + 0.5);
    pos[2 * node] = r * Math.cos(rank * GOLDEN_ANGLE);
    pos[2 * node + 1] = r * Math.sin(rank * GOLDEN_ANGLE);
  });

  const k = SPRING;
  const radius = (i: number) => radii[i] ?? 0;
  let largest = 0;
  for (let i = 0; i < count; i++) largest = Math.max(largest, radius(i));
  const iterations = count <= 3 ? 20 : count <= 1_000 ? 60 : 40;
  const gravity = 0.02 / k;
  let temperature = (k + largest) * Math.sqrt(count) * 0.25;
  const cooling = Math.pow(0.02, 1 / iterations);
  const edgeCount = springs.length;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const pull = new Float64Array(edgeCount);
  springs.forEach(([i, j, w], e) => {
    from[e] = i;
    to[e] = j;
    pull[e] = 0.5 + Math.min(1, w) * 0.5;
  });
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  const near = nearPairs(pos, count);

  // Repulsion k_ij² / d between accounts closer than 2 k_ij, where k_ij = SPRING + both radii.
  const repel = (i: number, j: number) => {
    const ideal = k + radius(i) + radius(j);
    const ddx = (pos[2 * i] ?? 0) - (pos[2 * j] ?? 0);
    const ddy = (pos[2 * i + 1] ?? 0) - (pos[2 * j + 1] ?? 0);
    let d2 = ddx * ddx + ddy * ddy;
    if (d2 >= 4 * ideal * ideal) return;
    let fx = ddx;
    let fy = ddy;
    if (d2 < 1e-6) {
      // Two accounts on one spot: part them along a direction fixed by their indices.
      const angle = ((i * 7919 + j * 104729) % 360) * (Math.PI / 180);
      fx = Math.cos(angle) * 0.01;
      fy = Math.sin(angle) * 0.01;
      d2 = 1e-4;
    }
    const f = (ideal * ideal) / d2;
    dx[i] = (dx[i] ?? 0) + fx * f;
    dy[i] = (dy[i] ?? 0) + fy * f;
    dx[j] = (dx[j] ?? 0) - fx * f;
    dy[j] = (dy[j] ?? 0) - fy * f;
  };

  for (let iter = 0; iter < iterations; iter++) {
    dx.fill(0);
    dy.fill(0);
    near(2 * (k + 2 * largest), repel);
    for (let e = 0; e < edgeCount; e++) {
      const i = from[e] ?? 0;
      const j = to[e] ?? 0;
      const ddx = (pos[2 * i] ?? 0) - (pos[2 * j] ?? 0);
      const ddy = (pos[2 * i + 1] ?? 0) - (pos[2 * j + 1] ?? 0);
      const f = (Math.sqrt(ddx * ddx + ddy * ddy) * (pull[e] ?? 0)) / (k + radius(i) + radius(j));
      dx[i] = (dx[i] ?? 0) - ddx * f;
      dy[i] = (dy[i] ?? 0) - ddy * f;
      dx[j] = (dx[j] ?? 0) + ddx * f;
      dy[j] = (dy[j] ?? 0) + ddy * f;
    }
    for (let i = 0; i < count; i++) {
      const x = pos[2 * i] ?? 0;
      const y = pos[2 * i + 1] ?? 0;
      const g = gravity * Math.sqrt(x * x + y * y);
      const fx = (dx[i] ?? 0) - x * g;
      const fy = (dy[i] ?? 0) - y * g;
      const length = Math.sqrt(fx * fx + fy * fy);
      if (length < 1e-9) continue;
      const step = Math.min(length, temperature);
      pos[2 * i] = x + (fx / length) * step;
      pos[2 * i + 1] = y + (fy / length) * step;
    }
    temperature *= cooling;
  }

  // Dots still overlapping (a dense clique pulls hard) are pushed apart, half the overlap each.
  for (let pass = 0; pass < 12; pass++) {
    let moved = false;
    near(2 * largest + MIN_GAP, (i, j) => {
      const ddx = (pos[2 * i] ?? 0) - (pos[2 * j] ?? 0);
      const ddy = (pos[2 * i + 1] ?? 0) - (pos[2 * j + 1] ?? 0);
      const d = Math.sqrt(ddx * ddx + ddy * ddy);
      const overlap = radius(i) + radius(j) + MIN_GAP - d;
      if (overlap <= 0) return;
      const ux = d > 1e-9 ? ddx / d : Math.cos(i + j);
      const uy = d > 1e-9 ? ddy / d : Math.sin(i + j);
      const half = overlap / 2 + 0.01;
      pos[2 * i] = (pos[2 * i] ?? 0) + ux * half;
      pos[2 * i + 1] = (pos[2 * i + 1] ?? 0) + uy * half;
      pos[2 * j] = (pos[2 * j] ?? 0) - ux * half;
      pos[2 * j + 1] = (pos[2 * j + 1] ?? 0) - uy * half;
      moved = true;
    });
    if (!moved) break;
  }

  // Centre on the centroid.
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < count; i++) {
    sx += pos[2 * i] ?? 0;
    sy += pos[2 * i + 1] ?? 0;
  }
  for (let i = 0; i < count; i++) {
    pos[2 * i] = (pos[2 * i] ?? 0) - sx / count;
    pos[2 * i + 1] = (pos[2 * i + 1] ?? 0) - sy / count;
  }
  return pos;
}

/** Width:height the clusters are packed to (the canvas is about 2.5:1 on a desktop, 1:1 on a phone). */
const PACK_ASPECT = 1.8;

/** Space kept between two dots (model units). */
const MIN_GAP = 2;

/**
 * Calls `visit(i, j)` once for every pair of the `count` points in `pos` that may be closer than
 * `reach`: all pairs for a small cluster, else the pairs in the same or neighbouring cells of a grid
 * of `reach`-sized cells (a counting sort by cell, typed arrays only).
 */
function nearPairs(pos: Float64Array, count: number): (reach: number, visit: (i: number, j: number) => void) => void {
  const cellOf = new Int32Array(count);
  const sorted = new Int32Array(count);
  let cellStart = new Int32Array(0);
  return (reach, visit) => {
    if (count <= 200) {
      for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) visit(i, j);
      return;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < count; i++) {
      const x = pos[2 * i] ?? 0;
      const y = pos[2 * i + 1] ?? 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const columns = Math.floor((maxX - minX) / reach) + 1;
    const rows = Math.floor((maxY - minY) / reach) + 1;
    const cells = columns * rows;
    if (cellStart.length < cells + 1) cellStart = new Int32Array(cells + 1);
    cellStart.fill(0, 0, cells + 1);
    for (let i = 0; i < count; i++) {
      const cell = Math.floor(((pos[2 * i + 1] ?? 0) - minY) / reach) * columns + Math.floor(((pos[2 * i] ?? 0) - minX) / reach);
      cellOf[i] = cell;
      cellStart[cell + 1] = (cellStart[cell + 1] ?? 0) + 1;
    }
    for (let c = 0; c < cells; c++) cellStart[c + 1] = (cellStart[c + 1] ?? 0) + (cellStart[c] ?? 0);
    const fillAt = cellStart.slice(0, cells);
    for (let i = 0; i < count; i++) {
      const cell = cellOf[i] ?? 0;
      const at = fillAt[cell] ?? 0;
      sorted[at] = i;
      fillAt[cell] = at + 1;
    }
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const cell = row * columns + column;
        const a0 = cellStart[cell] ?? 0;
        const a1 = cellStart[cell + 1] ?? 0;
        if (a0 === a1) continue;
        // Within the cell, then with the cells right, below-left, below and below-right.
        for (let s = a0; s < a1; s++) for (let t = s + 1; t < a1; t++) visit(sorted[s] ?? 0, sorted[t] ?? 0);
        const right = column + 1 < columns;
        const below = row + 1 < rows;
        for (const other of [right ? cell + 1 : -1, below && column > 0 ? cell + columns - 1 : -1, below ? cell + columns : -1, below && right ? cell + columns + 1 : -1]) {
          if (other < 0) continue;
          const b0 = cellStart[other] ?? 0;
          const b1 = cellStart[other + 1] ?? 0;
          for (let s = a0; s < a1; s++) for (let t = b0; t < b1; t++) visit(sorted[s] ?? 0, sorted[t] ?? 0);
        }
      }
    }
  };
}

/**
 * Centres for circles of the given radii: shelves (rows) filled left to right, the largest circles
 * first, rows about as wide as a rectangle of the same total area and the given width:height
 * (the canvas is wider than high). O(n log n).
 */
export function packClusters(radii: readonly number[], aspect = PACK_ASPECT): { x: number; y: number }[] {
  const gap = SPRING * 1.5;
  const order = radii.map((r, i) => [r, i] as const).toSorted((a, b) => b[0] - a[0] || a[1] - b[1]);
  const area = radii.reduce((sum, r) => sum + (2 * r + gap) ** 2, 0);
  const width = Math.max(2 * (order[0]?.[0] ?? 0) + gap, Math.sqrt(area * aspect) * 1.1);
  const centres: { x: number; y: number }[] = radii.map(() => ({ x: 0, y: 0 }));
  let x = 0;
  let rowTop = 0;
  let rowHeight = 0;
  for (const [r, index] of order) {
    const d = 2 * r + gap;
    if (x > 0 && x + d > width) {
      rowTop += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    if (rowHeight === 0) rowHeight = d;
    centres[index] = { x: x + d / 2, y: rowTop + rowHeight / 2 };
    x += d;
  }
  return centres;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
