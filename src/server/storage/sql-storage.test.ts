// What only the SQL storage promises beyond the contract suite, on PGlite and PostgreSQL alike: the
// audit table refuses UPDATE, DELETE and TRUNCATE whoever asks (R19); a server store refuses reset;
// a failing write leaves neither the case nor its events; migrations run once and a newer schema is
// refused; the embedded database survives a restart in its directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { evaluate } from '../../engine/evaluate';
import { caseIn, createTestBackend, T0 } from '../../backend/backend-test-kit';
import { pivotValuesOf } from '../../backend/cross-case-pivots';
import { listingWith } from '../../backend/case-listing';
import { buildDemoSeed } from '../../backend/demo-data';
import { EMPTY_SEED, type NewAuditEvent } from '../../backend/storage';
import { createTestDatabase } from '../testing/postgres-cluster';
import { MIGRATIONS, migrate, schemaVersion } from './migrations';
import { migrateToCurrent, openSqlDatabase, openStorage } from './open-storage';
import type { SqlDatabase } from './sql-database';
import { createSqlStorage, ResetRefusedError } from './sql-storage';

const toClose: SqlDatabase[] = [];
afterAll(async () => {
  await Promise.all(toClose.map((db) => db.close()));
});

const listingOf = listingWith(evaluate);

function event(caseId: string, caseVersion: number, id: string): NewAuditEvent {
  return { id, caseId, type: 'case.updated', actorId: 'ana', at: T0, reason: null, changes: [], caseVersion };
}

const drivers: { name: string; open: () => Promise<SqlDatabase> }[] = [
  { name: 'PGlite', open: () => openSqlDatabase({ dataDir: 'memory://' }) },
  { name: 'PostgreSQL', open: async () => openSqlDatabase({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) }) },
];

