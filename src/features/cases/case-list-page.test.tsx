import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { server } from '../../mocks/node';
import { renderWithProviders } from '../../test/render';
import { CaseListPage } from './case-list-page';

const routes = [
  { path: '/cases', element: <CaseListPage /> },
  { path: '/cases/:caseId/:tab', element: <p>case page</p> },
];

function rowNames() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).queryByRole('link')?.textContent ?? row.textContent);
}

describe('CaseListPage', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('offline before the first answer: says so, shows no pretend "0–0 of 0", and loads when the network returns (issue 14, defect 9)', async () => {
    onlineManager.setOnline(false);
    renderWithProviders(null, { routes, route: '/cases' });
    expect(await screen.findByText('You are offline: the cases show when the network returns.')).toBeVisible();
    expect(screen.queryByText(/0–0 of 0/)).toBeNull();
    expect(screen.queryByText('0 cases')).toBeNull();

    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('link', { name: 'Copper Lantern Collective' })).toBeVisible();
    expect(screen.getByText('1–6 of 6')).toBeVisible();
    expect(screen.queryByText('You are offline: the cases show when the network returns.')).toBeNull();
  });

  it('a case returned to the analyst reads "Returned" and the status filter finds it (issue 12 §2)', async () => {
    setApiUser('rui');
    const copper = (await callApi('getCase', { params: { caseId: 'case-copper-lantern' } })).data;
    await callApi('decideCase', { params: { caseId: copper.id }, ifMatch: copper.version, body: { decision: 'return', rationale: 'One more source.' } });
    setApiUser('ana');
    const { user } = renderWithProviders(null, { routes, route: '/cases' });
    const row = (await screen.findByRole('link', { name: 'Copper Lantern Collective' })).closest('tr');
    expect(row && within(row).getByText('Returned')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Returned');
    await waitFor(() => expect(rowNames()).toEqual(['Copper Lantern Collective']));
    // A returned case is a draft too: "Draft" lists it beside the others.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Draft');
    await waitFor(() => expect(rowNames().length).toBeGreaterThan(1));
    expect(rowNames()).toContain('Copper Lantern Collective');
  });

  it('"My cases" and "Assigned to me" filter on owner and reviewer, whoever opens the link (issue 12 §6)', async () => {
    setApiUser('rui');
    const copper = (await callApi('getCase', { params: { caseId: 'case-copper-lantern' } })).data;
    await callApi('assignCase', { params: { caseId: copper.id }, ifMatch: copper.version, body: { role: 'reviewer', userId: 'rui' } });
    setApiUser('ana');
    const { user } = renderWithProviders(null, { routes, route: '/cases?assigned=1', userId: 'rui' });
    await waitFor(() => expect(rowNames()).toEqual(['Copper Lantern Collective']));
    const row = screen.getByRole('link', { name: 'Copper Lantern Collective' }).closest('tr');
    expect(row && within(row).getByText('You')).toBeVisible();
    await user.click(screen.getByRole('checkbox', { name: 'Assigned to me' }));
    await waitFor(() => expect(rowNames().length).toBeGreaterThan(1));
    await user.click(screen.getByRole('checkbox', { name: 'My cases' }));
    // Rui owns no case: he created none.
    expect(await screen.findByText('No case matches these filters.')).toBeVisible();
  });

  it('/cases?new=1 (the command palette’s "New case") opens the new-case form; closing it takes the flag out of the URL (issue 15 §5)', async () => {
    const { router, user } = renderWithProviders(null, { routes, route: '/cases?new=1&status=draft' });
    const dialog = await screen.findByRole('dialog', { name: 'Open a new case' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=draft'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Open a new case' })).not.toBeInTheDocument());
  });

  it('lists the cases from the backend with status, verdict and priority', async () => {
    renderWithProviders(null, { routes, route: '/cases' });
    expect(await screen.findByRole('link', { name: 'Copper Lantern Collective' })).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'Copper Lantern Collective' }).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('In review')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('Designation recommended')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('Physical or psychological safety')).toBeInTheDocument();
    expect(screen.getByText('6 cases')).toBeInTheDocument();
  });

  it('sorts by name both ways and keeps the sort in the URL', async () => {
    const { user, router } = renderWithProviders(null, { routes, route: '/cases' });
    await screen.findByRole('link', { name: 'Copper Lantern Collective' });
    await user.click(screen.getByRole('button', { name: 'Actor' }));
    await waitFor(() => expect(rowNames()[0]).toBe('Ashfall Syndicate'));
    expect(router.state.location.search).toContain('sort=name');
    await user.click(screen.getByRole('button', { name: 'Actor' }));
    await waitFor(() => expect(rowNames()[0]).toBe('Tidewater Pledge Push'));
  });

  it('filters by status and by a search term', async () => {
    const { user } = renderWithProviders(null, { routes, route: '/cases' });
    await screen.findByRole('link', { name: 'Copper Lantern Collective' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Designated');
    await waitFor(() => expect(rowNames()).toEqual(expect.arrayContaining(['Grey Meridian', 'Ashfall Syndicate'])));
    expect(rowNames()).toHaveLength(2);
    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'ash');
    await waitFor(() => expect(rowNames()).toEqual(['Ashfall Syndicate']));
  });

  it('pages through the cases and keeps the page and its size in the URL', async () => {
    for (const name of ['Zeta One', 'Zeta Two', 'Zeta Three', 'Zeta Four', 'Zeta Five']) {
      await callApi('createCase', { body: { actor: { kind: 'group', name, purpose: '', activismContext: false, aliases: [], geographies: [], languages: [] } } });
    }
    const { user, router } = renderWithProviders(null, { routes, route: '/cases?sort=name&dir=asc&pageSize=10' });
    await waitFor(() => expect(rowNames()).toHaveLength(10));
    expect(screen.getByText('1–10 of 11')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to previous page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(rowNames()).toEqual(['Zeta Two']));
    expect(router.state.location.search).toContain('page=2');
    expect(screen.getByText('11–11 of 11')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeDisabled();

    // A new page size starts again at the first page.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '25');
    await waitFor(() => expect(rowNames()).toHaveLength(11));
    expect(router.state.location.search).toContain('pageSize=25');
    expect(router.state.location.search).toContain('page=1');
  });

  it('reads filters from a shared link and ignores nonsense in it', async () => {
    renderWithProviders(null, { routes, route: '/cases?status=draft&page=-4&sort=hacker' });
    await waitFor(() => expect(rowNames()).toHaveLength(2));
    expect(rowNames()).toEqual(expect.arrayContaining(['Tidewater Pledge Push', 'Clearwater Rivers Awareness Week']));
  });

  it('shows a server failure with a retry that recovers', async () => {
    let failures = 0;
    server.use(
      http.get('*/api/cases', () => {
        failures += 1;
        return failures <= 2 ? HttpResponse.json({ code: 'server-error', message: 'boom' }, { status: 503 }) : undefined;
      }),
    );
    const { user } = renderWithProviders(null, { routes, route: '/cases' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server had a problem (503). Nothing you typed is lost; try again.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Copper Lantern Collective' })).toBeInTheDocument();
  });
});
