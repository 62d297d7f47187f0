// Sign-in, sessions and user administration over real HTTP (issue 11): wrong password and unknown
// user alike, throttling, fixation, idle, absolute and revoked sessions, CSRF, role changes and
// disabling that end sessions, the admin who holds no case role, set-password links, and four eyes
// on the signed-in identity at any time of the case's history (R18).
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { CaseDocument } from '../../api/contract/case';
import { NEW_CASE, recommendedContent } from '../../backend/backend-test-kit';
import { openMemoryStorage, type ServerStorage } from '../memory-opened-storage';
import { json, startTestServer, TEST_PASSWORD, type TestServer } from '../server-test-kit';
import { openStorage } from '../storage/open-storage';
import { createTestDatabase } from '../testing/postgres-cluster';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  server = await startTestServer(options);
  return server;
}

function signInRequest(s: TestServer, login: string, password: string, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  return s.request('/api/session/password', { method: 'POST', body: json({ login, password }), ...init });
}

function cookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no cookie set');
  return cookie;
}

async function writeCase(s: TestServer, cookie: string, path: string, version: number, body: unknown): Promise<CaseDocument> {
  const response = await s.request(path, { method: path.endsWith('submit') || path.endsWith('decision') ? 'POST' : 'PUT', cookie, body: json(body), headers: { 'If-Match': `"${version}"` } });
  expect({ status: response.status, body: await response.clone().text() }).toMatchObject({ status: 200 });
  return (await response.json()) as CaseDocument;
}

