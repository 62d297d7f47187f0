// The network exports open in Gephi only if they are well-formed XML, whatever the imported file
// called its accounts: parsed back here with the DOM's own XML parser.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { toGexf, toGraphml, xmlEscape } from './network-export';
import { defaultFilter, filterNetwork } from './network-filter';
import { buildNetworkGraph } from './network-model';

const HOSTILE = `<script>&"'`;

function cluster(id: string, accounts: [string, string | null][], edges: [string, string, CoordinationCluster['edges'][number]['detector'], number][]): CoordinationCluster {
  return {
    id, accounts: accounts.map(([a, username]) => ({ id: a, username })), score: 0.9, strength: 'strong', detectors: [], primaryDetector: 'co-post',
    suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
    window: { start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T01:00:00.000Z' }, evidence: [], evidenceCount: 0,
    edges: edges.map(([a, b, detector, score]) => ({ a, b, detector, score, coItems: 4 })), edgeCount: edges.length,
  };
}

const graph = buildNetworkGraph([
  cluster('cluster-a', [['u1', HOSTILE], ['u2', 'plain'], ['u"3', 'ctl\u0001char\uD800']], [['u1', 'u2', 'co-post', 0.9], ['u2', 'u1', 'co-link', 0.4], ['u2', 'u"3', 'synchronised-posting', 0.2]]),
  cluster('cluster-b', [['u4', null], ['u5', 'five']], [['u4', 'u5', 'shared-identifier', 1]]),
]);
const options = { description: `Export of ${HOSTILE}`, date: '2026-11-21T10:00:00.000Z' };

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(HOSTILE)).toBe('&lt;script&gt;&amp;&quot;&apos;');
    expect(xmlEscape('a\u0000b\u0008c\tline\n\uD800d\uFFFE😀')).toBe('abc\tline\nd😀');
  });
});

describe('GEXF', () => {
  it('is well-formed, with every shown account and link and the hostile handle as text', () => {
    const xml = toGexf(graph, filterNetwork(graph, defaultFilter(graph)), options);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('label="@&lt;script&gt;&amp;&quot;&apos;"');
    const doc = parse(xml);
    const nodes = [...doc.getElementsByTagName('node')];
    expect(nodes.map((n) => n.getAttribute('label'))).toEqual([`@${HOSTILE}`, '@plain', '@ctlchar', 'u4', '@five']);
    expect(nodes[2]?.getAttribute('id')).toBe('a:u"3');
    const edges = [...doc.getElementsByTagName('edge')];
    expect(edges).toHaveLength(3);
    expect(edges[0]?.getAttribute('weight')).toBe('1.3');
    const values = [...(edges[0]?.getElementsByTagName('attvalue') ?? [])].map((v) => [v.getAttribute('for'), v.getAttribute('value')]);
    expect(values).toEqual([['cluster', 'cluster-a'], ['strongest', 'co-post'], ['detectors', 'co-post co-link'], ['score_co-post', '0.9'], ['score_co-link', '0.4']]);
    expect(doc.getElementsByTagName('description')[0]?.textContent).toBe(`Export of ${HOSTILE}`);
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://gexf.net/1.3');
  });

  it('exports what the filters show', () => {
    const filtered = filterNetwork(graph, { detectors: ['co-link', 'shared-identifier'], minScore: 0.5 });
    const doc = parse(toGexf(graph, filtered, options));
    expect([...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id'))).toEqual(['a:u4', 'a:u5']);
    expect(doc.getElementsByTagName('edge')).toHaveLength(1);
  });
});

describe('GraphML', () => {
  it('is well-formed, with keys for every data value and the hostile handle as text', () => {
    const xml = toGraphml(graph, filterNetwork(graph, defaultFilter(graph)), options);
    expect(xml).not.toContain('<script>');
    const doc = parse(xml);
    const keys = new Set([...doc.getElementsByTagName('key')].map((k) => k.getAttribute('id')));
    for (const data of doc.getElementsByTagName('data')) expect(keys.has(data.getAttribute('key'))).toBe(true);
    const first = doc.getElementsByTagName('node')[0];
    const label = [...(first?.getElementsByTagName('data') ?? [])].find((d) => d.getAttribute('key') === 'n_label');
    expect(label?.textContent).toBe(`@${HOSTILE}`);
    expect(doc.getElementsByTagName('node')).toHaveLength(5);
    expect(doc.getElementsByTagName('edge')).toHaveLength(3);
    expect(doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault')).toBe('undirected');
  });
});
