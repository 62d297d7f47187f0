// Issue 16 §2: the case timeline on the designation record and on the case page — a chart with a
// lane per track (signals, harm evidence, decisions, enforcement, periodic reviews) and the same
// entries as a table, reached by keyboard; axe clean and no sideways scroll at 1440 and 390 px.
import { checkA11y, expect, expectNoSidewaysScroll, test, waitForMockBackend } from './fixtures';

/** Designated, with an expired visibility limit (R15) and a periodic review due (R17). */
const DESIGNATED = 'case-grey-meridian';

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`the designation record and the case page show the case timeline at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/designations/${DESIGNATED}`);
    await waitForMockBackend(page);
    const section = page.getByRole('region', { name: 'Case timeline' });
    await expect(section).toBeVisible({ timeout: 30_000 });
    const chart = section.getByRole('figure', { name: /^Case timeline from .+ to .+ with \d+ entries/ });
    await expect(chart).toBeVisible();
    for (const lane of ['Coordination signals (R1-R2)', 'Harm evidence (R5-R6)', 'Enforcement (R14-R15)', 'Periodic reviews (R17)']) {
      await expect(chart.getByText(lane)).toBeVisible();
    }
    await expectNoSidewaysScroll(page);
    await checkA11y(page, `the designation record's timeline at ${viewport.width} px`);
    // For a reviewer of a change: how the chart looks (in the run's report).
    const shot = test.info().outputPath(`timeline-${viewport.width}px.png`);
    await section.screenshot({ path: shot });
    await test.info().attach(`timeline-${viewport.width}px`, { path: shot, contentType: 'image/png' });

    // The table view by keyboard: the same entries in words, the limit with its expiry.
    const tableButton = section.getByRole('button', { name: 'Table' });
    await tableButton.focus();
    await page.keyboard.press('Enter');
    const table = section.getByRole('table', { name: 'Case timeline' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: /Limit visibility: \d+ actions?/ }).first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: /Approved by / })).not.toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await checkA11y(page, `the designation record's timeline as a table at ${viewport.width} px`);

    // The case page has the same timeline below the tabs.
    await page.goto(`/cases/${DESIGNATED}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    const onCase = page.getByRole('region', { name: 'Case timeline' });
    await onCase.scrollIntoViewIfNeeded();
    await expect(onCase.getByRole('figure', { name: /^Case timeline from/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
}