describe.each(drivers)('SQL storage on $name', ({ open }) => {
  let opened: Promise<SqlDatabase> | null = null;
  /** One migrated, seeded database for this driver's tests. */
  function database(): Promise<SqlDatabase> {
    opened ??= open().then(async (db) => {
      toClose.push(db);
      await migrateToCurrent(db);
      await createSqlStorage(db, { allowReset: true }).reset(await buildDemoSeed({ now: T0, evaluate }), listingOf);
      return db;
    });
    return opened;
  }

  it('audit_events refuses UPDATE, DELETE and TRUNCATE (R19), and the trail is unchanged after', async () => {
    const db = await database();
    const storage = createSqlStorage(db);
    const before = await storage.listAudit();
    expect(before.length).toBeGreaterThan(0);
    await expect(db.run(`UPDATE audit_events SET reason = 'rewritten' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(db.run('TRUNCATE audit_events CASCADE')).rejects.toThrow(/append-only/);
    expect(await storage.listAudit()).toEqual(before);
  });

  it('a store opened for a server refuses reset and keeps its data', async () => {
    const db = await database();
    const storage = createSqlStorage(db);
    const before = await storage.listCases();
    await expect(storage.reset(EMPTY_SEED, listingOf)).rejects.toBeInstanceOf(ResetRefusedError);
    expect(await storage.listCases()).toEqual(before);
  });

  it('a write that fails half-way leaves neither the new version nor any of its events', async () => {
    const db = await database();
    const storage = createSqlStorage(db);
    const [record] = await storage.listCases();
    if (!record) throw new Error('seed has no case');
    const trail = await storage.listAudit();
    const next = { ...record, version: record.version + 1, rightsRiskAssessment: 'Half-written.' };
    // The second event reuses an id already in the trail: its INSERT fails after the case UPDATE ran.
    const duplicateId = trail[0]?.id ?? 'missing';
    await expect(
      storage.putCase(
        next,
        record.version,
        [event(record.id, next.version, 'event-fresh'), event(record.id, next.version, duplicateId)],
        listingOf(next),
      ),
    ).rejects.toThrow(/duplicate key|unique/);
    expect(await storage.getCase(record.id)).toEqual(record);
    expect(await storage.listAudit()).toEqual(trail);
    // And the store goes on: the same write without the bad event succeeds.
    expect(await storage.putCase(next, record.version, [event(record.id, next.version, 'event-fresh')], listingOf(next))).toMatchObject({
      ok: true,
    });
  });

  it('migrations apply once, are recorded, and a schema newer than the code is refused', async () => {
    const db = await database();
    expect(await schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(await migrate(db)).toEqual([]);
    await db.run(`INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')`);
    await expect(migrateToCurrent(db)).rejects.toThrow(/newer than this workbench knows/);
    await db.run('DELETE FROM schema_migrations WHERE version = 9999');
  });

  it('migrations 3 and 4 give listings stored before them "returned", the owner and the reviewer, and the filters find them', async () => {
    const db = await open();
    toClose.push(db);
    // The schema as it was before 3 and 4 (the later migrations touch other tables, and the storage of
    // today writes their columns).
    await migrate(db, MIGRATIONS.filter((migration) => migration.version !== 3 && migration.version !== 4));
    const kit = createTestBackend({ storage: createSqlStorage(db, { allowReset: true }) });
    const returned = await caseIn(kit, 'in_review');
    await kit.ok('decideCase', { user: 'rui', params: { caseId: returned.id }, ifMatch: returned.version, body: { decision: 'return', rationale: 'More.' } });
    const draft = await caseIn(kit, 'draft');
    // As a server before this change stored them: no "returned" in the listing.
    await db.run(`UPDATE cases SET listing = listing - 'returned' - 'ownerId' - 'reviewerId'`);
    expect(await migrate(db)).toEqual([3, 4]);
    const storage = createSqlStorage(db);
    const page = await storage.queryCases({ returned: 'true', sort: 'updatedAt', dir: 'desc', page: 1, pageSize: 25 });
    expect(page.items.map((row) => [row.id, row.returned])).toEqual([[returned.id, true]]);
    const all = await storage.queryCases({ sort: 'updatedAt', dir: 'desc', page: 1, pageSize: 25 });
    expect(all.items.find((row) => row.id === draft.id)?.returned).toBe(false);
    // Owned by their creator, reviewed by nobody yet.
    expect(all.items.map((row) => [row.ownerId, row.reviewerId])).toEqual([['ana', null], ['ana', null]]);
    expect((await storage.queryCases({ ownerId: 'ana', sort: 'updatedAt', dir: 'desc', page: 1, pageSize: 25 })).total).toBe(2);
  });

  it('migration 5 leaves the trail as it was: events written before it mention nobody, and read back unchanged', async () => {
    const db = await open();
    toClose.push(db);
    await migrate(db);
    const storage = createSqlStorage(db, { allowReset: true });
    const kit = createTestBackend({ storage });
    const doc = await caseIn(kit, 'in_review');
    const before = await storage.listAudit();
    // The table as a server before migration 5 had it.
    await db.run('ALTER TABLE audit_events DROP COLUMN mentions');
    await db.run('DELETE FROM schema_migrations WHERE version = 5');
    expect(await migrate(db)).toEqual([5]);
    expect(await storage.listAudit()).toEqual(before);
    expect(before.every((event) => event.mentions === undefined)).toBe(true);
    expect((await storage.queryAudit({ mentioned: 'ana', page: 1, pageSize: 10 })).total).toBe(0);
    const comment = await kit.call('commentOnCase', { user: 'ana', params: { caseId: doc.id }, body: { text: '@Rui Takahashi see the log.', mentions: ['rui'] } });
    expect(comment.status).toBe(201);
    expect((await storage.queryAudit({ mentioned: 'rui', page: 1, pageSize: 10 })).items.map((event) => event.reason)).toEqual(['@Rui Takahashi see the log.']);
  });

  it('migration 6 indexes what cases stored before it name: accounts of signals, associations and actions, hashtags (issue 16 §4)', async () => {
    const db = await open();
    toClose.push(db);
    await migrate(db);
    const storage = createSqlStorage(db, { allowReset: true });
    const kit = createTestBackend({ storage });
    const designated = await caseIn(kit, 'designated', { withAccount: true });
    const applied = await kit.ok('applyAction', {
      user: 'rui', params: { caseId: designated.id }, ifMatch: designated.version,
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
    });
    const values = pivotValuesOf(applied);
    expect(values.account.length).toBeGreaterThan(1);
    expect(values.hashtag).toEqual(['#harborwatch']);
    // As a server before migration 6 had it: no index of what cases name.
    await db.run('DROP TABLE case_refs');
    await db.run('ALTER TABLE cases DROP COLUMN pivot_key');
    await db.run('DELETE FROM schema_migrations WHERE version = 6');
    expect(await migrate(db)).toEqual([6]);
    const refs = await storage.casesWithRefs('account', values.account, null, 20);
    expect(refs.map((ref) => [ref.value, ref.caseId, ref.designated])).toEqual(values.account.map((handle) => [handle, designated.id, true]));
    expect((await storage.casesWithRefs('hashtag', ['#HarborWatch'], null, 20)).map((ref) => ref.caseId)).toEqual([designated.id]);
  });
});

describe('embedded database in DATA_DIR', () => {
  it('keeps cases and trail across a restart, and migrates a fresh directory on open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cha-data-'));
    try {
      const seed = await buildDemoSeed({ now: T0, evaluate });
      const first = await openStorage({ dataDir });
      expect(first.kind).toBe('pglite');
      await first.ping();
      expect(await first.storage.seedIfEmpty(seed, listingOf)).toBe(true);
      const [record] = seed.cases;
      if (!record) throw new Error('seed has no case');
      const next = { ...record, version: record.version + 1, rightsRiskAssessment: 'Written before the restart.' };
      await first.storage.putCase(next, record.version, [event(record.id, next.version, 'event-before-restart')], listingOf(next));
      await first.close();

      const second = await openStorage({ dataDir });
      expect(await second.storage.isSeeded()).toBe(true);
      expect(await second.storage.getCase(record.id)).toEqual(next);
      expect((await second.storage.listAudit()).at(-1)?.id).toBe('event-before-restart');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
