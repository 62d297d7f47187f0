// A real OpenID Connect provider on loopback for tests (oidc-provider, the certified implementation):
// real discovery, JWKS, signed ID tokens, authorization code with PKCE. Only its login screen is
// replaced: the interaction finishes at once as the account the test names next. To test a relying
// party's checks it can also misbehave once: answer the next token request with another ID token
// (a real one, signed with its key, made for another client or by another provider sharing the key).
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Provider } from 'oidc-provider';
import * as oidc from 'openid-client';

export interface TestOidcAccount {
  sub: string;
  name: string;
  groups: string[];
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** Listening first, so the issuer (its address) is known before the clients that need it. */
export async function listenForProvider(): Promise<{ http: Server; issuer: string }> {
  // Until the provider is attached, say so at once (a request left unanswered would hang the caller).
  const http = createServer((_request, response) => {
    response.statusCode = 503;
    response.end('the test provider is starting');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { http, issuer: `http://127.0.0.1:${address.port}` };
}

export function startTestOidcProvider(
  { http, issuer }: { http: Server; issuer: string },
  options: { clients: TestOidcClient[]; groupsClaim: string; signingKey?: KeyObject },
) {
  let next: TestOidcAccount = { sub: 'nobody', name: 'Nobody', groups: [] };
  let replacementIdToken: string | null = null;
  const accounts = new Map<string, TestOidcAccount>();
  const privateKey = options.signingKey ?? newSigningKey();
  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    // The groups travel in the ID token, as an organisation's IdP is configured to send them.
    claims: { openid: ['sub'], profile: ['name', options.groupsClaim], email: ['email'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_context: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: account.name, [options.groupsClaim]: account.groups }) };
    },
  });
  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const account = next;
    accounts.set(account.sub, account);
    const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid profile email');
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  http.removeAllListeners('request');
  http.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (replacementIdToken !== null && request.method === 'POST' && request.url?.startsWith('/token')) {
      replaceIdTokenInAnswer(response, replacementIdToken);
      replacementIdToken = null;
    }
    if (request.url?.startsWith('/interaction/')) {
      interaction(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    callback(request, response);
  });

  return {
    issuer,
    /** The account the next authorization signs in as. */
    setNextAccount(account: TestOidcAccount): void {
      next = account;
    },
    /** The next token answer carries this ID token instead of the one the provider made. */
    replaceNextIdToken(idToken: string): void {
      replacementIdToken = idToken;
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** An RS256 key for a provider; two providers given one key sign tokens each other's JWKS accepts. */
export function newSigningKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/** Lets the provider write its token answer, then sends it with `id_token` replaced. */
function replaceIdTokenInAnswer(response: ServerResponse, idToken: string): void {
  const end = response.end.bind(response);
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  Object.assign(response, {
    write: (chunk: unknown) => {
      collect(chunk);
      return true;
    },
    end: (chunk?: unknown) => {
      collect(chunk);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const text = JSON.stringify({ ...body, id_token: idToken });
      response.setHeader('content-length', Buffer.byteLength(text));
      return end(text);
    },
  });
}

/**
 * A relying party's whole sign-in at `issuer` as `registered` (discovery, PKCE, the browser's redirects,
 * code for tokens), with a nonce of the caller's choosing when given; answers the ID token and its claims.
 */
export async function relyingPartySignIn(issuer: string, registered: TestOidcClient, options: { nonce?: string } = {}) {
  const redirectUri = registered.redirectUris[0] ?? '';
  const config = await oidc.discovery(new URL(issuer), registered.clientId, undefined, oidc.ClientSecretBasic(registered.clientSecret), {
    execute: [oidc.allowInsecureRequests],
  });
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = options.nonce ?? oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const { url, response } = await browse(authorizationUrl.href, new CookieJar(), (target) => target.startsWith(redirectUri));
  if (!url.startsWith(redirectUri)) throw new Error(`the browser stopped at ${url} with ${response.status}: ${await response.text()}`);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(url), { pkceCodeVerifier, expectedState: state, expectedNonce: nonce });
  const claims = tokens.claims();
  if (!claims || tokens.id_token === undefined) throw new Error('no ID token');
  return { idToken: tokens.id_token, claims };
}

/** A browser's cookie jar for several origins (enough for these flows: name=value, path ignored). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.jars.get(new URL(url).host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(host, jar);
  }
}

/** GETs `url` and follows redirects with `jar`, as a browser would; answers the last response and its URL. */
export async function browse(url: string, jar: CookieJar, stopAt?: (url: string) => boolean): Promise<{ url: string; response: Response }> {
  let current = url;
  for (let hop = 0; hop < 20; hop += 1) {
    const response = await fetch(current, { redirect: 'manual', headers: { cookie: jar.header(current) } });
    jar.take(current, response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
    const target = new URL(location, current).href;
    if (stopAt?.(target)) return { url: target, response };
    current = target;
  }
  throw new Error(`too many redirects from ${url}`);
}
