// The one identity storage contract suite, run against every IdentityStorage: memory, PGlite and
// PostgreSQL (the cluster the `server` project's global set-up started). The mock backend has no
// accounts, so there is no IndexedDB one.
import { afterAll, inject } from 'vitest';
import { describeIdentityStorageContract } from '../../backend/identity/identity-storage-contract-suite';
import { createMemoryIdentityStorage } from '../../backend/identity/memory-identity-storage';
import { createTestDatabase } from '../testing/postgres-cluster';
import { migrateToCurrent, openSqlDatabase } from './open-storage';
import type { SqlDatabase } from './sql-database';
import { createSqlIdentityStorage } from './sql-identity-storage';

const toClose: SqlDatabase[] = [];
afterAll(async () => {
  await Promise.all(toClose.map((db) => db.close()));
});

/** One database per suite, emptied for each test (the trail's guard allows it for this transaction only). */
function sqlSubject(open: () => Promise<SqlDatabase>) {
  let home: Promise<SqlDatabase> | null = null;
  return async () => {
    home ??= open().then(async (db) => {
      toClose.push(db);
      await migrateToCurrent(db);
      return db;
    });
    const db = await home;
    await db.transaction(async (tx) => {
      await tx.run("SELECT set_config('cha.allow_audit_truncate', 'on', true)");
      await tx.run('TRUNCATE sessions, password_tokens, sign_in_failures, user_events, accounts');
    });
    return createSqlIdentityStorage(db);
  };
}

describeIdentityStorageContract('memory', async () => createMemoryIdentityStorage());
describeIdentityStorageContract('PGlite', sqlSubject(() => openSqlDatabase({ dataDir: 'memory://' })));
describeIdentityStorageContract('PostgreSQL', sqlSubject(async () => openSqlDatabase({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) })));
