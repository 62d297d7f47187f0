// Single sign-on against a real OpenID Connect provider on loopback (oidc-provider): the whole
// authorization code flow with PKCE through the server's routes, roles mapped from the provider's
// groups claim (and kept in step at each sign-in, with the change in the directory's trail), a person
// with no mapped role refused, a callback that did not start here refused, an issuer whose
// discovery document names another issuer refused, and ID tokens that are real and well signed but
// made for another client (audience) or by another issuer refused.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server-test-kit';
import {
  browse,
  CookieJar,
  listenForProvider,
  newSigningKey,
  relyingPartySignIn,
  startTestOidcProvider,
  type TestOidcClient,
} from '../testing/oidc-test-provider';

const CLIENT = { clientId: 'workbench', clientSecret: 'a-client-secret-for-tests-only-0123456789' };
const ROLE_MAP = 'analyst=tns-analysts,reviewer=tns-reviewers,admin=tns-admins';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

/** Another application registered at the same provider (its tokens say `aud: other-app`). */
const OTHER_APP: TestOidcClient = { clientId: 'other-app', clientSecret: 'another-secret-for-tests-only-012345678', redirectUris: ['http://127.0.0.1:1/callback'] };
const SIGNING_KEY = newSigningKey();

async function setUp(options: { issuerAsConfigured?: (issuer: string) => string } = {}) {
  const listening = await listenForProvider();
  const server: TestServer = await startTestServer({
    env: {
      OIDC_ISSUER: options.issuerAsConfigured?.(listening.issuer) ?? listening.issuer,
      OIDC_CLIENT_ID: CLIENT.clientId,
      OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      OIDC_LABEL: 'Harbour ID',
      OIDC_ROLES_CLAIM: 'groups',
      OIDC_ROLE_MAP: ROLE_MAP,
    },
  });
  const provider = startTestOidcProvider(listening, {
    // The workbench's own redirect, and one a test's relying party uses to get tokens of its own.
    clients: [{ ...CLIENT, redirectUris: [`${server.url}/api/session/sso/callback`, 'http://127.0.0.1:1/callback'] }, OTHER_APP],
    groupsClaim: 'groups',
    signingKey: SIGNING_KEY,
  });
  closers.push(() => server.close(), () => provider.close());
  return { server, provider };
}

/** The browser's round trip: start at the server, through the provider, back to the server's callback. */
async function signInWithSso(server: TestServer, jar = new CookieJar()) {
  const { url, response } = await browse(`${server.url}/api/session/sso/start?returnTo=%2Freview`, jar, (target) => target.startsWith(server.url) && !target.includes('/api/'));
  return { jar, landedAt: url, response };
}

