import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { NotificationsButton } from './notifications-button';

const COPPER = 'case-copper-lantern';

const routes = [
  { path: '/', element: <NotificationsButton /> },
  { path: '/review/:caseId', element: <p>review page</p> },
  { path: '/cases/:caseId/:tab', element: <p>case page</p> },
];

describe('the notifications bell (issue 12 §8)', () => {
  it('a reviewer sees the case assigned to them and the designations due, opens one, and marks the rest read', async () => {
    setApiUser('sam');
    const copper = (await callApi('getCase', { params: { caseId: COPPER } })).data;
    await callApi('assignCase', { params: { caseId: COPPER }, ifMatch: copper.version, body: { role: 'reviewer', userId: 'sam' } });
    const { user, router } = renderWithProviders(null, { route: '/', routes, userId: 'sam' });
    const bell = await screen.findByRole('button', { name: /^Notifications, \d+ unread$/ });
    await waitFor(() => expect(bell).toHaveAccessibleName(/Notifications, [2-9] unread/));
    const before = Number(/(\d+) unread/.exec(bell.getAttribute('aria-label') ?? '')?.[1]);
    await user.click(bell);
    const menu = await screen.findByRole('menu', { name: 'Notifications' });
    expect(within(menu).getByRole('menuitem', { name: /“Copper Lantern Collective” waits for your review/ })).toBeVisible();
    expect(within(menu).getAllByRole('menuitem', { name: /is due for its periodic review \(R17\)/ }).length).toBeGreaterThan(0);
    await user.click(within(menu).getByRole('menuitem', { name: /“Copper Lantern Collective” waits for your review/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/review/${COPPER}`));
    await router.navigate('/');
    // The one opened is read; the others are still unread.
    const again = await screen.findByRole('button', { name: `Notifications, ${before - 1} unread` });
    await user.click(again);
    await user.click(await screen.findByRole('menuitem', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Notifications/ })).toHaveAccessibleName('Notifications, none unread'));
  });

  it('an analyst hears of a case returned to them, and of nothing meant for reviewers', async () => {
    setApiUser('rui');
    const copper = (await callApi('getCase', { params: { caseId: COPPER } })).data;
    await callApi('decideCase', { params: { caseId: COPPER }, ifMatch: copper.version, body: { decision: 'return', rationale: 'One more source.' } });
    const { user } = renderWithProviders(null, { route: '/', routes, userId: 'ben' });
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(bell);
    const menu = await screen.findByRole('menu', { name: 'Notifications' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['“Copper Lantern Collective” was returned to youUnread', 'Mark all as read']);
  });

  it('tells a person of a comment mentioning them, with who wrote and how it starts, and leads to the case', async () => {
    setApiUser('ana');
    const long = `@Ben Osei can you check the archive of the lantern list? ${'It matters for the physical harm rating. '.repeat(3)}`;
    await callApi('commentOnCase', { params: { caseId: COPPER }, body: { text: long, mentions: ['ben'] } });
    await callApi('commentOnCase', { params: { caseId: COPPER }, body: { text: 'A note for nobody in particular.' } });
    const { user, router } = renderWithProviders(null, { route: '/', routes, userId: 'ben' });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const menu = await screen.findByRole('menu', { name: 'Notifications' });
    const item = await within(menu).findByRole('menuitem', { name: /^Ana Kovač mentioned you: “@Ben Osei can you check the archive/ });
    expect(item.textContent).toContain('…”');
    await user.click(item);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${COPPER}/overview`));
  });

  it('tells reviewers of a platform-manipulation proposal waiting for a decision, and leads to it (R3)', async () => {
    setApiUser('ben');
    const ashfall = (await callApi('getCase', { params: { caseId: 'case-ashfall-syndicate' } })).data;
    await callApi('proposeManipulationEnforcement', {
      params: { caseId: ashfall.id }, ifMatch: ashfall.version, body: { accounts: ['ember_boost_01'], basis: 'One operator.' },
    });
    const { user, router } = renderWithProviders(null, { route: '/', routes: [...routes, { path: '/designations/:caseId', element: <p>designation</p> }], userId: 'rui' });
    await user.click(await screen.findByRole('button', { name: /^Notifications, \d+ unread$/ }));
    const menu = await screen.findByRole('menu', { name: 'Notifications' });
    await user.click(await within(menu).findByRole('menuitem', { name: /^“Ashfall Syndicate”: platform-manipulation enforcement waits for a reviewer’s decision \(R3\)/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/designations/case-ashfall-syndicate'));
  });
});
