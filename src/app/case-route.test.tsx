// The case page as the app composes it: taking a case over (issue 12 §6) and the conversation beside
// the form (issue 12 §1).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi, setApiUser } from '../api/client/http-client';
import { renderWithProviders } from '../test/render';
import { CaseRoute } from './case-route';

const CLEARWATER = 'case-clearwater-week';
const routes = [{ path: '/cases/:caseId/:tab', element: <CaseRoute /> }];

describe('the case page as composed by the app', { timeout: 60_000 }, () => {
  it('another analyst takes the case over; the header names the new owner and the trail records it', async () => {
    const { user } = renderWithProviders(null, { route: `/cases/${CLEARWATER}/overview`, routes, userId: 'ben' });
    // Names once the directory has loaded (ids until then).
    expect(await screen.findByText(/Owner: Ana Kovač · Reviewer: nobody yet/, {}, { timeout: 10_000 })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Take over this case' }));
    expect(await screen.findByText(/Owner: Ben Osei/, {}, { timeout: 10_000 })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Take over this case' })).toBeNull());
    setApiUser('ben');
    const trail = (await callApi('caseAudit', { params: { caseId: CLEARWATER }, query: { type: 'case.assigned' } })).data;
    expect(trail.items.map((event) => [event.actorId, event.changes])).toEqual([['ben', [{ path: 'ownerId', before: 'ana', after: 'ben' }]]]);
    // The conversation sits below the form, with a box to write in.
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getByRole('textbox', { name: 'Add a comment' })).toBeVisible();
  });
});