describe('password sign-in', () => {
  it('answers a wrong password and an unknown user with the same 401 and sets no cookie', async () => {
    const s = await start();
    const wrong = await signInRequest(s, 'ana', 'not the password at all');
    const unknown = await signInRequest(s, 'nobody-here', 'not the password at all');
    const disabledLike = await signInRequest(s, 'ANA', 'not the password at all');
    for (const response of [wrong, unknown, disabledLike]) {
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const bodies = await Promise.all([wrong.json(), unknown.json()]);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toMatchObject({ code: 'unauthenticated', message: 'The user name or password is not right.' });
    // The user name is not case-sensitive: ANA is ana.
    expect((await signInRequest(s, 'ANA', TEST_PASSWORD)).status).toBe(200);
  });

  it('throttles a user name after 5 failures in 15 minutes with "try again in N minutes", the right password included, and lets it in after', async () => {
    let clock = new Date('2026-12-06T08:00:00.000Z');
    const s = await start({ now: () => clock });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signInRequest(s, 'ben', `wrong password ${attempt}`)).status).toBe(401);
    const throttled = await signInRequest(s, 'ben', TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('900');
    expect(await throttled.json()).toMatchObject({ code: 'rate-limited', message: 'Too many failed sign-ins for this user name. Try again in 15 minutes.' });
    // Another person is not held up by ben's failures.
    expect((await signInRequest(s, 'ana', TEST_PASSWORD)).status).toBe(200);
    clock = new Date('2026-12-06T08:14:01.000Z');
    expect(await (await signInRequest(s, 'ben', TEST_PASSWORD)).json()).toMatchObject({ message: expect.stringMatching(/Try again in 1 minute\.$/) });
    clock = new Date('2026-12-06T08:15:01.000Z');
    expect((await signInRequest(s, 'ben', TEST_PASSWORD)).status).toBe(200);
  });

  it('throttles an address after 50 failures, whatever the user names tried', async () => {
    const s = await start();
    for (let attempt = 0; attempt < 50; attempt += 1) expect((await signInRequest(s, `guess-${attempt}`, 'a wrong password')).status).toBe(401);
    const throttled = await signInRequest(s, 'ana', TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toMatchObject({ message: expect.stringMatching(/^Too many failed sign-ins for this address\. Try again in 15 minutes\.$/) });
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const s = await start();
    const response = await signInRequest(s, 'ana', TEST_PASSWORD, { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('sessions', () => {
  it('makes a new session at every sign-in: a cookie planted before sign-in is worth nothing after (no fixation)', async () => {
    const s = await start();
    const planted = await s.signIn('ben');
    const response = await signInRequest(s, 'ana', TEST_PASSWORD, { cookie: planted });
    const fresh = cookieOf(response);
    expect(fresh).not.toBe(planted);
    expect((await s.request('/api/me', { cookie: planted })).status).toBe(401);
    expect(await (await s.request('/api/me', { cookie: fresh })).json()).toMatchObject({ id: 'ana' });
    // A made-up token sent at sign-in is not adopted either.
    const madeUp = 'cha_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const again = cookieOf(await signInRequest(s, 'ana', TEST_PASSWORD, { cookie: madeUp }));
    expect(again).not.toBe(madeUp);
  });

  it('ends a session idle for longer than SESSION_IDLE_MINUTES, and keeps an active one going', async () => {
    let clock = new Date('2026-12-06T08:00:00.000Z');
    const s = await start({ env: { SESSION_IDLE_MINUTES: '30' }, now: () => clock });
    const active = await s.signIn('ana');
    const idle = await s.signIn('ben');
    for (const minute of [20, 40, 60]) {
      clock = new Date(Date.parse('2026-12-06T08:00:00.000Z') + minute * 60_000);
      expect((await s.request('/api/me', { cookie: active })).status).toBe(200);
    }
    expect((await s.request('/api/me', { cookie: idle })).status).toBe(401);
  });

  it('ends a session at SESSION_MAX_AGE_HOURS however active it is', async () => {
    let clock = new Date('2026-12-06T08:00:00.000Z');
    const s = await start({ env: { SESSION_MAX_AGE_HOURS: '1', SESSION_IDLE_MINUTES: '30' }, now: () => clock });
    const cookie = await s.signIn('sam');
    for (const minute of [20, 40, 59]) {
      clock = new Date(Date.parse('2026-12-06T08:00:00.000Z') + minute * 60_000);
      expect((await s.request('/api/me', { cookie })).status).toBe(200);
    }
    clock = new Date('2026-12-06T09:00:00.000Z');
    expect((await s.request('/api/me', { cookie })).status).toBe(401);
  });

  it('signs out everywhere: every session of the person ends, other people stay signed in', async () => {
    const s = await start();
    const laptop = await s.signIn('ana');
    const phone = await s.signIn('ana');
    const ben = await s.signIn('ben');
    const response = await s.request('/api/me/sessions', { method: 'DELETE', cookie: laptop });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: null });
    expect((await s.request('/api/me', { cookie: laptop })).status).toBe(401);
    expect((await s.request('/api/me', { cookie: phone })).status).toBe(401);
    expect((await s.request('/api/me', { cookie: ben })).status).toBe(200);
    const trail = await (await s.request('/api/admin/events?userId=ana', { cookie: await s.signIn('ada') })).json();
    expect(trail).toMatchObject({ items: [{ type: 'user.signed-out-everywhere', actorId: 'ana', source: 'self' }, { type: 'user.created' }] });
  });
});

describe('administration', () => {
  it('an admin without a case role reads the audit trail and the directory but is refused every case endpoint', async () => {
    const s = await start();
    const ada = await s.signIn('ada');
    expect((await s.request('/api/audit', { cookie: ada })).status).toBe(200);
    expect((await s.request('/api/admin/users', { cookie: ada })).status).toBe(200);
    const list = await s.request('/api/cases', { cookie: ada });
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/signed in as admin/) });
    expect((await s.request('/api/cases', { method: 'POST', cookie: ada, body: json(NEW_CASE) })).status).toBe(403);
    const [first] = await s.storage.storage.listCases();
    expect((await s.request(`/api/cases/${first?.id ?? 'x'}`, { cookie: ada })).status).toBe(403);
    // And people without the admin role are refused the directory.
    const ana = await s.signIn('ana');
    expect((await s.request('/api/admin/users', { cookie: ana })).status).toBe(403);
    expect((await s.request('/api/admin/users', { method: 'POST', cookie: ana, body: json({ login: 'eve', name: 'Eve', roles: ['admin'] }) })).status).toBe(403);
  });

  it('invites a person with a single-use set-password link that enforces the password policy, then signs them in', async () => {
    const s = await start();
    const ada = await s.signIn('ada');
    const created = await s.request('/api/admin/users', { method: 'POST', cookie: ada, body: json({ login: 'Kim', name: 'Kim Larsen', roles: ['analyst'] }) });
    expect(created.status).toBe(201);
    const link = (await created.json()) as { token: string; user: { id: string; login: string; hasPassword: boolean } };
    expect(link.user).toMatchObject({ id: 'kim', login: 'kim', hasPassword: false });
    // No password yet: no way in.
    expect((await signInRequest(s, 'kim', TEST_PASSWORD)).status).toBe(401);

    const setPassword = (password: string, token = link.token) => s.request('/api/session/set-password', { method: 'POST', body: json({ token, password }) });
    const short = await setPassword('short one');
    expect(await short.json()).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'password', message: 'password.tooShort' }] });
    expect(await (await setPassword('1q2w3e4r5t6y')).json()).toMatchObject({ fieldErrors: [{ path: 'password', message: 'password.common' }] });
    expect(await (await setPassword('kim larsen is here')).json()).toMatchObject({ fieldErrors: [{ path: 'password', message: 'password.containsName' }] });
    // A refused password leaves the link working; the accepted one uses it up and signs in.
    const accepted = await setPassword('harbour lantern at dusk');
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ user: { id: 'kim', roles: ['analyst'] } });
    expect((await s.request('/api/me', { cookie: cookieOf(accepted) })).status).toBe(200);
    expect((await setPassword('another long passphrase')).status).toBe(401);
    expect((await signInRequest(s, 'kim', 'harbour lantern at dusk')).status).toBe(200);

    const taken = await s.request('/api/admin/users', { method: 'POST', cookie: ada, body: json({ login: 'kim', name: 'Kim Two', roles: ['analyst'] }) });
    expect(await taken.json()).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'login', message: 'login.taken' }] });
  });

  it("a role change ends the person's sessions and is in the directory's trail with the admin who made it", async () => {
    const s = await start();
    const ada = await s.signIn('ada');
    const ben = await s.signIn('ben');
    const changed = await s.request('/api/admin/users/ben/roles', { method: 'PUT', cookie: ada, body: json({ roles: ['reviewer', 'analyst'] }) });
    expect(await changed.json()).toMatchObject({ id: 'ben', roles: ['analyst', 'reviewer'] });
    expect((await s.request('/api/me', { cookie: ben })).status).toBe(401);
    expect(await (await s.request('/api/me', { cookie: await s.signIn('ben') })).json()).toMatchObject({ roles: ['analyst', 'reviewer'] });
    const trail = await (await s.request('/api/admin/events?userId=ben', { cookie: ada })).json();
    expect(trail).toMatchObject({
      items: [{ type: 'user.roles-changed', actorId: 'ada', source: 'admin', changes: [{ path: 'roles', before: ['analyst'], after: ['analyst', 'reviewer'] }] }, { type: 'user.created' }],
    });
  });

  it('disabling a person ends their sessions and refuses their sign-in with the generic answer; the last admin stays', async () => {
    const s = await start();
    const ada = await s.signIn('ada');
    const sam = await s.signIn('sam');
    expect((await s.request('/api/admin/users/sam/disable', { method: 'POST', cookie: ada })).status).toBe(200);
    expect((await s.request('/api/me', { cookie: sam })).status).toBe(401);
    const refused = await signInRequest(s, 'sam', TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ message: 'The user name or password is not right.' });
    expect((await s.request('/api/admin/users/sam/enable', { method: 'POST', cookie: ada })).status).toBe(200);
    expect((await signInRequest(s, 'sam', TEST_PASSWORD)).status).toBe(200);

    const self = await s.request('/api/admin/users/ada/disable', { method: 'POST', cookie: ada });
    expect(await self.json()).toMatchObject({ code: 'invalid-transition' });
    const lastAdmin = await s.request('/api/admin/users/ada/roles', { method: 'PUT', cookie: ada, body: json({ roles: ['reviewer'] }) });
    expect(await lastAdmin.json()).toMatchObject({ code: 'invalid-transition', message: expect.stringMatching(/only admin/) });
  });

  it('a password reset ends the old password and the sessions; the new link sets a new one', async () => {
    const s = await start();
    const ada = await s.signIn('ada');
    const rui = await s.signIn('rui');
    const reset = await s.request('/api/admin/users/rui/password-link', { method: 'POST', cookie: ada });
    const { token } = (await reset.json()) as { token: string };
    expect((await s.request('/api/me', { cookie: rui })).status).toBe(401);
    expect((await signInRequest(s, 'rui', TEST_PASSWORD)).status).toBe(401);
    expect((await s.request('/api/session/set-password', { method: 'POST', body: json({ token, password: 'tide tables and lanterns' }) })).status).toBe(200);
    expect((await signInRequest(s, 'rui', 'tide tables and lanterns')).status).toBe(200);
  });

  it("changing one's own password needs the current one, ends the other sessions and keeps this one", async () => {
    const s = await start();
    const here = await s.signIn('ana');
    const elsewhere = await s.signIn('ana');
    const wrong = await s.request('/api/me/password', { method: 'PUT', cookie: here, body: json({ currentPassword: 'not it', newPassword: 'a brand new passphrase' }) });
    expect(await wrong.json()).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'currentPassword', message: 'password.wrong' }] });
    const changed = await s.request('/api/me/password', { method: 'PUT', cookie: here, body: json({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }) });
    expect(changed.status).toBe(200);
    expect((await s.request('/api/me', { cookie: cookieOf(changed) })).status).toBe(200);
    expect((await s.request('/api/me', { cookie: elsewhere })).status).toBe(401);
    expect((await s.request('/api/me', { cookie: here })).status).toBe(401);
  });
});

