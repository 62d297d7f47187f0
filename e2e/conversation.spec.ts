// Issue 12 in the mock backend (as `npm run dev` runs it), two users of one store: the conversation
// and a return's requests fit a phone's width (no sideways scrolling) and pass axe at 390 and 1440 px;
// the notifications bell opens by keyboard and passes axe; on a phone the decision bar stays in view.
import { checkA11y, expect, expectNoSidewaysScroll, test, waitForMockBackend } from './fixtures';

const COPPER = 'case-copper-lantern';

test('the conversation and a return’s requests at 390 and 1440 px: no sideways scrolling, axe clean', async ({ openAs }) => {
  test.setTimeout(180_000);
  const rui = await openAs('rui', `/review/${COPPER}`);
  await waitForMockBackend(rui);
  const conversation = rui.getByRole('region', { name: 'Conversation' });
  const longWord = 'https://example.org/'.padEnd(180, 'x');
  await conversation.getByRole('textbox', { name: 'Add a comment' }).fill(`Which archive is this from? ${longWord}`);
  await conversation.getByRole('button', { name: 'Comment' }).click();
  await expect(conversation.getByText('Which archive is this from?', { exact: false })).toBeVisible();
  const decision = rui.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Return to the analyst with comments' }).check();
  await decision.getByRole('textbox', { name: /Comments for the analyst/ }).fill('One thing first.');
  await decision.getByRole('button', { name: 'Add a request' }).click();
  await decision.getByRole('textbox', { name: 'Request 1' }).fill(`Rate the informational harm again ${longWord}`);
  await decision.getByRole('combobox', { name: 'Field of request 1' }).click();
  await rui.getByRole('option', { name: 'Informational: severity' }).click();
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(rui.getByTestId('review-outcome')).toBeVisible();

  const ana = await openAs('ana', `/cases/${COPPER}/overview`);
  await waitForMockBackend(ana);
  for (const width of [1440, 390]) {
    await ana.setViewportSize({ width, height: 900 });
    await ana.reload();
    await waitForMockBackend(ana);
    await expect(ana.getByTestId('return-requests')).toContainText('0 of 1 addressed');
    await expect(ana.getByRole('region', { name: 'Conversation' }).getByText('Which archive is this from?', { exact: false })).toBeVisible();
    await expectNoSidewaysScroll(ana);
    await checkA11y(ana, `/cases/:id returned, ${width} px`);
    await rui.setViewportSize({ width, height: 900 });
    await rui.reload();
    await waitForMockBackend(rui);
    await expect(rui.getByTestId('return-requests')).toContainText('Returned — 1 request');
    await expectNoSidewaysScroll(rui);
    await checkA11y(rui, `/review/:id returned, ${width} px`);
  }
  await ana.getByTestId('return-requests').screenshot({ path: test.info().outputPath('return-requests-390.png') });

  // The bell (issue 12 §8): the reviewer's designations due, opened by keyboard, axe clean.
  const bell = rui.getByTestId('notifications-button');
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await bell.focus();
  await rui.keyboard.press('Enter');
  const menu = rui.getByRole('menu', { name: 'Notifications' });
  await expect(menu.getByRole('menuitem', { name: /is due for its periodic review \(R17\)/ }).first()).toBeVisible();
  await checkA11y(rui, 'notifications menu');
  await rui.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});

test('the decision bar on a phone: in view while the case scrolls by, a choice goes to the rationale; axe clean (issue 12 §4)', async ({ page }) => {
  await page.goto(`/review/${COPPER}`);
  await waitForMockBackend(page);
  // The identity picker is in the top bar on a wide screen (in the menu on a phone, issue 15 §7).
  await page.getByLabel('Demo identity').selectOption('rui');
  await page.setViewportSize({ width: 390, height: 844 });
  const bar = page.getByRole('region', { name: 'Decide this case' });
  await expect(bar).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Decision' })).not.toBeInViewport();
  await checkA11y(page, '/review/:id at 390 px with the decision bar');
  await bar.getByRole('button', { name: 'Return' }).click();
  const comments = page.getByRole('textbox', { name: /Comments for the analyst/ });
  await expect(comments).toBeFocused();
  await expect(comments).toBeInViewport();
  await expect(page.getByRole('radio', { name: 'Return to the analyst with comments' })).toBeChecked();
  await expectNoSidewaysScroll(page);
});
