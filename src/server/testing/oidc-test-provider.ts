// A real OpenID Connect provider on loopback for tests (oidc-provider, the certified implementation):
// real discovery, JWKS, signed ID tokens, authorization code with PKCE. Only its login screen is
// replaced: the interaction finishes at once as the account the test names next.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Provider } from 'oidc-provider';

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
  options: { clients: TestOidcClient[]; groupsClaim: string },
) {
  let next: TestOidcAccount = { sub: 'nobody', name: 'Nobody', groups: [] };
  const accounts = new Map<string, TestOidcAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
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
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
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
