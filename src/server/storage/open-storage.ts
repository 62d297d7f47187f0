// Opens the workbench's SQL storage: PostgreSQL when a DATABASE_URL is given, else the embedded
// PGlite in DATA_DIR. Pending migrations are applied on open; a database migrated by newer code
// than this is refused rather than written with an old idea of the schema.
import { join } from 'node:path';
import type { BackendStorage } from '../../backend/storage';
import type { IdentityStorage } from '../../backend/identity/identity-storage';
import { MIGRATIONS, migrate, schemaVersion } from './migrations';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';
import type { SqlDatabase } from './sql-database';
import { createSqlIdentityStorage } from './sql-identity-storage';
import { createSqlStorage } from './sql-storage';

export interface OpenedStorage {
  storage: BackendStorage;
  identity: IdentityStorage;
  kind: 'pglite' | 'postgres';
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStorageOptions {
  /** `postgres://…`: use that server; without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** The embedded database lives in `<dataDir>/pglite`; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Tests and dev stores only: lets storage.reset() empty the database (see SqlStorageOptions). */
  allowReset?: boolean;
  /** PostgreSQL: cancel any statement running longer than this (the server's handler deadline). */
  statementTimeoutMs?: number;
}

/** Where PGlite keeps its files for a DATA_DIR. */
export function pgliteDirectory(dataDir: string): string {
  return dataDir.startsWith('memory://') ? dataDir : join(dataDir, 'pglite');
}

export async function openSqlDatabase(options: OpenStorageOptions): Promise<SqlDatabase> {
  return options.databaseUrl
    ? openPgDatabase(options.databaseUrl, options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs })
    : openPgliteDatabase(pgliteDirectory(options.dataDir));
}

/** Applies pending migrations, refusing a schema newer than this code knows. */
export async function migrateToCurrent(db: SqlDatabase): Promise<number[]> {
  const applied = await migrate(db);
  const current = await schemaVersion(db);
  const known = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > known) {
    throw new Error(`The database schema is at version ${current}, newer than this workbench knows (${known}): update the workbench.`);
  }
  return applied;
}

export async function openStorage(options: OpenStorageOptions): Promise<OpenedStorage> {
  const db = await openSqlDatabase(options);
  try {
    await migrateToCurrent(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    storage: createSqlStorage(db, { allowReset: options.allowReset ?? false }),
    identity: createSqlIdentityStorage(db),
    kind: db.kind,
    ping: async () => {
      await db.run('SELECT 1');
    },
    close: () => db.close(),
  };
}
