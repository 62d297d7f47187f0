// The identity seam in memory (tests). Values are cloned in and out; each method does its work
// before its first await, so concurrent calls interleave as whole steps, as SQL transactions do.
import type { UserEvent } from '../../api/contract/identity';
import { isEnabledAdmin, type Account, type AccountWriteResult, type IdentityStorage, type NewUserEvent, type StoredSession } from './identity-storage';

function byNameThenId(a: Account, b: Account): number {
  const name = a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
  return name !== 0 ? name : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function createMemoryIdentityStorage(): IdentityStorage {
  const accounts = new Map<string, Account>();
  const tokens = new Map<string, { userId: string; expiresAt: string }>();
  const sessions = new Map<string, StoredSession>();
  const failures = new Map<string, string[]>();
  const events: UserEvent[] = [];

  function append(newEvents: readonly NewUserEvent[]): void {
    for (const event of newEvents) events.push({ ...structuredClone(event), seq: events.length + 1 });
  }

  function clash(account: Account, self: string | null): AccountWriteResult | null {
    for (const other of accounts.values()) {
      if (other.id === self) continue;
      if (other.login === account.login) return { ok: false, reason: 'login-taken' };
      if (account.ssoSubject !== null && other.ssoSubject === account.ssoSubject) return { ok: false, reason: 'sso-taken' };
    }
    return null;
  }

  return {
    async countAccounts() {
      return accounts.size;
    },
    async listAccounts() {
      return [...accounts.values()].toSorted(byNameThenId).map((account) => structuredClone(account));
    },
    async getAccount(id) {
      const account = accounts.get(id);
      return account ? structuredClone(account) : null;
    },
    async findAccountByLogin(login) {
      const account = [...accounts.values()].find((candidate) => candidate.login === login);
      return account ? structuredClone(account) : null;
    },
    async findAccountBySsoSubject(subject) {
      const account = [...accounts.values()].find((candidate) => candidate.ssoSubject === subject);
      return account ? structuredClone(account) : null;
    },
    async createAccount(account, newEvents) {
      if (accounts.has(account.id)) return { ok: false, reason: 'conflict' };
      const clashing = clash(account, null);
      if (clashing) return clashing;
      accounts.set(account.id, structuredClone({ ...account, version: 1 }));
      append(newEvents);
      return { ok: true };
    },
    async updateAccount(account, newEvents, options = {}) {
      const stored = accounts.get(account.id);
      if (!stored) return { ok: false, reason: 'missing' };
      if (stored.version !== account.version - 1) return { ok: false, reason: 'conflict' };
      const losesAdmin = isEnabledAdmin(stored) && !isEnabledAdmin(account);
      if (options.keepAnAdmin && losesAdmin && ![...accounts.values()].some((other) => other.id !== account.id && isEnabledAdmin(other))) {
        return { ok: false, reason: 'last-admin' };
      }
      const clashing = clash(account, account.id);
      if (clashing) return clashing;
      accounts.set(account.id, structuredClone(account));
      // The person's sessions of older epochs are over: dropped with the change, as in SQL.
      for (const [hash, session] of sessions) if (session.userId === account.id && session.epoch < account.sessionEpoch) sessions.delete(hash);
      append(newEvents);
      return { ok: true };
    },
    async touchSignIn(userId, at) {
      const stored = accounts.get(userId);
      if (stored) stored.lastSignInAt = at;
    },
    async putPasswordToken(token) {
      for (const [hash, held] of tokens) if (held.userId === token.userId) tokens.delete(hash);
      tokens.set(token.tokenHash, { userId: token.userId, expiresAt: token.expiresAt });
    },
    async passwordTokenUser(tokenHash, now) {
      const held = tokens.get(tokenHash);
      return held && Date.parse(held.expiresAt) > Date.parse(now) ? held.userId : null;
    },
    async takePasswordToken(tokenHash, now) {
      const held = tokens.get(tokenHash);
      if (!held) return null;
      tokens.delete(tokenHash);
      return Date.parse(held.expiresAt) > Date.parse(now) ? held.userId : null;
    },
    async createSession(session) {
      sessions.set(session.tokenHash, structuredClone(session));
    },
    async findSession(tokenHash) {
      const session = sessions.get(tokenHash);
      return session ? structuredClone(session) : null;
    },
    async findSessionWithAccount(tokenHash) {
      const session = sessions.get(tokenHash);
      const account = session ? accounts.get(session.userId) : undefined;
      return session && account ? { session: structuredClone(session), account: structuredClone(account) } : null;
    },
    async touchSession(tokenHash, lastSeenAt) {
      const session = sessions.get(tokenHash);
      // Forward only, as in SQL: a slow request that touches late does not undo a newer one.
      if (session && Date.parse(session.lastSeenAt) < Date.parse(lastSeenAt)) session.lastSeenAt = lastSeenAt;
    },
    async deleteSession(tokenHash) {
      sessions.delete(tokenHash);
    },
    async deleteEndedSessions(now, idleSince) {
      let count = 0;
      for (const [hash, session] of sessions) {
        if (Date.parse(session.expiresAt) <= Date.parse(now) || Date.parse(session.lastSeenAt) < Date.parse(idleSince)) {
          sessions.delete(hash);
          count += 1;
        }
      }
      return count;
    },
    async recordSignInFailure(keys, at) {
      for (const key of keys) failures.set(key, [...(failures.get(key) ?? []), at]);
    },
    async signInFailures(key, since) {
      return (failures.get(key) ?? []).filter((at) => Date.parse(at) >= Date.parse(since)).toSorted();
    },
    async clearSignInFailures(key) {
      failures.delete(key);
    },
    async deleteSignInFailuresBefore(before) {
      let count = 0;
      for (const [key, times] of failures) {
        const kept = times.filter((at) => Date.parse(at) >= Date.parse(before));
        count += times.length - kept.length;
        if (kept.length === 0) failures.delete(key);
        else failures.set(key, kept);
      }
      return count;
    },
    async queryUserEvents({ page, pageSize, userId }) {
      const matching = events.filter((event) => userId === undefined || event.userId === userId).toReversed();
      return { items: structuredClone(matching.slice((page - 1) * pageSize, page * pageSize)), total: matching.length };
    },
  };
}
