// Issue 5 across two roles sharing one backend: an analyst submits, a reviewer approves, confirms
// accounts and applies actions; the analyst's own approval is refused; 31 days later the visibility
// limits are expired and re-applied; the decision record downloads and parses with its schema;
// every new screen passes axe.
import type { Page } from '@playwright/test';
import { emptyCaseContent, type CaseContent } from '../src/api/contract/case';
import { DecisionRecord } from '../src/api/contract/decision-record';
import { StatementsOfReasonsExport } from '../src/api/contract/decision-record-export';
import { checkA11y, downloadText, expect, expectOwnApprovalRefused, test, waitForMockBackend } from './fixtures';

const DAY_MS = 86_400_000;
const NAME = 'Harbour Lantern Brigade';

/** A harm evidence item from a credible source. */
function evidence(id: string, description: string) {
  return { id, description, observed: 'on-platform' as const, date: null, source: 'Inspectorate report (fictional)', link: '', credibleSource: true };
}

/** A complete case the engine recommends: sufficient technical coordination, physical harm high. */
function recommendedContent(): CaseContent {
  const content = emptyCaseContent({
    kind: 'group', name: NAME, aliases: [], purpose: 'Organises pile-ons against harbour inspectors.', geographies: ['Portmere (fictional)'],
    languages: ['en'], hashtags: ['#HarbourLantern'], keywords: [], trendTerms: ['HarbourLanternRising'], activismContext: false,
  });
  content.questions = {
    identifiableGroup: 'A named group with shared organisers.',
    coordinatedActivity: 'One operator runs several accounts posting the same target lists.',
    harmAcrossCategories: 'Threats against named inspectors; sustained abuse.',
    risksOfApplying: 'Criticism of port policy stays untouched.',
  };
  content.rightsRiskAssessment = 'Actions target confirmed accounts only, never the topic.';
  // Each rating of moderate or above rests on an evidence item of its category (R6a).
  content.harm.physical = {
    ...content.harm.physical, severity: 'high', rubric: { magnitude: 'high', sources: 'high', likelihood: 'high' },
    evidence: [evidence('ev-e2e-threat', 'A threat naming an inspector’s home street.')],
  };
  content.harm.psychological = {
    ...content.harm.psychological, severity: 'moderate', rubric: { magnitude: 'moderate', sources: 'moderate', likelihood: 'moderate' },
    evidence: [evidence('ev-e2e-abuse', 'Two hundred abusive replies to one inspector in an hour.')],
  };
  content.harm.informational = { ...content.harm.informational, severity: 'low', rubric: { magnitude: 'low', sources: 'low', likelihood: 'low' } };
  content.signals = [
    {
      id: 'sig-e2e-operator', kind: 'technical', technique: 'multiple-accounts-same-message', observed: 'on-platform',
      description: 'Two accounts share a device and post identical lists.', accounts: ['lantern_operator', 'lantern_amplifier'],
      window: { start: null, end: null }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
    },
  ];
  return content;
}

/** Test data through the mock backend the page runs (the service worker answers `fetch` from the page). */
async function createDraftAsAna(page: Page): Promise<string> {
  await waitForMockBackend(page);
  return page.evaluate(async (content) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-User-Id': 'ana' };
    const { kind, name, purpose, activismContext } = content.actor;
    const created = await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify({ actor: { kind, name, purpose, activismContext } }) });
    const draft = (await created.json()) as { id: string; version: number };
    const updated = await fetch(`/api/cases/${draft.id}`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${draft.version}"` }, body: JSON.stringify(content) });
    if (!updated.ok) throw new Error(`update failed: ${updated.status}`);
    return draft.id;
  }, recommendedContent());
}

async function applyAction(page: Page, action: string, target: { account?: string; ref?: string }, basis: string) {
  const form = page.getByRole('form', { name: 'Apply an action' });
  await form.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: action, exact: true }).click();
  if (target.account) {
    await form.getByRole('combobox', { name: 'Confirmed account' }).click();
    await page.getByRole('option', { name: `@${target.account}` }).click();
  } else if (target.ref) {
    await form.getByRole('textbox', { name: 'Trend term' }).fill(target.ref);
  }
  await form.getByRole('textbox', { name: /Basis/ }).fill(basis);
  await form.getByRole('button', { name: 'Apply the action' }).click();
  await expect(form.getByText(`Applied: ${action}.`)).toBeVisible();
}

