// The one small typed SQL layer under the SQL storage: parameterised statements in, zod-parsed rows
// out, and transactions. Two drivers implement it (PGlite embedded, node-postgres for DATABASE_URL),
// so the storage above it is written once for both. No ORM and no query builder: the statements are
// plain PostgreSQL, readable next to the schema in migrations.ts.
import { z } from 'zod';
import { StorageCorruptError } from '../../backend/storage';

/** What a statement parameter may be; objects go in as JSON text with an explicit `::jsonb` cast. */
export type SqlParam = string | number | boolean | null;

export interface SqlQueryable {
  /** One parameterised statement; every row is parsed with `row` where it enters the program. */
  rows<S extends z.ZodType>(row: S, text: string, params?: readonly SqlParam[]): Promise<z.output<S>[]>;
  /** One parameterised statement whose rows are not needed; answers the number of rows it touched. */
  run(text: string, params?: readonly SqlParam[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  script(text: string): Promise<void>;
}

export interface SqlDatabase extends SqlQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** BEGIN … COMMIT around `work`, ROLLBACK when it throws; statements inside go through `tx` only. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The shape both drivers hand back for one statement, before parsing. */
export interface RawResult {
  rows: unknown[];
  affectedRows: number;
}

/** Builds the typed surface over a driver's raw `query` and multi-statement `exec`. */
export function queryable(
  query: (text: string, params: readonly SqlParam[]) => Promise<RawResult>,
  exec: (text: string) => Promise<void>,
): SqlQueryable {
  return {
    async rows(row, text, params = []) {
      const result = await query(text, params);
      return parseRows(row, result.rows, text);
    },
    async run(text, params = []) {
      return (await query(text, params)).affectedRows;
    },
    script: exec,
  };
}

function parseRows<S extends z.ZodType>(row: S, rows: unknown[], text: string): z.output<S>[] {
  return rows.map((value, index) => {
    const result = row.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
      throw new StorageCorruptError(`row ${index} of "${firstLine(text)}" does not parse (${where})`);
    }
    return result.data;
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 80) ?? '';
}

/** int8 and numeric arrive as strings from node-postgres and as numbers or bigints from PGlite. */
export const SqlInt = z.union([z.number(), z.string(), z.bigint()]).transform((value, context) => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    context.addIssue({ code: 'custom', message: `not a safe integer: ${String(value)}` });
    return z.NEVER;
  }
  return number;
});

