// The workbench server: one Fastify process serving the built app and `/api`. Every API request goes
// to the backend rules (`createBackend().handle`), exactly as the mock backend's does; this file adds
// only transport (HTTP, static files), identity (the signed session), and operations (health,
// limits, headers, logs). No rule of the policy or of the workflow lives here.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ApiErrorBody, ApiErrorCode } from '../api/contract/errors';
import { STATUS_BY_CODE } from '../api/contract/errors';
import type { User } from '../api/contract/users';
import { LIVE_EVENT, LIVE_STREAM_PATH, type LiveNotice } from '../api/contract/live';
import { createBackend, parseJsonBody, randomId, type Backend, type BackendRequest } from '../backend/backend';
import { buildDemoSeed } from '../backend/demo-data';
import { EMPTY_SEED } from '../backend/storage';
import { evaluate } from '../engine/evaluate';
import type { ServerStorage } from './memory-opened-storage';
import type { ServerConfig } from './server-config';
import { DEFAULT_THROTTLE, type PasswordHasher } from '../backend/identity/identity-rules';
import { isCommonPassword } from './identity/common-passwords';
import { seedDemoAccounts } from './identity/demo-accounts';
import { createScryptHasher } from './identity/password-hashing';
import { createSessionManager } from './identity/sessions';
import { registerSingleSignOn } from './identity/single-sign-on';
import { hashToken, newToken } from './identity/tokens';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';

export interface CreateServerOptions {
  config: ServerConfig;
  storage: ServerStorage;
  /** Signs the single sign-on state cookie (main.ts reads or creates it). */
  sessionSecret: string;
  /** Injectable for tests; the real clock otherwise. */
  now?: () => Date;
  /** pino options, or `false` for none (tests). */
  logger?: boolean | { level: string };
  /** Password hashing; scrypt with the documented parameters by default (tests may pass cheaper ones). */
  passwords?: PasswordHasher;
}

export interface CreatedServer {
  app: FastifyInstance;
  backend: Backend;
  /** Set when this start created the demo accounts and generated their password: say it once. */
  generatedDemoPassword: string | null;
}

/** Ids of the directory's trail: `user-event-…`. */
function newEventId(): string {
  return randomId('event').replace(/^event-/, 'user-event-');
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Styles: emotion (MUI) injects <style> elements at run time, which needs 'unsafe-inline' for
 * style-src (or a nonce per response, which a static index.html cannot carry). Scripts: only files
 * from this origin, no inline script and no eval. Workers: the detection worker is a same-origin file.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // Case pages link to outside sources: their addresses (case ids) stay here.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { code, message, fieldErrors: [] };
}

const DEADLINE_PASSED = Symbol('deadline passed');

