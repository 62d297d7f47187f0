// Issue 15 §5, keyboard only: Ctrl-K finds a case by name and opens it; `g r` goes to the review queue;
// `?` lists every shortcut; `g c`, `j` / `k` and Enter open a case from the list. axe on the palette
// and the cheat sheet.
import { CHEAT_SHEET } from '../src/features/command-palette/cheat-sheet-entries';
import { checkA11y, expect, test, waitForMockBackend } from './fixtures';

test('an analyst works the workbench from the keyboard: palette, go-to keys, cheat sheet, j / k / Enter', async ({ page }) => {
  await page.goto('/cases');
  await waitForMockBackend(page);
  const table = page.getByRole('table', { name: /^Cases, sorted by/ });
  await expect(table.getByRole('link', { name: 'Grey Meridian' })).toBeVisible();

  // Ctrl-K: the palette, its search field focused, the commands listed.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const search = palette.getByRole('combobox', { name: 'Go to a case or run a command' });
  await expect(search).toBeFocused();
  await expect(palette.getByRole('option', { name: 'Review queue' })).toBeVisible();
  // The recently changed cases come after the commands once they have loaded.
  await expect(palette.getByRole('group', { name: 'Recently changed cases' }).getByRole('option').first()).toBeVisible();
  await checkA11y(page, 'the command palette');

  // A case by name: the first match is highlighted; Enter opens it.
  await page.keyboard.type('Grey Meridian');
  const match = palette.getByRole('option', { name: 'Grey Meridian' });
  await expect(match).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await match.getAttribute('id')) ?? 'no id');
  await checkA11y(page, 'the command palette, searching a case');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/case-grey-meridian[^/]*\/overview$/);
  await expect(palette).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();

  // `g r`: the review queue.
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  // `?`: every shortcut, in a dialog that passes axe; Escape closes it.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row')).toHaveCount(CHEAT_SHEET.length + 1);
  await expect(sheet.getByRole('row', { name: /g then r Go to the review queue/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Open the command palette/ })).toContainText('Ctrl + K');
  await checkA11y(page, 'the cheat sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // `g c`, then `j` / `k` through the rows and Enter on the one with the focus.
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/cases$/);
  const links = table.getByRole('link');
  await expect(links.nth(2)).toBeVisible();
  await page.keyboard.press('j');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(links.nth(1)).toBeFocused();
  // The row with the focus is highlighted, beyond the link's own focus ring.
  const focusedRow = table.locator('tr:focus-within');
  await expect(focusedRow).toContainText((await links.nth(1).textContent()) ?? 'no name');
  await expect(focusedRow).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  const href = await links.nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href ?? 'no href'}$`));
});

test('shortcuts stay out of the way while one types: a text field takes `g`, `c`, `j`, `k` and `?`, and Ctrl-K does not open the palette', async ({ page }) => {
  await page.goto('/cases');
  await waitForMockBackend(page);
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a new case' });
  const name = dialog.getByLabel('Name of the group, movement or campaign');
  await name.focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('gc gr jk?');
  await expect(name).toHaveValue('gc gr jk?');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Back on the page, the same keys are shortcuts again.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
