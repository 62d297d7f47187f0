// The backend's storage seam over SQL (PGlite or PostgreSQL, one implementation for both). A case
// write is one transaction: a compare-and-set on the version (an UPDATE … WHERE version = expected,
// or an INSERT that does nothing when the id exists) and the INSERT of its audit events, so a crash
// at any point leaves both or neither. Rows are parsed with the contract's zod schemas as they come
// in; one that does not parse raises StorageCorruptError.
import { z } from 'zod';
import { AuditEvent } from '../../api/contract/audit';
import { designationInForce } from '../../backend/case-rules';
import { caseSearchText } from '../../backend/case-search';
import {
  StoredCase,
  type BackendStorage,
  type NewAuditEvent,
  type PutCaseResult,
  type StorageSeed,
} from '../../backend/storage';
import { SqlInt, type SqlParam, type SqlQueryable, type SqlDatabase } from './sql-database';

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

const DocumentRow = z.object({ document: StoredCase });
const VersionRow = z.object({ version: SqlInt });
const SeqRow = z.object({ seq: SqlInt });
const CountRow = z.object({ count: SqlInt });
const AuditRow = AuditEvent.extend({ seq: SqlInt.pipe(AuditEvent.shape.seq) });

const AUDIT_COLUMNS = `id, seq, case_id AS "caseId", type, actor_id AS "actorId", at, reason, changes,
  case_version AS "caseVersion"`;

/** The columns kept beside the document, in the order of CASE_COLUMN_NAMES. */
function caseColumns(record: StoredCase): SqlParam[] {
  return [
    record.id,
    record.version,
    record.status,
    record.actor.name,
    record.actor.kind,
    record.updatedAt,
    record.submission?.submittedAt ?? null,
    designationInForce(record) ? (record.designation?.nextReviewAt ?? null) : null,
    caseSearchText(record),
    JSON.stringify(record),
  ];
}

const CASE_COLUMN_NAMES = 'id, version, status, name, actor_kind, updated_at, submitted_at, next_review_at, search_text, document';
const CASE_VALUES = '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb';

async function insertCase(tx: SqlQueryable, record: StoredCase, onConflictDoNothing: boolean): Promise<number> {
  const conflict = onConflictDoNothing ? ' ON CONFLICT (id) DO NOTHING' : '';
  return tx.run(`INSERT INTO cases (${CASE_COLUMN_NAMES}) VALUES (${CASE_VALUES})${conflict}`, caseColumns(record));
}

async function updateCase(tx: SqlQueryable, record: StoredCase, expectedVersion: number): Promise<number> {
  return tx.run(
    `UPDATE cases SET version = $2, status = $3, name = $4, actor_kind = $5, updated_at = $6, submitted_at = $7,
       next_review_at = $8, search_text = $9, document = $10::jsonb
     WHERE id = $1 AND version = $11`,
    [...caseColumns(record), expectedVersion],
  );
}

function eventParams(event: NewAuditEvent): SqlParam[] {
  return [
    event.id,
    event.caseId,
    event.type,
    event.actorId,
    event.at,
    event.reason,
    JSON.stringify(event.changes),
    event.caseVersion,
  ];
}

async function insertEvent(tx: SqlQueryable, event: NewAuditEvent, seq: number | null): Promise<number> {
  const seqValue = seq === null ? "nextval('audit_seq')" : '$9';
  const rows = await tx.rows(
    SeqRow,
    `INSERT INTO audit_events (seq, id, case_id, type, actor_id, at, reason, changes, case_version)
     VALUES (${seqValue}, $1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING seq`,
    seq === null ? eventParams(event) : [...eventParams(event), seq],
  );
  const written = rows[0];
  if (!written) throw new Error(`audit event ${event.id} was not written`);
  return written.seq;
}

/** Writes a seed into empty tables and moves the event sequence past its highest seq. */
async function writeSeed(tx: SqlQueryable, seed: StorageSeed): Promise<void> {
  for (const record of seed.cases) await insertCase(tx, record, false);
  for (const event of seed.audit.toSorted((a, b) => a.seq - b.seq)) await insertEvent(tx, event, event.seq);
  const lastSeq = seed.audit.reduce((max, event) => Math.max(max, event.seq), 0);
  // setval(…, 1, false): the next nextval answers 1.
  await tx.run('SELECT setval($1, $2, $3)', ['audit_seq', Math.max(lastSeq, 1), lastSeq > 0]);
  await tx.run(`INSERT INTO storage_meta (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING`, [SEEDED]);
}

export function createSqlStorage(db: SqlDatabase, options: SqlStorageOptions = {}): BackendStorage {
  return {
    async isSeeded() {
      const rows = await db.rows(CountRow, 'SELECT count(*) AS count FROM storage_meta WHERE key = $1', [SEEDED]);
      return (rows[0]?.count ?? 0) > 0;
    },
    seedIfEmpty: (seed) =>
      db.transaction(async (tx) => {
        // The marker row is the lock: a second process starting at once waits on it, then finds it.
        const claimed = await tx.run(
          `INSERT INTO storage_meta (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING`,
          [SEEDED],
        );
        if (claimed === 0) return false;
        await writeSeed(tx, seed);
        return true;
      }),
    async getCase(id) {
      const rows = await db.rows(DocumentRow, 'SELECT document FROM cases WHERE id = $1', [id]);
      return rows[0]?.document ?? null;
    },
    async listCases() {
      const rows = await db.rows(DocumentRow, 'SELECT document FROM cases ORDER BY id');
      return rows.map((row) => row.document);
    },
    putCase: (record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[]): Promise<PutCaseResult> =>
      db.transaction(async (tx) => {
        const written =
          expectedVersion === null ? await insertCase(tx, record, true) : await updateCase(tx, record, expectedVersion);
        if (written === 0) {
          const current = await tx.rows(VersionRow, 'SELECT version FROM cases WHERE id = $1', [record.id]);
          return { ok: false, currentVersion: current[0]?.version ?? null };
        }
        const numbered: AuditEvent[] = [];
        for (const event of events) numbered.push({ ...event, seq: await insertEvent(tx, event, null) });
        return { ok: true, events: numbered };
      }),
    async listAudit() {
      return db.rows(AuditRow, `SELECT ${AUDIT_COLUMNS} FROM audit_events ORDER BY seq`);
    },
    async reset(seed) {
      if (!options.allowReset) throw new ResetRefusedError();
      await db.transaction(async (tx) => {
        await tx.run(`SELECT set_config('cha.allow_audit_truncate', 'on', true)`);
        await tx.run('TRUNCATE audit_events, cases, storage_meta');
        await writeSeed(tx, seed);
      });
    },
  };
}
