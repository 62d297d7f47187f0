// The server over real sockets on 127.0.0.1: identity from the session only, the session cookie,
// the rules (four eyes, versions) reached over HTTP on memory, PGlite and
// PostgreSQL, data that survives a restart, and the operations around them (headers, limits,
// health, shutdown, the app's routes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { CaseDocument } from '../api/contract/case';
import { NEW_CASE, recommendedContent } from '../backend/backend-test-kit';
import type { BackendStorage } from '../backend/storage';
import { createMemoryStorage } from '../backend/memory-storage';
import { openMemoryStorage, type ServerStorage } from './memory-opened-storage';
import { openStorage } from './storage/open-storage';
import { createTestDatabase } from './testing/postgres-cluster';
import { json, startTestServer, TEST_ASSET, TEST_PASSWORD, type TestServer } from './server-test-kit';

let server: TestServer | null = null;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  const handle: { resolve: () => void } = { resolve: () => undefined };
  const promise = new Promise<void>((done) => {
    handle.resolve = done;
  });
  return { promise, resolve: () => handle.resolve() };
}

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  server = await startTestServer(options);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = null;
});

/** The databases the server runs on; the rules over HTTP are checked on each. */
const DATABASES: { database: string; open: () => Promise<ServerStorage> }[] = [
  { database: 'memory', open: async () => openMemoryStorage() },
  { database: 'PGlite', open: () => openStorage({ dataDir: 'memory://' }) },
  { database: 'PostgreSQL', open: async () => openStorage({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) }) },
];

async function createCase(s: TestServer, cookie: string): Promise<CaseDocument> {
  const response = await s.request('/api/cases', { method: 'POST', cookie, body: json(NEW_CASE) });
  expect(response.status).toBe(201);
  return (await response.json()) as CaseDocument;
}

describe.each(DATABASES)('identity on $database', ({ open }) => {
  it('ignores a forged X-User-Id: without a session every protected endpoint answers 401', async () => {
    const s = await start({ storage: await open() });
    const forged = await s.request('/api/cases', { headers: { 'X-User-Id': 'rui' } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'unauthenticated' });
    const write = await s.request('/api/cases', { method: 'POST', headers: { 'X-User-Id': 'ana' }, body: json(NEW_CASE) });
    expect(write.status).toBe(401);
    const session = await s.request('/api/session', { headers: { 'X-User-Id': 'ana' } });
    expect(await session.json()).toEqual({ user: null, signIn: 'accounts', singleSignOn: null });
  });

  it('acts as the signed-in user even when a header names another', async () => {
    const s = await start({ storage: await open() });
    const cookie = await s.signIn('ana');
    const me = await s.request('/api/me', { cookie, headers: { 'X-User-Id': 'rui' } });
    expect(await me.json()).toMatchObject({ id: 'ana', roles: ['analyst'] });
  });

});

