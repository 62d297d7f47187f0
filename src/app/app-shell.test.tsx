// The top bar by screen size (issue 15 §7): below `md` one line whose menu holds the navigation and
// the settings, keyboard-operable and giving the focus back; from `md` up, the navigation inline.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../i18n/locale-shape';
import { renderWithProviders } from '../test/render';
import { stubScreenWidth } from '../test/screen-width';
import { AppShell } from './app-shell';


function renderShell(language: Language = 'en') {
  return renderWithProviders(null, {
    route: '/cases',
    language,
    routes: [
      {
        element: <AppShell />,
        children: [
          { path: 'cases', element: <h1>The case list</h1> },
          { path: 'audit', element: <h1>The audit trail</h1> },
        ],
      },
    ],
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the top bar on a small screen', () => {
  it('holds the navigation and the settings in a menu that gives the focus back when it closes', async () => {
    stubScreenWidth('small');
    const { user, router } = renderShell();
    const banner = screen.getByRole('banner');
    expect(within(banner).queryByRole('navigation')).toBeNull();
    expect(within(banner).queryByLabelText('Demo identity')).toBeNull();
    const menuButton = within(banner).getByRole('button', { name: 'Menu' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    await user.click(menuButton);
    const menu = await screen.findByRole('dialog', { name: 'Menu' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(menuButton).toHaveAttribute('aria-controls', menu.id);
    const navigation = within(menu).getByRole('navigation', { name: 'Main navigation' });
    expect(within(navigation).getAllByRole('link').map((link) => link.textContent)).toEqual(
      expect.arrayContaining(['Cases', 'Audit trail', 'Import activity']),
    );
    expect(within(menu).getByLabelText('Demo identity')).toBeInTheDocument();
    expect(within(menu).getByLabelText('Language')).toBeInTheDocument();
    expect(within(menu).getByRole('button', { name: 'Switch to dark theme' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Menu' })).toBeNull());
    expect(menuButton).toHaveFocus();
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    // A link goes there and closes the menu; the focus is back on its button.
    await user.keyboard('{Enter}');
    const reopened = await screen.findByRole('dialog', { name: 'Menu' });
    within(reopened).getByRole('link', { name: 'Audit trail' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'The audit trail' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/audit');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Menu' })).toBeNull());
    expect(menuButton).toHaveFocus();
  });

  it.each([
    ['nl', 'Menu', 'Menu sluiten', 'Instellingen'],
    ['tr', 'Menü', 'Menüyü kapat', 'Ayarlar'],
  ] as const)('speaks %s', async (language, button, close, settings) => {
    stubScreenWidth('small');
    const { user } = renderShell(language);
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: button }));
    const menu = await screen.findByRole('dialog', { name: button });
    expect(within(menu).getByRole('button', { name: close })).toBeInTheDocument();
    expect(within(menu).getByRole('heading', { name: settings })).toBeInTheDocument();
  });
});

describe('the top bar on a wide screen', () => {
  it('shows the navigation and the settings inline, with no menu button', () => {
    stubScreenWidth('wide');
    renderShell();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    expect(within(banner).getByLabelText('Demo identity')).toBeInTheDocument();
    expect(within(banner).queryByRole('button', { name: 'Menu' })).toBeNull();
  });
});
