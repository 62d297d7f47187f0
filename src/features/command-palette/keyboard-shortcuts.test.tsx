import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppShell } from '../../app/app-shell';
import { renderWithProviders } from '../../test/render';
import { CaseListPage } from '../cases/case-list-page';
import { ReviewQueuePage } from '../review/review-queue-page';
import { CHEAT_SHEET } from './cheat-sheet-entries';

function Page({ name }: { name: string }) {
  return (
    <>
      <h1>{name}</h1>
      <label>
        Notes <input />
      </label>
    </>
  );
}

const routes = [
  {
    element: <AppShell />,
    children: [
      { path: 'cases', element: <Page name="the case list" /> },
      { path: 'cases/:caseId/:tab', element: <Page name="a case page" /> },
      { path: 'review', element: <Page name="the review queue" /> },
      { path: 'audit', element: <Page name="the audit trail" /> },
      { path: 'import', element: <Page name="the import" /> },
    ],
  },
];

function renderShell(route = '/cases') {
  const rendered = renderWithProviders(null, { routes, route });
  const path = () => rendered.router.state.location.pathname;
  return { ...rendered, path };
}

const palette = () => screen.findByRole('dialog', { name: 'Command palette' });
const paletteInput = () => screen.getByRole('combobox', { name: 'Go to a case or run a command' });

