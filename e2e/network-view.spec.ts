// Issue 16 §3 in the browser: the network view of an import — "Show in the network" frames the
// cluster, a detector filter, the table view, an account drawer opened and closed by keyboard with
// the account's posts, the exports — axe clean at 1440 px and at 390 px.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { checkA11y, expect, expectNoSidewaysScroll, test } from './fixtures';

const CASE_ID = 'case-tidewater-pledge';
const FIXTURE = resolve(import.meta.dirname, 'fixtures/activity/coordinated.csv');

async function importFixture(page: Page): Promise<void> {
  await page.goto(`/cases/${CASE_ID}/import`);
  await page.getByTestId('activity-file-input').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('2,901 rows read');
}

test.describe('at 1440 px', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('frame a cluster, filter, read the table, open an account by keyboard, export', async ({ page }) => {
    await importFixture(page);
    const list = page.getByRole('list', { name: 'Clusters, highest score first' });
    const first = list.getByRole('article').first();
    const clusterId = await first.getAttribute('data-cluster-id');
    await first.getByRole('button', { name: 'Show in the network' }).click();
    await expect(page).toHaveURL(new RegExp(`view=network&cluster=${clusterId}`));
    const canvas = page.getByRole('figure', { name: /Network of 3 clusters and 12 accounts/ });
    await expect(canvas.locator('canvas').first()).toBeAttached();
    // The view is framed on the cluster once the canvas is drawn.
    await expect(canvas).toHaveAttribute('data-framed', clusterId ?? '');
    await expect(page.getByTestId('network-selection')).toHaveText('Selected: cluster 1, 5 accounts, score 1.00.');
    await checkA11y(page, 'network view');

    // The canvas pans and zooms from the keyboard, and "Fit to view" frames everything.
    await canvas.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await expect(canvas).toHaveAttribute('data-framed', '');

    // A detector filter.
    const detectors = page.getByRole('group', { name: 'Links by detector' });
    const boxes = detectors.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    await boxes.first().uncheck();
    await expect(page.locator('#import-network-summary')).toContainText('The filters show');
    await page.getByRole('button', { name: 'Show all links' }).click();
    await expect(page.locator('#import-network-summary')).not.toContainText('The filters show');

    // Exports.
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GEXF (Gephi)' }).click()]);
    expect(gexf.suggestedFilename()).toBe(`network-${CASE_ID}.gexf`);
    const xml = readFileSync(await gexf.path(), 'utf8');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml.match(/<node /g)).toHaveLength(12);
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GraphML' }).click()]);
    expect(graphml.suggestedFilename()).toBe(`network-${CASE_ID}.graphml`);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG image' }).click()]);
    expect(png.suggestedFilename()).toBe(`network-${CASE_ID}.png`);
    expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');

    // The table view: the selected cluster's accounts.
    await page.getByRole('button', { name: 'Table' }).click();
    await expect(canvas).toBeHidden();
    const table = page.getByRole('table', { name: 'Accounts of the network, by cluster' });
    await expect(table.getByRole('row')).toHaveCount(6);
    await checkA11y(page, 'network table');

    // An account opened by keyboard: the focus moves into the drawer, Escape closes it and the focus returns.
    const open = table.getByRole('button', { name: /^Open @/ }).first();
    const name = ((await open.getAttribute('aria-label')) ?? '').replace(/^Open /, '');
    await open.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toBeVisible();
    await expect.poll(() => drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await expect(drawer.getByRole('list', { name: `Accounts linked to ${name}` })).toBeVisible();
    // The file was read in this session: the account's posts, with their co-actions.
    await expect(drawer.getByRole('list', { name: `Posts of ${name}` })).toBeVisible();
    await expect(drawer.getByText(/\d+ posts, \d+ with co-actions\./)).toBeVisible();
    await checkA11y(page, 'account drawer');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(open).toBeFocused();
  });
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the network view, its table and the account drawer fit a phone', async ({ page }) => {
    await importFixture(page);
    await page.getByRole('tab', { name: 'Network' }).click();
    const canvas = page.getByRole('figure', { name: /Network of 3 clusters and 12 accounts/ });
    await expect(canvas).toHaveAttribute('data-framed', '');
    await expectNoSidewaysScroll(page);
    await checkA11y(page, 'network view at 390 px');
    await page.getByRole('button', { name: 'Table' }).click();
    const table = page.getByRole('table', { name: 'Accounts of the network, by cluster' });
    await expect(table.getByRole('row')).toHaveCount(13);
    await checkA11y(page, 'network table at 390 px');
    await table.getByRole('button', { name: /^Open @/ }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await checkA11y(page, 'account drawer at 390 px');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
  });
});
