// The PostgreSQL driver: a node-postgres pool for DATABASE_URL. A transaction holds one pooled
// client from BEGIN to COMMIT; a client that failed mid-transaction is destroyed, not reused.
import { Pool, type PoolClient } from 'pg';
import { queryable, type SqlDatabase, type SqlParam } from './sql-database';

export interface PgDatabaseOptions {
  /** Pool size; the default leaves room for a second process on a small server's max_connections. */
  maxConnections?: number;
  /** Cancel any statement running longer than this (PostgreSQL's statement_timeout, per connection). */
  statementTimeoutMs?: number;
}

function on(client: Pool | PoolClient) {
  return queryable(
    async (text: string, params: readonly SqlParam[]) => {
      const result = await client.query(text, [...params]);
      return { rows: result.rows as unknown[], affectedRows: result.rowCount ?? 0 };
    },
    async (text: string) => {
      await client.query(text);
    },
  );
}

export async function openPgDatabase(connectionString: string, options: PgDatabaseOptions = {}): Promise<SqlDatabase> {
  const pool = new Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    ...(options.statementTimeoutMs === undefined ? {} : { statement_timeout: options.statementTimeoutMs }),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Fail on open, with the driver's message, rather than on the first request.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
