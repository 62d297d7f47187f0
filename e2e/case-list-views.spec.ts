// Issue 15 §6, the case list's productivity, in the browser: a column sorted with the highest first,
// the "Overdue review" badge, a view saved by keyboard, applied by one click and opened as a link in
// another tab, "Clear filters" keeping the sort, a removed view gone after a reload, and a corrupt
// saved-views entry that leaves the page working.
import type { Page } from '@playwright/test';
import { checkA11y, expect, test, waitForMockBackend } from './fixtures';

const VIEWS_KEY = 'cha.case-list-views.ana';

function bodyRows(page: Page) {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
}

test('an analyst sorts by priority, saves a view, applies it from anywhere, opens its link, and removes it', async ({ page, context }) => {
  await page.goto('/cases');
  await waitForMockBackend(page);
  await expect(page.getByRole('link', { name: 'Copper Lantern Collective' })).toBeVisible();

  // Priority: highest first on the first click, said by aria-sort on the header.
  await page.getByRole('button', { name: 'Priority (R11)' }).click();
  await expect(page.getByRole('columnheader', { name: 'Priority (R11)' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=priority&dir=desc/);
  await expect(bodyRows(page).first()).toContainText('Grey Meridian');

  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Designated' });
  await expect(bodyRows(page)).toHaveCount(2);
  // Ashfall's 90-day review was due ten days ago; Grey Meridian's is weeks away.
  await expect(bodyRows(page).filter({ hasText: 'Ashfall Syndicate' }).getByText('Overdue review')).toBeVisible();
  await expect(bodyRows(page).filter({ hasText: 'Grey Meridian' }).getByText('Overdue review')).toHaveCount(0);

  // Save the view by keyboard.
  const views = page.getByRole('region', { name: 'Saved views' });
  await views.getByRole('button', { name: 'Save view…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await expect(dialog.getByRole('textbox', { name: /Name of the view/ })).toBeFocused();
  await checkA11y(page, '/cases, saving a view');
  await page.keyboard.type('Designations by priority');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const view = views.getByRole('link', { name: 'Designations by priority' });
  await expect(view).toHaveAttribute('aria-current', 'page');
  await expect(views.getByRole('status')).toHaveText('View “Designations by priority” saved.');
  await checkA11y(page, '/cases with a saved view');

  // "Clear filters" keeps the sort; one click on the view brings its filters back.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bodyRows(page)).toHaveCount(6);
  await expect(page).toHaveURL(/sort=priority&dir=desc/);
  await expect(page).not.toHaveURL(/status=/);
  await expect(view).not.toHaveAttribute('aria-current');
  await view.click();
  await expect(page).toHaveURL(/\/cases\?status=designated&sort=priority&dir=desc$/);
  await expect(bodyRows(page)).toHaveCount(2);

  // A view is a link: another tab opens it as it is.
  const href = await view.getAttribute('href');
  const other = await context.newPage();
  await other.goto(href ?? '/cases');
  await expect(other.getByRole('table').getByRole('row').filter({ has: other.getByRole('cell') })).toHaveCount(2);
  await expect(other.getByRole('columnheader', { name: 'Priority (R11)' })).toHaveAttribute('aria-sort', 'descending');
  await expect(other.getByRole('region', { name: 'Saved views' }).getByRole('link', { name: 'Designations by priority' })).toHaveAttribute('aria-current', 'page');
  await other.close();

  // Kept in this browser across a reload; removed, it stays removed.
  await page.reload();
  await expect(view).toBeVisible();
  await views.getByRole('button', { name: 'Remove the view “Designations by priority”' }).click();
  await expect(view).toHaveCount(0);
  await expect(views.getByRole('button', { name: 'Save view…' })).toBeFocused();
  await page.reload();
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(views.getByText('None yet: set filters and a sort, then save them as a view.')).toBeVisible();
});

test('a corrupt saved-views entry is ignored: the list and the other views still work', async ({ page }) => {
  await page.goto('/cases');
  await waitForMockBackend(page);
  await page.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ version: 1, views: [{ name: 'Drafts A to Z', params: 'status=draft&sort=name&dir=asc' }, { name: 7 }, 'junk'] }));
  }, VIEWS_KEY);
  await page.reload();
  const views = page.getByRole('region', { name: 'Saved views' });
  await expect(views.getByRole('link')).toHaveText(['Drafts A to Z']);
  await views.getByRole('link', { name: 'Drafts A to Z' }).click();
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(bodyRows(page).first()).toContainText('Clearwater Rivers Awareness Week');

  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"views":[oops'), VIEWS_KEY);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Clearwater Rivers Awareness Week' })).toBeVisible();
  await expect(views.getByRole('link')).toHaveCount(0);
});
