// The graph drawn by cytoscape on a canvas (loaded on first use, so the import page stays light).
// Tapping an account opens it (and selects its cluster); a selection made elsewhere highlights the
// cluster, dims the rest and frames it. Names are written only where they do not collide
// (network-labels.ts). The canvas takes the keyboard focus: arrows pan, + and − zoom, 0 fits; the
// table view beside it is the text alternative for everything it shows.
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type cytoscape from 'cytoscape';
import { DETECTOR_NAMES } from '../../engine/detection/settings';
import type { FilteredNetwork } from './network-filter';
import { boundsOf, indexNodes } from './network-hit-test';
import { dotBox, LABEL_FONT_PX, LABEL_ZOOM, placeLabels, type LabelBox, type LabelCandidate } from './network-labels';
import { DETECTOR_STYLES, type NetworkGraph, type NetworkNode } from './network-model';

/** Closest a selection zooms in on its own (the analyst can zoom further). */
const MAX_FRAME_ZOOM = 1.2;
/** Pixels an arrow key pans, and the factor + and − zoom by. */
const KEY_PAN = 80;
const KEY_ZOOM = 1.25;
/** Quiet time after panning or zooming before the names are placed again. */
const LABEL_SETTLE_MS = 120;

/** Cytoscape's options for big graphs (the benchmark compares them: scripts/bench-network.mjs). */
export interface NetworkRenderOptions {
  pixelRatio: number | 'auto';
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
  motionBlur: boolean;
  /** Cytoscape's experimental WebGL renderer. */
  webgl: boolean;
}

/** Above this many elements the canvas trades detail during pan and zoom for frames. */
const LARGE_GRAPH = 4_000;

export function renderOptionsFor(graph: NetworkGraph): NetworkRenderOptions {
  const large = graph.nodes.length + graph.edges.length > LARGE_GRAPH;
  // Measured in scripts/bench-network.mjs: while the view moves, a big graph is drawn from a texture
  // of the last full frame (edges hidden when that texture is made); small graphs stay crisp.
  return { pixelRatio: large ? 1 : 'auto', hideEdgesOnViewport: large, textureOnViewport: large, motionBlur: false, webgl: false };
}

export interface NetworkCanvasApi {
  /** Frames the whole graph. */
  fit: () => void;
  /** Frames one cluster (the selection, again). */
  frameCluster: (clusterId: string) => void;
  /** The whole graph as a PNG on the given background. */
  png: (background: string) => Promise<Blob>;
}

export interface NetworkCanvasProps {
  graph: NetworkGraph;
  filtered: FilteredNetwork;
  selectedClusterId: string | null;
  /** Node id of the account open in the drawer. */
  selectedNodeId: string | null;
  label: string;
  /** Ids of the text that describes the picture and its keys. */
  describedBy: string;
  onSelectCluster: (clusterId: string) => void;
  onOpenAccount: (nodeId: string) => void;
  onStatus: (status: 'ready' | 'failed') => void;
  apiRef?: RefObject<NetworkCanvasApi | null>;
  /** Kept alive but not shown (the table view is open). */
  hidden?: boolean;
  renderOptions?: NetworkRenderOptions;
}

interface Palette {
  text: string;
  paper: string;
  font: string;
}

