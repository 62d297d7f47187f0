// The backend's storage seam over SQL (PGlite or PostgreSQL, one implementation for both). A case
// write is one statement (caseWriteStatement): a compare-and-set on the version (an UPDATE … WHERE
// version = expected, or an INSERT that does nothing when the id exists), the rows of its accounts and
// actions that changed, and the INSERT of its audit events, so a crash at any point leaves all or nothing. Lists
// are filtered, sorted and paged in SQL on the columns beside the document. Rows are parsed with the
// contract's zod schemas as they come in; one that does not parse raises StorageCorruptError.
import { z } from 'zod';
import { AuditEvent } from '../../api/contract/audit';
import { AccountAssociation, EnforcementAction } from '../../api/contract/case';
import { CaseSummary } from '../../api/contract/case-list';
import { createHash } from 'node:crypto';
import { PIVOT_KINDS, PivotCase, type PivotKind } from '../../api/contract/cross-case-pivots';
import { ExpiringAction } from '../../api/contract/expiring-actions';
import { pivotKey, pivotValuesOf } from '../../backend/cross-case-pivots';
import { caseSearchText } from '../../backend/case-search';
import { suggestedAssociation } from '../../backend/case-rules';
import { ACTOR_KINDS, CASE_STATUSES, VERDICT_OUTCOMES } from '../../engine/policy-terms';
import {
  StoredCase,
  type BackendStorage,
  type CaseAccountsPageQuery,
  type CaseActionsPageQuery,
  type CaseChanges,
  type CaseListing,
  type CasePageQuery,
  type ListingOf,
  type NewAuditEvent,
  type Page,
  type PutCaseResult,
  type StorageSeed,
} from '../../backend/storage';
import { SqlInt, type SqlDatabase, type SqlParam, type SqlQueryable } from './sql-database';

export interface SqlStorageOptions {
  /**
   * Lets reset() drop everything (tests and dev stores only). A server store leaves it off: the
   * audit trail is then never emptied, and a dev reset fails instead (R19).
   */
  allowReset?: boolean;
}

export class ResetRefusedError extends Error {
  constructor() {
    super('This store refuses reset: its audit trail is append-only (R19). Only test and dev stores allow it.');
    this.name = 'ResetRefusedError';
  }
}

const SEEDED = 'seeded';

/** The case row's document plus its accounts and actions, reassembled into the contract's case. */
const CaseRowParts = z.object({ document: z.record(z.string(), z.unknown()), accounts: z.array(z.unknown()), actions: z.array(z.unknown()) });
const CaseRow = z.preprocess((row) => {
  const parts = CaseRowParts.safeParse(row);
  // A row of another shape goes on as it is, and fails StoredCase with its own message.
  return parts.success ? { ...parts.data.document, accounts: parts.data.accounts, enforcementActions: parts.data.actions } : row;
}, StoredCase);
const VersionRow = z.object({ version: SqlInt });
const SeqRow = z.object({ seq: SqlInt });
const CountRow = z.object({ count: SqlInt });
/** A trail row; `mentions` is an empty array in the table where the contract leaves it out. */
const AuditRow = AuditEvent.extend({ seq: SqlInt.pipe(AuditEvent.shape.seq), mentions: z.array(z.string()) }).transform(
  ({ mentions, ...event }) => (mentions.length > 0 ? { ...event, mentions } : event),
).pipe(AuditEvent);
const SummaryRow = z.object({ summary: z.unknown() }).transform((row) => row.summary).pipe(CaseSummary);
const ExpiringRow = ExpiringAction;
const CaseRefRow = PivotCase.extend({ kind: z.enum(PIVOT_KINDS), value: z.string(), caseCount: SqlInt, designationCount: SqlInt });

const SELECT_CASE = `SELECT c.document,
    COALESCE((SELECT jsonb_agg(a.item ORDER BY a.position) FROM case_accounts a WHERE a.case_id = c.id), '[]'::jsonb) AS accounts,
    COALESCE((SELECT jsonb_agg(e.item ORDER BY e.position) FROM enforcement_actions e WHERE e.case_id = c.id), '[]'::jsonb) AS actions
  FROM cases c`;

const AUDIT_COLUMNS = `id, seq, case_id AS "caseId", type, actor_id AS "actorId", at, reason, changes,
  case_version AS "caseVersion", mentions`;

/** The list row, built in SQL from the columns, the stored listing and the document's instants. */
const SUMMARY = `jsonb_build_object(
    'id', id, 'name', name, 'actorKind', actor_kind, 'status', status, 'version', version,
    'verdict', verdict, 'priority', priority, 'priorityBand', priority_band,
    'updatedAt', document->'updatedAt', 'submittedAt', COALESCE(document->'submission'->'submittedAt', 'null'::jsonb),
    'nextReviewAt', listing->'nextReviewAt', 'signalCount', signal_count,
    'returned', COALESCE(listing->'returned', 'false'::jsonb),
    'ownerId', COALESCE(listing->'ownerId', 'null'::jsonb), 'reviewerId', COALESCE(listing->'reviewerId', 'null'::jsonb)) AS summary`;

// ---------------------------------------------------------------------------------------------
// writes

