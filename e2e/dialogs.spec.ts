// Issue 15 §8: a dialog taller than the screen scrolls its content between a title and actions that
// stay in view (the new-case dialog's "Open case" was cut off at 900 px).
import { expect, test } from './fixtures';

test('the new-case dialog keeps its title and actions in view on a short screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 560 });
  await page.goto('/cases');
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'New case' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Open case' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
});
