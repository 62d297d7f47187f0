// Versioned migrations, applied in order when the storage opens (and by `npm run db -- migrate`).
// Each runs in its own transaction with its row in schema_migrations, under an advisory lock so two
// processes starting at once on one PostgreSQL migrate once. A migration is never edited once
// released: a change to the schema is a new entry at the end.
import { z } from 'zod';
import { SqlInt, type SqlDatabase, type SqlQueryable } from './sql-database';
import { indexCaseValues, streamCases } from './sql-storage';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL alone cannot do (a rule of the backend's), run after `sql` in the same transaction. */
  run?: (tx: SqlQueryable) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases with their listing, accounts, actions and the append-only audit trail',
    sql: `
      CREATE TABLE storage_meta (
        key text PRIMARY KEY,
        value jsonb NOT NULL
      );

      -- One row per case. The document is the contract's CaseDocument without its accounts and
      -- actions (they have their own tables), validated on every read. Beside it: what the lists
      -- filter and sort on, and the listing the backend computed with the engine when it wrote the
      -- case (verdict, R11 priority, R17 next review), so the database never evaluates policy.
      CREATE TABLE cases (
        id text PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL,
        name text NOT NULL,
        actor_kind text NOT NULL,
        updated_at timestamptz NOT NULL,
        submitted_at timestamptz,
        next_review_at timestamptz,
        verdict text NOT NULL,
        priority double precision NOT NULL,
        priority_band text NOT NULL,
        signal_count integer NOT NULL,
        search_text text NOT NULL,
        listing jsonb NOT NULL,
        document jsonb NOT NULL
      );
      CREATE INDEX cases_updated_at ON cases (updated_at DESC, id COLLATE "C");
      CREATE INDEX cases_priority ON cases (priority DESC, id COLLATE "C");
      -- The review queue: one status, R11 priority first, then the longest waiting.
      -- Ties are broken by id in code-unit order (COLLATE "C"), whatever the database's collation.
      CREATE INDEX cases_status_queue ON cases (status, priority DESC, submitted_at, id COLLATE "C");
      CREATE INDEX cases_status_updated_at ON cases (status, updated_at DESC, id COLLATE "C");
      -- The due queue: designations in force by next review.
      CREATE INDEX cases_next_review_at ON cases (next_review_at, id COLLATE "C") WHERE next_review_at IS NOT NULL;

      -- R16: associations, one row per account, in the case's order (position).
      CREATE TABLE case_accounts (
        case_id text NOT NULL REFERENCES cases (id),
        position integer NOT NULL,
        handle text NOT NULL,
        status text NOT NULL,
        decided_at timestamptz,
        item jsonb NOT NULL,
        PRIMARY KEY (case_id, position)
      );
      CREATE INDEX case_accounts_handle ON case_accounts (case_id, handle);
      CREATE INDEX case_accounts_status ON case_accounts (case_id, status, position);

      -- R14-R15: enforcement actions, one row per action, in the case's order.
      CREATE TABLE enforcement_actions (
        case_id text NOT NULL REFERENCES cases (id),
        position integer NOT NULL,
        id text NOT NULL,
        type text NOT NULL,
        target_ref text NOT NULL,
        applied_at timestamptz NOT NULL,
        expires_at timestamptz,
        ended_at timestamptz,
        item jsonb NOT NULL,
        PRIMARY KEY (case_id, position)
      );
      CREATE INDEX enforcement_actions_id ON enforcement_actions (case_id, id);
      -- Actions expiring in a window: only the ones still running.
      CREATE INDEX enforcement_actions_expiring ON enforcement_actions (expires_at, case_id, id)
        WHERE ended_at IS NULL AND expires_at IS NOT NULL;

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
      CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
      CREATE INDEX audit_events_type ON audit_events (type, seq);

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
  {
    version: 2,
    name: 'accounts, set-password tokens, sessions, failed sign-ins and the directory trail (issue 11)',
    sql: `
      -- Instants are ISO-8601 UTC text as the rules wrote them (like audit_events.at): they compare in order.
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        login text NOT NULL UNIQUE,
        name text NOT NULL,
        roles jsonb NOT NULL,
        disabled boolean NOT NULL,
        password_hash text,
        sso_subject text UNIQUE,
        session_epoch integer NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        created_at text NOT NULL,
        last_sign_in_at text
      );

      -- Set-password links: only a hash of the token is kept; one live link per person.
      CREATE TABLE password_tokens (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL UNIQUE REFERENCES accounts (id),
        expires_at text NOT NULL
      );

      -- Server-side sessions, found by a hash of the cookie's token. A session is good while its
      -- epoch equals its account's session_epoch (roles changed, disabled, password reset end it).
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES accounts (id),
        epoch integer NOT NULL,
        created_at text NOT NULL,
        last_seen_at text NOT NULL,
        expires_at text NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE INDEX sessions_last_seen_at ON sessions (last_seen_at);

      -- Failed sign-ins per user name and per address, for throttling.
      CREATE TABLE sign_in_failures (
        key text NOT NULL,
        at text NOT NULL
      );
      CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);

      -- Who was invited, given or refused roles, disabled, reset: append-only like the case trail.
      CREATE SEQUENCE user_events_seq AS bigint;
      CREATE TABLE user_events (
        seq bigint PRIMARY KEY DEFAULT nextval('user_events_seq'),
        id text NOT NULL UNIQUE,
        user_id text NOT NULL,
        type text NOT NULL,
        actor_id text,
        source text NOT NULL,
        at text NOT NULL,
        changes jsonb NOT NULL
      );
      CREATE INDEX user_events_user ON user_events (user_id, seq);
      CREATE FUNCTION user_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' AND current_setting('cha.allow_audit_truncate', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'user_events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER user_events_no_update_or_delete BEFORE UPDATE OR DELETE ON user_events
        FOR EACH ROW EXECUTE FUNCTION user_events_refuse_change();
      CREATE TRIGGER user_events_no_truncate BEFORE TRUNCATE ON user_events
        FOR EACH STATEMENT EXECUTE FUNCTION user_events_refuse_change();
    `,
  },
  {
    version: 3,
    name: 'returned cases in the listing, for the case list\'s "Returned" filter (issue 12)',
    sql: `
      -- The backend keeps "returned" in each case's listing from now on (case-listing.ts); cases
      -- written before get it from their document: a draft whose latest review was a return.
      UPDATE cases SET listing = listing || jsonb_build_object(
        'returned', status = 'draft' AND COALESCE(document->'reviews'->-1->>'decision' = 'return', false));
      CREATE INDEX cases_returned ON cases (updated_at DESC, id COLLATE "C") WHERE listing->>'returned' = 'true';
    `,
  },
  {
    version: 4,
    name: 'owner and reviewer of each case in the listing, for "My cases" and "Assigned to me" (issue 12)',
    sql: `
      -- Cases written before assignment are owned by their creator and assigned to no reviewer
      -- (the same default CaseDocument gives their documents when they are read).
      UPDATE cases SET listing = listing || jsonb_build_object('ownerId', document->'createdBy', 'reviewerId', null)
        WHERE NOT listing ? 'ownerId';
      CREATE INDEX cases_owner ON cases ((listing->>'ownerId'), updated_at DESC);
      CREATE INDEX cases_reviewer ON cases ((listing->>'reviewerId'), updated_at DESC);
    `,
  },
  {
    version: 5,
    name: 'people a comment mentions, for their notifications (issue 12 §8)',
    sql: `
      -- A new column with a constant default rewrites no row, so the append-only trigger (R19) is
      -- not involved; the trail's earlier events mention nobody.
      ALTER TABLE audit_events ADD COLUMN mentions text[] NOT NULL DEFAULT '{}';
      CREATE INDEX audit_events_mentions ON audit_events USING gin (mentions);
    `,
  },
  {
    version: 6,
    name: 'the accounts, links and hashtags each case names, for cross-case pivots (issue 16 §4)',
    sql: `
      -- One row per case and value it names (backend/cross-case-pivots.ts, pivotValuesOf), as compared:
      -- lower-cased handles, canonical links, lower-cased hashtags.
      CREATE TABLE case_refs (
        case_id text NOT NULL REFERENCES cases (id),
        kind text NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (case_id, kind, value)
      );
      CREATE INDEX case_refs_value ON case_refs (kind, value, case_id);
      -- A fingerprint of those values: a write that leaves them as they were leaves case_refs alone.
      ALTER TABLE cases ADD COLUMN pivot_key text;
    `,
    // Cases stored before: their values are worked out by the same rule the writes use (links need
    // the co-link canonical form, which SQL does not have).
    run: async (tx) => {
      for await (const record of streamCases(tx)) await indexCaseValues(tx, record);
    },
  },
  {
    version: 7,
    name: 'a designation\'s accounts and actions listed a page at a time (issue 10 §3)',
    sql: `
      -- Suggested accounts (R16) are the handles the signals name that no row of case_accounts decides,
      -- compared case-blind: one probe of this index per named handle. "C": handles are ASCII, and
      -- lower() must not depend on the database's locale (a Turkish one lower-cases I to ı).
      CREATE INDEX case_accounts_handle_key ON case_accounts (case_id, lower(handle COLLATE "C"));
      -- The actions list filtered by type, in the case's order.
      CREATE INDEX enforcement_actions_type ON enforcement_actions (case_id, type, position);
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
      await migration.run?.(tx);
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
