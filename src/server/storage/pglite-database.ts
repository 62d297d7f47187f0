// The embedded driver: PGlite (PostgreSQL compiled to WebAssembly) in this process, its files in a
// directory. One PGlite instance is one connection; its own mutex queues statements and runs a
// transaction exclusively, which is what makes the storage's compare-and-set atomic here.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { queryable, type SqlDatabase, type SqlParam } from './sql-database';

/**
 * `memory://` keeps everything in memory (tests); any other value is a directory, created if missing
 * and locked for this process (data-dir-lock.ts) until the database is closed.
 */
export async function openPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  let lock: DataDirLock | null = null;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const query = async (text: string, params: readonly SqlParam[]) => {
    const result = await db.query(text, [...params]);
    return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
  };
  const exec = async (text: string) => {
    await db.exec(text);
  };
  return {
    kind: 'pglite',
    ...queryable(query, exec),
    transaction: (work) =>
      db.transaction((tx) =>
        work(
          queryable(
            async (text, params) => {
              const result = await tx.query(text, [...params]);
              return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
            },
            async (text) => {
              await tx.exec(text);
            },
          ),
        ),
      ),
    close: async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
