// Issue 15 §7, small screens, at 390 × 844: the top bar is one line (it took 265 px), its menu holds
// the navigation and the settings and works by keyboard; the case page's bottom bar shows the live
// verdict and opens the panel without covering the page; the evidence board's cards show their
// account handles whole. At 1440 px the top bar is as before. Axe and no sideways scroll in each state.
import type { Locator, Page } from '@playwright/test';
import { checkA11y, expect, expectNoSidewaysScroll, test, waitForMockBackend } from './fixtures';

const PHONE = { width: 390, height: 844 };
/** A draft of Ana's (editable: its cards have their actions) and a designated case with five accounts on a card. */
const DRAFT = 'case-tidewater-pledge';
const DESIGNATED = 'case-grey-meridian';

async function topBarHeight(page: Page): Promise<number> {
  const box = await page.getByRole('banner').boundingBox();
  if (!box) throw new Error('no top bar');
  test.info().annotations.push({ type: 'top bar height', description: `${box.height} px at ${page.viewportSize()?.width ?? '?'} px` });
  return box.height;
}

async function openCase(page: Page, caseId: string, tab: string): Promise<void> {
  await page.goto(`/cases/${caseId}/${tab}`);
  // The case screen's code and texts load on the first visit: patience on a busy machine.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

/** `inner` lies wholly inside `outer` (to half a pixel). */
function expectWithin(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }, what: string) {
  expect(inner.x, `${what}: left`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.y, `${what}: top`).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(inner.x + inner.width, `${what}: right`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(inner.y + inner.height, `${what}: bottom`).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

/** Every account handle on the card, and its actions, lie inside the card and the window, none cut short by an ellipsis. */
async function expectHandlesWhole(card: Locator): Promise<number> {
  await card.scrollIntoViewIfNeeded();
  const cardBox = await card.boundingBox();
  if (!cardBox) throw new Error('no card');
  const viewport = { x: 0, y: 0, width: PHONE.width, height: PHONE.height };
  expectWithin(cardBox, { ...viewport, y: cardBox.y, height: cardBox.height }, 'card in the window');
  const handles = card.getByRole('list', { name: /^Accounts involved/ }).getByRole('listitem');
  const count = await handles.count();
  for (let index = 0; index < count; index += 1) {
    const handle = handles.nth(index);
    const text = (await handle.textContent()) ?? '';
    const box = await handle.boundingBox();
    if (!box) throw new Error(`${text} has no box`);
    expectWithin(box, cardBox, `${text} in its card`);
    expectWithin(box, { ...viewport, y: box.y, height: box.height }, `${text} in the window`);
    // Whole: not shortened to "@meridi…".
    expect(await handle.evaluate((element) => element.scrollWidth <= element.clientWidth), `${text} is shown whole`).toBe(true);
  }
  for (const button of await card.getByRole('button').all()) {
    const box = await button.boundingBox();
    if (!box) throw new Error('an action has no box');
    expectWithin(box, cardBox, `${(await button.getAttribute('aria-label')) ?? 'action'} in its card`);
  }
  return count;
}

test.describe('at 390 × 844', () => {
  test.use({ viewport: PHONE });

  test('the top bar is one line; its menu holds the navigation and the settings, and works by keyboard', async ({ page }) => {
    await page.goto('/cases');
    await waitForMockBackend(page);
    await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    const banner = page.getByRole('banner');
    expect(await topBarHeight(page)).toBeLessThanOrEqual(72);
    // The name, the menu button and the bell; the navigation and the settings are in the menu.
    await expect(banner.getByText('CHA workbench')).toBeVisible();
    await expect(banner.getByRole('button', { name: /^Notifications/ })).toBeVisible();
    await expect(banner.getByRole('navigation')).toHaveCount(0);
    await expect(banner.getByLabel('Demo identity')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await checkA11y(page, '/cases at 390 px');

    const menuButton = banner.getByRole('button', { name: 'Menu' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu).toBeVisible();
    // (Behind the open menu the rest of the page is hidden from assistive technology, the button too.)
    await expect(page.getByRole('button', { name: 'Menu', exact: true, includeHidden: true })).toHaveAttribute('aria-expanded', 'true');
    const navigation = menu.getByRole('navigation', { name: 'Main navigation' });
    for (const link of ['Cases', /^Review queue/, 'Audit trail', 'Import activity']) await expect(navigation.getByRole('link', { name: link })).toBeVisible();
    await expect(menu.getByLabel('Demo identity')).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Reset demo data…' })).toBeVisible();
    await expect(menu.getByLabel('Language')).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await checkA11y(page, 'the menu open at 390 px');

    // Escape closes it and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();

    // Open again, Tab to "Audit trail", Enter: there, the menu closed, the focus on its button.
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    const audit = navigation.getByRole('link', { name: 'Audit trail' });
    for (let presses = 0; presses < 8 && !(await audit.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(audit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/audit$/);
    await expect(menu).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(menuButton).toBeFocused();
    expect(await topBarHeight(page)).toBeLessThanOrEqual(72);
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true });

    test('the case page’s bottom bar shows the live verdict, opens the panel, and covers nothing', async ({ page }) => {
      await page.goto('/cases');
      await waitForMockBackend(page);
      await openCase(page, DRAFT, 'overview');
      expect(await topBarHeight(page)).toBeLessThanOrEqual(72);

      const bar = page.getByRole('button', { name: /^Designation panel: / });
      await expect(bar).toBeVisible();
      // One way to the panel: the header's button is gone.
      await expect(page.getByRole('button', { name: 'Designation panel', exact: true })).toHaveCount(0);
      const name = (await bar.getAttribute('aria-label')) ?? '';
      const verdict = name.replace(/^Designation panel: /, '');
      expect(['Designation recommended', 'Not recommended', 'Incomplete']).toContain(verdict);
      await expect(bar).toContainText(verdict);
      // The verdict is read whole, not "Designation reco…".
      expect(await bar.locator('.MuiChip-label').evaluate((label) => label.scrollWidth <= label.clientWidth), 'the verdict is shown whole').toBe(true);

      // The bar covers nothing: at the end of the page, the last of what it shows ends above the bar.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const { contentBottom, barTop } = await page.evaluate(() => {
        const barElement = document.querySelector('[data-testid="verdict-bottom-bar"]');
        const barRegion = barElement?.parentElement ?? null;
        let bottom = 0;
        // Leaves only (text, inputs, icons): a box around them ends with its padding, the room left for the bar.
        for (const element of document.querySelectorAll<HTMLElement>('#main *')) {
          if (barRegion?.contains(element) || element.children.length > 0) continue;
          const rect = element.getBoundingClientRect();
          if (rect.width > 1 && rect.height > 1 && getComputedStyle(element).visibility !== 'hidden') bottom = Math.max(bottom, rect.bottom);
        }
        return { contentBottom: bottom, barTop: barRegion?.getBoundingClientRect().top ?? 0 };
      });
      expect(contentBottom, 'the page ends above the bottom bar').toBeLessThanOrEqual(barTop + 0.5);
      await expectNoSidewaysScroll(page);
      await checkA11y(page, 'case page with the bottom bar at 390 px');

      // One tap opens the panel, with the same verdict.
      await bar.tap();
      const drawer = page.getByRole('dialog', { name: 'Designation' });
      await expect(drawer).toBeVisible();
      const outcome = drawer.getByTestId('verdict-outcome');
      await expect(outcome).toBeVisible();
      await expect(outcome.locator('.MuiAlertTitle-root')).toHaveText(verdict);
      await expectNoSidewaysScroll(page);
      await checkA11y(page, 'the designation panel open at 390 px');
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(bar).toBeFocused();
    });
  });

  test('the signal cards show their account handles whole, inside the card and the window', async ({ page }) => {
    await page.goto('/cases');
    await waitForMockBackend(page);
    for (const caseId of [DRAFT, DESIGNATED]) {
      await openCase(page, caseId, 'evidence');
      const card = page.locator('article[data-signal-id]').first();
      await expect(card).toBeVisible();
      expect(await expectHandlesWhole(card), `${caseId}: a card with handles`).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
      await checkA11y(page, `${caseId} evidence board at 390 px`);
    }
    // The draft's card keeps its actions inside it.
    await openCase(page, DRAFT, 'evidence');
    await expect(page.locator('article[data-signal-id]').first().getByRole('button', { name: /^Edit signal/ })).toBeVisible();
  });
});

test('at 1440 px the top bar shows the navigation inline, as before', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/cases');
  await waitForMockBackend(page);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' })).toBeVisible();
  await expect(banner.getByLabel('Demo identity')).toBeVisible();
  await expect(banner.getByLabel('Language')).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Menu' })).toHaveCount(0);
  expect(await topBarHeight(page)).toBeLessThanOrEqual(80);
  // No bottom bar beside the panel.
  await openCase(page, DRAFT, 'overview');
  await expect(page.getByTestId('designation-panel')).toBeVisible();
  await expect(page.getByTestId('verdict-bottom-bar')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await checkA11y(page, 'case page at 1440 px');
});
