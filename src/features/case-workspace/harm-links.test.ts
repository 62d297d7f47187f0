import { describe, expect, it } from 'vitest';
import { harmLinksBySignal } from './harm-links';
import { sampleContent } from './workspace-test-fixtures';

function item(id: string, signalIds?: string[]) {
  return { id, description: 'x', observed: 'on-platform' as const, date: null, source: '', link: '', credibleSource: false, ...(signalIds ? { signalIds } : {}) };
}

describe('harmLinksBySignal (R6a)', () => {
  it('counts, per signal, the evidence items of each category that name it, in policy order', () => {
    const content = sampleContent();
    content.harm.informational.evidence = [item('ev-1', ['sig-a'])];
    content.harm.physical.evidence = [item('ev-2', ['sig-a', 'sig-b', 'sig-a']), item('ev-3', ['sig-a']), item('ev-4')];
    const links = harmLinksBySignal(content.harm);
    expect(links.get('sig-a')).toEqual([{ category: 'physical', items: 2 }, { category: 'informational', items: 1 }]);
    expect(links.get('sig-b')).toEqual([{ category: 'physical', items: 1 }]);
    expect(links.has('sig-c')).toBe(false);
  });
});