/**
 * What the case names for the cross-case pivots (issue 16 §4), and a fingerprint of it kept beside the
 * case (pivot_key): a write whose values did not change (most autosaves) leaves case_refs alone.
 */
interface CaseValues {
  values: Record<PivotKind, string[]>;
  key: string;
}

function caseValuesOf(record: StoredCase): CaseValues {
  const values = pivotValuesOf(record);
  return { values, key: createHash('sha256').update(JSON.stringify(values)).digest('base64url') };
}

/**
 * The columns kept beside the document, in the order of CASE_COLUMN_NAMES; `pivots` null: what the case
 * names did not change (the write's CaseChanges say so), and the stored fingerprint stays.
 */
function caseColumns(record: StoredCase, listing: CaseListing, pivots: CaseValues | null): SqlParam[] {
  const { accounts: _accounts, enforcementActions: _actions, ...document } = record;
  return [
    record.id,
    record.version,
    record.status,
    record.actor.name,
    record.actor.kind,
    record.updatedAt,
    record.submission?.submittedAt ?? null,
    listing.nextReviewAt,
    listing.verdict,
    listing.priority,
    listing.priorityBand,
    record.signals.length,
    caseSearchText(record),
    JSON.stringify(listing),
    JSON.stringify(document),
    pivots?.key ?? null,
  ];
}

const CASE_COLUMN_NAMES = `id, version, status, name, actor_kind, updated_at, submitted_at, next_review_at, verdict, priority,
  priority_band, signal_count, search_text, listing, document, pivot_key`;
const CASE_VALUES = '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16';

async function insertCase(tx: SqlQueryable, record: StoredCase, listing: CaseListing, pivots: CaseValues, onConflictDoNothing: boolean): Promise<number> {
  const conflict = onConflictDoNothing ? ' ON CONFLICT (id) DO NOTHING' : '';
  return tx.run(`INSERT INTO cases (${CASE_COLUMN_NAMES}) VALUES (${CASE_VALUES})${conflict}`, caseColumns(record, listing, pivots));
}

/**
 * The parts of a statement that bring the case's account and action rows to the record's arrays
 * ($2 the accounts to write as [position, item] pairs, $3 the accounts' count, $4 and $5 the same for
 * actions; $1 the case id): the rows given are upserted, and only where their item changed (jsonb
 * compares by value); rows past the end are removed. A write that knows which items changed (the
 * backend's CaseChanges) gives only those, so an autosave of a case with 100,000 accounts ships none
 * (issue 10 §3); without it every position is given. The four parts touch disjoint rows (the upserts
 * positions below the array's length, the deletes at or above it), so seeing one snapshot is what they
 * need. `when`: a condition every part also requires.
 */
function childrenParts(when: string): string {
  return `accounts AS (
       INSERT INTO case_accounts (case_id, position, handle, status, decided_at, item)
       SELECT $1, (a.pair->>0)::integer, a.pair->1->>'handle', a.pair->1->>'status', (a.pair->1->>'decidedAt')::timestamptz, a.pair->1
       FROM jsonb_array_elements($2::jsonb) AS a (pair) WHERE ${when}
       ON CONFLICT (case_id, position) DO UPDATE
         SET handle = EXCLUDED.handle, status = EXCLUDED.status, decided_at = EXCLUDED.decided_at, item = EXCLUDED.item
         WHERE case_accounts.item IS DISTINCT FROM EXCLUDED.item
     ),
     accounts_past_end AS (DELETE FROM case_accounts WHERE case_id = $1 AND position >= $3 AND ${when}),
     actions AS (
       INSERT INTO enforcement_actions (case_id, position, id, type, target_ref, applied_at, expires_at, ended_at, item)
       SELECT $1, (e.pair->>0)::integer, e.pair->1->>'id', e.pair->1->>'type', e.pair->1->>'targetRef', (e.pair->1->>'appliedAt')::timestamptz,
         (e.pair->1->>'expiresAt')::timestamptz, (e.pair->1->>'endedAt')::timestamptz, e.pair->1
       FROM jsonb_array_elements($4::jsonb) AS e (pair) WHERE ${when}
       ON CONFLICT (case_id, position) DO UPDATE
         SET id = EXCLUDED.id, type = EXCLUDED.type, target_ref = EXCLUDED.target_ref, applied_at = EXCLUDED.applied_at,
           expires_at = EXCLUDED.expires_at, ended_at = EXCLUDED.ended_at, item = EXCLUDED.item
         WHERE enforcement_actions.item IS DISTINCT FROM EXCLUDED.item
     ),
     actions_past_end AS (DELETE FROM enforcement_actions WHERE case_id = $1 AND position >= $5 AND ${when})`;
}

/** `[position, item]` pairs of `items` at `positions` (all of them when none are named). */
function pairs<T>(items: readonly T[], positions: readonly number[] | undefined): string {
  const chosen = positions ?? items.keys();
  const out: [number, T][] = [];
  for (const position of chosen) {
    const item = items[position];
    if (item !== undefined) out.push([position, item]);
  }
  return JSON.stringify(out);
}

