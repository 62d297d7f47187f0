// Issue 3: the live panel follows the analyst's severities, incomplete -> not recommended ->
// recommended, with the rule ids, and its missing inputs jump to their fields.
import type { Page } from '@playwright/test';
import { checkA11y, expect, test, waitForMockBackend } from './fixtures';

/** Opens a case through the API (answered questions, a sufficient signal, no severities yet). */
async function seedCase(page: Page): Promise<string> {
  await page.goto('/cases');
  await waitForMockBackend(page);
  return page.evaluate(async () => {
    const headers = { 'Content-Type': 'application/json', 'X-User-Id': 'ana' };
    const created = await fetch('/api/cases', {
      method: 'POST',
      headers,
      body: JSON.stringify({ actor: { kind: 'group', name: 'Lanternfish Brigade', purpose: 'Pile-ons against a fictional mayor.', activismContext: false } }),
    }).then((r) => r.json() as Promise<Record<string, unknown> & { id: string }>);
    const blankHarm = { policyAreas: [], evidence: [], rubric: { magnitude: null, sources: null, likelihood: null }, severity: null, justification: '' };
    const content = {
      actor: created.actor,
      questions: {
        identifiableGroup: 'A named group with one channel.',
        coordinatedActivity: 'Scheduled identical replies.',
        harmAcrossCategories: 'Threats against one official.',
        risksOfApplying: 'Low: criticism of the mayor stays possible.',
      },
      rightsRiskAssessment: 'Designation limits coordinated abuse, not opinions.',
      // Physical harm has its evidence on file already (R6a); the others have none.
      harm: {
        physical: {
          ...blankHarm,
          evidence: [{ id: 'ev-e2e-1', description: 'Threats posted at the mayor’s home address.', observed: 'on-platform', date: null, source: 'Platform report', link: '', credibleSource: true }],
        },
        psychological: blankHarm,
        informational: blankHarm,
      },
      signals: [
        {
          id: 'sig-e2e-1', kind: 'social', technique: 'incitement-dogpiling', observed: 'on-platform', description: 'Dogpiling of the mayor',
          accounts: ['lantern_a', 'lantern_b'], window: { start: null, end: null }, sources: [], strength: 'strong',
          evidenceState: 'sufficient', origin: 'manual',
        },
      ],
      settings: { visibilityLimitDays: 30, reviewIntervalDays: 90 },
    };
    const updated = await fetch(`/api/cases/${created.id}`, { method: 'PUT', headers: { ...headers, 'If-Match': '"1"' }, body: JSON.stringify(content) });
    if (!updated.ok) throw new Error(`seeding failed: ${updated.status} ${await updated.text()}`);
    return created.id;
  });
}

function severity(page: Page, category: string, level: string) {
  return page.getByRole('group', { name: `Severity of ${category} harm` }).getByRole('radio', { name: level, exact: true });
}

/** Each category has its own sub-tab in the harm tab (issue 15 §4): open it, then rate. */
async function rate(page: Page, category: string, level: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${category}:`) }).click();
  await severity(page, category, level).check();
}

test('the panel switches from incomplete to not recommended to recommended as severities change', async ({ page }) => {
  const caseId = await seedCase(page);
  await page.goto(`/cases/${caseId}/harm`);
  const panel = page.getByTestId('designation-panel');
  const outcome = panel.getByTestId('verdict-outcome');

  await expect(outcome).toContainText('Incomplete');
  await expect(panel.getByTestId('missing-inputs')).toContainText('Rate the severity of Physical harm.');

  await rate(page, 'Physical', 'None');
  await rate(page, 'Psychological', 'Low');
  await expect(outcome).toContainText('Incomplete');
  await rate(page, 'Informational', 'Moderate');

  // R6a: a moderate rating rests on evidence. The missing input leads to the category's evidence list.
  await expect(outcome).toContainText('Incomplete');
  const addEvidence = 'Add harm evidence for Informational harm (rated Moderate), or lower the rating.';
  await panel.getByTestId('missing-inputs').getByRole('button', { name: addEvidence }).click();
  const informationalAdd = page.getByRole('button', { name: 'Add Informational evidence item' });
  await expect(informationalAdd).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('A fabricated notice about the town’s water, shared 400 times in an hour.');

  await expect(outcome).toContainText('Not recommended');
  await expect(panel.getByTestId('threshold')).toContainText('one category at high, or 1 more category at moderate');
  await expect(outcome.getByLabel(/^R7: /)).toBeVisible();

  await rate(page, 'Physical', 'High');
  await expect(outcome).toContainText('Designation recommended');
  for (const rule of ['R2', 'R7', 'R13']) await expect(outcome.getByLabel(new RegExp(`^${rule}: `))).toBeVisible();
  await expect(panel.getByTestId('threshold')).toContainText('at least one category is rated high');

  // The rule id explains itself on hover, in the policy's words.
  await outcome.getByLabel(/^R7: /).hover();
  await expect(page.getByRole('tooltip')).toContainText('high severity of harm in at least one category');
  await checkA11y(page, 'harm tab with the panel');
});

test('a missing input in the panel jumps to its field', async ({ page }) => {
  const caseId = await seedCase(page);
  await page.goto(`/cases/${caseId}/overview`);
  const panel = page.getByTestId('designation-panel');
  await panel.getByRole('button', { name: 'Rate the severity of Informational harm.' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/harm`));
  await expect(severity(page, 'Informational', 'Not rated')).toBeFocused();
});
