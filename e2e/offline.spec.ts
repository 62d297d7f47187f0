// Issue 14 defect 9: once the app has loaded, a lost network costs no screen and no text. The app
// shell's service worker (src/app/app-shell-worker.ts; here the msw build's, which holds MSW's worker
// too) serves code, translations and index.html from its precache; screens say "offline" while data
// waits, and come back by themselves, without a reload, when the network returns.
import type { Page } from '@playwright/test';
import { checkA11y, expect, test, waitForAppShellCache, waitForMockBackend } from './fixtures';

const CASE = 'case-clearwater-week';
const OFFLINE_BANNER = 'You are offline. Screens open from this device; their data loads again when the network returns.';

/** Patience for a first render and for data after the network returns (2 cores shared by many). */
const SLOW = { timeout: 30_000 };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** A mark on the page's window: still there later means the page was not reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __offlineMark: 'kept' }));
}
async function pageMark(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __offlineMark?: string }).__offlineMark);
}

test('a case opened by link, then offline, then Cases: translated texts, "offline", no pretend pager; back online the list loads', async ({
  page,
  context,
}) => {
  test.slow(); // a first visit, offline and back, and axe: several page loads on a shared machine
  await page.goto(`/cases/${CASE}/overview`);
  await waitForMockBackend(page);
  await waitForAppShellCache(page);
  await expect(page.getByRole('heading', { level: 1, name: /Clearwater/ })).toBeVisible(SLOW);
  await markPage(page);

  await context.setOffline(true);
  await nav(page).getByRole('link', { name: 'Cases' }).click();

  // The case list's texts come from the precache: no raw keys.
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New case' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Actor' })).toBeVisible();
  await expect(page.getByText(/list\.|LIST\./)).toHaveCount(0);
  // No data yet, and the page says why instead of pretending the list is empty.
  await expect(page.getByText('You are offline: the cases show when the network returns.')).toBeVisible();
  await expect(page.getByText(/0–0 of 0/)).toHaveCount(0);
  await checkA11y(page, '/cases offline');

  await context.setOffline(false);
  await expect(page.getByRole('link', { name: 'Grey Meridian' })).toBeVisible(SLOW);
  await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
  await expect(page.getByText(OFFLINE_BANNER)).toHaveCount(0);
  await expect(page.getByText('You are offline: the cases show when the network returns.')).toHaveCount(0);
  expect(await pageMark(page)).toBe('kept');
});

test('a screen not loaded yet opens offline, says "offline", and shows its data when the network returns', async ({ page, context }) => {
  test.slow(); // a first visit, offline and back, and axe: several page loads on a shared machine
  await page.goto('/cases');
  await waitForMockBackend(page);
  await waitForAppShellCache(page);
  await expect(page.getByRole('link', { name: 'Grey Meridian' })).toBeVisible(SLOW);
  await markPage(page);

  await context.setOffline(true);
  // The audit trail's code and texts have never been used on this page.
  await nav(page).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible(SLOW);
  await expect(page.getByText('You are offline. This screen appears by itself when the network returns.')).toBeVisible();
  await expect(page.getByText('This part of the page failed')).toHaveCount(0);
  await checkA11y(page, '/audit offline');

  await context.setOffline(false);
  await expect(page.getByTestId('audit-event').first()).toBeVisible(SLOW);
  await expect(page.getByText(/You are offline/)).toHaveCount(0);
  expect(await pageMark(page)).toBe('kept');
});

test('a reload while offline shows the app from the precache, and its data once the network returns', async ({ page, context }) => {
  test.slow(); // a first visit, offline and back, and axe: several page loads on a shared machine
  await page.goto('/cases');
  await waitForMockBackend(page);
  await waitForAppShellCache(page);
  await expect(page.getByRole('link', { name: 'Grey Meridian' })).toBeVisible(SLOW);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
  await expect(page.getByText('You are offline: the cases show when the network returns.')).toBeVisible();
  await checkA11y(page, '/cases reloaded offline');

  // A deep link to a screen of the app opens too (index.html for app routes, from the precache).
  await page.goto(`/cases/${CASE}/overview`);
  await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: /Clearwater/ })).toBeVisible(SLOW);
  await nav(page).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('link', { name: 'Grey Meridian' })).toBeVisible(SLOW);
});