function childrenParams(record: StoredCase, changes?: CaseChanges): SqlParam[] {
  return [
    record.id,
    pairs(record.accounts, changes?.accounts),
    record.accounts.length,
    pairs(record.enforcementActions, changes?.actions),
    record.enforcementActions.length,
  ];
}

/**
 * The parts that bring case_refs to the values the case names (`refs`: [kind, value] pairs): the rows
 * no longer named go, the new ones come (the two parts see the same snapshot). `when` as above.
 */
function caseRefParts(when: string, refs = '$6'): string {
  return `wanted AS (SELECT r->>0 AS kind, r->>1 AS value FROM jsonb_array_elements(${refs}::jsonb) AS r WHERE ${when}),
     refs_gone AS (
       DELETE FROM case_refs AS c WHERE c.case_id = $1 AND ${when}
         AND NOT EXISTS (SELECT 1 FROM wanted AS w WHERE w.kind = c.kind AND w.value = c.value)
     ),
     refs_new AS (INSERT INTO case_refs (case_id, kind, value) SELECT $1, kind, value FROM wanted ON CONFLICT DO NOTHING)`;
}

function caseRefRows(values: Record<PivotKind, string[]>): string {
  return JSON.stringify(PIVOT_KINDS.flatMap((kind) => values[kind].map((value) => [kind, value])));
}

/** A seed's case: its account and action rows and its pivots, in one statement. */
async function writeChildren(tx: SqlQueryable, record: StoredCase, pivots: CaseValues): Promise<void> {
  await tx.run(`WITH ${childrenParts('true')}, ${caseRefParts('true')} SELECT 1`, [...childrenParams(record), caseRefRows(pivots.values)]);
}

const CaseWriteRow = z.object({
  written: z.boolean(),
  currentVersion: SqlInt.nullable(),
  seqs: z.array(z.tuple([z.string(), SqlInt])),
});

/**
 * Issue 10 §9: a case write is one statement, so one round trip and no BEGIN/COMMIT: a statement is
 * atomic on its own (a crash leaves all or nothing, R19). Its parts: the compare-and-set (an UPDATE …
 * WHERE version = expected, or an INSERT that does nothing when the id exists), then — only if that
 * wrote — the account and action rows, the pivot index when what the case names changed (its
 * fingerprint, pivot_key, differs from the stored one), and the audit events, numbered in order.
 * Parameters: $1-$5 the children, $6 the refs, $7 the events, $8-$23 the case's columns, $24 the
 * expected version. With the backend's CaseChanges, only the changed children are given, and the
 * pivots are neither worked out nor given when the names stayed (issue 10 §3).
 */
