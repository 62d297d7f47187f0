// Server-side sessions: the cookie holds a random token, the database a hash of it with the person,
// the epoch and the times. A session ends when it is idle too long, at its absolute end, when the
// person signs out, or when their account's epoch moves on (roles changed, disabled, password set or
// reset, signed out everywhere). Sign-in always makes a new token (no fixation).
import type { User } from '../../api/contract/users';
import { toUser, type SessionGrant } from '../../backend/identity/identity-rules';
import type { IdentityStorage } from '../../backend/identity/identity-storage';
import { hashToken, newToken } from './tokens';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** last_seen_at is written at most this often per session: not a write per request. */
const TOUCH_EVERY_MS = 60_000;

export function createSessionManager(storage: IdentityStorage, policy: SessionPolicy, now: () => Date) {
  return {
    async start(grant: SessionGrant): Promise<{ token: string; expiresAt: Date }> {
      const token = newToken();
      const at = now();
      const expiresAt = new Date(at.getTime() + policy.absoluteMs);
      await storage.createSession({
        tokenHash: hashToken(token),
        userId: grant.userId,
        epoch: grant.epoch,
        createdAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      return { token, expiresAt };
    },

    /** The signed-in person, or null when the token names no session that is still good (one round trip). */
    async resolve(token: string | undefined): Promise<User | null> {
      if (!token || token.length > 200) return null;
      const tokenHash = hashToken(token);
      const found = await storage.findSessionWithAccount(tokenHash);
      if (!found) return null;
      const { session, account } = found;
      const at = now().getTime();
      const ended = Date.parse(session.expiresAt) <= at || Date.parse(session.lastSeenAt) + policy.idleMs <= at;
      if (ended || account.disabled || account.sessionEpoch !== session.epoch) {
        await storage.deleteSession(tokenHash);
        return null;
      }
      if (Date.parse(session.lastSeenAt) + TOUCH_EVERY_MS <= at) await storage.touchSession(tokenHash, new Date(at).toISOString());
      return toUser(account);
    },

    async end(token: string | undefined): Promise<void> {
      if (token && token.length <= 200) await storage.deleteSession(hashToken(token));
    },

    /** Housekeeping: drops sessions that ended by time. */
    async sweep(): Promise<number> {
      const at = now().getTime();
      return storage.deleteEndedSessions(new Date(at).toISOString(), new Date(at - policy.idleMs).toISOString());
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
