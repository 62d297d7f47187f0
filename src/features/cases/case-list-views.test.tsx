// Issue 15 §6, the case list's productivity: every column sorts (aria-sort on its header), "Clear
// filters" keeps the sort, views saved per person in this browser (a corrupt entry is ignored), and the
// "Overdue review" badge.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { CaseListPage } from './case-list-page';
import { savedViewsKey } from './saved-views';

const routes = [
  { path: '/cases', element: <CaseListPage /> },
  { path: '/cases/:caseId/:tab', element: <p>case page</p> },
];

function bodyRows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

function rowNames() {
  return bodyRows().map((row) => within(row).queryByRole('link')?.textContent ?? row.textContent);
}

function header(name: string) {
  return screen.getByRole('columnheader', { name });
}

function search(router: { state: { location: { search: string } } }) {
  return new URLSearchParams(router.state.location.search);
}

describe('CaseListPage: sorting, clearing and saved views (issue 15 §6)', () => {
  it('sorts by every column, priority highest first on the first click, with aria-sort on the sorted header', async () => {
    const { user, router } = renderWithProviders(null, { routes, route: '/cases' });
    await screen.findByRole('link', { name: 'Copper Lantern Collective' });
    expect(header('Last change')).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getAllByRole('columnheader').filter((cell) => cell.hasAttribute('aria-sort'))).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Priority (R11)' }));
    await waitFor(() => expect(rowNames().slice(0, 3)).toEqual(['Grey Meridian', 'Copper Lantern Collective', 'Ashfall Syndicate']));
    expect(header('Priority (R11)')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Last change')).not.toHaveAttribute('aria-sort');
    expect([search(router).get('sort'), search(router).get('dir')]).toEqual(['priority', 'desc']);
    expect(screen.getByRole('table')).toHaveAccessibleName('Cases, sorted by Priority (R11)');

    // Signals: the most first, then the fewest first; ties in a stable order.
    await user.click(screen.getByRole('button', { name: 'Signals' }));
    await waitFor(() => expect(rowNames().slice(0, 2)).toEqual(['Copper Lantern Collective', 'Grey Meridian']));
    expect(header('Signals')).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: 'Signals' }));
    await waitFor(() => expect(rowNames().slice(-2)).toEqual(['Copper Lantern Collective', 'Grey Meridian']));
    expect(header('Signals')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts status in the policy\'s order, owner A to Z, and sorts by keyboard', async () => {
    const { user, router } = renderWithProviders(null, { routes, route: '/cases' });
    await screen.findByRole('link', { name: 'Copper Lantern Collective' });
    // Status in the policy's order: drafts, in review, designated, rejected.
    await user.click(screen.getByRole('button', { name: 'Status' }));
    await waitFor(() =>
      expect(rowNames()).toEqual([
        'Clearwater Rivers Awareness Week',
        'Tidewater Pledge Push',
        'Copper Lantern Collective',
        'Ashfall Syndicate',
        'Grey Meridian',
        'Northgate Relay',
      ]),
    );
    expect(header('Status')).toHaveAttribute('aria-sort', 'ascending');

    // Owner: A to Z by the person (Ana owns three: "You").
    await user.click(screen.getByRole('button', { name: 'Owner' }));
    await waitFor(() => expect(search(router).get('sort')).toBe('ownerId'));
    await waitFor(() => expect(bodyRows().map((row) => within(row).queryByText('You') !== null)).toEqual([true, true, true, false, false, false]));
    expect(header('Owner')).toHaveAttribute('aria-sort', 'ascending');

    // The headers are buttons in the tab order: Enter sorts.
    screen.getByRole('button', { name: 'Kind' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(header('Kind')).toHaveAttribute('aria-sort', 'ascending'));
    expect(rowNames().slice(0, 2)).toEqual(['Ashfall Syndicate', 'Copper Lantern Collective']);
  });

  it('"Clear filters" in the empty state and beside the filters drops every filter and keeps the sort', async () => {
    const { user, router } = renderWithProviders(null, { routes, route: '/cases?status=withdrawn&q=nothing&mine=1&sort=name&dir=desc' });
    const empty = await screen.findByText('No case matches these filters.');
    const buttons = screen.getAllByRole('button', { name: 'Clear filters' });
    expect(buttons).toHaveLength(2);
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowNames()).toHaveLength(6));
    expect(rowNames()[0]).toBe('Tidewater Pledge Push');
    expect(Object.fromEntries(search(router))).toEqual({ sort: 'name', dir: 'desc', page: '1', pageSize: '25' });
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Cases', level: 1 })).toHaveFocus();
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('');

    // With cases found, the one beside the filters.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Designated');
    await waitFor(() => expect(rowNames()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowNames()).toHaveLength(6));
    expect(search(router).get('sort')).toBe('name');
  });

  it('saves the filters and sort as a named view and applies it by one click (a link)', async () => {
    const { user, router } = renderWithProviders(null, { routes, route: '/cases?status=designated&sort=priority&dir=desc&pageSize=10' });
    await waitFor(() => expect(rowNames()).toEqual(['Grey Meridian', 'Ashfall Syndicate']));
    const views = screen.getByRole('region', { name: 'Saved views' });
    expect(within(views).getByText('None yet: set filters and a sort, then save them as a view.')).toBeVisible();

    await user.click(await within(views).findByRole('button', { name: 'Save view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this view' });
    const name = within(dialog).getByRole('textbox', { name: /Name of the view/ });
    expect(name).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(within(dialog).getByText('Give the view a name.')).toBeVisible();
    await user.type(name, '  Designated by priority {Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const link = within(views).getByRole('link', { name: 'Designated by priority' });
    expect(link).toHaveAttribute('aria-current', 'page');
    expect(link).toHaveAttribute('href', '/cases?status=designated&sort=priority&dir=desc&pageSize=10');
    expect(within(views).getByRole('status')).toHaveTextContent('View “Designated by priority” saved.');
    expect(JSON.parse(localStorage.getItem(savedViewsKey('ana')) ?? 'null')).toEqual({
      version: 1,
      views: [{ name: 'Designated by priority', params: 'status=designated&sort=priority&dir=desc' }],
    });

    // Elsewhere, one click brings the view back.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowNames()).toHaveLength(6));
    expect(within(views).getByRole('link', { name: 'Designated by priority' })).not.toHaveAttribute('aria-current');
    await user.click(within(views).getByRole('link', { name: 'Designated by priority' }));
    await waitFor(() => expect(rowNames()).toEqual(['Grey Meridian', 'Ashfall Syndicate']));
    expect(Object.fromEntries(search(router))).toEqual({ status: 'designated', sort: 'priority', dir: 'desc', pageSize: '10' });
    expect(within(views).getByRole('link', { name: 'Designated by priority' })).toHaveAttribute('aria-current', 'page');
  });

  it('saving under a name already used replaces that view; removing one gives the focus to "Save view…"', async () => {
    const { user, router } = renderWithProviders(null, { routes, route: '/cases?status=designated&sort=priority&dir=desc&pageSize=10' });
    localStorage.setItem(
      savedViewsKey('ana'),
      JSON.stringify({ version: 1, views: [{ name: 'Designated by priority', params: 'status=designated&sort=priority&dir=desc' }] }),
    );
    const views = screen.getByRole('region', { name: 'Saved views' });
    await waitFor(() => expect(rowNames()).toEqual(['Grey Meridian', 'Ashfall Syndicate']));
    await waitFor(() => expect(within(views).getByRole('link', { name: 'Designated by priority' })).toHaveAttribute('aria-current', 'page'));

    await user.click(screen.getByRole('button', { name: 'Actor' }));
    await waitFor(() => expect(search(router).get('sort')).toBe('name'));
    await user.click(within(views).getByRole('button', { name: 'Save view…' }));
    const again = await screen.findByRole('dialog', { name: 'Save this view' });
    await user.type(within(again).getByRole('textbox', { name: /Name of the view/ }), 'designated BY priority');
    expect(within(again).getByText('Replaces your view of the same name.')).toBeVisible();
    await user.click(within(again).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(views).getAllByRole('link').map((item) => item.textContent)).toEqual(['designated BY priority']);
    expect(within(views).getByRole('link')).toHaveAttribute('href', '/cases?status=designated&sort=name&dir=asc&pageSize=10');

    await user.click(within(views).getByRole('button', { name: 'Remove the view “designated BY priority”' }));
    expect(within(views).queryByRole('link')).toBeNull();
    expect(within(views).getByRole('status')).toHaveTextContent('View “designated BY priority” removed.');
    expect(within(views).getByRole('button', { name: 'Save view…' })).toHaveFocus();
    expect(JSON.parse(localStorage.getItem(savedViewsKey('ana')) ?? 'null')).toEqual({ version: 1, views: [] });
  });

  it('keeps views per person: another person in this browser does not see them', async () => {
    renderWithProviders(null, { routes, route: '/cases', userId: 'rui' });
    localStorage.setItem(savedViewsKey('ana'), JSON.stringify({ version: 1, views: [{ name: 'Ana’s', params: 'sort=name&dir=asc' }] }));
    await screen.findByRole('link', { name: 'Copper Lantern Collective' });
    const views = screen.getByRole('region', { name: 'Saved views' });
    await waitFor(() => expect(within(views).getByRole('button', { name: 'Save view…' })).toBeEnabled());
    expect(within(views).queryByRole('link')).toBeNull();
  });

  it('ignores corrupt and stale saved-view entries without a crash, and saving writes a clean entry', async () => {
    const { user } = renderWithProviders(null, { routes, route: '/cases' });
    // Written before the page knows who is signed in, so its first read finds it.
    localStorage.setItem(
      savedViewsKey('ana'),
      JSON.stringify({
        version: 1,
        views: [
          { name: 'Drafts', params: 'status=draft&sort=updatedAt&dir=desc' },
          { name: 42, params: 'sort=name&dir=asc' },
          { name: 'Old sort', params: 'sort=hacker&dir=asc' },
          { name: '   ', params: 'sort=name&dir=asc' },
          'garbage',
          null,
          { name: 'drafts', params: 'sort=name&dir=asc' },
        ],
      }),
    );
    const views = screen.getByRole('region', { name: 'Saved views' });
    await waitFor(() => expect(within(views).getAllByRole('link').map((link) => link.textContent)).toEqual(['Drafts']));
    await screen.findByRole('link', { name: 'Copper Lantern Collective' });

    localStorage.setItem(savedViewsKey('ana'), '{"version": 1, "views": [ not json');
    // What another tab's write looks like to this one.
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: savedViewsKey('ana') })));
    await waitFor(() => expect(within(views).queryByRole('link')).toBeNull());
    expect(within(views).getByText('None yet: set filters and a sort, then save them as a view.')).toBeVisible();

    await user.click(within(views).getByRole('button', { name: 'Save view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this view' });
    await user.type(within(dialog).getByRole('textbox', { name: /Name of the view/ }), 'Everything{Enter}');
    await waitFor(() => expect(within(views).getByRole('link', { name: 'Everything' })).toBeVisible());
    expect(JSON.parse(localStorage.getItem(savedViewsKey('ana')) ?? 'null')).toEqual({
      version: 1,
      views: [{ name: 'Everything', params: 'sort=updatedAt&dir=desc' }],
    });
  });

  it('marks a designation whose periodic review is overdue (R17), and only that one', async () => {
    renderWithProviders(null, { routes, route: '/cases?status=designated' });
    await waitFor(() => expect(rowNames()).toHaveLength(2));
    const ashfall = screen.getByRole('link', { name: 'Ashfall Syndicate' }).closest('tr');
    const grey = screen.getByRole('link', { name: 'Grey Meridian' }).closest('tr');
    // Ashfall was designated 100 days ago with a 90-day review interval; Grey Meridian 55 days ago.
    expect(ashfall && within(ashfall).getByText('Overdue review')).toBeVisible();
    expect(grey && within(grey).queryByText('Overdue review')).toBeNull();
    expect(screen.getAllByText('Overdue review')).toHaveLength(1);
  });
});
