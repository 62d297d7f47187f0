// Issue 16 §1 in the browser: an analyst imports activity with a planted group of amplifiers, opens
// the cluster's Activity view (a lane per account, the co-action marks, keyboard zoom, a post's
// details, the table view), adds the cluster to the evidence board and finds the timeline kept on
// its card; after submission the reviewer sees it with the signal. Axe clean at 1440 and 390 px.
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { emptyCaseContent, type CaseContent } from '../src/api/contract/case';
import { checkA11y, expect, expectNoSidewaysScroll, test, waitForMockBackend } from './fixtures';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/activity');
const NAME = 'Amplifier Relay Network';
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A complete draft the engine recommends (a sufficient technical signal, physical harm high), so it can be submitted. */
function draftContent(): CaseContent {
  const content = emptyCaseContent({
    kind: 'group', name: NAME, aliases: [], purpose: 'Reposts the same posts within seconds to push a smear.', geographies: ['Portmere (fictional)'],
    languages: ['en'], hashtags: [], keywords: [], trendTerms: [], activismContext: false,
  });
  content.questions = {
    identifiableGroup: 'Five accounts run from one operator.',
    coordinatedActivity: 'They repost the same posts within seconds.',
    harmAcrossCategories: 'Threats against a named inspector.',
    risksOfApplying: 'Only the five accounts are concerned.',
  };
  content.rightsRiskAssessment = 'Actions target confirmed accounts only.';
  const evidence = { id: 'ev-e2e-threat', description: 'A threat naming an inspector’s street.', observed: 'on-platform' as const, date: null, source: 'Inspectorate report (fictional)', link: '', credibleSource: true };
  content.harm.physical = { ...content.harm.physical, severity: 'high', rubric: { magnitude: 'high', sources: 'high', likelihood: 'high' }, evidence: [evidence] };
  content.harm.psychological = {
    ...content.harm.psychological, severity: 'moderate', rubric: { magnitude: 'moderate', sources: 'moderate', likelihood: 'moderate' },
    evidence: [{ ...evidence, id: 'ev-e2e-abuse', description: 'Two hundred abusive replies to the inspector in an hour.' }],
  };
  content.harm.informational = { ...content.harm.informational, severity: 'low', rubric: { magnitude: 'low', sources: 'low', likelihood: 'low' } };
  content.signals = [{
    id: 'sig-e2e-device', kind: 'technical', technique: 'multiple-accounts-same-message', observed: 'on-platform', description: 'The amplifiers share one device.',
    accounts: ['amplifier_0', 'amplifier_1'], window: { start: null, end: null }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
  }];
  return content;
}

/** The draft, through the mock backend the page runs (the service worker answers the page's `fetch`). */
async function createDraft(page: Page): Promise<string> {
  await waitForMockBackend(page);
  return page.evaluate(async (content) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-User-Id': 'ana' };
    const { kind, name, purpose, activismContext } = content.actor;
    const created = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ actor: { kind, name, purpose, activismContext } }) });
    if (!created.ok) throw new Error(`create failed: ${created.status}`);
    const draft = (await created.json()) as { id: string; version: number };
    const updated = await fetch(`/api/cases/${draft.id}`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${draft.version}"` }, body: JSON.stringify(content) });
    if (!updated.ok) throw new Error(`update failed: ${updated.status}`);
    return draft.id;
  }, draftContent());
}

