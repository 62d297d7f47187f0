// The graph drawn by cytoscape on a canvas (loaded on first use, so the import page stays light).
// Tapping an account selects its cluster; a selection made elsewhere highlights and frames the cluster.
// The canvas is not keyboard-operable: the cluster list beside it is the accessible alternative.
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { useEffect, useRef, useState } from 'react';
import type cytoscape from 'cytoscape';
import type { NetworkGraph } from './network-model';

/** Closest a selection zooms in on its own (the analyst can zoom further). */
const MAX_FRAME_ZOOM = 1.6;

export interface NetworkCanvasProps {
  graph: NetworkGraph;
  selectedClusterId: string | null;
  label: string;
  /** Id of the text summary that stands in for the picture. */
  describedBy: string;
  onSelectCluster: (clusterId: string) => void;
  /** Incremented by the panel's "Fit to view" button: frame the whole graph. */
  fitRequest: number;
  onStatus: (status: 'ready' | 'failed') => void;
}

export function NetworkCanvas({ graph, selectedClusterId, label, describedBy, onSelectCluster, fitRequest, onStatus }: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<cytoscape.Core | null>(null);
  const theme = useTheme();
  const textColor = theme.palette.text.primary;
  const onSelect = useRef(onSelectCluster);
  const onStatusRef = useRef(onStatus);
  useEffect(() => {
    onSelect.current = onSelectCluster;
    onStatusRef.current = onStatus;
  });

  useEffect(() => {
    let instance: cytoscape.Core | null = null;
    let live = true;
    void import('cytoscape')
      .then(({ default: create }) => {
        if (!live || !container.current) return;
        instance = create({
          container: container.current,
          elements: [
            ...graph.nodes.map((node) => ({
              group: 'nodes' as const,
              data: { id: node.id, label: node.label, clusterId: node.clusterId, color: node.color },
              position: { x: node.x, y: node.y },
            })),
            ...graph.edges.map((edge) => ({
              group: 'edges' as const,
              data: { id: edge.id, source: edge.source, target: edge.target, clusterId: edge.clusterId, weight: edge.weight, color: edge.color },
            })),
          ],
          layout: { name: 'preset' },
          style: [
            {
              selector: 'node',
              style: {
                'background-color': 'data(color)', width: 14, height: 14, label: 'data(label)', 'font-size': 9,
                color: textColor, 'text-valign': 'bottom', 'text-margin-y': 2, 'min-zoomed-font-size': 7,
              },
            },
            {
              selector: 'edge',
              style: { width: 'mapData(weight, 0, 3, 0.5, 4)', 'line-color': '#8c8c8c', opacity: 0.6, 'curve-style': 'haystack' },
            },
            { selector: '.faded', style: { opacity: 0.15 } },
            { selector: 'node.selected', style: { 'border-width': 3, 'border-color': textColor, width: 18, height: 18 } },
            { selector: 'edge.selected', style: { 'line-color': 'data(color)', opacity: 0.8 } },
          ],
          // Accounts stay where the layout put them; the analyst pans and zooms instead.
          autoungrabify: true,
          boxSelectionEnabled: false,
          minZoom: 0.05,
          maxZoom: 4,
        });
        instance.on('tap', 'node, edge', (event) => {
          const clusterId: unknown = event.target.data('clusterId');
          if (typeof clusterId === 'string') onSelect.current(clusterId);
        });
        setCy(instance);
        onStatusRef.current('ready');
      })
      .catch((error: unknown) => {
        console.warn('The network view could not be drawn', error);
        if (live) onStatusRef.current('failed');
      });
    return () => {
      live = false;
      instance?.destroy();
      setCy(null);
    };
  }, [graph, textColor]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('selected faded');
      if (selectedClusterId) {
        const chosen = cy.elements().filter((element) => element.data('clusterId') === selectedClusterId);
        if (chosen.nonempty()) {
          chosen.addClass('selected');
          cy.elements().difference(chosen).addClass('faded');
        }
      }
    });
    const chosen = selectedClusterId ? cy.nodes('.selected') : cy.elements();
    if (chosen.empty()) return;
    // Frame the cluster, but a small ring should not fill the canvas with giant dots.
    const box = chosen.boundingBox({});
    const padding = 60;
    const fitZoom = Math.min((cy.width() - 2 * padding) / Math.max(1, box.w), (cy.height() - 2 * padding) / Math.max(1, box.h));
    cy.animate({ zoom: Math.max(cy.minZoom(), Math.min(MAX_FRAME_ZOOM, fitZoom)), center: { eles: chosen } }, { duration: 250 });
  }, [cy, selectedClusterId]);

  useEffect(() => {
    if (cy && fitRequest > 0) cy.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 250 });
  }, [cy, fitRequest]);

  return (
    <Box
      ref={container}
      component="figure"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="network-canvas"
      sx={{ m: 0, height: { xs: 360, md: 520 }, width: '100%', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}
    />
  );
}
