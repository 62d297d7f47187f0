// `npm run db -- export FILE | import FILE`: every case with its whole audit trail as one JSON file,
// validated by the contract's schemas on the way in, so a team moves between the embedded database
// and PostgreSQL (either way) losing nothing: ids, versions, seq numbers and instants are kept as
// they are. The export is streamed (keyset pages), so its memory use does not grow with the data.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { AuditEvent } from '../../api/contract/audit';
import { UtcTimestamp } from '../../api/contract/scalars';
import { StoredCase, type ListingOf } from '../../backend/storage';
import type { SqlDatabase } from './sql-database';
import { importIntoEmpty, streamAudit, streamCases } from './sql-storage';

export const DATABASE_EXPORT_KIND = 'cha.database';
export const DATABASE_EXPORT_VERSION = 1;

export const DatabaseExport = z
  .object({
    kind: z.literal(DATABASE_EXPORT_KIND),
    schemaVersion: z.literal(DATABASE_EXPORT_VERSION),
    exportedAt: UtcTimestamp,
    cases: z.array(StoredCase),
    /** Oldest first. */
    audit: z.array(AuditEvent),
  })
  .superRefine((file, context) => {
    const ids = new Set(file.cases.map((record) => record.id));
    if (ids.size !== file.cases.length) context.addIssue({ code: 'custom', path: ['cases'], message: 'two cases share an id' });
    const seqs = new Set<number>();
    file.audit.forEach((event, index) => {
      if (!ids.has(event.caseId)) {
        context.addIssue({ code: 'custom', path: ['audit', index, 'caseId'], message: `event of an unknown case ${event.caseId}` });
      }
      if (seqs.has(event.seq)) context.addIssue({ code: 'custom', path: ['audit', index, 'seq'], message: `seq ${event.seq} twice` });
      seqs.add(event.seq);
    });
  });
export type DatabaseExport = z.infer<typeof DatabaseExport>;

export interface TransferCounts {
  cases: number;
  events: number;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Streams the database to `out` as a DatabaseExport (one case or event per line). */
export async function exportDatabase(db: SqlDatabase, out: Writable, exportedAt: string): Promise<TransferCounts> {
  const counts = { cases: 0, events: 0 };
  const header = { kind: DATABASE_EXPORT_KIND, schemaVersion: DATABASE_EXPORT_VERSION, exportedAt };
  await write(out, `${JSON.stringify(header).slice(0, -1)},\n"cases":[`);
  for await (const record of streamCases(db)) {
    await write(out, `${counts.cases === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
    counts.cases += 1;
  }
  await write(out, '\n],\n"audit":[');
  for await (const event of streamAudit(db)) {
    await write(out, `${counts.events === 0 ? '\n' : ',\n'}${JSON.stringify(event)}`);
    counts.events += 1;
  }
  await write(out, '\n]}\n');
  return counts;
}

export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/**
 * Validates `text` as a DatabaseExport and writes it, in one transaction, into a database that holds
 * no case and no event yet. `listingOf` lists each case for the queries (the backend's listing).
 */
export async function importDatabase(db: SqlDatabase, text: string, listingOf: ListingOf): Promise<TransferCounts> {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportRefusedError(`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = DatabaseExport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportRefusedError(`The file is not a workbench export: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  const { cases, audit } = parsed.data;
  if (!(await importIntoEmpty(db, { cases, audit }, listingOf))) {
    throw new ImportRefusedError('The database already holds cases or events: import only into an empty database (a new DATA_DIR or database).');
  }
  return { cases: cases.length, events: audit.length };
}