test('analyst submits, reviewer approves, associates and acts; limits expire after 31 days and are re-applied', async ({ openAs }) => {
  test.setTimeout(180_000);

  // --- The analyst submits a complete draft from the case page.
  const ana = await openAs('ana', '/cases');
  const caseId = await createDraftAsAna(ana);
  await ana.goto(`/cases/${caseId}/overview`);
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  const submitDialog = ana.getByRole('dialog', { name: `Submit “${NAME}” for review` });
  await expect(submitDialog.getByText('Designation recommended')).toBeVisible();
  await checkA11y(ana, 'submit-for-review dialog');
  await submitDialog.getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();

  // --- Her own approval: the page explains why not, and the backend refuses whatever the page does.
  await expectOwnApprovalRefused(ana, caseId, 'ana');

  // --- The reviewer finds it in the queue and approves it.
  const rui = await openAs('rui', '/review');
  await expect(rui.getByRole('link', { name: NAME })).toBeVisible();
  await checkA11y(rui, '/review');
  await rui.getByRole('tab', { name: /Due for periodic review/ }).click();
  await expect(rui.getByRole('link', { name: 'Ashfall Syndicate' })).toBeVisible();
  await checkA11y(rui, '/review?queue=due');
  await rui.getByRole('tab', { name: /In review/ }).click();
  await rui.getByRole('link', { name: NAME }).click();
  await expect(rui.getByRole('heading', { name: `Review: ${NAME}`, level: 1 })).toBeVisible();
  await expect(rui.getByTestId('verdict-at-submission')).toContainText('Designation recommended');
  await checkA11y(rui, '/review/:caseId');
  const decision = rui.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Approve the designation' }).check();
  await decision.getByRole('textbox', { name: /Rationale/ }).fill('Threats against named inspectors; coordination established by a sufficient technical signal.');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(rui.getByTestId('review-outcome')).toContainText('Decision recorded: Approve the designation.');
  await rui.getByTestId('review-outcome').getByRole('link', { name: 'Open the designation record' }).click();

  // --- Designation record: confirm the suggested accounts, then act on them.
  await expect(rui.getByRole('heading', { name: `Designation record: ${NAME}`, level: 1 })).toBeVisible();
  await expect(rui.getByRole('region', { name: 'Designation (R17)' })).toContainText('Rui Takahashi');
  await checkA11y(rui, '/designations/:caseId');
  for (const [handle, basis, primaryUse] of [
    ['lantern_operator', 'Coordination signals', true],
    ['lantern_amplifier', 'Recent on-platform behaviour', false],
  ] as const) {
    await rui.getByRole('button', { name: `Decide the association of @${handle}` }).click();
    const dialog = rui.getByRole('dialog', { name: `Association of @${handle}` });
    await dialog.getByRole('checkbox', { name: basis }).check();
    if (primaryUse) await dialog.getByRole('checkbox', { name: /primary use is to propagate/ }).check();
    if (primaryUse) await checkA11y(rui, 'account decision dialog');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await expect(dialog).toBeHidden();
    await expect(rui.getByTestId(`account-row-${handle}`)).toContainText('Confirmed');
  }
  await applyAction(rui, 'Limit visibility', { account: 'lantern_amplifier' }, 'Amplifies every target list.');
  await applyAction(rui, 'Suspend (primary use)', { account: 'lantern_operator' }, 'Primary use is posting target lists.');
  await applyAction(rui, 'Prevent trends', { ref: 'HarbourLanternRising' }, 'Trend directly linked to the group.');
  const actions = rui.getByRole('region', { name: 'Enforcement actions (R14-R15)' });
  await expect(actions.locator('[data-state="active"]')).toHaveCount(3);

  // --- Exports: the decision record parses with its schema; so do the statements of reasons.
  const record = await downloadText(rui, 'Decision record (JSON)');
  expect(record.download.suggestedFilename()).toMatch(new RegExp(`^decision-record-${caseId}-v\\d+\\.json$`));
  const parsed = DecisionRecord.safeParse(JSON.parse(record.text));
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data?.reviewer?.name).toBe('Rui Takahashi');
  expect(parsed.data?.decision?.override).toBeNull();
  expect(parsed.data?.actions).toHaveLength(3);
  const statements = await downloadText(rui, 'Statements of reasons (DSA, JSON)');
  const sor = StatementsOfReasonsExport.safeParse(JSON.parse(statements.text));
  expect(sor.success, JSON.stringify(sor.error?.issues)).toBe(true);
  expect(sor.data?.statements.map((s) => s.category_specification)).toEqual([['KEYWORD_COORDINATED_HARM'], ['KEYWORD_COORDINATED_HARM'], ['KEYWORD_COORDINATED_HARM']]);
  const csv = await downloadText(rui.getByRole('region', { name: 'Decision record (R19)' }), 'Actions (CSV)', 'link');
  expect(csv.text.split('\r\n')[0]).toBe('id,type,target,targetRef,basis,appliedBy,appliedAt,expiresAt,stateAtExport,reappliesId,endedAt,endedReason');

  // --- The printable report: readable on screen and on paper, without the app's chrome.
  await rui.getByRole('link', { name: 'Printable report' }).click();
  await expect(rui.getByRole('heading', { name: `Decision record: ${NAME}`, level: 1 })).toBeVisible();
  await checkA11y(rui, '/designations/:caseId/report');
  await rui.emulateMedia({ media: 'print' });
  await expect(rui.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(rui.getByRole('banner')).toBeHidden();
  await expect(rui.getByRole('heading', { name: `Decision record: ${NAME}`, level: 1 })).toBeVisible();
  await rui.emulateMedia({ media: 'screen' });

  // --- The audit trail records the submission, the approval, the associations and the actions.
  await rui.goto(`/audit?caseId=${caseId}`);
  await expect(rui.getByTestId('audit-event').first()).toBeVisible();
  for (const type of ['Submitted for review', 'Designation approved', 'Account association confirmed', 'Enforcement action applied']) {
    await expect(rui.getByTestId('audit-event').filter({ hasText: type }).first()).toBeVisible();
  }
  await checkA11y(rui, '/audit');

  // --- 31 days later (browser clock, which the in-page mock backend reads too): the limits expired.
  const later = await openAs('sam', '/cases');
  await later.clock.install({ time: new Date(Date.now() + 31 * DAY_MS) });
  await later.goto(`/designations/${caseId}`);
  const laterActions = later.getByRole('region', { name: 'Enforcement actions (R14-R15)' });
  await expect(laterActions.locator('[data-state="expired"]')).toHaveCount(2);
  await expect(laterActions.locator('[data-state="active"]')).toHaveCount(1);
  await expect(laterActions.getByRole('row', { name: /Limit visibility.*@lantern_amplifier/ })).toContainText('Expired');
  await checkA11y(later, '/designations/:caseId after 31 days');

  await laterActions.getByRole('button', { name: 'Re-apply Limit visibility on @lantern_amplifier' }).click();
  const reapply = later.getByRole('dialog', { name: /Re-apply “Limit visibility” on @lantern_amplifier/ });
  await reapply.getByRole('textbox', { name: /Justification/ }).fill('Posted a new target list this morning.');
  await reapply.getByRole('button', { name: 'Re-apply' }).click();
  await expect(reapply).toBeHidden();
  const renewed = laterActions.getByRole('row', { name: /Re-applies an expired action/ });
  await expect(renewed).toContainText('Active');
  await expect(renewed).toContainText('Samira Haddad');
});

test('withdrawing a designation is confirmed in a dialog that names the actions it ends (R17)', async ({ openAs }) => {
  const page = await openAs('sam', '/review/case-ashfall-syndicate');
  const periodic = page.getByRole('region', { name: 'Periodic review (R17)' });
  await periodic.getByRole('radio', { name: /Withdraw the designation/ }).check();
  await periodic.getByRole('textbox', { name: /Rationale/ }).fill('The storefront closed; no activity for 60 days.');
  await periodic.getByRole('button', { name: 'Record the review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw the designation of “Ashfall Syndicate”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Actions that end' }).getByRole('listitem')).toHaveText(['Suspend (primary use): 1']);
  await checkA11y(page, 'withdraw confirmation');
  // Escape cancels: nothing recorded.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('review-outcome')).toHaveCount(0);
  await periodic.getByRole('button', { name: 'Record the review' }).click();
  await dialog.getByRole('button', { name: 'Withdraw and end 1 action' }).click();
  await expect(page.getByTestId('review-outcome')).toContainText('Periodic review recorded.');
  await expect(page.getByText('This case is Withdrawn: there is nothing to decide here.')).toBeVisible();
});