function styleFor({ text, paper, font }: Palette): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      // No pointer events on elements: network-hit-test.ts finds the account under the pointer.
      style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', 'border-width': 1, 'border-color': paper, label: '', events: 'no' },
    },
    { selector: 'node[shown = 0]', style: { display: 'none' } },
    {
      selector: 'edge',
      // Haystack edges (cytoscape's default, the fastest) need no curve-style here: every property
      // set is applied 50,000 times.
      style: { width: 'mapData(w, 0, 3, 0.75, 4)', opacity: 0.75, 'line-color': '#8F8F8F', events: 'no' },
    },
    ...DETECTOR_NAMES.map((detector) => {
      const { color, dash } = DETECTOR_STYLES[detector];
      return {
        selector: `edge[d = "${detector}"]`,
        style: dash.length > 0 ? { 'line-color': color, 'line-style': 'dashed' as const, 'line-dash-pattern': [...dash] } : { 'line-color': color },
      };
    }),
    { selector: 'edge[d = "none"]', style: { display: 'none' } },
    { selector: 'node.faded', style: { opacity: 0.2 } },
    { selector: 'edge.faded', style: { opacity: 0.08 } },
    { selector: 'node.in-cluster', style: { 'border-width': 2, 'border-color': text } },
    { selector: 'edge.account-edge', style: { opacity: 1, 'z-index': 9 } },
    { selector: 'node.account', style: { 'border-width': 4, 'border-color': text, 'z-index': 10 } },
    {
      selector: 'node.labelled',
      style: {
        label: 'data(label)', 'font-size': 'data(fs)', 'font-family': font, color: text, 'text-valign': 'bottom',
        'text-background-color': paper, 'text-background-opacity': 0.85, 'text-background-shape': 'roundrectangle', 'min-zoomed-font-size': 0,
        'z-index': 11,
      },
    },
  ];
}

