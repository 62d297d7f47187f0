// What the network view shows under the analyst's filters (detectors and a minimum link score), as
// plain data the canvas, the table and the exports share: per edge the strongest link still shown,
// per account what links it still has. O(n + e) per filter change.
import type { DetectorName } from '../../engine/detection/settings';
import type { NetworkGraph } from './network-model';

export interface NetworkFilter {
  /** Detectors whose links are shown. */
  detectors: readonly DetectorName[];
  /** Links scoring below this are hidden (0..1). */
  minScore: number;
}

export interface AccountLinks {
  /** Edges (account pairs) still shown. */
  degree: number;
  /** Detectors of those links, in DETECTOR_NAMES order of the graph. */
  detectors: DetectorName[];
  /** Highest score among those links (0 when none). */
  maxScore: number;
}

export interface FilteredNetwork {
  filter: NetworkFilter;
  /** True when nothing is filtered out: every account is shown, linked or not. */
  unfiltered: boolean;
  /** Per edge, in graph order: the strongest shown link's detector, or null when the edge is hidden. */
  edgeDetector: (DetectorName | null)[];
  /** Per edge: the sum of the shown links' scores. */
  edgeWeight: number[];
  /** Per node, in graph order: shown (it keeps a link, or nothing is filtered). */
  nodeShown: boolean[];
  nodeLinks: AccountLinks[];
  shownNodes: number;
  shownEdges: number;
}

export const SCORE_STEP = 0.05;

export function defaultFilter(graph: NetworkGraph): NetworkFilter {
  return { detectors: graph.detectors, minScore: 0 };
}

export function filterNetwork(graph: NetworkGraph, filter: NetworkFilter): FilteredNetwork {
  const allowed = new Set(filter.detectors);
  const unfiltered = filter.minScore <= 0 && graph.detectors.every((d) => allowed.has(d));
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => index.set(node.id, i));
  const linkSets = graph.nodes.map(() => new Set<DetectorName>());
  const nodeLinks: AccountLinks[] = graph.nodes.map(() => ({ degree: 0, detectors: [], maxScore: 0 }));
  const edgeDetector: (DetectorName | null)[] = [];
  const edgeWeight: number[] = [];
  let shownEdges = 0;
  for (const edge of graph.edges) {
    let detector: DetectorName | null = null;
    let weight = 0;
    let best = 0;
    const a = index.get(edge.source) ?? -1;
    const b = index.get(edge.target) ?? -1;
    for (const link of edge.links) {
      if (!allowed.has(link.detector) || link.score < filter.minScore) continue;
      detector ??= link.detector;
      weight += link.score;
      best = Math.max(best, link.score);
      linkSets[a]?.add(link.detector);
      linkSets[b]?.add(link.detector);
    }
    edgeDetector.push(detector);
    edgeWeight.push(Math.round(weight * 1000) / 1000);
    if (detector === null) continue;
    shownEdges++;
    for (const end of [a, b]) {
      const links = nodeLinks[end];
      if (!links) continue;
      links.degree++;
      links.maxScore = Math.max(links.maxScore, best);
    }
  }
  let shownNodes = 0;
  const nodeShown = nodeLinks.map((links, i) => {
    const set = linkSets[i];
    if (set) links.detectors = graph.detectors.filter((d) => set.has(d));
    const shown = unfiltered || links.degree > 0;
    if (shown) shownNodes++;
    return shown;
  });
  return { filter, unfiltered, edgeDetector, edgeWeight, nodeShown, nodeLinks, shownNodes, shownEdges };
}
