// The app against the real server (npm start on PGlite): two people in two browsers, each signed in
// through the development sign-in page. The analyst's case reaches the reviewer's queue; the
// analyst's own approval is refused by the server (four eyes, R18), whatever header the page
// sends; the reviewer approves; every screen passes axe under the server's CSP.
import { emptyCaseContent, type CaseContent } from '../../src/api/contract/case';
import { checkA11y, expectOwnApprovalRefused } from '../fixtures';
import { expect, signIn, test } from './server-fixtures';

function completeCase(name: string): CaseContent {
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

test('development sign-in: the page says what it is, passes axe, and signs in and out', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('heading', { name: 'Development sign-in', level: 1 })).toBeVisible();
  await expect(page.getByText(/For development only/)).toBeVisible();
  await expect(page.getByLabel('Demo identity')).toHaveCount(0);
  await checkA11y(page, 'development sign-in');
  await signIn(page, 'Samira Haddad');
  // The deep link survives signing in.
  await expect(page.getByRole('heading', { name: /Review queue/, level: 1 })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('Reviewer');
  await checkA11y(page, '/review signed in');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Development sign-in', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Development sign-in', level: 1 })).toBeVisible();
});

test('analyst submits in one browser, the reviewer approves in another; the analyst cannot approve her own case', async ({ signInAs }) => {
  test.setTimeout(300_000);
  const name = `Harbour Lantern Brigade ${Date.now().toString(36)}`;

  const ana = await signInAs('Ana Kovač');
  const caseId = await ana.evaluate(async (content) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const { kind, name: actorName, purpose, activismContext } = content.actor;
    const created = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ actor: { kind, name: actorName, purpose, activismContext } }) });
    const draft = (await created.json()) as { id: string; version: number };
    const updated = await fetch(`/api/cases/${draft.id}`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${draft.version}"` }, body: JSON.stringify(content) });
    if (!updated.ok) throw new Error(`update failed: ${updated.status} ${await updated.text()}`);
    return draft.id;
  }, completeCase(name));

  await ana.goto(`/cases/${caseId}/overview`);
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  const submitDialog = ana.getByRole('dialog', { name: `Submit “${name}” for review` });
  await expect(submitDialog.getByText('Designation recommended')).toBeVisible();
  await submitDialog.getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();
  await checkA11y(ana, '/cases/:id in review');

  // Four eyes: the page explains, and the server refuses even when the page claims to be a reviewer.
  await expectOwnApprovalRefused(ana, caseId, 'rui');

  // The reviewer, in another browser, finds it in the queue and approves it.
  const rui = await signInAs('Rui Takahashi', '/review');
  await expect(rui.getByRole('link', { name })).toBeVisible();
  await checkA11y(rui, '/review');
  await rui.getByRole('link', { name }).click();
  await expect(rui.getByRole('heading', { name: `Review: ${name}`, level: 1 })).toBeVisible();
  await checkA11y(rui, '/review/:caseId');
  const decision = rui.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Approve the designation' }).check();
  await decision.getByRole('textbox', { name: /Rationale/ }).fill('Threats against named inspectors; coordination established by a sufficient technical signal.');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(rui.getByTestId('review-outcome')).toContainText('Decision recorded: Approve the designation.');

  // The analyst sees the outcome on reload: one server, one case.
  await ana.goto(`/cases/${caseId}/overview`);
  await expect(ana.getByText(/Designated/).first()).toBeVisible();
});
