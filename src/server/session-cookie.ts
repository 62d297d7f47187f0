// The session cookie: a random token naming a server-side session (identity/sessions.ts). HttpOnly so
// page scripts cannot read it; Secure whenever the browser reached us over TLS; SameSite=Lax plus the
// Origin check keep other sites from riding on it. It lasts no longer than the session's absolute end.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cha_session';

function common(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...common(request), expires: session.expiresAt });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, common(request));
}
