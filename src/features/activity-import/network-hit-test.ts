// Which account is under the pointer, and the box around a set of accounts, from the layout's own
// positions (they never move): a uniform grid answers in O(1). Cytoscape's hit test walks every
// element on every mouse move, which at 5,000 accounts cost more than drawing a frame, so the
// canvas turns it off and asks this instead.
import type { NetworkGraph, NetworkNode } from './network-model';

export interface NodeIndex {
  /** The shown node whose dot is nearest to (x, y) within its radius plus `slack`, or -1. */
  nodeAt: (x: number, y: number, slack: number, shown: readonly boolean[]) => number;
}

export function indexNodes(graph: NetworkGraph): NodeIndex {
  const cell = 64;
  const cells = new Map<string, number[]>();
  let largest = 0;
  graph.nodes.forEach((node, i) => {
    largest = Math.max(largest, node.size);
    const key = `${Math.floor(node.x / cell)},${Math.floor(node.y / cell)}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  return {
    nodeAt: (x, y, slack, shown) => {
      const reach = largest / 2 + slack;
      let best = -1;
      let bestDistance = Infinity;
      for (let cx = Math.floor((x - reach) / cell); cx <= Math.floor((x + reach) / cell); cx++) {
        for (let cy = Math.floor((y - reach) / cell); cy <= Math.floor((y + reach) / cell); cy++) {
          for (const i of cells.get(`${cx},${cy}`) ?? []) {
            const node = graph.nodes[i];
            if (!node || !shown[i]) continue;
            const distance = Math.hypot(node.x - x, node.y - y);
            if (distance <= node.size / 2 + slack && distance < bestDistance) {
              best = i;
              bestDistance = distance;
            }
          }
        }
      }
      return best;
    },
  };
}

export interface ModelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box around the given nodes' dots, or null when there are none. */
export function boundsOf(nodes: Iterable<NetworkNode>): ModelBox | null {
  let box: ModelBox | null = null;
  for (const node of nodes) {
    const r = node.size / 2;
    if (box === null) box = { x1: node.x - r, y1: node.y - r, x2: node.x + r, y2: node.y + r };
    else {
      box.x1 = Math.min(box.x1, node.x - r);
      box.y1 = Math.min(box.y1, node.y - r);
      box.x2 = Math.max(box.x2, node.x + r);
      box.y2 = Math.max(box.y2, node.y + r);
    }
  }
  return box;
}
