// The network canvas alone on a page, for scripts/bench-network.mjs: a synthetic report of
// `clusters` clusters with `accounts` accounts and `edges` links in all (5,000 and 50,000 by
// default), laid out by network-model.ts and drawn with the render options given in the URL. Only
// the benchmark's own build imports this module; the app never does.
import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { createRoot } from 'react-dom/client';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { DETECTOR_NAMES } from '../../engine/detection/settings';
import { NetworkCanvas, renderOptionsFor, type NetworkRenderOptions } from './network-canvas';
import { defaultFilter, filterNetwork } from './network-filter';
import { buildNetworkGraph } from './network-model';

export interface NetworkBenchState {
  nodes: number;
  edges: number;
  /** The deterministic layout (network-model.ts). */
  layoutMs: number;
  /** From the canvas's mount to cytoscape loaded and every element added (the canvas reports ready). */
  readyMs: number | null;
  /** From ready to the end of the first full frame. */
  firstFrameMs: number | null;
  options: NetworkRenderOptions;
}

declare global {
  interface Window {
    networkBenchState?: NetworkBenchState;
  }
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clusters of uneven size, each with a few hubs (the way coordinated groups look), one link per pair. */
export function syntheticClusters(clusterCount: number, accountCount: number, edgeCount: number): CoordinationCluster[] {
  const next = random(16);
  const weights = Array.from({ length: clusterCount }, (_, i) => 0.5 + ((i * 37) % 11) / 10);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let accountsLeft = accountCount;
  let edgesLeft = edgeCount;
  return weights.map((w, c) => {
    const last = c === clusterCount - 1;
    const size = last ? accountsLeft : Math.max(3, Math.round((accountCount * w) / total));
    const links = Math.min((size * (size - 1)) / 2, last ? edgesLeft : Math.round((edgeCount * w) / total));
    accountsLeft -= size;
    edgesLeft -= links;
    const accounts = Array.from({ length: size }, (_, i) => ({ id: `${c}-${i}`, username: `acct_${c}_${i}` }));
    const pairs = new Set<string>();
    const edges: CoordinationCluster['edges'] = [];
    while (edges.length < links) {
      const a = Math.floor(size * next() ** 2);
      const b = Math.floor(size * next());
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      if (a === b || pairs.has(key)) continue;
      pairs.add(key);
      edges.push({
        a: `${c}-${a}`,
        b: `${c}-${b}`,
        detector: DETECTOR_NAMES[Math.floor(next() * DETECTOR_NAMES.length)] ?? 'co-post',
        score: Math.round((0.3 + 0.7 * next()) * 100) / 100,
        coItems: 2 + Math.floor(next() * 20),
      });
    }
    return {
      id: `cluster-${c.toString(16).padStart(16, '0')}`, accounts, score: 1, strength: 'strong', detectors: [], primaryDetector: 'co-post',
      suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
      window: { start: '2026-01-01T00:00:00.000Z', end: '2026-01-02T00:00:00.000Z' }, evidence: [], evidenceCount: 0, edges, edgeCount: edges.length,
    };
  });
}

export function mountNetworkBench(element: HTMLElement, search: string): void {
  const params = new URLSearchParams(search);
  const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);
  const clusters = syntheticClusters(number('clusters', 100), number('accounts', 5_000), number('edges', 50_000));
  const graph = buildNetworkGraph(clusters, clusters.length);
  const filtered = filterNetwork(graph, defaultFilter(graph));
  const defaults = renderOptionsFor(graph);
  const flag = (name: string, fallback: boolean) => (params.has(name) ? params.get(name) === '1' : fallback);
  const options: NetworkRenderOptions = {
    pixelRatio: params.get('pixelRatio') === 'auto' ? 'auto' : params.has('pixelRatio') ? number('pixelRatio', 1) : defaults.pixelRatio,
    hideEdgesOnViewport: flag('hideEdges', defaults.hideEdgesOnViewport),
    textureOnViewport: flag('texture', defaults.textureOnViewport),
    motionBlur: flag('motionBlur', defaults.motionBlur),
    webgl: flag('webgl', defaults.webgl),
  };
  const state: NetworkBenchState = { nodes: graph.nodes.length, edges: graph.edges.length, layoutMs: graph.layoutMs, readyMs: null, firstFrameMs: null, options };
  const mounted = performance.now();
  window.networkBenchState = state;
  createRoot(element).render(
    <ThemeProvider theme={createTheme()}>
      <CssBaseline />
      <NetworkCanvas
        graph={graph}
        filtered={filtered}
        selectedClusterId={null}
        selectedNodeId={null}
        label="Benchmark network"
        describedBy=""
        onSelectCluster={() => undefined}
        onOpenAccount={() => undefined}
        onStatus={(status) => {
          if (status !== 'ready') return;
          const ready = performance.now();
          state.readyMs = Math.round(ready - mounted);
          requestAnimationFrame(() => requestAnimationFrame(() => (state.firstFrameMs = Math.round(performance.now() - ready))));
        }}
        renderOptions={options}
      />
    </ThemeProvider>,
  );
}
