// The signed session cookie: who is signed in, since when. Signed with the server's secret
// (@fastify/cookie's HMAC), so a browser can neither forge nor edit it; HttpOnly so page scripts
// cannot read it; SameSite=Lax plus the Origin check keep other sites from riding on it.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cha_session';

export interface SessionCookieOptions {
  maxAgeSeconds: number;
  now: () => number;
}

/** The signed-in user's id, or `null` (no cookie, a bad signature, an expired or malformed value). */
export function readSessionUser(request: FastifyRequest, options: SessionCookieOptions): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,15})$/.exec(unsigned.value);
  if (!match?.[1] || !match[2]) return null;
  const issuedAt = Number(match[2]);
  const age = options.now() - issuedAt;
  if (age < -60_000 || age > options.maxAgeSeconds * 1000) return null;
  return match[1];
}

export function writeSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { userId: string } | null,
  options: SessionCookieOptions,
): void {
  const common = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the browser reached us over TLS (directly, or through a trusted proxy).
    secure: request.protocol === 'https',
  };
  if (session === null) {
    reply.clearCookie(SESSION_COOKIE, common);
    return;
  }
  reply.setCookie(SESSION_COOKIE, `${session.userId}.${options.now()}`, {
    ...common,
    signed: true,
    maxAge: options.maxAgeSeconds,
  });
}
