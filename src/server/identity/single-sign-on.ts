// Single sign-on with OpenID Connect (authorization code flow with PKCE, through openid-client): the
// transport half. `/api/session/sso/start` sends the browser to the provider with a fresh state,
// nonce and PKCE verifier kept in a short-lived signed cookie; `/api/session/sso/callback` has
// openid-client check the answer (state, PKCE, the ID token's signature, issuer, audience, nonce and
// expiry), maps the roles claim to workbench roles, and hands the person to the identity rules,
// which make or update the account. A failure sends the browser back to the sign-in page with a reason.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { WorkbenchRole } from '../../api/contract/users';
import { ApiFailure } from '../../backend/backend-errors';
import type { IdentityRules } from '../../backend/identity/identity-rules';
import type { SingleSignOnConfig } from '../server-config';
import { SESSION_COOKIE, setSessionCookie } from '../session-cookie';
import type { SessionManager } from './sessions';

const STATE_COOKIE = 'cha_sso';
const STATE_PATH = '/api/session/sso';
const START_PATH = `${STATE_PATH}/start`;
const CALLBACK_PATH = `${STATE_PATH}/callback`;

/** What the browser carries between start and callback (signed, so it cannot be edited). */
const PendingSignIn = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), returnTo: z.string() });

/** Why single sign-on did not sign the person in; the sign-in page says it in the person's language. */
export type SingleSignOnFailure = 'unavailable' | 'failed' | 'no-role' | 'disabled';

/** Only a path of this app: never another site (no open redirect). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 2000) return '/';
  return value.startsWith('/api') ? '/' : value;
}

/** The claim's values (a list, or one string with values separated by spaces or commas) as roles. */
export function rolesFromClaim(claim: unknown, roleMap: ReadonlyMap<string, WorkbenchRole>): WorkbenchRole[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = new Set<WorkbenchRole>();
  for (const value of values) {
    const role = typeof value === 'string' ? roleMap.get(value) : undefined;
    if (role) roles.add(role);
  }
  return (['analyst', 'reviewer', 'admin'] as const).filter((role) => roles.has(role));
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : null;
}

function backToSignIn(reply: FastifyReply, reason: SingleSignOnFailure, returnTo = '/'): FastifyReply {
  const target = new URL(returnTo, 'http://app.invalid');
  target.searchParams.set('signInError', `sso-${reason}`);
  return reply.redirect(`${target.pathname}${target.search}`, 303);
}

export async function registerSingleSignOn(
  app: FastifyInstance,
  deps: { config: SingleSignOnConfig; identity: IdentityRules; sessions: SessionManager; publicOrigin: string | undefined; now: () => Date },
): Promise<void> {
  const { config } = deps;
  let discovered: Promise<oidc.Configuration> | null = null;

  /** Discovery once, retried on the next sign-in when the provider could not be reached. */
  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        { client_secret: config.clientSecret },
        oidc.ClientSecretBasic(config.clientSecret),
        // A provider on plain http is for tests and local trials on loopback only.
        new URL(config.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  }

  function origin(request: FastifyRequest): string {
    return deps.publicOrigin ?? `${request.protocol}://${request.host}`;
  }

  // Start discovery now, so a misconfigured issuer shows in the log at start rather than at first use.
  configuration().catch((error: unknown) => app.log.error({ err: error, issuer: config.issuer }, 'single sign-on: provider discovery failed'));

  app.get(START_PATH, async (request, reply) => {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo);
    let settings: oidc.Configuration;
    try {
      settings = await configuration();
    } catch (error) {
      request.log.error({ err: error }, 'single sign-on: provider unavailable');
      return backToSignIn(reply, 'unavailable', returnTo);
    }
    const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo };
    reply.setCookie(STATE_COOKIE, JSON.stringify(pending), {
      path: STATE_PATH, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', signed: true, maxAge: 600,
    });
    const url = oidc.buildAuthorizationUrl(settings, {
      redirect_uri: `${origin(request)}${CALLBACK_PATH}`,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    reply.header('Cache-Control', 'no-store');
    return reply.redirect(url.href, 302);
  });

  app.get(CALLBACK_PATH, async (request, reply) => {
    const raw = request.cookies[STATE_COOKIE];
    reply.clearCookie(STATE_COOKIE, { path: STATE_PATH, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
    const unsigned = raw ? request.unsignCookie(raw) : null;
    const parsed = unsigned?.valid && unsigned.value !== null ? PendingSignIn.safeParse(parseJson(unsigned.value)) : null;
    if (!parsed?.success) {
      request.log.warn('single sign-on: callback without a valid pending sign-in (expired, or not started here)');
      return backToSignIn(reply, 'failed');
    }
    const pending = parsed.data;
    let claims: oidc.IDToken;
    try {
      const settings = await configuration();
      const tokens = await oidc.authorizationCodeGrant(settings, new URL(request.url, origin(request)), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = idClaims;
    } catch (error) {
      // Wrong issuer or audience, a bad signature, a replayed or foreign code: the same answer to the browser.
      request.log.warn({ err: error }, 'single sign-on: the provider answer was refused');
      return backToSignIn(reply, 'failed', pending.returnTo);
    }
    const subject = `${claims.iss} ${claims.sub}`;
    const roles = rolesFromClaim(claims[config.rolesClaim], config.roleMap);
    try {
      const grant = await deps.identity.signInWithSingleSignOn(
        {
          subject,
          id: `sso-${createHash('sha256').update(subject).digest('hex').slice(0, 16)}`,
          name: text(claims.name) ?? text(claims.preferred_username) ?? text(claims.email) ?? claims.sub.slice(0, 100),
          roles,
        },
        deps.now().toISOString(),
      );
      await deps.sessions.end(request.cookies[SESSION_COOKIE]);
      setSessionCookie(request, reply, await deps.sessions.start(grant));
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'forbidden') {
        request.log.info({ subject, roles }, 'single sign-on: refused by the account rules');
        return backToSignIn(reply, roles.length === 0 ? 'no-role' : 'disabled', pending.returnTo);
      }
      throw error;
    }
    reply.header('Cache-Control', 'no-store');
    return reply.redirect(pending.returnTo, 303);
  });
}