/** The stylesheet, and the background shown beside the moving texture (the typings want every core property). */
function applyStyle(core: cytoscape.Core, palette: Palette): void {
  core.style(styleFor(palette)).selector('core').style('outside-texture-bg-color', palette.paper).style('outside-texture-bg-opacity', 1).update();
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function NetworkCanvas({
  graph, filtered, selectedClusterId, selectedNodeId, label, describedBy, onSelectCluster, onOpenAccount, onStatus, apiRef, hidden = false, renderOptions,
}: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<cytoscape.Core | null>(null);
  const theme = useTheme();
  const palette: Palette = { text: theme.palette.text.primary, paper: theme.palette.background.paper, font: theme.typography.fontFamily ?? 'sans-serif' };
  const latest = useRef({ onSelectCluster, onOpenAccount, onStatus, palette, filtered, selectedClusterId, selectedNodeId, renderOptions });
  useEffect(() => {
    latest.current = { onSelectCluster, onOpenAccount, onStatus, palette, filtered, selectedClusterId, selectedNodeId, renderOptions };
  });
  /** The cluster selected by a tap on the canvas: already in view, so it is not framed again. */
  const tappedCluster = useRef<string | null>(null);
  const refreshLabels = useRef<() => void>(() => undefined);
  /** The colours the canvas was last styled with (a restyle touches every element). */
  const styled = useRef('');
  /** The graph the view was last framed on. */
  const framed = useRef<NetworkGraph | null>(null);

  useEffect(() => {
    let instance: cytoscape.Core | null = null;
    let live = true;
    let observer: ResizeObserver | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    let leave: (() => void) | null = null;
    const element = container.current;
    void import('cytoscape')
      .then(({ default: create }) => {
        if (!live || !element) return;
        const { filtered: shown, palette: colours } = latest.current;
        const options = latest.current.renderOptions ?? renderOptionsFor(graph);
        const core = create({
          container: element,
          // The elements come after the stylesheet is complete, so each is styled once.
          elements: [],
          style: styleFor(colours),
          // The view is framed from the layout's own numbers (frameView): fitting here measured every
          // element, edges included.
          layout: { name: 'preset', fit: false },
          // Accounts stay where the layout put them; the analyst pans and zooms instead.
          autoungrabify: true,
          autounselectify: true,
          boxSelectionEnabled: false,
          minZoom: 0.02,
          maxZoom: 6,
          pixelRatio: options.pixelRatio,
          hideEdgesOnViewport: options.hideEdgesOnViewport,
          textureOnViewport: options.textureOnViewport,
          motionBlur: options.motionBlur,
          webgl: options.webgl,
        });
        instance = core;
        styled.current = `${colours.text}|${colours.paper}|${colours.font}`;
        // The background beside the moving texture (the typings want every core property in JSON).
        core.style().selector('core').style('outside-texture-bg-color', colours.paper).style('outside-texture-bg-opacity', 1).update();
        core.add([
          ...graph.nodes.map((node, i) => ({
            group: 'nodes' as const,
            data: { id: node.id, index: i, label: node.label, clusterId: node.clusterId, color: node.color, size: node.size, shown: shown.nodeShown[i] ? 1 : 0, fs: LABEL_FONT_PX },
            position: { x: node.x, y: node.y },
          })),
          ...graph.edges.map((edge, i) => ({
            group: 'edges' as const,
            data: { id: edge.id, source: edge.source, target: edge.target, clusterId: edge.clusterId, d: shown.edgeDetector[i] ?? 'none', w: shown.edgeWeight[i] ?? 0 },
          })),
        ]);

        // Names: the hovered and the open account and their neighbours, then (zoomed in) the biggest
        // accounts in view; never two overlapping, always LABEL_FONT_PX on screen.
        const bySize = graph.nodes.map((_, i) => i).toSorted((a, b) => (graph.nodes[b]?.size ?? 0) - (graph.nodes[a]?.size ?? 0) || a - b);
        const measureContext = document.createElement('canvas').getContext('2d');
        const widths = new Map<string, number>();
        const measure = (text: string): number => {
          let width = widths.get(text);
          if (width === undefined) {
            if (measureContext) {
              measureContext.font = `${LABEL_FONT_PX}px ${latest.current.palette.font}`;
              width = measureContext.measureText(text).width;
            } else width = text.length * LABEL_FONT_PX * 0.62;
            widths.set(text, width);
          }
          return width;
        };
        let hovered: string | null = null;
        let labelled = core.collection();
        const placeNow = () => {
          frame = 0;
          if (!live) return;
          const zoom = core.zoom();
          const view = { zoom, pan: core.pan(), width: core.width(), height: core.height() };
          const { filtered: now, selectedClusterId: cluster, selectedNodeId: open } = latest.current;
          const candidates: LabelCandidate[] = [];
          const obstacles: LabelBox[] = [];
          let forced = 0;
          const add = (index: number) => {
            const node = graph.nodes[index];
            if (node && now.nodeShown[index]) candidates.push({ id: node.id, x: node.x, y: node.y, size: node.size, text: node.label });
          };
          const indexOf = (id: string) => core.getElementById(id).data('index') as number | undefined;
          for (const focus of [open, hovered]) {
            const own = focus ? indexOf(focus) : undefined;
            if (own === undefined) continue;
            add(own);
            forced = candidates.length;
          }
          for (const focus of [open, hovered]) {
            if (!focus || indexOf(focus) === undefined) continue;
            const neighbours = core.getElementById(focus).neighborhood('node').map((n) => n.data('index') as number);
            neighbours.sort((a, b) => (graph.nodes[b]?.size ?? 0) - (graph.nodes[a]?.size ?? 0) || a - b);
            neighbours.forEach(add);
          }
          // Every dot in view is an obstacle for the names, but for the hovered and the open account's own.
          const extent = core.extent();
          const inView: number[] = [];
          for (const index of bySize) {
            const node = graph.nodes[index];
            if (!node || !now.nodeShown[index]) continue;
            if (node.x + node.size < extent.x1 || node.x - node.size > extent.x2 || node.y + node.size < extent.y1 || node.y - node.size > extent.y2) continue;
            inView.push(index);
            obstacles.push(dotBox(node, view));
          }
          if (zoom >= LABEL_ZOOM) {
            for (const index of inView) if (!cluster || graph.nodes[index]?.clusterId === cluster) add(index);
          }
          const ids = placeLabels(candidates, view, { measure, obstacles, forced });
          const next = core.collection();
          for (const id of ids) next.merge(core.getElementById(id));
          core.batch(() => {
            labelled.difference(next).removeClass('labelled');
            next.data('fs', LABEL_FONT_PX / zoom);
            next.addClass('labelled');
          });
          labelled = next;
        };
        const schedule = (delay: number) => {
          clearTimeout(settle);
          settle = setTimeout(() => {
            if (frame === 0) frame = requestAnimationFrame(placeNow);
          }, delay);
        };
        refreshLabels.current = () => schedule(0);
        core.on('viewport', () => schedule(LABEL_SETTLE_MS));
        const index = indexNodes(graph);
        /** The account under a point, `slack` screen pixels around its dot included. */
        const nodeAt = (position: cytoscape.Position, slack: number): NetworkNode | null =>
          graph.nodes[index.nodeAt(position.x, position.y, slack / core.zoom(), latest.current.filtered.nodeShown)] ?? null;
        const hover = (id: string | null) => {
          if (id === hovered) return;
          hovered = id;
          element.style.cursor = id ? 'pointer' : '';
          schedule(0);
        };
        core.on('mousemove', (event) => {
          // Not while a button is down (the analyst is panning).
          const buttons = event.originalEvent instanceof MouseEvent ? event.originalEvent.buttons : 0;
          if (buttons === 0) hover(nodeAt(event.position, 3)?.id ?? null);
        });
        leave = () => hover(null);
        element.addEventListener('mouseleave', leave);
        core.on('tap', (event) => {
          // A finger is less precise than a pointer.
          const node = nodeAt(event.position, 8);
          if (!node) return;
          tappedCluster.current = node.clusterId;
          latest.current.onSelectCluster(node.clusterId);
          latest.current.onOpenAccount(node.id);
        });
        frameView(core, element, graph, latest.current.filtered, latest.current.selectedClusterId, false);
        observer = new ResizeObserver(() => {
          if (!live) return;
          core.resize();
          schedule(LABEL_SETTLE_MS);
        });
        observer.observe(element);
        setCy(core);
        latest.current.onStatus('ready');
      })
      .catch((error: unknown) => {
        console.warn('The network view could not be drawn', error);
        if (live) latest.current.onStatus('failed');
      });
    return () => {
      live = false;
      clearTimeout(settle);
      if (frame) cancelAnimationFrame(frame);
      observer?.disconnect();
      if (leave) element?.removeEventListener('mouseleave', leave);
      instance?.destroy();
      refreshLabels.current = () => undefined;
      setCy(null);
    };
  }, [graph]);

  // Theme changes restyle the canvas; they do not rebuild it.
  const { text, paper, font } = palette;
  useEffect(() => {
    const key = `${text}|${paper}|${font}`;
    if (!cy || styled.current === key) return;
    styled.current = key;
    applyStyle(cy, { text, paper, font });
  }, [cy, text, paper, font]);

  // Filters: only the elements whose state changed are touched.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node, i) => {
        const shown = filtered.nodeShown[i] ? 1 : 0;
        if (node.data('shown') !== shown) node.data('shown', shown);
      });
      cy.edges().forEach((edge, i) => {
        const d = filtered.edgeDetector[i] ?? 'none';
        const w = filtered.edgeWeight[i] ?? 0;
        if (edge.data('d') !== d || edge.data('w') !== w) edge.data({ d, w });
      });
    });
    refreshLabels.current();
  }, [cy, filtered]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.in-cluster, .faded').removeClass('in-cluster faded');
      if (selectedClusterId) {
        const chosen = cy.elements(`[clusterId = "${cssString(selectedClusterId)}"]`);
        if (chosen.nonempty()) {
          chosen.nodes().addClass('in-cluster');
          cy.elements().difference(chosen).addClass('faded');
        }
      }
    });
    refreshLabels.current();
    const tapped = tappedCluster.current;
    tappedCluster.current = null;
    if (selectedClusterId && tapped === selectedClusterId) return;
    // The first framing (when the canvas appears) is immediate, later ones glide.
    const first = framed.current !== graph;
    framed.current = graph;
    frameView(cy, container.current, graph, latest.current.filtered, selectedClusterId, !first);
  }, [cy, graph, selectedClusterId]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.account, .account-edge').removeClass('account account-edge');
      if (selectedNodeId) {
        const node = cy.getElementById(selectedNodeId);
        node.addClass('account');
        node.connectedEdges().addClass('account-edge');
      }
    });
    refreshLabels.current();
  }, [cy, selectedNodeId]);

  useEffect(() => {
    if (!apiRef) return;
    apiRef.current = cy
      ? {
          fit: () => frameView(cy, container.current, graph, latest.current.filtered, null, true),
          frameCluster: (clusterId) => frameView(cy, container.current, graph, latest.current.filtered, clusterId, true),
          png: (background) => cy.png({ output: 'blob-promise', full: true, bg: background, scale: 2, maxWidth: 4096, maxHeight: 4096 }),
        }
      : null;
    return () => {
      apiRef.current = null;
    };
  }, [apiRef, cy, graph]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!cy || event.altKey || event.ctrlKey || event.metaKey) return;
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    const zoomBy = (factor: number) => cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)), renderedPosition: centre });
    const actions: Record<string, () => void> = {
      ArrowLeft: () => cy.panBy({ x: KEY_PAN, y: 0 }),
      ArrowRight: () => cy.panBy({ x: -KEY_PAN, y: 0 }),
      ArrowUp: () => cy.panBy({ x: 0, y: KEY_PAN }),
      ArrowDown: () => cy.panBy({ x: 0, y: -KEY_PAN }),
      '+': () => zoomBy(KEY_ZOOM),
      '=': () => zoomBy(KEY_ZOOM),
      '-': () => zoomBy(1 / KEY_ZOOM),
      '0': () => frameView(cy, container.current, graph, filtered, selectedClusterId, true),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <Box
      ref={container}
      component="figure"
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="network-canvas"
      onKeyDown={onKeyDown}
      hidden={hidden}
      sx={{
        m: 0, height: { xs: 360, md: 560 }, width: '100%', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper',
        '&[hidden]': { display: 'none' },
        '&:focus-visible': { outline: 3, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    />
  );
}

/** A string as it can stand inside a double-quoted cytoscape selector value. */
function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * Frames a cluster (or every shown account when `clusterId` is null), from the layout's positions:
 * the canvas is measured again first, since it may have been laid out after cytoscape read its
 * size. A small cluster is not blown up beyond MAX_FRAME_ZOOM. Marks the container with the framed
 * cluster (`data-framed`, '' for everything) once the view is there.
 */
function frameView(
  cy: cytoscape.Core, element: HTMLElement | null, graph: NetworkGraph, filtered: FilteredNetwork, clusterId: string | null, animate: boolean,
): void {
  cy.resize();
  const box =
    (clusterId ? boundsOf(graph.nodes.filter((node) => node.clusterId === clusterId)) : boundsOf(graph.nodes.filter((_, i) => filtered.nodeShown[i]))) ??
    boundsOf(graph.nodes);
  const width = cy.width();
  const height = cy.height();
  if (!box || width === 0 || height === 0) return;
  const w = Math.max(1, box.x2 - box.x1);
  const h = Math.max(1, box.y2 - box.y1);
  const padding = Math.min(60, width / 8, height / 8);
  const fitZoom = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const zoom = Math.max(cy.minZoom(), Math.min(clusterId ? MAX_FRAME_ZOOM : cy.maxZoom(), fitZoom));
  const pan = { x: width / 2 - zoom * (box.x1 + w / 2), y: height / 2 - zoom * (box.y1 + h / 2) };
  const done = () => {
    if (element) element.dataset.framed = clusterId ?? '';
  };
  cy.stop(true, false);
  if (!animate || prefersReducedMotion()) {
    cy.viewport({ zoom, pan });
    done();
  } else cy.animate({ zoom, pan }, { duration: 250, complete: done });
}
