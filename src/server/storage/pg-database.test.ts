// The PostgreSQL driver's statement deadline (issue 10): a statement running past it is cancelled by
// the database, so work that outlives the server's handler deadline is rolled back, not left to land.
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../testing/postgres-cluster';
import { openPgDatabase } from './pg-database';

describe('openPgDatabase', () => {
  it('cancels a statement that runs past statementTimeoutMs, and rolls its transaction back', async () => {
    const db = await openPgDatabase(await createTestDatabase(inject('postgresUrl')), { statementTimeoutMs: 200 });
    try {
      await db.script('CREATE TABLE t (n int)');
      await expect(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t VALUES (1)');
          await tx.run('SELECT pg_sleep(2)');
        }),
      ).rejects.toThrow(/statement timeout/);
      expect(await db.rows(z.object({ n: z.number() }), 'SELECT n FROM t')).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
