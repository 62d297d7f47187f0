// The identity seam over SQL (PGlite or PostgreSQL): accounts with compare-and-set on their version,
// their events appended in the same transaction, set-password tokens taken once, sessions, failed
// sign-ins and the directory's trail. Rows are parsed with zod where they come in.
import { z } from 'zod';
import { UserEvent } from '../../api/contract/identity';
import { Roles } from '../../api/contract/users';
import { isEnabledAdmin, type Account, type AccountWriteResult, type IdentityStorage, type NewUserEvent, type StoredSession } from '../../backend/identity/identity-storage';
import { SqlInt, type SqlDatabase, type SqlQueryable } from './sql-database';

const AccountRow = z
  .object({
    id: z.string(),
    login: z.string(),
    name: z.string(),
    roles: Roles,
    disabled: z.boolean(),
    password_hash: z.string().nullable(),
    sso_subject: z.string().nullable(),
    session_epoch: SqlInt,
    version: SqlInt,
    created_at: z.string(),
    last_sign_in_at: z.string().nullable(),
  })
  .transform((row): Account => ({
    id: row.id,
    login: row.login,
    name: row.name,
    roles: row.roles,
    disabled: row.disabled,
    passwordHash: row.password_hash,
    ssoSubject: row.sso_subject,
    sessionEpoch: row.session_epoch,
    version: row.version,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  }));

const SessionRow = z
  .object({ token_hash: z.string(), user_id: z.string(), epoch: SqlInt, created_at: z.string(), last_seen_at: z.string(), expires_at: z.string() })
  .transform((row): StoredSession => ({
    tokenHash: row.token_hash,
    userId: row.user_id,
    epoch: row.epoch,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  }));

const EventRow = z
  .object({ seq: SqlInt, id: z.string(), user_id: z.string(), type: z.string(), actor_id: z.string().nullable(), source: z.string(), at: z.string(), changes: z.unknown() })
  .transform((row) => ({ seq: row.seq, id: row.id, userId: row.user_id, type: row.type, actorId: row.actor_id, source: row.source, at: row.at, changes: row.changes }))
  .pipe(UserEvent);

const UserIdRow = z.object({ user_id: z.string() });
const AtRow = z.object({ at: z.string() });
const CountRow = z.object({ count: SqlInt });

const ACCOUNT_COLUMNS = 'id, login, name, roles, disabled, password_hash, sso_subject, session_epoch, version, created_at, last_sign_in_at';

function accountParams(account: Account) {
  return [
    account.id, account.login, account.name, JSON.stringify(account.roles), account.disabled, account.passwordHash,
    account.ssoSubject, account.sessionEpoch, account.version, account.createdAt, account.lastSignInAt,
  ];
}

async function appendEvents(tx: SqlQueryable, events: readonly NewUserEvent[]): Promise<void> {
  for (const event of events) {
    await tx.run(
      'INSERT INTO user_events (id, user_id, type, actor_id, source, at, changes) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)',
      [event.id, event.userId, event.type, event.actorId, event.source, event.at, JSON.stringify(event.changes)],
    );
  }
}

/** Which unique constraint a write ran into, by the taken value (the drivers name constraints differently). */
async function clash(tx: SqlQueryable, account: Account): Promise<AccountWriteResult> {
  const byLogin = await tx.rows(UserIdRow.extend({}), 'SELECT id AS user_id FROM accounts WHERE login = $1 AND id <> $2', [account.login, account.id]);
  if (byLogin.length > 0) return { ok: false, reason: 'login-taken' };
  if (account.ssoSubject !== null) {
    const bySso = await tx.rows(UserIdRow, 'SELECT id AS user_id FROM accounts WHERE sso_subject = $1 AND id <> $2', [account.ssoSubject, account.id]);
    if (bySso.length > 0) return { ok: false, reason: 'sso-taken' };
  }
  return { ok: true };
}

