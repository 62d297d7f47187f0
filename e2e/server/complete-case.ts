// A case the engine recommends (high physical harm on credible evidence, a sufficient technical
// signal, every question answered), for journeys that submit and decide.
import { emptyCaseContent, type CaseContent } from '../../src/api/contract/case';
import type { Page } from '@playwright/test';

export function completeCase(name: string): CaseContent {
  const content = emptyCaseContent({
    kind: 'group', name, aliases: [], purpose: 'Organises pile-ons against harbour inspectors.', geographies: ['Portmere (fictional)'],
    languages: ['en'], hashtags: ['#HarbourLantern'], keywords: [], trendTerms: [], activismContext: false,
  });
  content.questions = {
    identifiableGroup: 'A named group with shared organisers.',
    coordinatedActivity: 'One operator runs several accounts posting the same target lists.',
    harmAcrossCategories: 'Threats against named inspectors; sustained abuse.',
    risksOfApplying: 'Criticism of port policy stays untouched.',
  };
  content.rightsRiskAssessment = 'Actions target confirmed accounts only, never the topic.';
  content.harm.physical = { ...content.harm.physical, severity: 'high', rubric: { magnitude: 'high', sources: 'high', likelihood: 'high' } };
  content.harm.psychological = { ...content.harm.psychological, severity: 'none' };
  content.harm.informational = { ...content.harm.informational, severity: 'none' };
  content.harm.physical.evidence = [{
    id: 'ev-server-1', description: 'Threats naming inspectors.', observed: 'on-platform', date: '2026-11-01', source: 'Reports',
    link: '', credibleSource: true,
  }];
  content.signals = [{
    id: 'sig-server-1', kind: 'technical', technique: 'multiple-accounts-same-message', observed: 'on-platform',
    description: 'Two accounts share a device and post identical lists.', accounts: ['lantern_operator', 'lantern_amplifier'],
    window: { start: null, end: null }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
  }];
  return content;
}

/** Creates the case through the API as the page's signed-in analyst; returns its id. */
export async function createCompleteCase(page: Page, name: string): Promise<string> {
  return page.evaluate(async (content) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const { kind, name: actorName, purpose, activismContext } = content.actor;
    const created = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ actor: { kind, name: actorName, purpose, activismContext } }) });
    const draft = (await created.json()) as { id: string; version: number };
    const updated = await fetch(`/api/cases/${draft.id}`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${draft.version}"` }, body: JSON.stringify(content) });
    if (!updated.ok) throw new Error(`update failed: ${updated.status} ${await updated.text()}`);
    return draft.id;
  }, completeCase(name));
}
