// Issue 16 §4, cross-case pivots: @meridian_echo is named by the Tidewater draft and by the Grey
// Meridian designation. The draft's page lists it under "Shared with other cases", the account page
// lists both cases, and the designation record marks the account in its accounts table. By keyboard,
// axe clean, no sideways scroll at 1440 and 390 px.
import { checkA11y, expect, expectNoSidewaysScroll, test, waitForMockBackend } from './fixtures';

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`an account in two cases is marked on both and has a page of its own at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/cases/case-tidewater-pledge');
    await waitForMockBackend(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    const panel = page.getByRole('region', { name: 'Shared with other cases' });
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveText('@meridian_echo in 1 other case, 1 designation: Grey Meridian (designation in force)');
    // The same copy-pasta, compared in the co-post detector's normal form (lower case).
    await expect(panel.getByRole('list', { name: 'Texts posted alike' }).getByRole('listitem')).toHaveText(
      '“tonight’s list is up. every account on it gets a reply before midnight, no exceptions.” in 1 other case, 1 designation: Grey Meridian (designation in force)',
    );
    await expectNoSidewaysScroll(page);
    await checkA11y(page, `the case page with accounts in other cases at ${viewport.width} px`);

    // By keyboard to the account page.
    const accountLink = panel.getByRole('link', { name: '@meridian_echo' });
    await accountLink.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/accounts\/meridian_echo$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Account @meridian_echo' })).toBeVisible({ timeout: 30_000 });
    const table = page.getByRole('table', { name: 'Cases naming @meridian_echo' });
    await expect(table.getByRole('rowheader')).toHaveText(['Grey Meridian', 'Tidewater Pledge Push']);
    await expectNoSidewaysScroll(page);
    await checkA11y(page, `the account page at ${viewport.width} px`);

    // The designation record marks the account in its accounts table, and the mark leads back here.
    await table.getByRole('link', { name: 'Grey Meridian' }).click();
    await expect(page).toHaveURL(/\/designations\/case-grey-meridian$/);
    const row = page.getByTestId('account-row-meridian_echo');
    const mark = row.getByRole('link', { name: '@meridian_echo appears in 1 other case: open the account’s page' });
    await expect(mark).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page);
    await checkA11y(page, `the designation record's account marks at ${viewport.width} px`);
    await mark.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account @meridian_echo' })).toBeVisible();
  });
}
