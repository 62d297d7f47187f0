// The network as files Gephi (and yEd, Cytoscape desktop, NetworkX) open: GEXF 1.3 and GraphML, of
// what the view shows (its filters applied), with the layout's positions, colours and sizes. Pure
// string builders; every name from the imported file is XML-escaped and stripped of the characters
// XML 1.0 cannot hold, so a hostile handle stays text.
import { DETECTOR_NAMES, type DetectorName } from '../../engine/detection/settings';
import type { FilteredNetwork } from './network-filter';
import type { NetworkGraph } from './network-model';

export interface NetworkExportOptions {
  /** Written into the file's metadata (the analyst's language). */
  description: string;
  /** ISO date of the export (GEXF `lastmodifieddate`). */
  date: string;
}

/** Characters XML 1.0 allows (anything else, such as control characters or lone surrogates, is dropped). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function num(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '0';
}

function rgb(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return Number.isNaN(value) ? { r: 128, g: 128, b: 128 } : { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

interface ExportedEdge {
  id: string;
  source: string;
  target: string;
  clusterId: string;
  weight: number;
  strongest: DetectorName;
  detectors: DetectorName[];
  scores: Partial<Record<DetectorName, number>>;
}

/** The shown nodes and edges, with each edge's shown links only. */
function shownParts(graph: NetworkGraph, filtered: FilteredNetwork) {
  const allowed = new Set(filtered.filter.detectors);
  const nodes = graph.nodes
    .map((node, i) => ({ node, links: filtered.nodeLinks[i] }))
    .filter((_, i) => filtered.nodeShown[i]);
  const edges: ExportedEdge[] = [];
  graph.edges.forEach((edge, i) => {
    const strongest = filtered.edgeDetector[i];
    if (!strongest) return;
    const links = edge.links.filter((l) => allowed.has(l.detector) && l.score >= filtered.filter.minScore);
    edges.push({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      clusterId: edge.clusterId,
      weight: filtered.edgeWeight[i] ?? edge.weight,
      strongest,
      detectors: links.map((l) => l.detector),
      scores: Object.fromEntries(links.map((l) => [l.detector, l.score])),
    });
  });
  return { nodes, edges };
}