const DATABASES: { database: string; open: () => Promise<ServerStorage> }[] = [
  { database: 'memory', open: async () => openMemoryStorage() },
  { database: 'PGlite', open: () => openStorage({ dataDir: 'memory://' }) },
  { database: 'PostgreSQL', open: async () => openStorage({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) }) },
];

describe.each(DATABASES)('four eyes on the signed-in identity on $database', ({ open }) => {
  it('refuses approval to someone who only edited the case, long before they became a reviewer; the trail names the signed-in people', async () => {
    const s = await start({ storage: await open() });
    await s.addUser('kim', 'Kim Larsen', ['analyst']);
    const ana = await s.signIn('ana');
    const kimAsAnalyst = await s.signIn('kim');
    const created = await s.request('/api/cases', { method: 'POST', cookie: ana, body: json(NEW_CASE) });
    let doc = (await created.json()) as CaseDocument;
    // Kim edits once; Ana does the rest and submits.
    doc = await writeCase(s, kimAsAnalyst, `/api/cases/${doc.id}`, doc.version, { ...recommendedContent(), rightsRiskAssessment: 'Kim was here.' });
    doc = await writeCase(s, ana, `/api/cases/${doc.id}`, doc.version, recommendedContent());
    doc = await writeCase(s, ana, `/api/cases/${doc.id}/submit`, doc.version, {});

    await s.setRoles('kim', ['reviewer']);
    const kim = await s.signIn('kim');
    const decision = { decision: 'approve', rationale: 'Meets the threshold.' };
    const refused = await s.request(`/api/cases/${doc.id}/decision`, { method: 'POST', cookie: kim, body: json(decision), headers: { 'If-Match': `"${doc.version}"` } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: expect.stringMatching(/Four eyes \(R18\)/) });

    const sam = await s.signIn('sam');
    doc = await writeCase(s, sam, `/api/cases/${doc.id}/decision`, doc.version, decision);
    expect(doc.status).toBe('designated');
    const trail = (await (await s.request(`/api/cases/${doc.id}/audit?pageSize=50`, { cookie: sam })).json()) as { items: Array<{ type: string; actorId: string }> };
    expect(trail.items.map((event) => [event.type, event.actorId]).toReversed()).toEqual([
      ['case.created', 'ana'],
      ['case.updated', 'kim'],
      ['case.updated', 'ana'],
      ['case.submitted', 'ana'],
      ['case.approved', 'sam'],
    ]);
  });
});
