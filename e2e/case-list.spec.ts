// The case list's search keeps every character typed, however fast (it dropped some: "abc def" became
// "adf", because the box followed the URL, which changes a moment after each key press).
import { expect, test } from './fixtures';

test('the case search keeps every character typed at full speed', async ({ page }) => {
  await page.goto('/cases');
  const search = page.getByRole('searchbox', { name: 'Search by name' });
  await search.pressSequentially('grey meridian', { delay: 0 });
  await expect(search).toHaveValue('grey meridian');
  await expect(page).toHaveURL(/[?&]q=grey(\+|%20)meridian/);
  await expect(page.getByRole('link', { name: 'Grey Meridian' })).toBeVisible();
});