function caseWriteStatement(insert: boolean): string {
  const columns = CASE_VALUES.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 7}`);
  const write = insert
    ? `written AS (INSERT INTO cases (${CASE_COLUMN_NAMES}) VALUES (${columns}) ON CONFLICT (id) DO NOTHING RETURNING id)`
    : `written AS (
         UPDATE cases SET version = $9, status = $10, name = $11, actor_kind = $12, updated_at = $13, submitted_at = $14,
           next_review_at = $15, verdict = $16, priority = $17, priority_band = $18, signal_count = $19, search_text = $20,
           listing = $21::jsonb, document = $22::jsonb, pivot_key = COALESCE($23, pivot_key)
         WHERE id = $8 AND version = $24 RETURNING id)`;
  const did = 'EXISTS (SELECT 1 FROM written)';
  // A row at the expected version has not changed since the snapshot: its pivot_key is the previous one.
  // No fingerprint ($23 null): the write's changes say the names stayed, and so do case_refs.
  const namesChanged = insert ? did : `${did} AND $23::text IS NOT NULL AND (SELECT pivot_key FROM cases WHERE id = $1) IS DISTINCT FROM $23`;
  return `WITH ${write},
     ${childrenParts(did)},
     ${caseRefParts(namesChanged)},
     events AS (
       INSERT INTO audit_events (seq, id, case_id, type, actor_id, at, reason, changes, case_version, mentions)
       SELECT nextval('audit_seq'), v.e->>'id', v.e->>'caseId', v.e->>'type', v.e->>'actorId', v.e->>'at', v.e->>'reason',
         v.e->'changes', (v.e->>'caseVersion')::integer, ARRAY(SELECT jsonb_array_elements_text(COALESCE(v.e->'mentions', '[]'::jsonb)))
       FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS v (e, ord) WHERE ${did}
       ORDER BY v.ord
       RETURNING id, seq
     )
     SELECT ${did} AS written, (SELECT version FROM cases WHERE id = $1) AS "currentVersion",
       COALESCE((SELECT jsonb_agg(jsonb_build_array(id, seq) ORDER BY seq) FROM events), '[]'::jsonb) AS seqs`;
}
const INSERT_CASE_STATEMENT = caseWriteStatement(true);
const UPDATE_CASE_STATEMENT = caseWriteStatement(false);

/** Migration 6: the pivots of a case stored before, with their fingerprint. */
export async function indexCaseValues(tx: SqlQueryable, record: StoredCase): Promise<void> {
  const pivots = caseValuesOf(record);
  await tx.run(`WITH ${caseRefParts('true', '$3')} UPDATE cases SET pivot_key = $2 WHERE id = $1`, [record.id, pivots.key, caseRefRows(pivots.values)]);
}

function eventParams(event: NewAuditEvent): SqlParam[] {
  return [event.id, event.caseId, event.type, event.actorId, event.at, event.reason, JSON.stringify(event.changes), event.caseVersion, JSON.stringify(event.mentions ?? [])];
}

async function insertEvent(tx: SqlQueryable, event: NewAuditEvent, seq: number | null): Promise<number> {
  const seqValue = seq === null ? "nextval('audit_seq')" : '$10';
  const rows = await tx.rows(
    SeqRow,
    `INSERT INTO audit_events (seq, id, case_id, type, actor_id, at, reason, changes, case_version, mentions)
     VALUES (${seqValue}, $1, $2, $3, $4, $5, $6, $7::jsonb, $8, ARRAY(SELECT jsonb_array_elements_text($9::jsonb))) RETURNING seq`,
    seq === null ? eventParams(event) : [...eventParams(event), seq],
  );
  const written = rows[0];
  if (!written) throw new Error(`audit event ${event.id} was not written`);
  return written.seq;
}

/** Writes a seed into empty tables and moves the event sequence past its highest seq. */
async function writeSeed(tx: SqlQueryable, seed: StorageSeed, listingOf: ListingOf): Promise<void> {
  for (const record of seed.cases) {
    const pivots = caseValuesOf(record);
    await insertCase(tx, record, listingOf(record), pivots, false);
    await writeChildren(tx, record, pivots);
  }
  for (const event of seed.audit.toSorted((a, b) => a.seq - b.seq)) await insertEvent(tx, event, event.seq);
  const lastSeq = seed.audit.reduce((max, event) => Math.max(max, event.seq), 0);
  // setval(…, 1, false): the next nextval answers 1.
  await tx.run('SELECT setval($1, $2, $3)', ['audit_seq', Math.max(lastSeq, 1), lastSeq > 0]);
  await tx.run(`INSERT INTO storage_meta (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING`, [SEEDED]);
}

// ---------------------------------------------------------------------------------------------
// queries

/** Collects parameters for a statement built from optional filters; each `add` answers its `$n`. */
function parameters() {
  const values: SqlParam[] = [];
  return {
    values,
    add(value: SqlParam): string {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/**
 * A term's place in the policy's list, as the in-memory storages rank it (storage-queries.ts). The
 * terms are the policy's own constants, never input; they are checked to be plain words all the same.
 */
function rankOf(column: string, terms: readonly string[]): string {
  if (!terms.every((term) => /^[a-z_-]+$/.test(term))) throw new Error(`not a plain term in ${terms.join(', ')}`);
  return `array_position(ARRAY[${terms.map((term) => `'${term}'`).join(', ')}]::text[], ${column})`;
}

// Names in code-unit order (COLLATE "C"), like the in-memory storages; ties by id, nulls last.
// Owner and reviewer sort by the person's id: names live in the identity store, not beside the case.
const SORT_COLUMNS: Record<Exclude<CasePageQuery['sort'], 'queue'>, string> = {
  priority: 'priority',
  updatedAt: 'updated_at',
  name: 'lower(name) COLLATE "C"',
  submittedAt: 'submitted_at',
  nextReviewAt: 'next_review_at',
  actorKind: rankOf('actor_kind', ACTOR_KINDS),
  status: rankOf('status', CASE_STATUSES),
  verdict: rankOf('verdict', VERDICT_OUTCOMES),
  signalCount: 'signal_count',
  ownerId: `(listing->>'ownerId') COLLATE "C"`,
  reviewerId: `(listing->>'reviewerId') COLLATE "C"`,
};

function caseOrder(query: CasePageQuery): string {
  if (query.sort === 'queue') return 'priority DESC, submitted_at ASC NULLS LAST, id COLLATE "C"';
  const dir = query.dir === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_COLUMNS[query.sort]} ${dir} NULLS LAST, id COLLATE "C"`;
}

