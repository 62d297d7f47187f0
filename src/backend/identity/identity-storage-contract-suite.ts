// The identity storage contract: one suite every IdentityStorage passes (memory and SQL on PGlite
// and PostgreSQL; identity-storage-contract.test.ts runs it on each). What the identity rules rely on
// is written here once: unique user names and SSO subjects, compare-and-set updates with their events
// in one step, sessions of older epochs gone with the change, single-use set-password tokens, failed
// sign-ins counted per key in a window, and the directory's trail newest first.
import { describe, expect, it } from 'vitest';
import type { Account, IdentityStorage, NewUserEvent, StoredSession } from './identity-storage';

const T0 = '2026-12-06T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function account(id: string, change: Partial<Account> = {}): Account {
  return {
    id, login: id, name: `Person ${id}`, roles: ['analyst'], disabled: false, passwordHash: null, ssoSubject: null,
    sessionEpoch: 0, version: 1, createdAt: T0, lastSignInAt: null, ...change,
  };
}

let eventCounter = 0;
function event(userId: string, type: NewUserEvent['type'] = 'user.created'): NewUserEvent {
  eventCounter += 1;
  return { id: `user-event-${eventCounter}`, userId, type, actorId: null, source: 'command', at: T0, changes: [{ path: 'roles', before: null, after: ['analyst'] }] };
}

function session(tokenHash: string, userId: string, change: Partial<StoredSession> = {}): StoredSession {
  return { tokenHash, userId, epoch: 0, createdAt: T0, lastSeenAt: T0, expiresAt: at(12 * 60), ...change };
}

