// The app as it runs against the workbench server: nobody signed in -> the sign-in page (password,
// and "Sign in with …" when single sign-on is configured); signing in shows the pages and the person
// in the top bar (no picker); the X-User-Id header is never sent; signing out, or a session that ends
// (401), returns to sign-in and says why; an admin without a case role sees the users screen. The
// server's adapter is simulated over the same rules with accounts in memory, keeping the session the
// backend asks for, as src/server/ does.
import { screen, within } from '@testing-library/react';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, randomId } from '../backend/backend';
import { createMemoryIdentityStorage } from '../backend/identity/memory-identity-storage';
import { seedDemoAccounts } from '../server/identity/demo-accounts';
import { hashToken, newToken } from '../server/identity/tokens';
import { TEST_HASHER, TEST_PASSWORD } from '../server/server-test-kit';
import { buildDemoSeed } from '../backend/demo-data';
import { evaluate } from '../engine/evaluate';
import { API_UNDER_ORIGIN, toBackendRequest } from '../mocks/handlers';
import { mockStorage, server } from '../mocks/node';
import { renderWithProviders } from '../test/render';
import { routes } from './routes';

let signedIn: string | null = null;
let userHeaders: string[] = [];

const accounts = createMemoryIdentityStorage();
const newEventId = () => randomId('event');
const serverBackend = createBackend({
  storage: mockStorage,
  now: () => new Date().toISOString(),
  evaluate,
  newId: randomId,
  seed: () => buildDemoSeed({ now: new Date().toISOString(), evaluate }),
  identity: {
    storage: accounts,
    passwords: TEST_HASHER,
    isCommonPassword: () => false,
    newToken,
    hashToken,
    newEventId,
    singleSignOn: { label: 'Harbour ID' },
  },
});

beforeAll(async () => {
  await seedDemoAccounts(accounts, { passwords: TEST_HASHER, password: TEST_PASSWORD, now: new Date().toISOString(), newEventId });
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
  it('signs in with a password, shows who you are, signs out; a wrong password gets the one generic message', async () => {
    const { user } = renderWithProviders(null, { route: '/cases', routes, identity: 'server-session' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in with Harbour ID' })).toHaveAttribute('href', '/api/session/sso/start?returnTo=%2Fcases');
    expect(screen.queryByLabelText('Demo identity')).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Main navigation' })).queryAllByRole('link')).toEqual([]);

    await user.type(screen.getByLabelText(/User name/), 'rui');
    await user.type(screen.getByLabelText(/^Password/), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The user name or password is not right.')).toBeVisible();
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');

    await user.type(screen.getByLabelText(/^Password/), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Cases/ }, { timeout: 5000 })).toBeVisible();
    expect(await screen.findByTestId('signed-in-user')).toHaveTextContent('Rui Takahashi · Reviewer');
    expect(signedIn).toBe('rui');

    await user.click(screen.getByRole('button', { name: 'Account of Rui Takahashi' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(screen.queryByText(/Your session ended/)).toBeNull();
    expect(signedIn).toBeNull();
    expect(userHeaders).toEqual([]);
  });

  it('goes back to sign-in when the session ends under the page (401), and says what happened', async () => {
    signedIn = 'ana';
    const { user } = renderWithProviders(null, { route: '/cases', routes, identity: 'server-session' });
    expect(await screen.findByRole('heading', { level: 1, name: /Cases/ })).toBeVisible();
    signedIn = null;
    await user.click(screen.getByRole('link', { name: 'Audit trail' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, { timeout: 5000 })).toBeVisible();
    expect(screen.getByText(/Your session ended\. Sign in again: what you typed is kept on this device/)).toBeVisible();
  });

  it('shows an admin without a case role the audit trail and the users screen only, and opens on users', async () => {
    signedIn = 'ada';
    renderWithProviders(null, { route: '/', routes, identity: 'server-session' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' }, { timeout: 5000 })).toBeVisible();
    const nav = within(screen.getByRole('navigation', { name: 'Main navigation' }));
    expect(nav.getAllByRole('link').map((link) => link.textContent)).toEqual(['Audit trail', 'Users']);
    expect(await screen.findByRole('rowheader', { name: 'Rui Takahashi' })).toBeVisible();
  });

  it('changes one\'s password from the account menu: the current one is checked, the policy is said at the field', async () => {
    signedIn = 'ben';
    const { user } = renderWithProviders(null, { route: '/cases', routes, identity: 'server-session' });
    await user.click(await screen.findByRole('button', { name: 'Account of Ben Osei' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Change password…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change your password' });
    await user.type(within(dialog).getByLabelText(/Current password/), 'not my password');
    await user.type(within(dialog).getByLabelText(/New password/), 'a brand new passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByText('This is not your current password.')).toBeVisible();
    await user.clear(within(dialog).getByLabelText(/Current password/));
    await user.type(within(dialog).getByLabelText(/Current password/), TEST_PASSWORD);
    await user.clear(within(dialog).getByLabelText(/New password/));
    await user.type(within(dialog).getByLabelText(/New password/), 'Ben Osei rows boats');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByText('Must not contain your name or user name.')).toBeVisible();
    await user.clear(within(dialog).getByLabelText(/New password/));
    await user.type(within(dialog).getByLabelText(/New password/), 'a brand new passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByText('Your password is changed. Other devices are signed out.')).toBeVisible();
    expect(signedIn).toBe('ben');
  });

  it('keeps the demo picker, labelled as a demo identity, with the mock backend', async () => {
    renderWithProviders(null, { route: '/cases', routes });
    expect(await screen.findByLabelText('Demo identity')).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });
});
