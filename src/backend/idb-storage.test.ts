// oxlint-disable-next-line import/no-unassigned-import -- installs the IndexedDB globals idb-keyval uses
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { createTestBackend, NEW_CASE, T0 } from './backend-test-kit';
import { buildDemoSeed, DEMO_CASE_IDS } from './demo-data';
import { createIdbStorage, IDB_SCHEMA_VERSION } from './idb-storage';
import type { NewAuditEvent, StoredCase } from './storage';

let dbCounter = 0;
const freshDb = () => `cha-test-${(dbCounter += 1)}`;

function event(caseId: string, caseVersion: number): NewAuditEvent {
  return { id: `event-${caseId}-${caseVersion}`, caseId, type: 'case.updated', actorId: 'ana', at: T0, reason: null, changes: [], caseVersion };
}

async function demoSeed() {
  return buildDemoSeed({ now: T0, evaluate });
}

describe('IndexedDB storage', () => {
  it('seeds once, and a new instance on the same database (a reload) sees the same data', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const first = createIdbStorage({ dbName });
    expect(await first.isSeeded()).toBe(false);
    expect(await first.seedIfEmpty(seed)).toBe(true);
    expect(await first.seedIfEmpty(seed)).toBe(false);
    const reloaded = createIdbStorage({ dbName });
    expect(await reloaded.isSeeded()).toBe(true);
    expect((await reloaded.listCases()).map((record) => record.id).toSorted()).toEqual(Object.values(DEMO_CASE_IDS).toSorted());
    expect(await reloaded.listAudit()).toEqual(seed.audit);
  });

  it('putCase is a compare-and-set that numbers events after the last seq', async () => {
    const storage = createIdbStorage({ dbName: freshDb() });
    const seed = await demoSeed();
    await storage.reset(seed);
    const record = (await storage.getCase(DEMO_CASE_IDS.draftCampaign)) as StoredCase;
    const next = { ...record, version: record.version + 1 };
    const lastSeq = seed.audit.at(-1)?.seq ?? 0;
    const written = await storage.putCase(next, record.version, [event(record.id, next.version)]);
    expect(written).toMatchObject({ ok: true, events: [{ seq: lastSeq + 1 }] });
    expect(await storage.putCase(next, record.version, [event(record.id, next.version)])).toEqual({ ok: false, currentVersion: next.version });
    expect(await storage.putCase({ ...record, id: 'case-new' }, 3, [])).toEqual({ ok: false, currentVersion: null });
    expect((await storage.listAudit()).at(-1)?.seq).toBe(lastSeq + 1);
  });

  it('lets exactly one of two concurrent writers on the same version win', async () => {
    const storage = createIdbStorage({ dbName: freshDb() });
    await storage.reset(await demoSeed());
    const record = (await storage.getCase(DEMO_CASE_IDS.draftCampaign)) as StoredCase;
    const next = { ...record, version: record.version + 1 };
    const results = await Promise.all([
      storage.putCase({ ...next, rightsRiskAssessment: 'A' }, record.version, [event(record.id, next.version)]),
      storage.putCase({ ...next, rightsRiskAssessment: 'B' }, record.version, [event(record.id, next.version)]),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('serves the backend across instances, like a server that survives a reload', async () => {
    const dbName = freshDb();
    const first = createTestBackend({ storage: createIdbStorage({ dbName }) });
    const created = await first.ok('createCase', { body: NEW_CASE });
    const second = createTestBackend({ storage: createIdbStorage({ dbName }) });
    const read = await second.ok('getCase', { params: { caseId: created.id } });
    expect(read).toEqual(created);
  });

  it('reseeds with a warning when persisted data does not parse', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed);
    await set(['case', 'case-broken'], { id: 'case-broken', version: 'three' }, createStore(dbName, 'records'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage, seed });
    const response = await kit.call('listCases');
    expect(response.status).toBe(200);
    expect((response.body as { total: number }).total).toBe(6);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('corrupt'));
  });

  it('treats an unknown layout version as corrupt too', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed);
    await set(['meta', 'schema'], IDB_SCHEMA_VERSION + 1, createStore(dbName, 'records'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage, seed });
    expect((await kit.call('me')).status).toBe(200);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await storage.isSeeded()).toBe(true);
  });
});
