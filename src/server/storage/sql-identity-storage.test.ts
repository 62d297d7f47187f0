// What only a database with several connections can show: a demotion of an admin waits for another
// one in flight (the rows it locked) and then counts the admins that one left, so two admins taking
// each other's role at the same moment cannot leave the workbench without one.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Account, AccountWriteResult } from '../../backend/identity/identity-storage';
import { createTestDatabase } from '../testing/postgres-cluster';
import { migrateToCurrent, openSqlDatabase } from './open-storage';
import type { SqlDatabase } from './sql-database';
import { createSqlIdentityStorage } from './sql-identity-storage';

const toClose: SqlDatabase[] = [];
afterAll(async () => {
  await Promise.all(toClose.map((db) => db.close()));
});

function admin(id: string): Account {
  return {
    id, login: id, name: `Admin ${id}`, roles: ['admin'], disabled: false, passwordHash: null, ssoSubject: null,
    sessionEpoch: 0, version: 1, createdAt: '2026-12-06T08:00:00.000Z', lastSignInAt: null,
  };
}

describe('SQL identity storage on PostgreSQL', () => {
  it('makes a demotion wait for one in flight, then refuses it as the last admin', async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    const first = await openSqlDatabase({ dataDir: '', databaseUrl: url });
    const second = await openSqlDatabase({ dataDir: '', databaseUrl: url });
    toClose.push(first, second);
    await migrateToCurrent(first);
    const storage = createSqlIdentityStorage(second);
    await storage.createAccount(admin('a1'), []);
    await storage.createAccount(admin('a2'), []);

    let racing: Promise<AccountWriteResult> | null = null;
    // Another connection demotes a1 the way the storage does (admins' rows locked first) and has not
    // committed yet when a2's disabling starts.
    await first.transaction(async (tx) => {
      await tx.run(`SELECT id FROM accounts WHERE roles ? 'admin' OR id = $1 ORDER BY id COLLATE "C" FOR UPDATE`, ['a1']);
      await tx.run(`UPDATE accounts SET roles = '["reviewer"]'::jsonb, version = 2 WHERE id = 'a1'`);
      racing = storage.updateAccount({ ...admin('a2'), disabled: true, version: 2 }, [], { keepAnAdmin: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await racing).toEqual({ ok: false, reason: 'last-admin' });
    expect(await storage.getAccount('a2')).toMatchObject({ disabled: false, version: 1 });
  });
});
