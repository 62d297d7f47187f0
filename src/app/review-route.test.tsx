// Issue 12 §1-§2 on the reviewer's page as the app composes it: the conversation (a comment sent with
// Ctrl+Enter, kept when the send fails) and a return with requests pointing at fields.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callApi, setApiUser } from '../api/client/http-client';
import { renderWithProviders } from '../test/render';
import { ReviewRoute } from './review-route';

const COPPER = 'case-copper-lantern';
const routes = [{ path: '/review/:caseId', element: <ReviewRoute /> }];

describe('the reviewer’s page: conversation and return requests (issue 12)', { timeout: 60_000 }, () => {
  it('a reviewer comments, then returns the case with two requests; both show in the conversation and as a checklist', async () => {
    const { user } = renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'rui' });
    const conversation = await screen.findByRole('region', { name: 'Conversation' });
    expect(await within(conversation).findByText(/submitted the case for review/)).toBeVisible();

    const box = within(conversation).getByRole('textbox', { name: 'Add a comment' });
    await user.type(box, 'Which archive are the screenshots from?');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(conversation).findByText('Which archive are the screenshots from?')).toBeVisible();
    expect(within(conversation).getAllByTestId('conversation-entry').at(-1)).toHaveTextContent(/^Rui Takahashi commented · .*Which archive/);
    await waitFor(() => expect(box).toHaveValue(''));

    const decision = screen.getByRole('region', { name: 'Decision' });
    await user.click(within(decision).getByRole('radio', { name: 'Return to the analyst with comments' }));
    await user.type(within(decision).getByRole('textbox', { name: /Comments for the analyst/ }), 'Two things before I decide.');
    await user.click(within(decision).getByRole('button', { name: 'Add a request' }));
    await user.click(within(decision).getByRole('button', { name: 'Add a request' }));
    // An empty request is refused at its field, and nothing is sent.
    await user.click(within(decision).getByRole('button', { name: 'Record the decision' }));
    expect(await within(decision).findAllByText('Required')).toHaveLength(2);
    await user.type(within(decision).getByRole('textbox', { name: 'Request 1' }), 'Add the archive link to the evidence.');
    await user.click(within(decision).getByRole('combobox', { name: 'Field of request 1' }));
    await user.click(await screen.findByRole('option', { name: 'Physical: evidence' }));
    await user.type(within(decision).getByRole('textbox', { name: 'Request 2' }), 'Say who ran the second account.');
    await user.click(within(decision).getByRole('button', { name: 'Remove request 2' }));
    await user.click(within(decision).getByRole('button', { name: 'Add a request' }));
    await user.type(within(decision).getByRole('textbox', { name: 'Request 2' }), 'Check the rights risk assessment.');
    await user.click(within(decision).getByRole('button', { name: 'Record the decision' }));

    expect(await screen.findByTestId('review-outcome')).toHaveTextContent('Return to the analyst with comments');
    const requests = await screen.findByTestId('return-requests');
    expect(requests).toHaveTextContent('Returned — 2 requests · 0 of 2 addressed');
    expect(within(requests).getByText(/Add the archive link to the evidence\./)).toBeVisible();
    // The reviewer reads the checklist; only the analyst ticks it.
    expect(within(requests).queryByRole('checkbox')).toBeNull();
    expect(await within(conversation).findByText('Two things before I decide.')).toBeVisible();
    const returned = within(conversation).getAllByTestId('conversation-entry').at(-1);
    expect(returned).toHaveTextContent('returned the case to the analyst');
    expect(returned).toHaveTextContent('Check the rights risk assessment.');

    // What the server holds: the targets as chosen, the removed request gone.
    setApiUser('ana');
    const stored = (await callApi('returnRequests', { params: { caseId: COPPER } })).data;
    expect(stored.requests.map((request) => [request.text, request.target])).toEqual([
      ['Add the archive link to the evidence.', 'harm.physical.evidence'],
      ['Check the rights risk assessment.', null],
    ]);
  });

  it('keeps a comment that failed to send, and says why', async () => {
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith(`/api/cases/${COPPER}/comments`)) {
        return new Response(JSON.stringify({ code: 'server-error', message: 'boom', fieldErrors: [] }), { status: 500, headers: { 'Content-Type': 'application/json' } });
      }
      return realFetch(input, init);
    });
    const { user } = renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'sam' });
    const conversation = await screen.findByRole('region', { name: 'Conversation' });
    const box = within(conversation).getByRole('textbox', { name: 'Add a comment' });
    await user.type(box, 'Not lost.');
    await user.click(within(conversation).getByRole('button', { name: 'Comment' }));
    expect(await within(conversation).findByRole('alert')).toHaveTextContent(/500/);
    expect(box).toHaveValue('Not lost.');
    fetchSpy.mockRestore();
  });
});