describe('session cookie', () => {
  it('refuses a session cookie whose token was changed or made up', async () => {
    const s = await start();
    const cookie = await s.signIn('ana');
    const [name, value = ''] = cookie.split('=');
    expect((await s.request('/api/me', { cookie })).status).toBe(200);
    const edited = `${name}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    expect((await s.request('/api/me', { cookie: edited })).status).toBe(401);
    expect((await s.request('/api/me', { cookie: `${name}=rui.${Date.now()}` })).status).toBe(401);
  });

  it('ends a session after its maximum age', async () => {
    let clock = new Date('2026-12-06T08:00:00.000Z');
    const s = await start({ env: { SESSION_MAX_AGE_HOURS: '1' }, now: () => clock });
    const cookie = await s.signIn('sam');
    expect((await s.request('/api/me', { cookie })).status).toBe(200);
    clock = new Date('2026-12-06T09:00:01.000Z');
    expect((await s.request('/api/me', { cookie })).status).toBe(401);
  });
});

describe('the session cookie at sign-in', () => {
  it('is HttpOnly, SameSite=Lax, a random token that names nobody; sign-out clears it', async () => {
    const s = await start();
    const response = await s.request('/api/session/password', { method: 'POST', body: json({ login: 'rui', password: TEST_PASSWORD }) });
    expect(await response.json()).toEqual({ user: { id: 'rui', name: 'Rui Takahashi', roles: ['reviewer'] }, signIn: 'accounts', singleSignOn: null });
    const setCookie = response.headers.getSetCookie()[0] ?? '';
    expect(setCookie).toMatch(/^cha_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).not.toMatch(/rui/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = setCookie.split(';')[0] ?? '';
    expect(await (await s.request('/api/session', { cookie })).json()).toMatchObject({ user: { id: 'rui' } });

    const signOut = await s.request('/api/session', { method: 'DELETE', cookie });
    expect(await signOut.json()).toEqual({ user: null, signIn: 'accounts', singleSignOn: null });
    expect(signOut.headers.getSetCookie()[0]).toMatch(/^cha_session=;.*Expires=Thu, 01 Jan 1970/i);
    // The session is over on the server too: the old cookie, replayed, is nobody.
    expect((await s.request('/api/me', { cookie })).status).toBe(401);
  });

  it('marks the cookie Secure behind TLS (a trusted proxy saying https)', async () => {
    const s = await start({ env: { TRUST_PROXY: 'true' } });
    const response = await s.request('/api/session/password', {
      method: 'POST', body: json({ login: 'ana', password: TEST_PASSWORD }), headers: { 'X-Forwarded-Proto': 'https', Origin: s.url.replace('http:', 'https:') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('SEED_DEMO_DATA=false: no demo accounts and no demo cases; the directory is for signed-in people only', async () => {
    const s = await start({ env: { SEED_DEMO_DATA: 'false' } });
    const response = await s.request('/api/session/password', { method: 'POST', body: json({ login: 'ana', password: TEST_PASSWORD }) });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await s.storage.identity.countAccounts()).toBe(0);
    expect(await s.storage.storage.listCases()).toEqual([]);
    expect((await s.request('/api/users')).status).toBe(401);
  });

  it('refuses a write from another site (Origin check) before any rule runs', async () => {
    const s = await start();
    const cookie = await s.signIn('ana');
    const crossSite = await s.request('/api/cases', { method: 'POST', cookie, body: json(NEW_CASE), headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Cross-site/) });
    const fetchMetadata = await s.request('/api/session', { method: 'DELETE', cookie, headers: { Origin: '', 'Sec-Fetch-Site': 'cross-site' } });
    expect(fetchMetadata.status).toBe(403);
    const sameSite = await s.request('/api/cases', { method: 'POST', cookie, body: json(NEW_CASE) });
    expect(sameSite.status).toBe(201);
  });
});

describe.each(DATABASES)('the rules over HTTP on $database', ({ open }) => {
  it('refuses the person who submitted a case its approval (four eyes, R18)', async () => {
    const s = await start({ storage: await open() });
    await s.addUser('kim', 'Kim Larsen', ['analyst']);
    const kimAsAnalyst = await s.signIn('kim');
    let doc = await createCase(s, kimAsAnalyst);
    const put = await s.request(`/api/cases/${doc.id}`, { method: 'PUT', cookie: kimAsAnalyst, body: json(recommendedContent()), headers: { 'If-Match': `"${doc.version}"` } });
    doc = (await put.json()) as CaseDocument;
    const submit = await s.request(`/api/cases/${doc.id}/submit`, { method: 'POST', cookie: kimAsAnalyst, body: json({}), headers: { 'If-Match': `"${doc.version}"` } });
    doc = (await submit.json()) as CaseDocument;
    expect(doc.status).toBe('in_review');

    // Kim becomes a reviewer: the change ends her sessions; signed in again, she is a reviewer.
    await s.setRoles('kim', ['reviewer']);
    expect((await s.request('/api/me', { cookie: kimAsAnalyst })).status).toBe(401);
    const kim = await s.signIn('kim');
    const decision = { decision: 'approve', rationale: 'Meets the threshold.' };
    const own = await s.request(`/api/cases/${doc.id}/decision`, { method: 'POST', cookie: kim, body: json(decision), headers: { 'If-Match': `"${doc.version}"` } });
    expect(own.status).toBe(403);
    expect(await own.json()).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Four eyes \(R18\)/) });

    const rui = await s.signIn('rui');
    const other = await s.request(`/api/cases/${doc.id}/decision`, { method: 'POST', cookie: rui, body: json(decision), headers: { 'If-Match': `"${doc.version}"` } });
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ status: 'designated' });
  });

  it('round-trips versions: ETag on read, 428 without If-Match, 412 with a stale one, 200 with the current', async () => {
    const s = await start({ storage: await open() });
    const ana = await s.signIn('ana');
    const doc = await createCase(s, ana);
    const read = await s.request(`/api/cases/${doc.id}`, { cookie: ana });
    expect(read.headers.get('etag')).toBe(`"${doc.version}"`);
    const content = json(recommendedContent());

    const missing = await s.request(`/api/cases/${doc.id}`, { method: 'PUT', cookie: ana, body: content });
    expect(missing.status).toBe(428);
    expect(await missing.json()).toMatchObject({ code: 'precondition-required' });

    const saved = await s.request(`/api/cases/${doc.id}`, { method: 'PUT', cookie: ana, body: content, headers: { 'If-Match': `"${doc.version}"` } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe(`"${doc.version + 1}"`);

    const stale = await s.request(`/api/cases/${doc.id}`, { method: 'PUT', cookie: ana, body: content, headers: { 'If-Match': `"${doc.version}"` } });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: 'precondition-failed', currentVersion: doc.version + 1 });
  });

  it('refuses a NUL character in any text with a 400 naming the field, and stores the case unchanged (PostgreSQL cannot hold one)', async () => {
    const s = await start({ storage: await open() });
    const ana = await s.signIn('ana');
    const doc = await createCase(s, ana);
    const content = { ...recommendedContent(), rightsRiskAssessment: 'Before\u0000after' };
    const put = await s.request(`/api/cases/${doc.id}`, { method: 'PUT', cookie: ana, body: json(content), headers: { 'If-Match': `"${doc.version}"` } });
    expect(put.status).toBe(400);
    expect(await put.json()).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'rightsRiskAssessment', message: 'text.nul' }] });
    const created = await s.request('/api/cases', { method: 'POST', cookie: ana, body: json({ ...NEW_CASE, actor: { ...NEW_CASE.actor, name: 'Nul\u0000group' } }) });
    expect(created.status).toBe(400);
    const read = (await (await s.request(`/api/cases/${doc.id}`, { cookie: ana })).json()) as CaseDocument;
    expect(read.version).toBe(doc.version);
  });

  it('seeds the demo cases into an empty database when development sign-in is on; /readyz names the database', async () => {
    const storage = await open();
    const s = await start({ storage });
    const cookie = await s.signIn('ana');
    const list = (await (await s.request('/api/cases?pageSize=100', { cookie })).json()) as { total: number };
    expect(list.total).toBeGreaterThan(3);
    expect(await (await s.request('/readyz')).json()).toEqual({ status: 'ready', database: storage.kind });
  });
});

describe('the rules over HTTP', () => {
  it('answers malformed JSON with the 400 of the backend, in the error format', async () => {
    const s = await start();
    const ana = await s.signIn('ana');
    const response = await s.request('/api/cases', { method: 'POST', cookie: ana, body: '{"actor":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'validation', fieldErrors: [{ path: '', message: 'body.invalidJson' }] });
  });

  it('has no dev reset endpoint', async () => {
    const s = await start();
    const ana = await s.signIn('ana');
    const response = await s.request('/api/dev/reset', { method: 'POST', cookie: ana, body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not-found' });
  });
});

describe.each([
  { database: 'PGlite', place: () => ({ dataDir: mkdtempSync(join(tmpdir(), 'cha-server-data-')) }) },
  { database: 'PostgreSQL', place: async () => ({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) }) },
])('restart on $database', ({ place }) => {
  it('keeps the cases, their versions and sessions across a restart of the server', async () => {
    const where = await place();
    try {
      const first = await start({ storage: await openStorage(where) });
      const ana = await first.signIn('ana');
      const doc = await createCase(first, ana);
      await first.close();
      server = null;

      const second = await start({ storage: await openStorage(where) });
      const read = await second.request(`/api/cases/${doc.id}`, { cookie: ana });
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe(`"${doc.version}"`);
      expect(await read.json()).toMatchObject({ id: doc.id, createdBy: 'ana' });
    } finally {
      if (where.dataDir) rmSync(where.dataDir, { recursive: true, force: true });
    }
    // PGlite creates its cluster on disk on first open: tens of seconds on a busy two-core machine.
  }, 180_000);
});

describe('operations', () => {
  it('sends the security headers on API answers, app pages, assets and errors', async () => {
    const s = await start();
    const paths = ['/api/session', '/cases/abc', TEST_ASSET, '/api/nothing', '/healthz'];
    const seen = await Promise.all(paths.map(async (path) => {
      const { headers } = await s.request(path);
      const csp = headers.get('content-security-policy') ?? '';
      return {
        path,
        framing: csp.includes("frame-ancestors 'none'"),
        scriptsFromSelfOnly: /(?:^|; )script-src 'self'(?:;|$)/.test(csp),
        nosniff: headers.get('x-content-type-options'),
        referrer: headers.get('referrer-policy'),
        requestId: /^[A-Za-z0-9._-]+$/.test(headers.get('x-request-id') ?? ''),
      };
    }));
    expect(seen).toEqual(paths.map((path) => ({
      path, framing: true, scriptsFromSelfOnly: true, nosniff: 'nosniff', referrer: 'no-referrer', requestId: true,
    })));
  });

  it('answers a body over the limit with 413 in the API error format', async () => {
    const s = await start({ env: { BODY_LIMIT_BYTES: '2048' } });
    const ana = await s.signIn('ana');
    const big = json({ ...NEW_CASE, actor: { ...NEW_CASE.actor, purpose: 'x'.repeat(4096) } });
    const response = await s.request('/api/cases', { method: 'POST', cookie: ana, body: big });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload-too-large', message: expect.stringMatching(/2048 bytes/), fieldErrors: [] });
  });

  it('limits writes per user (429 with Retry-After), not reads, and not other users', async () => {
    const s = await start({ env: { WRITE_RATE_LIMIT_PER_MINUTE: '3' } });
    const ana = await s.signIn('ana');
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      statuses.push((await s.request('/api/cases', { method: 'POST', cookie: ana, body: json(NEW_CASE) })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await s.request('/api/cases', { method: 'POST', cookie: ana, body: json(NEW_CASE) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'rate-limited', fieldErrors: [] });
    expect((await s.request('/api/cases', { cookie: ana })).status).toBe(200);
    const ben = await s.signIn('ben');
    expect((await s.request('/api/cases', { method: 'POST', cookie: ben, body: json(NEW_CASE) })).status).toBe(201);
  });

  it('/healthz says the process is up; /readyz asks the database', async () => {
    const s = await start();
    expect(await (await s.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await s.request('/readyz')).json()).toEqual({ status: 'ready', database: 'memory' });
    const failing = { ...s.storage, ping: () => Promise.reject(new Error('connection refused')) };
    await s.close();
    server = await startTestServer({ storage: failing });
    const notReady = await server.request('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'unavailable', database: 'memory' });
    expect((await server.request('/healthz')).status).toBe(200);
  });

  it('answers 503 with Retry-After when a request passes its deadline, and keeps serving the next ones', async () => {
    const inner = createMemoryStorage();
    const gate = deferred();
    let hold = false;
    const slow: BackendStorage = {
      ...inner,
      getCase: async (...args) => {
        if (hold) await gate.promise;
        return inner.getCase(...args);
      },
    };
    const s = await start({ storage: openMemoryStorage(slow), env: { HANDLER_DEADLINE_MS: '300' } });
    const ana = await s.signIn('ana');
    const doc = await createCase(s, ana);
    hold = true;
    const late = await s.request(`/api/cases/${doc.id}`, { cookie: ana });
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('5');
    expect(await late.json()).toMatchObject({ code: 'server-error', message: expect.stringMatching(/^The server took longer than 0\.3 s to answer/) });
    hold = false;
    gate.resolve();
    expect((await s.request(`/api/cases/${doc.id}`, { cookie: ana })).status).toBe(200);
  });

  it('shuts down gracefully: the write in flight finishes, then the database closes', async () => {
    const inner = createMemoryStorage();
    const started = deferred();
    const gate = deferred();
    let holdWrites = false;
    const slow: BackendStorage = {
      ...inner,
      putCase: async (...args) => {
        if (holdWrites) {
          started.resolve();
          await gate.promise;
        }
        return inner.putCase(...args);
      },
    };
    const opened = openMemoryStorage(slow);
    let closed = false;
    const storage = { ...opened, close: async () => { closed = true; } };
    const s = await start({ storage });
    const ana = await s.signIn('ana');
    await s.request('/api/cases', { cookie: ana }); // seeded before the slow write
    holdWrites = true;
    const inFlight = s.request('/api/cases', { method: 'POST', cookie: ana, body: json(NEW_CASE) });
    await started.promise;
    const closing = s.app.close();
    // Closing waits for the request; the database stays open meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    gate.resolve();
    const response = await inFlight;
    expect(response.status).toBe(201);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow('fetch failed');
    const created = (await response.json()) as CaseDocument;
    expect(await inner.getCase(created.id)).toMatchObject({ id: created.id });
  });
});

describe('the app', () => {
  it('serves index.html for app routes (revalidated) and hashed assets for a year', async () => {
    const s = await start();
    const paths = ['/', '/cases', '/review/case-abc', '/designations/x/report?print=1'];
    const pages = await Promise.all(paths.map(async (path) => {
      const page = await s.request(path, { headers: { Accept: 'text/html' } });
      return {
        path, status: page.status, type: page.headers.get('content-type'), cache: page.headers.get('cache-control'),
        app: (await page.text()).includes('<div id="root">'),
      };
    }));
    expect(pages).toEqual(paths.map((path) => ({
      path, status: 200, type: 'text/html; charset=utf-8', cache: 'no-cache', app: true,
    })));
    const asset = await s.request(TEST_ASSET);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers unknown API paths and missing files with a JSON 404, never the app', async () => {
    const s = await start();
    const api = await s.request('/api/nothing-here', { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'not-found' });
    const missing = await s.request('/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not-found' });
  });
});