/** `work`'s result, or DEADLINE_PASSED when it takes longer than `ms` (the work itself is not stopped). */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof DEADLINE_PASSED> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof DEADLINE_PASSED>((resolve) => {
    timer = setTimeout(() => resolve(DEADLINE_PASSED), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function sendError(reply: FastifyReply, code: ApiErrorCode, message: string): FastifyReply {
  return reply.code(STATUS_BY_CODE[code]).type('application/json').send(errorBody(code, message));
}

function headerRecord(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function queryRecord(query: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    // A repeated parameter (`?a=1&a=2`): the last one wins, as URLSearchParams' fromEntries does in MSW.
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') result[key] = last;
  }
  return result;
}

export async function createServer(options: CreateServerOptions): Promise<CreatedServer> {
  const { config, storage } = options;
  const now = options.now ?? (() => new Date());
  const passwords = options.passwords ?? createScryptHasher();
  const sessions = createSessionManager(
    storage.identity,
    { idleMs: config.sessionIdleSeconds * 1000, absoluteMs: config.sessionMaxAgeSeconds * 1000 },
    now,
  );

  let generatedDemoPassword: string | null = null;
  if (config.seedDemoData) {
    const password = config.demoPassword ?? randomBytes(12).toString('base64url');
    const seeded = await seedDemoAccounts(storage.identity, { passwords, password, now: now().toISOString(), newEventId });
    if (seeded && config.demoPassword === undefined) generatedDemoPassword = password;
  }

  const backend = createBackend({
    storage: storage.storage,
    now: () => now().toISOString(),
    evaluate,
    newId: randomId,
    // An empty database gets the demo cases only where people can sign in as the demo users.
    seed: async () => (config.seedDemoData ? buildDemoSeed({ now: now().toISOString(), evaluate }) : EMPTY_SEED),
    identity: {
      storage: storage.identity,
      passwords,
      isCommonPassword,
      newToken,
      hashToken,
      newEventId,
      singleSignOn: config.singleSignOn ? { label: config.singleSignOn.label } : null,
    },
  });

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs * 2,
    keepAliveTimeout: 5_000,
    // Our own ids (or a proxy's, when well-formed), echoed in X-Request-Id and in every log line.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
  });

  // Who is acting, decided once per request from the session cookie (never from a header).
  app.decorateRequest('actingUser', null);

  await app.register(fastifyCookie, { secret: options.sessionSecret, hook: 'onRequest' });
  app.addHook('onRequest', async (request) => {
    // Only the API acts as someone; static files and health checks need no database round trip.
    request.actingUser = request.url.startsWith('/api') ? await sessions.resolve(request.cookies[SESSION_COOKIE]) : null;
  });
  // Housekeeping every 10 minutes: sessions ended by time, failed sign-ins too old to count.
  const housekeeping = async () => {
    await sessions.sweep();
    await storage.identity.deleteSignInFailuresBefore(new Date(now().getTime() - DEFAULT_THROTTLE.windowMs).toISOString());
  };
  const sweep = setInterval(() => void housekeeping().catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed')), 10 * 60_000);
  sweep.unref();

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    reply.header('X-Request-Id', request.id);
    // The server's own time for the request (a benchmark and a browser's devtools read it).
    reply.header('Server-Timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });

  // Every body is read as text and parsed the way every adapter parses (bad JSON -> the backend's 400).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseJsonBody(typeof body === 'string' ? body : body.toString('utf8')));
  });

  await app.register(fastifyRateLimit, {
    global: false,
    max: config.writeRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.actingUser ? `user:${request.actingUser.id}` : `address:${request.ip}`),
    allowList: (request) => !WRITE_METHODS.has(request.method),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate-limited',
      message: `Too many changes: at most ${context.max} a minute per user. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 429) return sendError(reply, 'rate-limited', error.message);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendError(reply, 'payload-too-large', `The request body is larger than this server accepts (${config.bodyLimitBytes} bytes).`);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, 'validation', `The request could not be read: ${error.message}`);
    }
    request.log.error({ err: error }, 'unexpected failure');
    return sendError(reply, 'server-error', 'The server failed unexpectedly.');
  });

  // ------------------------------------------------------------------ operations
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await storage.ping();
      return { status: 'ready', database: storage.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable', database: storage.kind });
    }
  });

  // ------------------------------------------------------------------ the API
  async function api(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    if (WRITE_METHODS.has(request.method) && !sameOrigin(request, config.publicOrigin)) {
      return sendError(reply, 'forbidden', 'Cross-site request refused: the Origin is not this server.');
    }
    const backendRequest: BackendRequest = {
      method: request.method === 'HEAD' ? 'GET' : request.method,
      path: request.url.split('?')[0] ?? request.url,
      query: queryRecord(request.query),
      headers: headerRecord(request),
      userId: request.actingUser?.id ?? null,
      actingUser: request.actingUser,
      body: request.body,
      clientAddress: request.ip,
    };
    const response = await withinDeadline(backend.handle(backendRequest), config.handlerDeadlineMs);
    if (response === DEADLINE_PASSED) {
      request.log.error({ deadlineMs: config.handlerDeadlineMs, method: request.method, url: request.url }, 'API request passed its deadline');
      reply.header('Retry-After', '5');
      return reply
        .code(503)
        .type('application/json')
        .send(errorBody('server-error', `The server took longer than ${(config.handlerDeadlineMs / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s to answer; nothing is lost on your side. Try again in a moment.`));
    }
    if (response.session !== undefined) {
      // Sign-in, sign-out, a password set: the session the cookie named ends, and a new one (a new
      // token, so a token planted before sign-in is worth nothing: no fixation) takes its place.
      await sessions.end(request.cookies[SESSION_COOKIE]);
      if (response.session === null) clearSessionCookie(request, reply);
      else setSessionCookie(request, reply, await sessions.start(response.session));
    }
    // API answers are per user and change with every write: never from a shared cache.
    reply.header('Cache-Control', 'no-store');
    if (response.stream) {
      // A file (the CSV exports, issue 10 §3): each chunk is sent as the storage reads its batch, so a
      // designation's 100,000 rows never sit in memory at once. Past the first byte a failure can only
      // cut the download short; it is logged.
      const file = Readable.from(response.stream);
      file.on('error', (error) => request.log.error({ err: error }, 'export stream failed'));
      return reply.code(response.status).headers(response.headers).send(file);
    }
    return reply.code(response.status).headers(response.headers).type('application/json').send(JSON.stringify(response.body));
  }
  // Issue 12 §7: one server-sent event stream per tab. The backend says who may listen and what they
  // hear; this is the transport: headers, a keep-alive comment, and the session checked again with it.
  const liveStreams = new Set<() => void>();
  app.get(LIVE_STREAM_PATH, async (request, reply) => {
    const pending: LiveNotice[] = [];
    let send = (notice: LiveNotice): void => {
      pending.push(notice);
    };
    const connection = await backend.openLiveStream(request.actingUser?.id ?? null, (notice) => send(notice));
    if (!connection.ok) {
      return reply.code(connection.response.status).headers(connection.response.headers).send(JSON.stringify(connection.response.body));
    }
    reply.hijack();
    const raw = reply.raw;
    let closed = false;
    let keepAlive: ReturnType<typeof setInterval> | undefined;
    const end = () => {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      connection.close();
      liveStreams.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    // Nothing is written once the stream has ended (a late keep-alive, a notice during shutdown).
    const write = (chunk: string) => {
      if (!closed && !raw.destroyed) raw.write(chunk);
    };
    // The browser may have gone while the stream was being opened: its 'close' has fired already.
    raw.on('close', end);
    if (raw.destroyed || request.raw.destroyed) {
      end();
      return reply;
    }
    raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A reverse proxy (nginx) must pass each event on at once instead of buffering the stream.
      'X-Accel-Buffering': 'no',
      'X-Request-Id': request.id,
    });
    send = (notice) => write(`event: ${LIVE_EVENT}\ndata: ${JSON.stringify(notice)}\n\n`);
    // How long the browser waits before it reconnects after the connection drops.
    write('retry: 3000\n\n');
    for (const notice of pending.splice(0)) send(notice);

    const cookie = request.cookies[SESSION_COOKIE];
    // Every LIVE_KEEP_ALIVE_MS: a comment line keeps proxies from closing an idle stream, and the
    // session is read again, so a person signed out, disabled or whose roles changed stops hearing.
    keepAlive = setInterval(() => {
      void sessions.resolve(cookie).then(
        (user) => (user?.id === connection.user.id ? write(': keep-alive\n\n') : end()),
        () => end(),
      );
    }, config.liveKeepAliveMs);
    liveStreams.add(end);
    return reply;
  });
  app.addHook('preClose', async () => {
    // Each `end` removes itself from the set; a Set's iteration allows that.
    for (const end of liveStreams) end();
  });

  const rateLimited = { config: { rateLimit: {} } };
  if (config.singleSignOn && backend.identity) {
    await registerSingleSignOn(app, { config: config.singleSignOn, identity: backend.identity, sessions, publicOrigin: config.publicOrigin, now });
  }
  // oxlint-disable-next-line no-async-endpoint-handlers -- an Express rule; Fastify awaits async handlers
  app.all('/api', rateLimited, api);
  // oxlint-disable-next-line no-async-endpoint-handlers -- as above
  app.all('/api/*', rateLimited, api);

  // ------------------------------------------------------------------ the app
  const root = resolve(config.staticDir);
  const indexHtml = resolve(root, 'index.html');
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Hashed file names never change content: cache for a year. Everything else (index.html, the
      // service worker, the manifest) is revalidated on every load, so a new release shows at once.
      setHeaders: (fileReply, path) => {
        const hashed = path.startsWith(resolve(root, 'assets'));
        fileReply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn({ root }, 'no built app here: only /api is served (run `npm run build`)');
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // App routes (/cases/…, /review, …) are the SPA's: index.html, whose router shows them.
    // An account page's handle may end in ".something" (handles allow dots): still the SPA's.
    const looksLikeFile = /\.[a-z0-9]+$/i.test(path) && !path.startsWith('/accounts/');
    const appRoute = (request.method === 'GET' || request.method === 'HEAD') && !looksLikeFile;
    if (appRoute && existsSync(indexHtml)) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', root);
    }
    return sendError(reply, 'not-found', `Nothing at ${request.method} ${path}.`);
  });

  app.addHook('onClose', async () => {
    clearInterval(sweep);
    await storage.close();
  });

  return { app, backend, generatedDemoPassword };
}

/**
 * CSRF guard for writes: a browser names the page's origin in `Origin` on every POST/PUT/DELETE;
 * another site's page cannot fake it. No Origin and no `Sec-Fetch-Site: cross-site` means no
 * browser page sent it (curl, a script): nothing to ride on, so it passes.
 */
function sameOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
  return origin === expected;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set from the session cookie in `onRequest`; the only identity the backend is given. */
    actingUser: User | null;
  }
}