describe('the command palette', () => {
  it.each([
    ['Ctrl-K', '{Control>}k{/Control}'],
    ['Cmd-K', '{Meta>}k{/Meta}'],
  ])('opens with %s, the focus in its search field; the same keys close it', async (_, keys) => {
    const { user } = renderShell();
    await screen.findByRole('heading', { name: 'the case list' });
    await user.keyboard(keys);
    expect(await palette()).toBeVisible();
    expect(paletteInput()).toHaveFocus();
    await user.keyboard(keys);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('is a combobox over a listbox: aria-controls, aria-activedescendant, options in groups', async () => {
    const { user } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    const input = paletteInput();
    const listbox = screen.getByRole('listbox', { name: 'Cases and commands' });
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const first = within(listbox).getAllByRole('option')[0];
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', first?.id);
    expect(within(listbox).getByRole('group', { name: 'Go to' })).toBeVisible();
    await user.keyboard('{ArrowDown}');
    const second = within(listbox).getAllByRole('option')[1];
    expect(input).toHaveAttribute('aria-activedescendant', second?.id);
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(first).toHaveAttribute('aria-selected', 'false');
  });

  it('filters the commands as one types; says when nothing matches', async () => {
    const { user } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('queue');
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(1));
    // The keys beside a command are a visual hint (aria-hidden): the cheat sheet reads them out.
    expect(within(listbox).getByRole('option')).toHaveAccessibleName('Review queue');
    await user.clear(paletteInput());
    await user.keyboard('zzz-no-such-thing');
    expect(await screen.findByText('Nothing matches “zzz-no-such-thing”.')).toBeVisible();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(paletteInput()).toHaveAttribute('aria-expanded', 'false');
    expect(paletteInput()).not.toHaveAttribute('aria-activedescendant');
  });

  it('finds a case by name through the case list and opens it with Enter', async () => {
    const { user, path } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('grey mer');
    const option = await screen.findByRole('option', { name: 'Grey Meridian' });
    expect(within(screen.getByRole('group', { name: 'Cases' })).getAllByRole('option')).toHaveLength(1);
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(path()).toBe('/cases/case-grey-meridian/overview'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('typed text that begins a command’s name puts the commands before the cases', async () => {
    const { user, path } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('Audit');
    await waitFor(() => expect(screen.getAllByRole('option')[0]).toHaveAccessibleName('Audit trail'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(path()).toBe('/audit'));
  });

  it('arrow keys and Enter run a command: ArrowDown twice from "Case list" is the audit trail', async () => {
    const { user, path } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    ['Case list', 'Review queue', 'Audit trail', 'Import activity'].forEach((name, index) => expect(options[index]).toHaveAccessibleName(name));
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(path()).toBe('/audit'));
    // ArrowUp from the first option wraps to the last.
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('{ArrowUp}');
    const all = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(all.at(-1)).toHaveAttribute('aria-selected', 'true');
  });

  it('"New case" goes to the case list asking it to open its form (issue 15 §5)', async () => {
    const { user, path, router } = renderShell('/audit');
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('new case');
    expect(await screen.findByRole('option', { name: /^New case/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(path()).toBe('/cases'));
    expect(router.state.location.search).toBe('?new=1');
  });

  it('on a case page, switches the case’s tab', async () => {
    const { user, path } = renderShell('/cases/case-grey-meridian/overview');
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    const group = screen.getByRole('group', { name: 'This case' });
    const tabs = within(group).getAllByRole('option');
    ['Tab: Overview (current)', 'Tab: Harm', 'Tab: Evidence board', 'Tab: Accounts'].forEach((name, index) => expect(tabs[index]).toHaveAccessibleName(name));
    await user.keyboard('tab evid{Enter}');
    await waitFor(() => expect(path()).toBe('/cases/case-grey-meridian/evidence'));
  });

  it('offers no case tabs off a case page', async () => {
    const { user } = renderShell('/review');
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    expect(screen.queryByRole('group', { name: 'This case' })).toBeNull();
  });

  it('changes the language through the session, as the language picker does', async () => {
    const { user } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('nederl{Enter}');
    expect(await screen.findByRole('link', { name: 'Zaken' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Taal' })).toHaveValue('nl');
    await user.keyboard('{Control>}k{/Control}');
    const dutchPalette = await screen.findByRole('dialog', { name: 'Opdrachtenpalet' });
    expect(within(dutchPalette).getByRole('option', { name: 'Nederlands (huidig)' })).toBeVisible();
    expect(within(dutchPalette).getByText('Türkçe')).toHaveAttribute('lang', 'tr');
  });

  it('Escape closes it and gives the focus back to where it was', async () => {
    const { user } = renderShell();
    const reviewLink = await screen.findByRole('link', { name: /^Review queue/ });
    reviewLink.focus();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    expect(paletteInput()).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reviewLink).toHaveFocus();
  });

  it('does not open, nor go anywhere, while one types in a text field', async () => {
    const { user, path } = renderShell();
    const notes = await screen.findByRole('textbox', { name: 'Notes' });
    await user.click(notes);
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('{Meta>}k{/Meta}');
    expect(screen.queryByRole('dialog')).toBeNull();
    // (user-event types the `k` of Meta-K, which a browser does not: start the text afresh.)
    await user.clear(notes);
    await user.keyboard('g r g a ?j');
    expect(notes).toHaveValue('g r g a ?j');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(path()).toBe('/cases');
  });
});

describe('the go-to shortcuts and the cheat sheet', () => {
  it('g c, g r and g a go to the case list, the review queue and the audit trail', async () => {
    const { user, path } = renderShell('/import');
    await screen.findByRole('heading', { name: 'the import' });
    await user.keyboard('gr');
    await waitFor(() => expect(path()).toBe('/review'));
    await user.keyboard('ga');
    await waitFor(() => expect(path()).toBe('/audit'));
    await user.keyboard('gc');
    await waitFor(() => expect(path()).toBe('/cases'));
    expect(await screen.findByRole('heading', { name: 'the case list' })).toBeVisible();
  });

  it('`?` lists every shortcut; Escape closes it and the focus returns', async () => {
    const { user } = renderShell();
    const casesLink = await screen.findByRole('link', { name: 'Cases' });
    casesLink.focus();
    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(sheet).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(CHEAT_SHEET.length);
    const cells = (action: string) => within(within(sheet).getByTestId(`shortcut-${action}`)).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells('go-review')).toEqual(['g then r', 'Go to the review queue']);
    expect(cells('go-cases')).toEqual(['g then c', 'Go to the case list']);
    expect(cells('go-audit')).toEqual(['g then a', 'Go to the audit trail']);
    expect(cells('open-palette')[0]).toBe('Ctrl + K');
    expect(cells('next-row')).toEqual(['j', 'Next row of the case list or the review queue']);
    expect(cells('previous-row')[0]).toBe('k');
    expect(cells('cheat-sheet')).toEqual(['?', 'Show this list']);
    expect(cells('open-row')[0]).toBe('Enter');
    // An arrow is read by its name (the glyph is hidden from screen readers).
    expect(cells('palette-move')[0]).toBe('↓Down arrow or ↑Up arrow');
    // Inside the sheet (a dialog) the shortcuts are off: `g r` goes nowhere, Ctrl-K opens nothing.
    await user.keyboard('gr{Control>}k{/Control}');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(casesLink).toHaveFocus();
  });

  it('the palette’s "Keyboard shortcuts" command opens the cheat sheet', async () => {
    const { user } = renderShell();
    await user.keyboard('{Control>}k{/Control}');
    await palette();
    await user.keyboard('shortcuts{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
  });
});

describe('j / k in the case list', () => {
  it('move the focus through the rows’ links; Enter opens the focused case', async () => {
    const listRoutes = [
      {
        element: <AppShell />,
        children: [
          { path: 'cases', element: <CaseListPage /> },
          { path: 'cases/:caseId/:tab', element: <Page name="a case page" /> },
        ],
      },
    ];
    const { user, router } = renderWithProviders(null, { routes: listRoutes, route: '/cases' });
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(3));
    const links = within(table).getAllByRole('link');
    await user.keyboard('j');
    expect(links[0]).toHaveFocus();
    await user.keyboard('jj');
    expect(links[2]).toHaveFocus();
    await user.keyboard('k');
    expect(links[1]).toHaveFocus();
    const target = links[1]?.getAttribute('href');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(target));
  });

  it('typing j in the search field types it', async () => {
    const listRoutes = [{ element: <AppShell />, children: [{ path: 'cases', element: <CaseListPage /> }] }];
    const { user } = renderWithProviders(null, { routes: listRoutes, route: '/cases' });
    await screen.findByRole('link', { name: 'Grey Meridian' });
    const search = screen.getByRole('searchbox', { name: 'Search by name' });
    await user.click(search);
    await user.keyboard('jk');
    expect(search).toHaveValue('jk');
    expect(search).toHaveFocus();
  });

  it('work in the review queue too', async () => {
    const queueRoutes = [
      {
        element: <AppShell />,
        children: [
          { path: 'review', element: <ReviewQueuePage /> },
          { path: 'review/:caseId', element: <Page name="a review page" /> },
        ],
      },
    ];
    const { user, router } = renderWithProviders(null, { routes: queueRoutes, route: '/review', userId: 'rui' });
    const link = await screen.findByRole('link', { name: 'Copper Lantern Collective' });
    await user.keyboard('k');
    expect(link).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/review/case-copper-lantern'));
  });
});
