// Versioned migrations, applied in order when the storage opens (and by `npm run db -- migrate`).
// Each runs in its own transaction with its row in schema_migrations, under an advisory lock so two
// processes starting at once on one PostgreSQL migrate once. A migration is never edited once
// released: a change to the schema is a new entry at the end.
import { z } from 'zod';
import { SqlInt, type SqlDatabase } from './sql-database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases and the append-only audit trail',
    sql: `
      CREATE TABLE storage_meta (
        key text PRIMARY KEY,
        value jsonb NOT NULL
      );

      -- One row per case. The document is the contract's CaseDocument (validated on every read); the
      -- columns beside it are what the list, the queues and search filter and sort on.
      CREATE TABLE cases (
        id text PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL,
        name text NOT NULL,
        actor_kind text NOT NULL,
        updated_at timestamptz NOT NULL,
        submitted_at timestamptz,
        next_review_at timestamptz,
        search_text text NOT NULL,
        document jsonb NOT NULL
      );
      CREATE INDEX cases_updated_at ON cases (updated_at DESC, id);
      CREATE INDEX cases_status_updated_at ON cases (status, updated_at DESC, id);

      -- R19: the trail. seq orders the whole trail; at keeps the instant exactly as the rules wrote it.
      CREATE SEQUENCE audit_seq AS bigint;
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        id text NOT NULL UNIQUE,
        case_id text NOT NULL REFERENCES cases (id),
        type text NOT NULL,
        actor_id text NOT NULL,
        at text NOT NULL,
        reason text,
        changes jsonb NOT NULL,
        case_version integer NOT NULL
      );
      CREATE INDEX audit_events_case ON audit_events (case_id, seq);

      -- Append-only for the application (R19): no row is ever updated or deleted, and the table is not
      -- truncated, except by the storage's reset, which only test and dev stores may call: it sets
      -- cha.allow_audit_truncate for its own transaction.
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' AND current_setting('cha.allow_audit_truncate', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only (R19): % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
    `,
  },
];

/** Any constant key: the lock only has to be the same in every process of this application. */
const MIGRATION_LOCK = 7_310_001;

const AppliedRow = z.object({ version: SqlInt });

/** Applies what is missing; answers the versions it applied (empty when the schema was current). */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.transaction(async (tx) => {
    // Under the lock too: two processes creating the table at once would otherwise collide.
    await tx.run('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.script(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.rows(AppliedRow, 'SELECT version FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.script(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** The highest applied version, or 0; a database ahead of this code is refused by openStorage. */
export async function schemaVersion(db: SqlDatabase): Promise<number> {
  const rows = await db.rows(
    z.object({ version: SqlInt.nullable() }),
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}