export function toGexf(graph: NetworkGraph, filtered: FilteredNetwork, { description, date }: NetworkExportOptions): string {
  const { nodes, edges } = shownParts(graph, filtered);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
  out.push(`  <meta lastmodifieddate="${xmlEscape(date.slice(0, 10))}">`);
  out.push('    <creator>Coordinated harmful activity workbench</creator>');
  out.push(`    <description>${xmlEscape(description)}</description>`);
  out.push('  </meta>');
  out.push('  <graph mode="static" defaultedgetype="undirected">');
  out.push('    <attributes class="node">');
  out.push('      <attribute id="account" title="account_id" type="string"/>');
  out.push('      <attribute id="cluster" title="cluster" type="string"/>');
  out.push('      <attribute id="cluster_rank" title="cluster_rank" type="integer"/>');
  out.push('      <attribute id="co_items" title="co_items" type="integer"/>');
  out.push('      <attribute id="links" title="links" type="integer"/>');
  out.push('      <attribute id="detectors" title="detectors" type="string"/>');
  out.push('      <attribute id="max_score" title="max_score" type="double"/>');
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  out.push('      <attribute id="cluster" title="cluster" type="string"/>');
  out.push('      <attribute id="strongest" title="strongest_detector" type="string"/>');
  out.push('      <attribute id="detectors" title="detectors" type="string"/>');
  for (const detector of DETECTOR_NAMES) out.push(`      <attribute id="score_${detector}" title="score_${detector}" type="double"/>`);
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const { node, links } of nodes) {
    const { r, g, b } = rgb(node.color);
    out.push(`      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}">`);
    out.push('        <attvalues>');
    out.push(`          <attvalue for="account" value="${xmlEscape(node.accountId)}"/>`);
    out.push(`          <attvalue for="cluster" value="${xmlEscape(node.clusterId)}"/>`);
    out.push(`          <attvalue for="cluster_rank" value="${node.clusterRank}"/>`);
    out.push(`          <attvalue for="co_items" value="${node.activity}"/>`);
    out.push(`          <attvalue for="links" value="${links?.degree ?? 0}"/>`);
    out.push(`          <attvalue for="detectors" value="${xmlEscape((links?.detectors ?? []).join(' '))}"/>`);
    out.push(`          <attvalue for="max_score" value="${num(links?.maxScore ?? 0)}"/>`);
    out.push('        </attvalues>');
    out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    // GEXF's y axis points up, the screen's down.
    out.push(`        <viz:position x="${num(node.x)}" y="${num(-node.y)}" z="0"/>`);
    out.push(`        <viz:size value="${num(node.size / 2)}"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const edge of edges) {
    out.push(`      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" weight="${num(edge.weight)}">`);
    out.push('        <attvalues>');
    out.push(`          <attvalue for="cluster" value="${xmlEscape(edge.clusterId)}"/>`);
    out.push(`          <attvalue for="strongest" value="${edge.strongest}"/>`);
    out.push(`          <attvalue for="detectors" value="${edge.detectors.join(' ')}"/>`);
    for (const detector of edge.detectors) out.push(`          <attvalue for="score_${detector}" value="${num(edge.scores[detector] ?? 0)}"/>`);
    out.push('        </attvalues>');
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}

export function toGraphml(graph: NetworkGraph, filtered: FilteredNetwork, { description }: NetworkExportOptions): string {
  const { nodes, edges } = shownParts(graph, filtered);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  out.push(`  <desc>${xmlEscape(description)}</desc>`);
  // Gephi reads label, x, y, size and r/g/b as the node's own properties.
  const nodeKeys: [string, string][] = [
    ['label', 'string'], ['account_id', 'string'], ['cluster', 'string'], ['cluster_rank', 'int'], ['co_items', 'int'], ['links', 'int'],
    ['detectors', 'string'], ['max_score', 'double'], ['x', 'float'], ['y', 'float'], ['size', 'float'], ['r', 'int'], ['g', 'int'], ['b', 'int'],
  ];
  for (const [name, type] of nodeKeys) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  const edgeKeys: [string, string][] = [
    ['weight', 'double'], ['cluster', 'string'], ['strongest_detector', 'string'], ['detectors', 'string'],
    ...DETECTOR_NAMES.map((d): [string, string] => [`score_${d}`, 'double']),
  ];
  for (const [name, type] of edgeKeys) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push('  <graph id="coordination" edgedefault="undirected">');
  for (const { node, links } of nodes) {
    const { r, g, b } = rgb(node.color);
    const values: [string, string | number][] = [
      ['label', node.label], ['account_id', node.accountId], ['cluster', node.clusterId], ['cluster_rank', node.clusterRank], ['co_items', node.activity],
      ['links', links?.degree ?? 0], ['detectors', (links?.detectors ?? []).join(' ')], ['max_score', num(links?.maxScore ?? 0)],
      ['x', num(node.x)], ['y', num(node.y)], ['size', num(node.size)], ['r', r], ['g', g], ['b', b],
    ];
    out.push(`    <node id="${xmlEscape(node.id)}">`);
    for (const [key, value] of values) out.push(`      <data key="n_${key}">${xmlEscape(String(value))}</data>`);
    out.push('    </node>');
  }
  for (const edge of edges) {
    out.push(`    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">`);
    out.push(`      <data key="e_weight">${num(edge.weight)}</data>`);
    out.push(`      <data key="e_cluster">${xmlEscape(edge.clusterId)}</data>`);
    out.push(`      <data key="e_strongest_detector">${edge.strongest}</data>`);
    out.push(`      <data key="e_detectors">${edge.detectors.join(' ')}</data>`);
    for (const detector of edge.detectors) out.push(`      <data key="e_score_${detector}">${num(edge.scores[detector] ?? 0)}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}
