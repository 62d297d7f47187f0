// Issue 15 §1: no screen scrolls sideways. Every screen of the mock backend's workbench, as an analyst
// and as a reviewer, at 1440, 900 and 390 px: the document is never wider than the window (wide tables
// scroll inside their own frame). On failure the message names the elements that stick out. 900 px is
// the narrowest window with the full top bar and row layouts (md), where the case list's filters were
// 915 px wide (issue 15 §1).
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSidewaysScroll, test, waitForMockBackend } from './fixtures';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/activity');

const ANALYST_SCREENS = [
  '/cases',
  '/cases/case-grey-meridian/overview',
  '/cases/case-grey-meridian/harm',
  '/cases/case-grey-meridian/evidence',
  '/cases/case-grey-meridian/accounts',
  '/designations/case-grey-meridian',
  '/designations/case-ashfall-syndicate',
  '/designations/case-tidewater-pledge',
  '/designations/case-grey-meridian/report',
  '/audit',
  '/import',
] as const;

const REVIEWER_SCREENS = ['/review', '/review?queue=due', '/review/case-copper-lantern', '/review/case-ashfall-syndicate'] as const;

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('h1').first(), `${path} shows its heading`).toBeVisible();
  // Lists and panels that load after the heading (not 'networkidle': the live stream stays open).
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

for (const width of [1440, 900, 390]) {
  test(`no screen scrolls sideways at ${width} px`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/cases');
    await waitForMockBackend(page);
    for (const path of ANALYST_SCREENS) {
      await visit(page, path);
      await test.step(`${path} at ${width} px`, () => expectNoSidewaysScroll(page));
      // The case's four tabs fit from 900 px up: no scroll arrows beside them, whichever tab is open (issue 15 §8).
      if (width >= 900 && path.startsWith('/cases/')) {
        const caseTabs = page.locator('.MuiTabs-root', { has: page.getByRole('tablist', { name: 'Case sections' }) });
        await expect(caseTabs.getByRole('tab')).toHaveCount(4);
        await expect(caseTabs.locator('.MuiTabs-scrollButtons'), `${path}: scroll arrows beside the case tabs`).toHaveCount(0);
      }
    }
    // The case history open, and an import's results.
    await visit(page, '/cases/case-grey-meridian/overview');
    await page.getByRole('button', { name: /History of this case/ }).click();
    await expect(page.locator('#case-history li').first()).toBeVisible();
    await test.step(`case history at ${width} px`, () => expectNoSidewaysScroll(page));
    await visit(page, '/cases/case-tidewater-pledge/import');
    await page.getByTestId('activity-file-input').setInputFiles(resolve(FIXTURES, 'coordinated.csv'));
    await page.getByRole('button', { name: 'Start import' }).click();
    await expect(page.getByTestId('import-summary')).toBeVisible();
    await test.step(`import results at ${width} px`, () => expectNoSidewaysScroll(page));

    // Below 900 px the identity picker is in the top bar's menu (issue 15 §7).
    if (width < 900) await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByLabel('Demo identity').selectOption('rui');
    if (width < 900) await page.keyboard.press('Escape');
    for (const path of REVIEWER_SCREENS) {
      await visit(page, path);
      await test.step(`${path} at ${width} px`, () => expectNoSidewaysScroll(page));
    }
  });
}
