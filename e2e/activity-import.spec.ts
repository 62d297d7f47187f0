// Issue 6 in the browser: an analyst imports platform activity into a draft case, watches the
// progress bar, adds a detected cluster to the evidence board and finds it there and in the network
// view (also after a reload, from IndexedDB); a malformed file shows its errors; axe stays clean.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

const CASE_ID = 'case-tidewater-pledge';
const FIXTURES = resolve(import.meta.dirname, 'fixtures/activity');

/** Records whether a determinate progress bar was ever on the page (an import can be quick). */
async function watchProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { value: false };
    (window as unknown as { __progressSeen: typeof seen }).__progressSeen = seen;
    const check = () => {
      if (document.querySelector('[role="progressbar"][aria-valuenow]')) seen.value = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function progressBarWasShown(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __progressSeen: { value: boolean } }).__progressSeen.value);
}

test('import a CSV, add a cluster to the evidence board, find it on the board and in the network', async ({ page }) => {
  await page.goto('/import');
  await page.getByRole('link', { name: /Import into Tidewater Pledge Push/ }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${CASE_ID}/import$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Import activity into Tidewater Pledge Push' })).toBeVisible();
  await checkA11y(page, 'import page');

  await page.getByTestId('activity-file-input').setInputFiles(resolve(FIXTURES, 'coordinated.csv'));
  await expect(page.getByTestId('detected-format')).toHaveText('Detected format: CSV');
  await watchProgressBar(page);
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('2,901 rows read, 2,901 imported, 0 skipped');
  expect(await progressBarWasShown(page)).toBe(true);

  const list = page.getByRole('list', { name: 'Clusters, highest score first' });
  await expect(list.getByRole('article')).toHaveCount(3);
  const first = list.getByRole('article').first();
  await expect(first).toContainText('Cluster 1');
  await expect(first).toContainText('@amplifier_0');
  await checkA11y(page, 'import results');

  await first.getByRole('button', { name: 'Add to evidence board' }).click();
  await expect(first.getByRole('link', { name: 'Open on the evidence board' })).toBeVisible();
  const clusterId = await first.getAttribute('data-cluster-id');
  expect(clusterId).toMatch(/^cluster-[0-9a-f]{16}$/);

  // The network view: select the cluster from the list, the graph follows.
  await page.getByRole('tab', { name: 'Network' }).click();
  const canvas = page.getByRole('figure', { name: /Network of 3 clusters and 12 accounts/ });
  await expect(canvas).toBeVisible();
  await expect(canvas.locator('canvas').first()).toBeAttached();
  await page.getByRole('list', { name: 'Clusters, highest score first' }).getByRole('article').first().getByRole('button', { name: 'Show in the network' }).click();
  await expect(page.getByTestId('network-selection')).toHaveText('Selected: cluster 1, 5 accounts, score 1.00.');
  await expect(page).toHaveURL(new RegExp(`view=network&cluster=${clusterId}`));
  await checkA11y(page, 'network view');

  // On the board.
  await page.getByRole('link', { name: 'Open on the evidence board' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/cases/${CASE_ID}/evidence$`));
  const card = page.locator('article', { hasText: '@amplifier_' });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Coordinated reposting');

  // Board -> network after a reload: the import is kept in IndexedDB.
  await page.goto(`/cases/${CASE_ID}/import?view=network&cluster=${clusterId}`);
  await expect(page.getByTestId('network-selection')).toHaveText('Selected: cluster 1, 5 accounts, score 1.00.');
  await expect(page.getByRole('list', { name: 'Clusters, highest score first' }).getByRole('article').first()).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('list', { name: 'Clusters, highest score first' }).getByText('On the evidence board', { exact: true })).toBeVisible();
});

test('a malformed file shows its invalid rows and offers them all as CSV', async ({ page }) => {
  await page.goto(`/cases/${CASE_ID}/import`);
  await page.getByTestId('activity-file-input').setInputFiles(resolve(FIXTURES, 'malformed.csv'));
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('8 rows read, 3 imported, 5 skipped');
  const table = page.getByRole('table', { name: 'Invalid rows of the file' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table).toContainText('not a timestamp');
  await expect(table).toContainText('expected 8 fields, found 6');
  await checkA11y(page, 'import with invalid rows');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await checkA11y(page, 'import with invalid rows, dark theme');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all errors (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe(`import-errors-${CASE_ID}.csv`);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('"row","field","reason","outcome","code"');
  expect(lines).toHaveLength(7);
});

test('an empty or binary file gets a message, never a crash', async ({ page }) => {
  await page.goto(`/cases/${CASE_ID}/import`);
  const input = page.getByTestId('activity-file-input');
  await input.setInputFiles(resolve(FIXTURES, 'binary.csv'));
  await expect(page.getByTestId('import-file-error')).toContainText('The file is not text');
  await expect(page.getByRole('button', { name: 'Start import' })).toBeDisabled();
  await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(page.getByTestId('import-file-error')).toContainText('The file is empty.');
  await checkA11y(page, 'import file error');
});