export function describeIdentityStorageContract(name: string, fresh: () => Promise<IdentityStorage>): void {
  describe(`identity storage contract: ${name}`, () => {
    it('creates accounts once: an id, a user name or an SSO subject that is taken is refused, nothing half-written', async () => {
      const storage = await fresh();
      expect(await storage.createAccount(account('ana', { ssoSubject: 'https://idp ana' }), [event('ana')])).toEqual({ ok: true });
      expect(await storage.createAccount(account('ana', { login: 'other' }), [event('ana')])).toEqual({ ok: false, reason: 'conflict' });
      expect(await storage.createAccount(account('bob', { login: 'ana' }), [event('bob')])).toEqual({ ok: false, reason: 'login-taken' });
      expect(await storage.createAccount(account('cy', { ssoSubject: 'https://idp ana' }), [event('cy')])).toEqual({ ok: false, reason: 'sso-taken' });
      expect(await storage.countAccounts()).toBe(1);
      expect((await storage.queryUserEvents({ page: 1, pageSize: 10 })).total).toBe(1);
      expect(await storage.getAccount('ana')).toEqual(account('ana', { ssoSubject: 'https://idp ana' }));
      expect(await storage.findAccountByLogin('ana')).toMatchObject({ id: 'ana' });
      expect(await storage.findAccountBySsoSubject('https://idp ana')).toMatchObject({ id: 'ana' });
      expect(await storage.getAccount('nobody')).toBeNull();
      expect(await storage.findAccountByLogin('nobody')).toBeNull();
    });

    it('lists everyone by name (case-insensitively), then id', async () => {
      const storage = await fresh();
      await storage.createAccount(account('b2', { name: 'bea' }), []);
      await storage.createAccount(account('a1', { name: 'Zoë' }), []);
      await storage.createAccount(account('b1', { name: 'Bea' }), []);
      expect((await storage.listAccounts()).map((listed) => listed.id)).toEqual(['b1', 'b2', 'a1']);
    });

    it('updates by compare-and-set on the version, with the events, and refuses a stale, missing or clashing write', async () => {
      const storage = await fresh();
      await storage.createAccount(account('ana'), [event('ana')]);
      await storage.createAccount(account('bob'), [event('bob')]);
      const next = { ...account('ana'), roles: ['analyst', 'reviewer'] as Account['roles'], version: 2, sessionEpoch: 1 };
      expect(await storage.updateAccount(next, [event('ana', 'user.roles-changed')])).toEqual({ ok: true });
      expect(await storage.updateAccount({ ...next, name: 'Stale' }, [event('ana')])).toEqual({ ok: false, reason: 'conflict' });
      expect(await storage.updateAccount(account('nobody', { version: 2 }), [])).toEqual({ ok: false, reason: 'missing' });
      expect(await storage.updateAccount({ ...account('bob'), login: 'ana', version: 2 }, [])).toEqual({ ok: false, reason: 'login-taken' });
      expect(await storage.getAccount('ana')).toEqual(next);
      expect(await storage.getAccount('bob')).toEqual(account('bob'));
      const trail = await storage.queryUserEvents({ page: 1, pageSize: 10, userId: 'ana' });
      expect(trail.items.map((item) => item.type)).toEqual(['user.roles-changed', 'user.created']);
      // A sign-in's time is noted without a new version.
      await storage.touchSignIn('ana', at(5));
      expect(await storage.getAccount('ana')).toMatchObject({ lastSignInAt: at(5), version: 2 });
    });

    it('keeps an enabled admin when asked: the last one cannot be demoted or disabled, not even by two admins at once', async () => {
      const storage = await fresh();
      const admin = (id: string) => account(id, { roles: ['admin'] });
      await storage.createAccount(admin('a1'), []);
      await storage.createAccount(admin('a2'), []);
      await storage.createAccount(account('ana'), []);
      // Two admins take each other's role at the same moment: one of the two changes stands.
      const results = await Promise.all([
        storage.updateAccount({ ...admin('a1'), roles: ['reviewer'], version: 2 }, [event('a1', 'user.roles-changed')], { keepAnAdmin: true }),
        storage.updateAccount({ ...admin('a2'), disabled: true, version: 2 }, [event('a2', 'user.disabled')], { keepAnAdmin: true }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'last-admin' }]);
      const admins = (await storage.listAccounts()).filter((listed) => listed.roles.includes('admin') && !listed.disabled);
      expect(admins).toHaveLength(1);
      // The refused change left no event behind.
      expect((await storage.queryUserEvents({ page: 1, pageSize: 10 })).total).toBe(1);
      // A change to someone else is not held up; without the guard (single sign-on's word) it goes through.
      expect(await storage.updateAccount({ ...account('ana'), roles: ['reviewer'], version: 2 }, [], { keepAnAdmin: true })).toEqual({ ok: true });
      const [last] = admins;
      if (!last) throw new Error('no admin left');
      expect(await storage.updateAccount({ ...last, roles: ['analyst'], version: last.version + 1 }, [])).toEqual({ ok: true });
    });

    it('pages the directory trail newest first, over everyone or one person, numbering it in order', async () => {
      const storage = await fresh();
      await storage.createAccount(account('ana'), [event('ana'), event('ana', 'user.password-link')]);
      await storage.createAccount(account('bob'), [event('bob')]);
      const all = await storage.queryUserEvents({ page: 1, pageSize: 2 });
      expect(all.total).toBe(3);
      expect(all.items.map((item) => [item.userId, item.type])).toEqual([['bob', 'user.created'], ['ana', 'user.password-link']]);
      expect(all.items[0]?.seq).toBeGreaterThan(all.items[1]?.seq ?? Infinity);
      const second = await storage.queryUserEvents({ page: 2, pageSize: 2 });
      expect(second.items.map((item) => item.type)).toEqual(['user.created']);
      expect(second.items[0]).toMatchObject({ actorId: null, source: 'command', at: T0, changes: [{ path: 'roles', before: null, after: ['analyst'] }] });
      expect((await storage.queryUserEvents({ page: 1, pageSize: 10, userId: 'bob' })).total).toBe(1);
    });

    it('keeps one live set-password token per person, answers it until it expires, and gives it out once', async () => {
      const storage = await fresh();
      await storage.createAccount(account('ana'), []);
      await storage.putPasswordToken({ tokenHash: 'old', userId: 'ana', expiresAt: at(60) });
      await storage.putPasswordToken({ tokenHash: 'new', userId: 'ana', expiresAt: at(60) });
      expect(await storage.passwordTokenUser('old', T0)).toBeNull();
      expect(await storage.passwordTokenUser('new', T0)).toBe('ana');
      expect(await storage.passwordTokenUser('new', at(60))).toBeNull();
      const [first, second] = await Promise.all([storage.takePasswordToken('new', T0), storage.takePasswordToken('new', T0)]);
      expect([first, second].toSorted()).toEqual(['ana', null].toSorted());
      await storage.putPasswordToken({ tokenHash: 'late', userId: 'ana', expiresAt: at(1) });
      expect(await storage.takePasswordToken('late', at(2))).toBeNull();
      expect(await storage.passwordTokenUser('late', T0)).toBeNull();
    });

    it('keeps sessions, moves last-seen forward only, drops them by time and when the account epoch moves on', async () => {
      const storage = await fresh();
      await storage.createAccount(account('ana'), []);
      await storage.createAccount(account('bob'), []);
      await storage.createSession(session('s-ana', 'ana'));
      await storage.createSession(session('s-bob', 'bob', { expiresAt: at(30) }));
      await storage.createSession(session('s-idle', 'bob', { lastSeenAt: at(-60) }));
      expect(await storage.findSession('s-ana')).toEqual(session('s-ana', 'ana'));
      expect(await storage.findSessionWithAccount('s-ana')).toEqual({ session: session('s-ana', 'ana'), account: account('ana') });
      expect(await storage.findSessionWithAccount('no-such-session')).toBeNull();
      await storage.touchSession('s-ana', at(10));
      await storage.touchSession('s-ana', at(5));
      expect(await storage.findSession('s-ana')).toMatchObject({ lastSeenAt: at(10) });
      expect(await storage.deleteEndedSessions(at(30), at(-30))).toBe(2);
      expect(await storage.findSession('s-bob')).toBeNull();
      expect(await storage.findSession('s-idle')).toBeNull();
      // Ana's epoch moves on (say, her roles changed): her older sessions are gone with the change.
      await storage.updateAccount({ ...account('ana'), version: 2, sessionEpoch: 1 }, []);
      expect(await storage.findSession('s-ana')).toBeNull();
      await storage.createSession(session('s-ana-2', 'ana', { epoch: 1 }));
      await storage.deleteSession('s-ana-2');
      expect(await storage.findSession('s-ana-2')).toBeNull();
    });

    it('counts failed sign-ins per key within a window, clears a key, and prunes the old ones', async () => {
      const storage = await fresh();
      await storage.recordSignInFailure(['login:ana', 'address:10.0.0.1'], at(0));
      await storage.recordSignInFailure(['login:ana'], at(10));
      await storage.recordSignInFailure(['login:bob', 'address:10.0.0.1'], at(20));
      expect(await storage.signInFailures('login:ana', at(0))).toEqual([at(0), at(10)]);
      expect(await storage.signInFailures('login:ana', at(5))).toEqual([at(10)]);
      expect(await storage.signInFailures('address:10.0.0.1', at(0))).toEqual([at(0), at(20)]);
      await storage.clearSignInFailures('login:ana');
      expect(await storage.signInFailures('login:ana', at(0))).toEqual([]);
      expect(await storage.deleteSignInFailuresBefore(at(15))).toBe(1);
      expect(await storage.signInFailures('address:10.0.0.1', at(0))).toEqual([at(20)]);
      expect(await storage.signInFailures('login:bob', at(0))).toEqual([at(20)]);
    });
  });
}