export function createSqlIdentityStorage(db: SqlDatabase): IdentityStorage {
  async function oneAccount(where: string, value: string): Promise<Account | null> {
    const rows = await db.rows(AccountRow, `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE ${where} = $1`, [value]);
    return rows[0] ?? null;
  }

  return {
    async countAccounts() {
      return (await db.rows(CountRow, 'SELECT count(*) AS count FROM accounts'))[0]?.count ?? 0;
    },
    async listAccounts() {
      return db.rows(AccountRow, `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY lower(name), id COLLATE "C"`);
    },
    getAccount: (id) => oneAccount('id', id),
    findAccountByLogin: (login) => oneAccount('login', login),
    findAccountBySsoSubject: (subject) => oneAccount('sso_subject', subject),
    async createAccount(account, events) {
      return db.transaction(async (tx) => {
        const taken = await clash(tx, account);
        if (!taken.ok) return taken;
        const inserted = await tx.run(
          `INSERT INTO accounts (${ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          accountParams({ ...account, version: 1 }),
        );
        if (inserted === 0) return { ok: false, reason: 'conflict' } as const;
        await appendEvents(tx, events);
        return { ok: true } as const;
      });
    },
    async updateAccount(account, events, options = {}) {
      return db.transaction(async (tx) => {
        if (options.keepAnAdmin && !isEnabledAdmin(account)) {
          // The admins' rows (and this one), locked in id order: a concurrent demotion waits for this
          // one and then counts what it left, instead of both counting the other as still there.
          const locked = await tx.rows(
            AccountRow,
            `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE roles ? 'admin' OR id = $1 ORDER BY id COLLATE "C" FOR UPDATE`,
            [account.id],
          );
          const stored = locked.find((row) => row.id === account.id);
          if (stored && stored.version === account.version - 1 && isEnabledAdmin(stored) && !locked.some((row) => row.id !== account.id && isEnabledAdmin(row))) {
            return { ok: false, reason: 'last-admin' } as const;
          }
        }
        const taken = await clash(tx, account);
        if (!taken.ok) return taken;
        const updated = await tx.run(
          `UPDATE accounts SET login = $2, name = $3, roles = $4::jsonb, disabled = $5, password_hash = $6, sso_subject = $7,
             session_epoch = $8, version = $9, created_at = $10, last_sign_in_at = $11
           WHERE id = $1 AND version = $9 - 1`,
          accountParams(account),
        );
        if (updated === 0) {
          const exists = await tx.rows(UserIdRow, 'SELECT id AS user_id FROM accounts WHERE id = $1', [account.id]);
          return { ok: false, reason: exists.length === 0 ? 'missing' : 'conflict' } as const;
        }
        // The person's sessions of older epochs are over: drop them with the change.
        await tx.run('DELETE FROM sessions WHERE user_id = $1 AND epoch < $2', [account.id, account.sessionEpoch]);
        await appendEvents(tx, events);
        return { ok: true } as const;
      });
    },
    async touchSignIn(userId, at) {
      await db.run('UPDATE accounts SET last_sign_in_at = $2 WHERE id = $1', [userId, at]);
    },
    async putPasswordToken(token) {
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM password_tokens WHERE user_id = $1', [token.userId]);
        await tx.run('INSERT INTO password_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [token.tokenHash, token.userId, token.expiresAt]);
      });
    },
    async passwordTokenUser(tokenHash, now) {
      const rows = await db.rows(UserIdRow, 'SELECT user_id FROM password_tokens WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
      return rows[0]?.user_id ?? null;
    },
    async takePasswordToken(tokenHash, now) {
      // DELETE … RETURNING: of two requests with one token, exactly one gets it.
      const rows = await db.rows(UserIdRow.extend({ expires_at: z.string() }), 'DELETE FROM password_tokens WHERE token_hash = $1 RETURNING user_id, expires_at', [tokenHash]);
      const row = rows[0];
      return row && row.expires_at > now ? row.user_id : null;
    },
    async createSession(session) {
      await db.run(
        'INSERT INTO sessions (token_hash, user_id, epoch, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [session.tokenHash, session.userId, session.epoch, session.createdAt, session.lastSeenAt, session.expiresAt],
      );
    },
    async findSession(tokenHash) {
      const rows = await db.rows(SessionRow, 'SELECT token_hash, user_id, epoch, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1', [tokenHash]);
      return rows[0] ?? null;
    },
    async findSessionWithAccount(tokenHash) {
      const rows = await db.rows(
        z.object({ session: SessionRow, account: AccountRow }),
        `SELECT jsonb_build_object('token_hash', s.token_hash, 'user_id', s.user_id, 'epoch', s.epoch, 'created_at', s.created_at,
             'last_seen_at', s.last_seen_at, 'expires_at', s.expires_at) AS session,
           jsonb_build_object('id', a.id, 'login', a.login, 'name', a.name, 'roles', a.roles, 'disabled', a.disabled,
             'password_hash', a.password_hash, 'sso_subject', a.sso_subject, 'session_epoch', a.session_epoch, 'version', a.version,
             'created_at', a.created_at, 'last_sign_in_at', a.last_sign_in_at) AS account
         FROM sessions s JOIN accounts a ON a.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      return rows[0] ?? null;
    },
    async touchSession(tokenHash, lastSeenAt) {
      await db.run('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [tokenHash, lastSeenAt]);
    },
    async deleteSession(tokenHash) {
      await db.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deleteEndedSessions(now, idleSince) {
      return db.run('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2', [now, idleSince]);
    },
    async recordSignInFailure(keys, at) {
      for (const key of keys) await db.run('INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)', [key, at]);
    },
    async signInFailures(key, since) {
      const rows = await db.rows(AtRow, 'SELECT at FROM sign_in_failures WHERE key = $1 AND at >= $2 ORDER BY at', [key, since]);
      return rows.map((row) => row.at);
    },
    async clearSignInFailures(key) {
      await db.run('DELETE FROM sign_in_failures WHERE key = $1', [key]);
    },
    async deleteSignInFailuresBefore(before) {
      return db.run('DELETE FROM sign_in_failures WHERE at < $1', [before]);
    },
    async queryUserEvents({ page, pageSize, userId }) {
      const where = userId === undefined ? '' : 'WHERE user_id = $3';
      const params = userId === undefined ? [pageSize, (page - 1) * pageSize] : [pageSize, (page - 1) * pageSize, userId];
      const items = await db.rows(EventRow, `SELECT seq, id, user_id, type, actor_id, source, at, changes FROM user_events ${where} ORDER BY seq DESC LIMIT $1 OFFSET $2`, params);
      const countParams = userId === undefined ? [] : [userId];
      const total = (await db.rows(CountRow, `SELECT count(*) AS count FROM user_events ${userId === undefined ? '' : 'WHERE user_id = $1'}`, countParams))[0]?.count ?? 0;
      return { items, total };
    },
  };
}