async function pageQuery<S extends z.ZodType>(
  db: SqlQueryable,
  row: S,
  select: string,
  from: string,
  where: string,
  order: string,
  params: ReturnType<typeof parameters>,
  page: { page: number; pageSize: number },
): Promise<Page<z.output<S>>> {
  const filterValues = [...params.values];
  const limit = params.add(page.pageSize);
  const offset = params.add((page.page - 1) * page.pageSize);
  // The page is chosen first and only its rows are built: building (and detoasting) every row before
  // the sort cost a full scan of the documents per page.
  const [items, counted] = await Promise.all([
    db.rows(
      row,
      `SELECT ${select} FROM (SELECT * FROM ${from} ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) AS page ORDER BY ${order}`,
      params.values,
    ),
    db.rows(CountRow, `SELECT count(*) AS count FROM ${from} ${where}`, filterValues),
  ]);
  return { items, total: counted[0]?.count ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// streamed reads for export: keyset pages, so memory stays flat whatever the size of the database

/** Walks a table in key order, one page at a time, asking each page for the rows after the last key. */
async function* keysetPages<T, K>(page: (after: K) => Promise<T[]>, keyOf: (row: T) => K, first: K, batchSize: number): AsyncGenerator<T> {
  let after = first;
  for (;;) {
    const batch = await page(after);
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = keyOf(last);
  }
}

export function streamCases(db: SqlQueryable, batchSize = 100): AsyncGenerator<StoredCase> {
  return keysetPages(
    (after: string) => db.rows(CaseRow, `${SELECT_CASE} WHERE c.id COLLATE "C" > $1 ORDER BY c.id COLLATE "C" LIMIT $2`, [after, batchSize]),
    (record) => record.id,
    '',
    batchSize,
  );
}

export function streamAudit(db: SqlQueryable, batchSize = 1_000): AsyncGenerator<AuditEvent> {
  return keysetPages(
    (after: number) => db.rows(AuditRow, `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, batchSize]),
    (event) => event.seq,
    0,
    batchSize,
  );
}

// ---------------------------------------------------------------------------------------------
// issue 10 §3: one case's accounts and actions, a page or a batch at a time

/**
 * R16: the accounts the case's signals name that nobody decided, each once (case-blind, the first
 * spelling in the signals' order), in that order; as suggestedAccounts (case-rules.ts) derives them.
 * Handles are ASCII (AccountHandle), so lower() in "C" is JavaScript's toLowerCase. $1 the case id;
 * `needle` a parameter holding the lower-cased part of the handle searched for, or null.
 */
function suggestedHandles(needle: string): string {
  return `named AS (
       SELECT DISTINCT ON (lower(h.handle COLLATE "C")) h.handle, s.sord, h.hord
       FROM cases AS c,
         jsonb_array_elements(c.document->'signals') WITH ORDINALITY AS s (signal, sord),
         jsonb_array_elements_text(s.signal->'accounts') WITH ORDINALITY AS h (handle, hord)
       WHERE c.id = $1
       ORDER BY lower(h.handle COLLATE "C"), s.sord, h.hord
     ),
     suggested AS (
       SELECT n.handle, n.sord, n.hord FROM named AS n
       WHERE (${needle}::text IS NULL OR strpos(lower(n.handle COLLATE "C"), ${needle}) > 0)
         AND NOT EXISTS (SELECT 1 FROM case_accounts AS a WHERE a.case_id = $1 AND lower(a.handle COLLATE "C") = lower(n.handle COLLATE "C"))
     )`;
}

const ActionsPageRow = z.object({ found: z.boolean(), total: SqlInt, items: z.array(EnforcementAction) });
const AccountBatchRow = z.object({ position: SqlInt, item: AccountAssociation });
const ActionBatchRow = z.object({ position: SqlInt, item: EnforcementAction });
const HandleRow = z.object({ handle: z.string() });

/**
 * A page and the count of one case's child rows (case_accounts, enforcement_actions), as CTEs `<name>_count`
 * and `<name>_page` (position, item). Unfiltered, a page is a range of positions and the count the
 * last position + 1: the rows of a case sit at exactly the positions 0 … n-1 of its array (every write
 * keeps them so), which is an index range however deep the page. Filtered, the positions are chosen
 * first and only the page's rows are read: sorting whole rows of 100,000 spilled to disk.
 */
function childPageParts(
  name: string,
  table: string,
  conditions: readonly string[],
  page: { offset: string; limit: string; dir: 'ASC' | 'DESC' },
): string {
  const filtered = conditions.length > 0;
  const where = whereClause(['case_id = $1', ...conditions]);
  const count = filtered
    ? `SELECT count(*) AS n FROM ${table} ${where}`
    : `SELECT COALESCE(max(position) + 1, 0) AS n FROM ${table} WHERE case_id = $1`;
  let positions: string;
  if (filtered) positions = `SELECT position FROM ${table} ${where} ORDER BY position ${page.dir} OFFSET ${page.offset} LIMIT ${page.limit}`;
  else if (page.dir === 'ASC') positions = `SELECT position FROM ${table} WHERE case_id = $1 AND position >= ${page.offset} ORDER BY position LIMIT ${page.limit}`;
  else {
    positions = `SELECT position FROM ${table}
      WHERE case_id = $1 AND position <= (SELECT n FROM ${name}_count) - 1 - ${page.offset} ORDER BY position DESC LIMIT ${page.limit}`;
  }
  return `${name}_count AS (${count}),
     ${name}_page AS (
       SELECT t.position, t.item FROM ${table} AS t
       WHERE t.case_id = $1 AND t.position IN (${positions})
     )`;
}

/** The suggested accounts of one version of a case (suggestedHandles), kept by a storage between reads. */
interface SuggestedList {
  version: number;
  updatedAt: string;
  handles: string[];
}

const DecidedPageRow = z.object({
  version: SqlInt.nullable(),
  updatedAt: z.string().nullable(),
  total: SqlInt,
  decided: z.array(AccountAssociation),
});
const SuggestedListRow = z.object({ version: SqlInt, updatedAt: z.string(), handles: z.array(z.string()) });

/**
 * R16: the suggested accounts of the case as it is now. Working them out compares every handle the
 * signals name with the decided ones (20,000 index probes for two detected clusters: ~55 ms on PGlite),
 * and they change only with a write: so they are kept per version (and write instant, which tells a
 * reset store's version 3 from the one before) for the reads that follow — paging, filtering, the
 * count on every page. Another process's write is a new version, which is read afresh.
 */
function suggestedLists(db: SqlQueryable) {
  const kept = new Map<string, SuggestedList>();
  return {
    async of(caseId: string, current: { version: number; updatedAt: string }): Promise<string[]> {
      const known = kept.get(caseId);
      if (known && known.version === current.version && known.updatedAt === current.updatedAt) return known.handles;
      const [row] = await db.rows(
        SuggestedListRow,
        `WITH ${suggestedHandles('NULL')}
         SELECT c.version, c.document->>'updatedAt' AS "updatedAt",
           COALESCE((SELECT jsonb_agg(handle ORDER BY sord, hord) FROM suggested), '[]'::jsonb) AS handles
         FROM cases AS c WHERE c.id = $1`,
        [caseId],
      );
      if (!row) return [];
      kept.delete(caseId);
      kept.set(caseId, row);
      // The latest few cases only: a designation's page is read by the few who work on it.
      for (const oldest of kept.keys()) {
        if (kept.size <= 16) break;
        kept.delete(oldest);
      }
      return row.handles;
    },
    clear: () => kept.clear(),
  };
}

/**
 * A page of the case's accounts: the decided rows (case_accounts, in position order, filtered on the
 * status and handle columns) and after them the suggested ones. The decided page and count come from
 * one statement, with the case's version, which says whether the kept suggested list still holds.
 * The handle filter on the suggested list is the SQL one's: handles are ASCII, so lower() in "C" and
 * toLowerCase agree.
 */
async function queryCaseAccountsSql(
  db: SqlQueryable,
  suggestedOf: ReturnType<typeof suggestedLists>['of'],
  caseId: string,
  query: CaseAccountsPageQuery,
): Promise<Page<AccountAssociation> | null> {
  const params = parameters();
  params.add(caseId);
  const offset = params.add(query.offset);
  const limit = params.add(query.limit);
  const needle = query.q ? query.q.toLowerCase() : null;
  const conditions: string[] = [];
  if (needle) conditions.push(`strpos(lower(handle COLLATE "C"), ${params.add(needle)}) > 0`);
  if (query.status === 'confirmed' || query.status === 'rejected') conditions.push(`status = ${params.add(query.status)}`);
  // Only suggested: no decided row.
  if (query.status === 'suggested') conditions.push('false');
  const [row] = await db.rows(
    DecidedPageRow,
    `WITH ${childPageParts('decided', 'case_accounts', conditions, { offset, limit, dir: 'ASC' })}
     SELECT c.version, c.document->>'updatedAt' AS "updatedAt", (SELECT n FROM decided_count) AS total,
       COALESCE((SELECT jsonb_agg(item ORDER BY position) FROM decided_page), '[]'::jsonb) AS decided
     FROM (SELECT 1) AS one LEFT JOIN cases AS c ON c.id = $1`,
    params.values,
  );
  if (!row || row.version === null || row.updatedAt === null) return null;
  const wantsSuggested = query.status === undefined || query.status === 'suggested';
  const suggested = wantsSuggested
    ? (await suggestedOf(caseId, { version: row.version, updatedAt: row.updatedAt })).filter((handle) => !needle || handle.toLowerCase().includes(needle))
    : [];
  // The suggested ones continue where the decided ones end.
  const from = Math.max(query.offset - row.total, 0);
  const room = query.limit - row.decided.length;
  return {
    items: [...row.decided, ...suggested.slice(from, from + Math.max(room, 0)).map(suggestedAssociation)],
    total: row.total + suggested.length,
  };
}

/** R15: in force at $n (not ended by then, not expired), as isActionActive says; the same instants as the storages in memory. */
function inForceAt(now: string): string {
  return `((ended_at IS NULL OR ended_at > ${now}::timestamptz) AND (expires_at IS NULL OR expires_at > ${now}::timestamptz))`;
}

async function queryCaseActionsSql(db: SqlQueryable, caseId: string, query: CaseActionsPageQuery): Promise<Page<EnforcementAction> | null> {
  const params = parameters();
  params.add(caseId);
  const offset = params.add(query.offset);
  const limit = params.add(query.limit);
  const conditions: string[] = [];
  if (query.type) conditions.push(`type = ${params.add(query.type)}`);
  if (query.state) {
    const inForce = inForceAt(params.add(query.now));
    conditions.push(query.state === 'in-force' ? inForce : `NOT ${inForce}`);
  }
  const dir = query.dir === 'desc' ? 'DESC' : 'ASC';
  const [row] = await db.rows(
    ActionsPageRow,
    `WITH ${childPageParts('actions', 'enforcement_actions', conditions, { offset, limit, dir })}
     SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1) AS found,
       (SELECT n FROM actions_count) AS total,
       COALESCE((SELECT jsonb_agg(item ORDER BY position ${dir}) FROM actions_page), '[]'::jsonb) AS items`,
    params.values,
  );
  return row?.found ? { items: row.items, total: row.total } : null;
}

/** Keyset batches on position: each batch asks for the rows after the last one's position. */
async function* positionBatches<T>(page: (after: number) => Promise<{ position: number; item: T }[]>, batchSize: number): AsyncGenerator<T[]> {
  let after = -1;
  for (;;) {
    const rows = await page(after);
    if (rows.length > 0) yield rows.map((row) => row.item);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = last.position;
  }
}

async function* caseAccountBatchesSql(db: SqlQueryable, caseId: string, batchSize: number): AsyncGenerator<AccountAssociation[]> {
  yield* positionBatches(
    (after) => db.rows(AccountBatchRow, 'SELECT position, item FROM case_accounts WHERE case_id = $1 AND position > $2 ORDER BY position LIMIT $3', [caseId, after, batchSize]),
    batchSize,
  );
  // The suggested ones after the decided ones, as the list shows them: what the signals name is bounded
  // by the document, so one read.
  const suggested = await db.rows(HandleRow, `WITH ${suggestedHandles('$2')} SELECT handle FROM suggested ORDER BY sord, hord`, [caseId, null]);
  for (let start = 0; start < suggested.length; start += batchSize) {
    yield suggested.slice(start, start + batchSize).map((row) => suggestedAssociation(row.handle));
  }
}

function caseActionBatchesSql(db: SqlQueryable, caseId: string, batchSize: number): AsyncGenerator<EnforcementAction[]> {
  return positionBatches(
    (after) => db.rows(ActionBatchRow, 'SELECT position, item FROM enforcement_actions WHERE case_id = $1 AND position > $2 ORDER BY position LIMIT $3', [caseId, after, batchSize]),
    batchSize,
  );
}

/** Writes a whole data set into an empty store in one transaction; false when the store holds data. */
export function importIntoEmpty(db: SqlDatabase, seed: StorageSeed, listingOf: ListingOf): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.rows(CountRow, 'SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM audit_events) AS count');
    if ((existing[0]?.count ?? 0) > 0) return false;
    await tx.run(`DELETE FROM storage_meta WHERE key = $1`, [SEEDED]);
    await writeSeed(tx, seed, listingOf);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------

export function createSqlStorage(db: SqlDatabase, options: SqlStorageOptions = {}): BackendStorage {
  const suggested = suggestedLists(db);
  return {
    async isSeeded() {
      const rows = await db.rows(CountRow, 'SELECT count(*) AS count FROM storage_meta WHERE key = $1', [SEEDED]);
      return (rows[0]?.count ?? 0) > 0;
    },
    seedIfEmpty: (seed, listingOf) =>
      db.transaction(async (tx) => {
        // The marker row is the lock: a second process starting at once waits on it, then finds it.
        const claimed = await tx.run(
          `INSERT INTO storage_meta (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING`,
          [SEEDED],
        );
        if (claimed === 0) return false;
        await writeSeed(tx, seed, listingOf);
        return true;
      }),
    async getCase(id) {
      const rows = await db.rows(CaseRow, `${SELECT_CASE} WHERE c.id = $1`, [id]);
      return rows[0] ?? null;
    },
    async listCases() {
      return db.rows(CaseRow, `${SELECT_CASE} ORDER BY c.id COLLATE "C"`);
    },
    async putCase(record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[], listing: CaseListing, changes?: CaseChanges): Promise<PutCaseResult> {
      // A create writes everything; an update writes what its changes name (all without them).
      const known = expectedVersion === null ? undefined : changes;
      const pivots = known && !known.names ? null : caseValuesOf(record);
      const params = [
        ...childrenParams(record, known),
        pivots ? caseRefRows(pivots.values) : '[]',
        JSON.stringify(events),
        ...caseColumns(record, listing, pivots),
      ];
      const [result] = await db.rows(
        CaseWriteRow,
        expectedVersion === null ? INSERT_CASE_STATEMENT : UPDATE_CASE_STATEMENT,
        expectedVersion === null ? params : [...params, expectedVersion],
      );
      if (!result?.written) {
        // The statement's snapshot can predate the write that beat this one (READ COMMITTED re-checks
        // the row, not the snapshot): then it still shows the expected version, and a fresh read tells.
        let currentVersion = result?.currentVersion ?? null;
        if (currentVersion !== null && currentVersion === expectedVersion) {
          const current = await db.rows(VersionRow, 'SELECT version FROM cases WHERE id = $1', [record.id]);
          currentVersion = current[0]?.version ?? null;
        }
        return { ok: false, currentVersion };
      }
      const seqOf = new Map(result.seqs);
      return { ok: true, events: events.map((event) => ({ ...event, seq: seqOf.get(event.id) ?? 0 })) };
    },
    queryCases(query) {
      const params = parameters();
      const conditions: string[] = [];
      if (query.status) conditions.push(`status = ${params.add(query.status)}`);
      if (query.actorKind) conditions.push(`actor_kind = ${params.add(query.actorKind)}`);
      if (query.priorityBand) conditions.push(`priority_band = ${params.add(query.priorityBand)}`);
      const needle = query.q?.trim().toLowerCase() ?? '';
      if (needle) conditions.push(`strpos(search_text, ${params.add(needle)}) > 0`);
      if (query.dueBy) conditions.push(`next_review_at <= ${params.add(query.dueBy)}::timestamptz`);
      // The same expression as the partial index cases_returned (migration 3).
      if (query.returned) conditions.push(`listing->>'returned' = 'true'`);
      // The same expressions as the indexes cases_owner and cases_reviewer (migration 4).
      if (query.ownerId) conditions.push(`(listing->>'ownerId') = ${params.add(query.ownerId)}`);
      if (query.reviewerId) conditions.push(`(listing->>'reviewerId') = ${params.add(query.reviewerId)}`);
      // Rare and short-lived (a proposal waits for one decision): no index; cases stored before R3 have no key.
      if (query.manipulationPending) conditions.push(`listing->>'manipulationPending' = 'true'`);
      return pageQuery(db, SummaryRow, SUMMARY, 'cases', whereClause(conditions), caseOrder(query), params, query);
    },
    queryAudit(query) {
      const params = parameters();
      const conditions: string[] = [];
      if (query.caseId) conditions.push(`case_id = ${params.add(query.caseId)}`);
      if (query.type) conditions.push(`type = ${params.add(query.type)}`);
      if (query.types) conditions.push(query.types.length === 0 ? 'false' : `type IN (${query.types.map((type) => params.add(type)).join(', ')})`);
      if (query.actorId) conditions.push(`actor_id = ${params.add(query.actorId)}`);
      if (query.mentioned) conditions.push(`mentions @> ARRAY[${params.add(query.mentioned)}]::text[]`);
      // `at` is stored as the ISO text it was written with; compared as instants.
      if (query.from) conditions.push(`at::timestamptz >= ${params.add(query.from)}::timestamptz`);
      if (query.to) conditions.push(`at::timestamptz < ${params.add(query.to)}::timestamptz`);
      return pageQuery(db, AuditRow, AUDIT_COLUMNS, 'audit_events', whereClause(conditions), 'seq DESC', params, query);
    },
    appendEvents: (events) =>
      db.transaction(async (tx) => {
        const numbered: AuditEvent[] = [];
        for (const event of events) numbered.push({ ...event, seq: await insertEvent(tx, event, null) });
        return numbered;
      }),
    queryExpiringActions(query) {
      const params = parameters();
      const where = `WHERE ended_at IS NULL AND expires_at >= ${params.add(query.from)}::timestamptz
        AND expires_at < ${params.add(query.to)}::timestamptz`;
      return pageQuery(
        db,
        ExpiringRow,
        `case_id AS "caseId", case_name AS "caseName", item AS action`,
        `(SELECT e.case_id, e.id, e.expires_at, e.ended_at, e.item, c.name AS case_name
          FROM enforcement_actions e JOIN cases c ON c.id = e.case_id) AS running`,
        where,
        'expires_at, case_id COLLATE "C", id COLLATE "C"',
        params,
        query,
      );
    },
    async casesWithRefs(kind, values, exceptCaseId, perValue) {
      const keys = [...new Set(values.flatMap((raw) => pivotKey(kind, raw) ?? []))];
      if (keys.length === 0) return [];
      // A designation is in force exactly while the listing has a next review (case-listing.ts).
      return db.rows(
        CaseRefRow,
        `SELECT kind, value, case_id AS "caseId", name AS "caseName", status, designated,
           case_count AS "caseCount", designation_count AS "designationCount"
         FROM (
           SELECT r.kind, r.value, c.id AS case_id, c.name, c.status, c.next_review_at IS NOT NULL AS designated,
             row_number() OVER (PARTITION BY r.value ORDER BY c.next_review_at IS NOT NULL DESC, c.updated_at DESC, c.id COLLATE "C") AS n,
             count(*) OVER (PARTITION BY r.value) AS case_count,
             count(*) FILTER (WHERE c.next_review_at IS NOT NULL) OVER (PARTITION BY r.value) AS designation_count
           FROM case_refs r JOIN cases c ON c.id = r.case_id
           WHERE r.kind = $1 AND r.value IN (SELECT jsonb_array_elements_text($2::jsonb)) AND r.case_id IS DISTINCT FROM $3
         ) AS ranked
         WHERE n <= $4
         ORDER BY value COLLATE "C", n`,
        [kind, JSON.stringify(keys), exceptCaseId, perValue],
      );
    },
    queryCaseAccounts: (caseId, query) => queryCaseAccountsSql(db, suggested.of, caseId, query),
    queryCaseActions: (caseId, query) => queryCaseActionsSql(db, caseId, query),
    caseAccountsInBatches: (caseId, batchSize) => caseAccountBatchesSql(db, caseId, batchSize),
    caseActionsInBatches: (caseId, batchSize) => caseActionBatchesSql(db, caseId, batchSize),
    async listAudit() {
      return db.rows(AuditRow, `SELECT ${AUDIT_COLUMNS} FROM audit_events ORDER BY seq`);
    },
    async reset(seed, listingOf) {
      if (!options.allowReset) throw new ResetRefusedError();
      suggested.clear();
      await db.transaction(async (tx) => {
        await tx.run(`SELECT set_config('cha.allow_audit_truncate', 'on', true)`);
        await tx.run('TRUNCATE audit_events, case_refs, case_accounts, enforcement_actions, cases, storage_meta');
        await writeSeed(tx, seed, listingOf);
      });
    },
  };
}
