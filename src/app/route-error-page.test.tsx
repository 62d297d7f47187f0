import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { AppShell } from './app-shell';

function BrokenPage(): never {
  throw new Error('boom');
}

const routes = [
  {
    element: <AppShell />,
    children: [
      { path: 'broken', element: <BrokenPage /> },
      { path: 'cases', element: <p>the case list</p> },
    ],
  },
];

describe('RouteErrorBoundary', () => {
  it('shows a failing page’s error inside the shell, and going elsewhere recovers', async () => {
    // React reports the caught error on the console; here it is expected.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { user } = renderWithProviders(null, { route: '/broken', routes });

    expect(await screen.findByText('This part of the page failed')).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    expect(reported).toHaveBeenCalled();

    await user.click(screen.getByRole('link', { name: 'Cases' }));
    expect(await screen.findByText('the case list')).toBeVisible();
    expect(screen.queryByText('This part of the page failed')).toBeNull();
  });
});
