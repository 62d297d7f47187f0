// Issue 12 §7 in the mock backend (as `npm run dev` runs it): two tabs of one browser, Ana in one and
// Rui in the other, on the same case. Each sees the other arrive; Rui's comment shows in Ana's tab
// without a reload, with who made it; Ana typing shows Rui "Ana Kovač is editing", and her save
// reaches Rui's page. The tabs' backends tell each other through a BroadcastChannel, the screens hear
// it through the same event stream the server sends. Axe clean with the live parts on screen.
import { checkA11y, expect, test, waitForMockBackend } from './fixtures';

const TIDEWATER = 'case-tidewater-pledge';

test('two tabs on one case: presence, a comment and a save show in the other tab without a reload', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`/cases/${TIDEWATER}/overview`);
  await waitForMockBackend(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The second tab switches its demo identity to Rui; the first keeps Ana.
  const rui = await context.newPage();
  await rui.goto(`/cases/${TIDEWATER}/overview`);
  await waitForMockBackend(rui);
  await rui.getByLabel('Demo identity').selectOption('rui');
  await expect(rui.getByTestId('case-presence')).toContainText('Ana Kovač has this case open');
  await expect(page.getByTestId('case-presence')).toContainText('Rui Takahashi has this case open');

  const ruiConversation = rui.getByRole('region', { name: 'Conversation' });
  await ruiConversation.getByRole('textbox', { name: 'Add a comment' }).fill('Is the pledge page archived anywhere?');
  await ruiConversation.getByRole('button', { name: 'Comment' }).click();
  await expect(page.getByTestId('live-change')).toContainText('Rui Takahashi commented');
  await expect(page.getByRole('region', { name: 'Conversation' }).getByText('Is the pledge page archived anywhere?')).toBeVisible();
  await checkA11y(page, '/cases/:id with presence and a live notice');

  // Ana types: Rui sees her editing at once, and her saved words on his page.
  const goal = (tab: typeof page) => tab.getByRole('textbox', { name: /The campaign’s goal/ });
  await goal(page).fill('Pledge drive coordinated from one channel; archive link added.');
  await expect(rui.getByTestId('case-presence')).toContainText('Ana Kovač is editing');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(rui.getByTestId('live-change')).toContainText('Ana Kovač saved changes to this case');
  await expect(goal(rui)).toHaveValue('Pledge drive coordinated from one channel; archive link added.');
  await checkA11y(rui, '/cases/:id read-only with a live notice');
});
