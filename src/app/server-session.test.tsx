// The app as it runs against the workbench server: nobody signed in -> the development sign-in page;
// signing in shows the pages and the person in the top bar (no picker); the X-User-Id header is never
// sent; signing out, or a session that ends (401), returns to sign-in. The server's adapter is
// simulated over the same rules: it keeps the session the backend asks for, as src/server/ does.
import { screen, within } from '@testing-library/react';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend, randomId } from '../backend/backend';
import { buildDemoSeed } from '../backend/demo-data';
import { evaluate } from '../engine/evaluate';
import { API_UNDER_ORIGIN, toBackendRequest } from '../mocks/handlers';
import { mockStorage, server } from '../mocks/node';
import { renderWithProviders } from '../test/render';
import { routes } from './routes';

let signedIn: string | null = null;
let userHeaders: string[] = [];

const serverBackend = createBackend({
  storage: mockStorage,
  now: () => new Date().toISOString(),
  evaluate,
  newId: randomId,
  seed: () => buildDemoSeed({ now: new Date().toISOString(), evaluate }),
  signIn: 'development',
});

beforeEach(() => {
  signedIn = null;
  userHeaders = [];
  server.use(
    http.all(API_UNDER_ORIGIN, async ({ request }) => {
      const header = request.headers.get('x-user-id');
      if (header) userHeaders.push(header);
      const response = await serverBackend.handle({ ...(await toBackendRequest(request)), userId: signedIn });
      if (response.session !== undefined) signedIn = response.session?.userId ?? null;
      return HttpResponse.json(response.body as JsonBodyType, { status: response.status, headers: response.headers });
    }),
  );
});

describe('server mode identity', () => {
  it('signs in through the development sign-in page, shows who you are, signs out', async () => {
    const { user } = renderWithProviders(null, { route: '/cases', routes, identity: 'server-session' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Development sign-in' })).toBeVisible();
    expect(screen.getByText(/For development only/)).toBeVisible();
    expect(screen.queryByLabelText('Demo identity')).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Main navigation' })).queryAllByRole('link')).toEqual([]);

    await user.click(await screen.findByRole('button', { name: /Sign in as Rui Takahashi/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /Cases/ })).toBeVisible();
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('Signed in as Rui Takahashi · Reviewer');
    expect(signedIn).toBe('rui');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Development sign-in' })).toBeVisible();
    expect(signedIn).toBeNull();
    expect(userHeaders).toEqual([]);
  });

  it('goes back to sign-in when the session ends under the page (401)', async () => {
    signedIn = 'ana';
    const { user } = renderWithProviders(null, { route: '/cases', routes, identity: 'server-session' });
    expect(await screen.findByRole('heading', { level: 1, name: /Cases/ })).toBeVisible();
    signedIn = null;
    await user.click(screen.getByRole('link', { name: 'Audit trail' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Development sign-in' }, { timeout: 5000 })).toBeVisible();
  });

  it('keeps the demo picker, labelled as a demo identity, with the mock backend', async () => {
    renderWithProviders(null, { route: '/cases', routes });
    expect(await screen.findByLabelText('Demo identity')).toBeVisible();
    expect(screen.queryByText('Development sign-in')).toBeNull();
  });
});
