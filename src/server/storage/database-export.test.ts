// Data portability (`npm run db -- export | import`): PGlite -> PostgreSQL -> PGlite loses nothing
// (cases, trail, seq numbers, listings), an import goes only into an empty database and only a file
// the contract accepts, and the CLI does the same from the command line.
import { execFile as execFileCallback } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AuditEvent } from '../../api/contract/audit';
import { caseIn, createTestBackend, T0 } from '../../backend/backend-test-kit';
import { listingWith } from '../../backend/case-listing';
import { buildDemoSeed } from '../../backend/demo-data';
import { evaluate } from '../../engine/evaluate';
import { createTestDatabase } from '../testing/postgres-cluster';
import { exportDatabase, importDatabase, ImportRefusedError } from './database-export';
import { migrateToCurrent, openSqlDatabase } from './open-storage';
import type { SqlDatabase } from './sql-database';
import { createSqlStorage } from './sql-storage';

const execFile = promisify(execFileCallback);
const listingOf = listingWith(evaluate);
const toClose: SqlDatabase[] = [];
afterAll(async () => {
  await Promise.all(toClose.map((db) => db.close()));
});

async function open(kind: 'pglite' | 'postgres'): Promise<SqlDatabase> {
  const db =
    kind === 'pglite'
      ? await openSqlDatabase({ dataDir: 'memory://' })
      : await openSqlDatabase({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) });
  toClose.push(db);
  await migrateToCurrent(db);
  return db;
}

async function exported(db: SqlDatabase): Promise<string> {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  await exportDatabase(db, sink, T0);
  return chunks.join('');
}

async function everything(db: SqlDatabase) {
  const storage = createSqlStorage(db);
  return {
    cases: await storage.listCases(),
    audit: await storage.listAudit(),
    list: await storage.queryCases({ sort: 'priority', dir: 'desc', page: 1, pageSize: 200 }),
  };
}

describe('database export and import', () => {
  it('moves PGlite -> PostgreSQL -> PGlite losing nothing, and the next write numbers after the last seq', { timeout: 300_000 }, async () => {
    const source = await open('pglite');
    const kit = createTestBackend({ storage: createSqlStorage(source), seed: await buildDemoSeed({ now: T0, evaluate }) });
    await caseIn(kit, 'designated', { withAccount: true });
    const original = await everything(source);
    const first = await exported(source);
    expect(JSON.parse(first)).toMatchObject({ kind: 'cha.database', schemaVersion: 1, exportedAt: T0 });

    const postgres = await open('postgres');
    expect(await importDatabase(postgres, first, listingOf)).toEqual({ cases: original.cases.length, events: original.audit.length });
    expect(await everything(postgres)).toEqual(original);
    const second = await exported(postgres);
    expect(second).toBe(first);

    const back = await open('pglite');
    await importDatabase(back, second, listingOf);
    expect(await everything(back)).toEqual(original);
    expect(await exported(back)).toBe(first);

    // The trail goes on where it stopped: the imported store is seeded and numbers after the last seq.
    const storage = createSqlStorage(back);
    expect(await storage.isSeeded()).toBe(true);
    const [record] = original.cases;
    if (!record) throw new Error('no case');
    const next = { ...record, version: record.version + 1 };
    const written = await storage.putCase(next, record.version, [{ ...(original.audit[0] as AuditEvent), id: 'event-after-move', caseId: record.id }], listingOf(next));
    expect(written).toMatchObject({ ok: true, events: [{ seq: (original.audit.at(-1)?.seq ?? 0) + 1 }] });
  });

  it('refuses a database that holds data, and a file the contract does not accept, writing nothing', async () => {
    const db = await open('postgres');
    const seed = await buildDemoSeed({ now: T0, evaluate });
    await createSqlStorage(db, { allowReset: true }).reset(seed, listingOf);
    const file = await exported(db);
    await expect(importDatabase(db, file, listingOf)).rejects.toThrow(/already holds cases/);

    const empty = await open('pglite');
    const broken = JSON.parse(file) as { audit: { caseId: string }[] };
    if (broken.audit[0]) broken.audit[0].caseId = 'case-that-is-not-there';
    await expect(importDatabase(empty, JSON.stringify(broken), listingOf)).rejects.toThrow(/unknown case/);
    await expect(importDatabase(empty, '{"kind": "cha.database"', listingOf)).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await createSqlStorage(empty).listCases()).toEqual([]);
    expect(await createSqlStorage(empty).isSeeded()).toBe(false);
  });

  it('npm run db -- import FILE / export FILE, on the embedded database in DATA_DIR', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cha-db-cli-'));
    try {
      const source = await open('pglite');
      await createSqlStorage(source, { allowReset: true }).reset(await buildDemoSeed({ now: T0, evaluate }), listingOf);
      const file = join(dir, 'export.json');
      writeFileSync(file, await exported(source));
      const cli = (...args: string[]) =>
        execFile(process.execPath, ['--import', 'tsx', resolve('scripts/db.ts'), ...args], {
          env: { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
        });
      expect((await cli('import', file)).stderr).toMatch(/^Imported 6 cases and \d+ audit events into the embedded database/);
      await cli('export', join(dir, 'again.json'));
      const again = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as { exportedAt: string };
      expect({ ...again, exportedAt: T0 }).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      // (Each run starts PGlite afresh, tens of seconds on a busy machine: the refusals are tested above.)
      await expect(cli('export')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^usage:/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
