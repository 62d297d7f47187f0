// Issue 12 §1-§2 on the real server, two people in two browsers: the reviewer asks a question and
// returns the case with requests pointing at fields; the analyst sees "Returned — 2 requests", goes
// to the field, ticks the requests off, answers in the conversation and submits again; the reviewer
// sees which requests were addressed and the answer. Every screen on the way passes axe.
import { checkA11y } from '../fixtures';
import { createCompleteCase } from './complete-case';
import { expect, test } from './server-fixtures';

test('return with requests: the reviewer asks, the analyst ticks each request off and answers, the reviewer sees it', async ({ signInAs }) => {
  test.setTimeout(300_000);
  const name = `Harbour Relay ${Date.now().toString(36)}`;
  const ana = await signInAs('Ana Kovač');
  const caseId = await createCompleteCase(ana, name);
  await ana.goto(`/cases/${caseId}/overview`);
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  const submitDialog = ana.getByRole('dialog', { name: `Submit “${name}” for review` });
  await submitDialog.getByRole('textbox', { name: /note/i }).fill('First pass; the archive link follows.');
  await submitDialog.getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();

  // The reviewer asks a question and returns the case with two requests.
  const rui = await signInAs('Rui Takahashi', `/review/${caseId}`);
  const ruiConversation = rui.getByRole('region', { name: 'Conversation' });
  await expect(ruiConversation.getByText('First pass; the archive link follows.')).toBeVisible();
  await ruiConversation.getByRole('textbox', { name: 'Add a comment' }).fill('Which archive holds the threats?');
  await ruiConversation.getByRole('button', { name: 'Comment' }).click();
  await expect(ruiConversation.getByText('Which archive holds the threats?')).toBeVisible();
  const decision = rui.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Return to the analyst with comments' }).check();
  await decision.getByRole('textbox', { name: /Comments for the analyst/ }).fill('Close, two things first.');
  await decision.getByRole('button', { name: 'Add a request' }).click();
  await decision.getByRole('textbox', { name: 'Request 1' }).fill('Add the archive link to the physical harm evidence.');
  await decision.getByRole('combobox', { name: 'Field of request 1' }).click();
  await rui.getByRole('option', { name: 'Physical: evidence' }).click();
  await decision.getByRole('button', { name: 'Add a request' }).click();
  await decision.getByRole('textbox', { name: 'Request 2' }).fill('Say who else runs the second account.');
  await checkA11y(rui, '/review/:caseId with the requests form');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(rui.getByTestId('review-outcome')).toContainText('Return to the analyst with comments');

  // The analyst: the banner, the way to the field, the ticks, the answer.
  await ana.reload();
  const requests = ana.getByTestId('return-requests');
  await expect(requests).toContainText('Returned — 2 requests · 0 of 2 addressed');
  await expect(ana.getByRole('region', { name: 'Conversation' }).getByText('Which archive holds the threats?')).toBeVisible();
  await checkA11y(ana, '/cases/:id returned with requests');
  await requests.getByRole('button', { name: 'Go to the field: Add the archive link to the physical harm evidence.' }).click();
  await expect(ana).toHaveURL(new RegExp(`/cases/${caseId}/harm$`));
  // The focus lands in the physical harm's evidence list.
  await expect(ana.locator('#field-harm--physical--evidence :focus')).toHaveCount(1);
  await requests.getByRole('checkbox', { name: 'Add the archive link to the physical harm evidence.' }).check();
  await expect(requests).toContainText('1 of 2 addressed');
  await requests.getByRole('checkbox', { name: 'Say who else runs the second account.' }).check();
  await expect(requests).toContainText('2 of 2 addressed');
  const anaConversation = ana.getByRole('region', { name: 'Conversation' });
  await anaConversation.getByRole('textbox', { name: 'Add a comment' }).fill('The archive is the harbour authority’s incident log.');
  await anaConversation.getByRole('textbox', { name: 'Add a comment' }).press('Control+Enter');
  await expect(anaConversation.getByText('The archive is the harbour authority’s incident log.')).toBeVisible();
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  await ana.getByRole('dialog', { name: `Submit “${name}” for review` }).getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();

  // The reviewer sees what was addressed, and the answer.
  await rui.reload();
  await expect(rui.getByTestId('return-requests')).toContainText('Requests of the last return: 2 of 2 addressed');
  await expect(rui.getByRole('region', { name: 'Conversation' }).getByText('The archive is the harbour authority’s incident log.')).toBeVisible();
  await checkA11y(rui, '/review/:caseId after the requests were addressed');
});
