// Issue 14, defects 1 and 2: the autosave never meets a conflict with oneself, neither when the user
// switches tabs of the case page mid-debounce nor with the case open in two browser tabs, and no edit
// is lost when either of those browser tabs closes before its edit was sent.
import type { Page } from '@playwright/test';
import { expect, test, waitForMockBackend } from './fixtures';

const CASE_PATH = '/cases/case-clearwater-week';

const field = (page: Page, id: string) => page.locator(`#${id}`);
const RIGHTS = 'field-rightsRiskAssessment';
const QUESTION_1 = 'field-questions--identifiableGroup';
const QUESTION_2 = 'field-questions--coordinatedActivity';
const JUSTIFICATION = 'field-harm--physical--justification';

async function allSaved(page: Page): Promise<void> {
  const status = page.getByTestId('save-status');
  // Generous: the case page's first load on a busy two-core machine took over 20 s.
  await expect(status).toHaveAttribute('data-status', 'saved', { timeout: 60_000 });
  await expect(status).toContainText('All changes saved');
}

// Several page loads per test on a shared machine.
test.describe.configure({ timeout: 360_000 });

const conflictDialog = (page: Page) => page.getByRole('dialog', { name: 'Someone else saved this case first' });

/** Types at the end of a field, as a user does (no `fill`: every keystroke is an edit). */
async function typeAtEnd(page: Page, id: string, text: string): Promise<void> {
  const input = field(page, id);
  await input.click();
  await input.press('End');
  await input.pressSequentially(text);
}

/** The local draft of this case as this device keeps it (IndexedDB, src/features/case-workspace/draft-storage.ts). */
async function localDraftText(page: Page): Promise<string> {
  return page.evaluate(
    (key) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('cha-workspace');
        open.addEventListener('error', () => reject(open.error));
        open.addEventListener('success', () => {
          const read = open.result.transaction('drafts').objectStore('drafts').get(key);
          read.addEventListener('error', () => reject(read.error));
          read.addEventListener('success', () => resolve(JSON.stringify(read.result ?? null)));
        });
      }),
    'cha.workspace.draft:ana:case-clearwater-week',
  );
}

async function openCase(page: Page): Promise<void> {
  await page.goto(`${CASE_PATH}/overview`);
  await waitForMockBackend(page);
  await allSaved(page);
}

test('defect 1: typing and switching case tabs straight away, several times, ends with all changes saved and no conflict', async ({ page }) => {
  await openCase(page);
  const version = Number((await page.getByTestId('save-status').textContent())?.match(/version (\d+)/)?.[1]);
  for (const round of [1, 2, 3]) {
    await typeAtEnd(page, RIGHTS, ` R${round}.`);
    // No waiting for "All changes saved": the tab switch comes within the debounce.
    await page.getByRole('tab', { name: 'Harm' }).click();
    await typeAtEnd(page, JUSTIFICATION, ` H${round}.`);
    await page.getByRole('tab', { name: 'Overview' }).click();
  }
  await allSaved(page);
  await expect(conflictDialog(page)).toHaveCount(0);
  await expect(page.getByTestId('save-status')).not.toContainText(`version ${version})`);

  await page.reload();
  await allSaved(page);
  await expect(field(page, RIGHTS)).toHaveValue(/ R1\. R2\. R3\.$/);
  await page.getByRole('tab', { name: 'Harm' }).click();
  await expect(field(page, JUSTIFICATION)).toHaveValue(/ H1\. H2\. H3\.$/);
});

test('defect 2: two tabs of one user share their edits; whichever closes within the debounce, no edit is lost', async ({ openAs }) => {
  const one = await openAs('ana', `${CASE_PATH}/overview`);
  const context = one.context();
  const errors: Error[] = [];
  const openTab = async () => {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => errors.push(error));
    await openCase(tab);
    return tab;
  };
  await waitForMockBackend(one);
  await allSaved(one);
  const two = await openTab();

  // Tab one's edit, then tab two's, then tab one closes before its debounce is over.
  await typeAtEnd(one, RIGHTS, ' typed in tab one.');
  await typeAtEnd(two, QUESTION_1, ' typed in tab two.');
  await one.close();
  await allSaved(two);
  await expect(conflictDialog(two)).toHaveCount(0);
  await expect(field(two, RIGHTS)).toHaveValue(/ typed in tab one\.$/);
  await expect(field(two, QUESTION_1)).toHaveValue(/ typed in tab two\.$/);

  // Now tab two closes within the debounce of its last edit (the last tab of the case): the edit
  // stays on this device and the next tab that opens the case sends it.
  await typeAtEnd(two, QUESTION_2, ' typed in tab two, then closed.');
  // A person closes a tab some milliseconds after the last keystroke at the soonest; by then this
  // device holds the edit (written one task after the keystroke), while the debounce still holds
  // back the save: the tab closes with the edit unsent.
  await expect.poll(() => localDraftText(two), { timeout: 10_000 }).toContain('typed in tab two, then closed.');
  await expect(two.getByTestId('save-status')).toHaveAttribute('data-status', 'pending');
  await two.close();
  const three = await context.newPage();
  three.on('pageerror', (error) => errors.push(error));
  await three.goto(`${CASE_PATH}/overview`);
  await waitForMockBackend(three);
  // Saved means the server holds it: the restored edit was sent (or was already there).
  await allSaved(three);
  await expect(conflictDialog(three)).toHaveCount(0);
  await expect(field(three, RIGHTS)).toHaveValue(/ typed in tab one\.$/);
  await expect(field(three, QUESTION_1)).toHaveValue(/ typed in tab two\.$/);
  await expect(field(three, QUESTION_2)).toHaveValue(/ typed in tab two, then closed\.$/);
  expect(errors).toEqual([]);
});

// Both tabs type within the same moment: each tells the other only what it changed since they last
// agreed (a patch), so neither's keystroke is overwritten by the other's whole content.
test('defect 2: with both tabs open, an edit in one shows in the other and is saved once, with no conflict', async ({ openAs }) => {
  const one = await openAs('ana', `${CASE_PATH}/overview`);
  await waitForMockBackend(one);
  await allSaved(one);
  const two = await one.context().newPage();
  await openCase(two);

  for (const round of [1, 2]) {
    await typeAtEnd(one, RIGHTS, ` one-${round}.`);
    await typeAtEnd(two, QUESTION_1, ` two-${round}.`);
  }
  await allSaved(one);
  await allSaved(two);
  for (const tab of [one, two]) {
    await expect(conflictDialog(tab)).toHaveCount(0);
    await expect(field(tab, RIGHTS)).toHaveValue(/ one-1\. one-2\.$/);
    await expect(field(tab, QUESTION_1)).toHaveValue(/ two-1\. two-2\.$/);
  }
});
