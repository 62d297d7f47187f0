// The test OpenID Connect provider on its own, without the rest of the server: a relying party
// (openid-client) discovers it, runs the authorization code flow with PKCE through a browser that
// follows redirects with a cookie jar, and checks the signed ID token it gets back.
import { afterEach, describe, expect, it } from 'vitest';
import { listenForProvider, relyingPartySignIn, startTestOidcProvider, type TestOidcClient } from './oidc-test-provider';

const REDIRECT_URI = 'http://127.0.0.1:1/callback';
const FIRST = { clientId: 'first-client', clientSecret: 'first-secret-for-tests-only-0123456789', redirectUris: [REDIRECT_URI] };
const SECOND = { clientId: 'second-client', clientSecret: 'second-secret-for-tests-only-0123456789', redirectUris: [REDIRECT_URI] };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function startProvider(clients: TestOidcClient[], groupsClaim = 'groups') {
  const listening = await listenForProvider();
  const provider = startTestOidcProvider(listening, { clients, groupsClaim });
  closers.push(() => provider.close());
  return provider;
}

async function signIn(issuer: string, registered: TestOidcClient) {
  return (await relyingPartySignIn(issuer, registered)).claims;
}

describe('test OpenID Connect provider', () => {
  it('signs in as the account named next, with its name and groups in a signed ID token', async () => {
    const provider = await startProvider([FIRST]);
    const discovered = await fetch(`${provider.issuer}/.well-known/openid-configuration`).then((response) => response.json() as Promise<Record<string, unknown>>);
    expect(discovered.issuer).toBe(provider.issuer);
    expect(discovered.code_challenge_methods_supported).toContain('S256');

    provider.setNextAccount({ sub: 'ada', name: 'Ada Lovelace', groups: ['tns-analysts', 'tns-admins'] });
    const claims = await signIn(provider.issuer, FIRST);
    expect(claims.iss).toBe(provider.issuer);
    expect(claims.aud).toBe(FIRST.clientId);
    expect(claims.sub).toBe('ada');
    expect(claims.name).toBe('Ada Lovelace');
    expect(claims.groups).toEqual(['tns-analysts', 'tns-admins']);

    // The next sign-in is someone else, even in a new browser against the same provider.
    provider.setNextAccount({ sub: 'grace', name: 'Grace Hopper', groups: [] });
    const again = await signIn(provider.issuer, FIRST);
    expect(again.sub).toBe('grace');
    expect(again.groups).toEqual([]);
  });

  it('serves several clients, each getting tokens for its own client id, with the groups under the claim asked for', async () => {
    const provider = await startProvider([FIRST, SECOND], 'roles');
    provider.setNextAccount({ sub: 'ada', name: 'Ada Lovelace', groups: ['tns-reviewers'] });
    const claims = await signIn(provider.issuer, SECOND);
    expect(claims.aud).toBe(SECOND.clientId);
    expect(claims.roles).toEqual(['tns-reviewers']);
    expect(claims.groups).toBeUndefined();
  });
});