describe('single sign-on with OpenID Connect', () => {
  it('signs a person in through the provider, maps their groups to roles, and keeps the roles in step at the next sign-in', async () => {
    const { server, provider } = await setUp();
    expect(await (await server.request('/api/session')).json()).toMatchObject({ singleSignOn: { label: 'Harbour ID' } });

    provider.setNextAccount({ sub: 'u-4711', name: 'Noor Visser', groups: ['tns-reviewers', 'everyone'] });
    const first = await signInWithSso(server);
    expect(first.landedAt).toBe(`${server.url}/review`);
    const me = await server.request('/api/me', { cookie: first.jar.header(server.url) });
    expect(me.status).toBe(200);
    const noor = (await me.json()) as { id: string; name: string; roles: string[] };
    expect(noor).toMatchObject({ name: 'Noor Visser', roles: ['reviewer'] });
    expect(noor.id).toMatch(/^sso-[0-9a-f]{16}$/);

    // The organisation makes her an analyst and admin instead: the next sign-in brings the change.
    provider.setNextAccount({ sub: 'u-4711', name: 'Noor Visser', groups: ['tns-analysts', 'tns-admins'] });
    const second = await signInWithSso(server);
    const cookie = second.jar.header(server.url);
    expect(await (await server.request('/api/me', { cookie })).json()).toMatchObject({ id: noor.id, roles: ['analyst', 'admin'] });
    // The first browser's session ended with the role change.
    expect((await server.request('/api/me', { cookie: first.jar.header(server.url) })).status).toBe(401);
    const trail = await (await server.request(`/api/admin/events?userId=${noor.id}`, { cookie })).json();
    expect(trail).toMatchObject({
      items: [
        { type: 'user.roles-changed', source: 'single-sign-on', changes: [{ path: 'roles', before: ['reviewer'], after: ['analyst', 'admin'] }] },
        { type: 'user.created', source: 'single-sign-on' },
      ],
    });
  });

  it('refuses a person whose groups map to no role, and makes no account or session', async () => {
    const { server, provider } = await setUp();
    provider.setNextAccount({ sub: 'u-9', name: 'Outsider', groups: ['marketing'] });
    const { landedAt, jar } = await signInWithSso(server);
    expect(landedAt).toBe(`${server.url}/review?signInError=sso-no-role`);
    expect(jar.header(server.url)).not.toMatch(/cha_session/);
    expect(await server.storage.identity.findAccountBySsoSubject(`${provider.issuer} u-9`)).toBeNull();
  });

  it('refuses a callback that was not started by this browser (no pending sign-in, or a state that does not match)', async () => {
    const { server, provider } = await setUp();
    provider.setNextAccount({ sub: 'u-1', name: 'Someone', groups: ['tns-analysts'] });
    // An attacker's browser starts a sign-in and sends the callback URL to a victim.
    const attacker = new CookieJar();
    const { url: callback } = await browse(`${server.url}/api/session/sso/start`, attacker, (target) => target.includes('/api/session/sso/callback'));
    const victim = new CookieJar();
    const { url: landed } = await browse(callback, victim);
    expect(landed).toBe(`${server.url}/?signInError=sso-failed`);
    expect(victim.header(server.url)).not.toMatch(/cha_session/);
  });

  it('refuses an issuer whose discovery document names another issuer', async () => {
    // Configured as localhost, the provider calls itself 127.0.0.1: openid-client refuses the metadata.
    const { server } = await setUp({ issuerAsConfigured: (issuer) => issuer.replace('127.0.0.1', 'localhost') });
    const start = await fetch(`${server.url}/api/session/sso/start?returnTo=/cases`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe('/cases?signInError=sso-unavailable');
  });

  it('refuses a real, well-signed ID token with the right nonce when it was made for another client or by another issuer', async () => {
    const { server, provider } = await setUp();
    // A second provider at another address, signing with the same key (so only its issuer is wrong),
    // where "workbench" is registered too.
    const elsewhere = startTestOidcProvider(await listenForProvider(), {
      clients: [{ ...CLIENT, redirectUris: ['http://127.0.0.1:1/callback'] }],
      groupsClaim: 'groups',
      signingKey: SIGNING_KEY,
    });
    closers.push(() => elsewhere.close());
    const person = { sub: 'u-5', name: 'Ilse de Wit', groups: ['tns-analysts'] };
    provider.setNextAccount(person);
    elsewhere.setNextAccount(person);

    /** Starts at the server, swaps the ID token the provider answers with, and finishes; where the browser lands. */
    async function signInWithSwappedToken(foreign: (nonce: string) => Promise<string>) {
      const jar = new CookieJar();
      const { url: authorize } = await browse(`${server.url}/api/session/sso/start`, jar, (target) => target.startsWith(`${provider.issuer}/auth`));
      const nonce = new URL(authorize).searchParams.get('nonce') ?? '';
      provider.replaceNextIdToken(await foreign(nonce));
      const { url } = await browse(authorize, jar, (target) => target.startsWith(server.url) && !target.includes('/api/'));
      return { url, signedIn: jar.header(server.url).includes('cha_session') };
    }

    // The control: a token of this provider for this client with the nonce asked for is accepted, so
    // swapping alone breaks nothing.
    const genuine = await signInWithSwappedToken(async (nonce) => (await relyingPartySignIn(provider.issuer, { ...CLIENT, redirectUris: ['http://127.0.0.1:1/callback'] }, { nonce })).idToken);
    expect(genuine).toEqual({ url: `${server.url}/`, signedIn: true });

    const otherClient = await relyingPartySignIn(provider.issuer, OTHER_APP, { nonce: 'probe' });
    expect(otherClient.claims).toMatchObject({ iss: provider.issuer, aud: 'other-app' });
    const wrongAudience = await signInWithSwappedToken(async (nonce) => (await relyingPartySignIn(provider.issuer, OTHER_APP, { nonce })).idToken);
    expect(wrongAudience).toEqual({ url: `${server.url}/?signInError=sso-failed`, signedIn: false });

    const wrongIssuer = await signInWithSwappedToken(async (nonce) => (await relyingPartySignIn(elsewhere.issuer, { ...CLIENT, redirectUris: ['http://127.0.0.1:1/callback'] }, { nonce })).idToken);
    expect(wrongIssuer).toEqual({ url: `${server.url}/?signInError=sso-failed`, signedIn: false });
  });
});
