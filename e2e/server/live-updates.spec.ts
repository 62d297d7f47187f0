// Issue 12 §7 on the real server, three people in three browsers, nobody reloading: Ana edits a case
// while Rui has it open (he sees her arrive, "is editing", and her saved words); Samira's review queue
// gains the case the moment Ana submits it; Rui returns it from his review page and Ana's page says so
// and shows the return; his comment mentioning her reaches her bell. The server pushes each change
// as a server-sent event.
import { checkA11y } from '../fixtures';
import { createCompleteCase } from './complete-case';
import { expect, test } from './server-fixtures';

test('live between people: presence, "is editing", a save, the queue and a return show without a reload', async ({ signInAs }) => {
  test.setTimeout(300_000);
  const name = `Quay Signal ${Date.now().toString(36)}`;
  const ana = await signInAs('Ana Kovač');
  const caseId = await createCompleteCase(ana, name);
  await ana.goto(`/cases/${caseId}/overview`);
  await expect(ana.getByRole('heading', { level: 1, name })).toBeVisible();

  const rui = await signInAs('Rui Takahashi', `/cases/${caseId}/overview`);
  await expect(rui.getByTestId('case-presence')).toContainText('Ana Kovač has this case open');
  await expect(ana.getByTestId('case-presence')).toContainText('Rui Takahashi has this case open');
  const samira = await signInAs('Samira Haddad', '/review');
  await expect(samira.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(samira.getByText(name)).toHaveCount(0);

  // Ana edits: Rui sees her editing, then her saved words.
  const purpose = (page: typeof ana) => page.getByRole('textbox', { name: 'Unified purpose', exact: true });
  await purpose(ana).fill('Organises pile-ons against harbour inspectors from one quay-side channel.');
  await expect(rui.getByTestId('case-presence')).toContainText('Ana Kovač is editing');
  await expect(ana.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(rui.getByTestId('live-change')).toContainText('Ana Kovač saved changes to this case');
  await expect(purpose(rui)).toHaveValue('Organises pile-ons against harbour inspectors from one quay-side channel.');
  await checkA11y(rui, '/cases/:id with presence and a live notice (server)');

  // Ana submits: Samira's queue gains the case; Rui's page says it was submitted.
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  await ana.getByRole('dialog', { name: `Submit “${name}” for review` }).getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();
  await expect(samira.getByText(name)).toBeVisible();
  await expect(rui.getByTestId('live-change')).toContainText('Ana Kovač submitted this case for review');

  // Rui returns it from his review page; Ana's page shows the return.
  await rui.goto(`/review/${caseId}`);
  const decision = rui.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Return to the analyst with comments' }).check();
  await decision.getByRole('textbox', { name: /Comments for the analyst/ }).fill('Name the channel, please.');
  await decision.getByRole('button', { name: 'Add a request' }).click();
  await decision.getByRole('textbox', { name: 'Request 1' }).fill('Name the quay-side channel.');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(rui.getByTestId('review-outcome')).toBeVisible();
  await expect(ana.getByTestId('live-change')).toContainText('Rui Takahashi returned this case');
  await expect(ana.getByTestId('return-requests')).toContainText('Returned — 1 request');
  await checkA11y(ana, '/cases/:id returned, told live (server)');

  // Rui mentions Ana in a comment: her bell tells her, without a reload (issue 12 §8).
  const ruiConversation = rui.getByRole('region', { name: 'Conversation' });
  await ruiConversation.getByRole('combobox', { name: 'Mention someone' }).selectOption({ label: 'Ana Kovač' });
  await ruiConversation.getByRole('textbox', { name: 'Add a comment' }).pressSequentially('the channel name is in the harbour log.');
  await expect(ruiConversation.getByTestId('comment-mentions')).toContainText('Mentions Ana Kovač');
  await ruiConversation.getByRole('button', { name: 'Comment' }).click();
  await expect(ana.getByRole('region', { name: 'Conversation' }).getByText('@Ana Kovač the channel name is in the harbour log.')).toBeVisible();
  await ana.getByTestId('notifications-button').click();
  const menu = ana.getByRole('menu', { name: 'Notifications' });
  await expect(menu.getByRole('menuitem', { name: /Rui Takahashi mentioned you: “@Ana Kovač the channel name is in the harbour log\.”/ })).toBeVisible();
  await checkA11y(ana, 'notifications with a mention (server)');
});