/** For a reviewer of a change: how the timeline looks (in the run's report). */
async function attachShot(target: Locator, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await target.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

test('a cluster’s activity timeline: lanes and co-actions, keyboard and table, kept on the board and shown to the reviewer', async ({ openAs }) => {
  test.setTimeout(240_000);
  const ana = await openAs('ana', '/cases');
  await ana.setViewportSize(WIDE);
  const caseId = await createDraft(ana);

  // --- Import the file with the planted group of five amplifiers.
  await ana.goto(`/cases/${caseId}/import`);
  await ana.getByTestId('activity-file-input').setInputFiles(resolve(FIXTURES, 'coordinated.csv'));
  await ana.getByRole('button', { name: 'Start import' }).click();
  await expect(ana.getByTestId('import-summary')).toContainText('2,901 rows read, 2,901 imported, 0 skipped', { timeout: 60_000 });

  // --- The Activity view: a prompt, then the cluster chosen in the list beside it.
  await ana.getByRole('tab', { name: 'Activity' }).click();
  await expect(ana.getByText(/Choose a cluster in the list/)).toBeVisible();
  const list = ana.getByRole('list', { name: 'Clusters, highest score first' });
  await list.getByRole('article').first().getByRole('button', { name: 'Show in the network' }).click();
  await expect(ana).toHaveURL(/view=activity&cluster=cluster-[0-9a-f]{16}/);
  const panel = ana.getByRole('region', { name: 'Activity of cluster 1' });
  await expect(panel.getByTestId('cluster-activity-counts')).toHaveText(/^5 accounts shown, 60 posts, \d+ with co-actions\./);
  await expect(panel.getByText(/Co-actions are what the detectors counted as coordination \(R1\)/)).toBeVisible();
  const lanes = panel.getByRole('region', { name: 'Posts per account' });
  await expect(lanes.getByRole('listitem')).toHaveCount(5);
  for (let n = 0; n < 5; n++) await expect(lanes.getByText(`@amplifier_${n}`, { exact: true })).toBeVisible();
  // Co-action marks, highlighted by shape and colour: the group reposted the same posts together.
  const coMarks = panel.locator('[data-mark][data-co-actions*="same-repost"]');
  await expect(coMarks.first()).toBeVisible();
  expect(await coMarks.count()).toBeGreaterThan(10);
  expect(await coMarks.first().getAttribute('href')).toMatch(/-same-repost$/);
  await expect(panel.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveCount(6);

  // By keyboard: zoom in, step to a post of the second account, show it.
  const range = panel.getByTestId('activity-view-range');
  const whole = await range.textContent();
  await lanes.focus();
  await ana.keyboard.press('+');
  await expect(range).not.toHaveText(whole ?? '');
  await ana.keyboard.press('0');
  await expect(range).toHaveText(whole ?? '');
  await ana.keyboard.press('ArrowDown');
  await ana.keyboard.press('Shift+ArrowRight');
  await ana.keyboard.press('Enter');
  const details = panel.getByRole('region', { name: 'Selected post' });
  await expect(details).toContainText('@amplifier_1');
  await expect(details).toContainText('Repost');
  await expect(details).toContainText('Post id');
  await checkA11y(ana, 'the Activity view at 1440 px');
  await attachShot(panel, 'activity-1440px');

  // The same posts as a table.
  await panel.getByRole('button', { name: 'Table' }).click();
  const table = panel.getByRole('table', { name: 'Activity timeline' });
  await expect(table.getByRole('row')).toHaveCount(26);
  await expect(panel.getByText('1–25 of 60')).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('@amplifier_');
  await checkA11y(ana, 'the Activity view as a table at 1440 px');

  // On a phone.
  await ana.setViewportSize(PHONE);
  await expectNoSidewaysScroll(ana);
  await checkA11y(ana, 'the Activity view as a table at 390 px');
  await panel.getByRole('button', { name: 'Chart' }).click();
  await expect(lanes.getByRole('listitem')).toHaveCount(5);
  await expectNoSidewaysScroll(ana);
  await checkA11y(ana, 'the Activity view at 390 px');
  await attachShot(panel, 'activity-390px');
  await ana.setViewportSize(WIDE);

  // --- Add the cluster to the evidence board: the signal keeps the timeline.
  const first = list.getByRole('article').first();
  await first.getByRole('button', { name: 'Add to evidence board' }).click();
  await first.getByRole('link', { name: 'Open on the evidence board' }).click();
  await expect(ana).toHaveURL(new RegExp(`/cases/${caseId}/evidence$`));
  const card = ana.locator('article', { hasText: 'Detected' }).filter({ hasText: '@amplifier_' });
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: /^Show the activity timeline: / }).click();
  const dialog = ana.getByRole('dialog', { name: /^Activity of the signal’s accounts: / });
  const keptLanes = dialog.getByRole('region', { name: 'Posts per account' });
  await expect(keptLanes.getByRole('listitem')).toHaveCount(5);
  await expect(keptLanes.getByText('@amplifier_0', { exact: true })).toBeVisible();
  await expect(dialog.locator('[data-mark][data-co-actions*="same-repost"]').first()).toBeVisible();
  await checkA11y(ana, 'the board’s activity dialog at 1440 px');
  await ana.setViewportSize(PHONE);
  await checkA11y(ana, 'the board’s activity dialog at 390 px');
  await ana.setViewportSize(WIDE);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // --- Submitted, the reviewer reads the signal with its timeline.
  await ana.goto(`/cases/${caseId}/overview`);
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  const submit = ana.getByRole('dialog', { name: `Submit “${NAME}” for review` });
  await expect(submit.getByText('Designation recommended')).toBeVisible();
  await submit.getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();

  const rui = await openAs('rui', `/review/${caseId}`);
  await rui.setViewportSize(WIDE);
  await expect(rui.getByRole('heading', { name: `Review: ${NAME}`, level: 1 })).toBeVisible({ timeout: 30_000 });
  const signals = rui.getByRole('region', { name: 'Coordination signals (R1-R2)' });
  await expect(signals.getByText(/^Activity timeline kept with the signal: 5 accounts; posts: 60;/)).toBeVisible();
  await signals.getByRole('button', { name: 'Show the activity timeline' }).click();
  const reviewed = signals.getByRole('figure', { name: /^Activity of 5 accounts/ });
  await expect(reviewed).toBeVisible();
  await expect(reviewed.locator('[data-co-actions*="same-repost"]').first()).toBeVisible();
  await checkA11y(rui, 'the review with the activity timeline at 1440 px');
  await rui.setViewportSize(PHONE);
  await checkA11y(rui, 'the review with the activity timeline at 390 px');
});
