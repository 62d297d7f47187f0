import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { ReviewQueuePage } from './review-queue-page';
import { submitCaseAs } from './review-test-fixtures';

const routes = [{ path: '/review', element: <ReviewQueuePage /> }];

describe('ReviewQueuePage', () => {
  it('lists cases in review by R11 priority, then the longest-waiting first', async () => {
    // Submitted in this order: the informational-only case waits longest but ranks last.
    await submitCaseAs({ name: 'Informational Old', informational: 'high' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submitCaseAs({ name: 'Safety Earlier', physical: 'moderate' });
    // Distinct submission instants, so the age order is not decided by the clock's resolution.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submitCaseAs({ name: 'Safety Later', physical: 'moderate', analyst: 'ben' });

    renderWithProviders(null, { route: '/review', routes, userId: 'rui' });

    const table = await screen.findByRole('table', { name: /cases in review/i });
    await waitFor(() => expect(within(table).getAllByTestId('review-queue-row')).toHaveLength(4));
    const names = within(table).getAllByTestId('review-queue-row').map((row) => within(row).getByRole('link').textContent);
    // The seeded Copper Lantern Collective (physical high) outranks both moderate safety cases.
    expect(names).toEqual(['Copper Lantern Collective', 'Safety Earlier', 'Safety Later', 'Informational Old']);
    expect(screen.getByRole('tab', { name: 'In review (4)' })).toHaveAttribute('aria-selected', 'true');
  });

  it('a reviewer assigns a waiting case to themselves; the reviewer column says so (issue 12 §6)', async () => {
    const { user } = renderWithProviders(null, { route: '/review', routes, userId: 'rui' });
    const table = await screen.findByRole('table', { name: /cases in review/i });
    const row = (await within(table).findByRole('link', { name: 'Copper Lantern Collective' })).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('—')).toBeVisible();
    await user.click(within(row).getByRole('button', { name: 'Assign “Copper Lantern Collective” to me' }));
    await waitFor(() => expect(within(row).getByText('You')).toBeVisible());
    expect(within(row).queryByRole('button', { name: /to me/ })).toBeNull();
    setApiUser('sam');
    expect((await callApi('getCase', { params: { caseId: 'case-copper-lantern' } })).data.reviewerId).toBe('rui');
  });

  it('offers no assignment to an analyst', async () => {
    renderWithProviders(null, { route: '/review', routes, userId: 'ana' });
    const table = await screen.findByRole('table', { name: /cases in review/i });
    await within(table).findByRole('link', { name: 'Copper Lantern Collective' });
    expect(within(table).queryByRole('button', { name: /to me/ })).toBeNull();
  });

  it('shows the designations due for periodic review in their own tab, as the server filters them (dueBy)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { user } = renderWithProviders(null, { route: '/review', routes, userId: 'rui' });
    await user.click(await screen.findByRole('tab', { name: /Due for periodic review \(1\)/ }));
    const table = await screen.findByRole('table', { name: /due for periodic review/i });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Actor', 'Kind', 'Priority (R11)', 'Review due', 'Days overdue',
    ]);
    const rows = within(table).getAllByTestId('due-queue-row');
    expect(rows).toHaveLength(1);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')).toHaveLength(5);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Ashfall Syndicate' })).toHaveAttribute('href', '/review/case-ashfall-syndicate');
    // Not every designation with a filter in the page: the server answers the due ones only (R17).
    const asked = fetchSpy.mock.calls.map(([input]) => new URL(input instanceof Request ? input.url : String(input), 'http://localhost'));
    expect(asked.some((url) => url.pathname === '/api/cases' && url.searchParams.get('status') === 'designated' && url.searchParams.has('dueBy'))).toBe(true);
    fetchSpy.mockRestore();
  });
});
