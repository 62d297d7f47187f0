// oxlint-disable-next-line import/no-unassigned-import -- installs the IndexedDB globals idb-keyval uses
import 'fake-indexeddb/auto';
import { createStore, entries, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { createTestBackend, NEW_CASE, T0 } from './backend-test-kit';
import { listingWith } from './case-listing';
import { buildDemoSeed, DEMO_CASE_IDS } from './demo-data';
import { createIdbStorage, IDB_SCHEMA_VERSION } from './idb-storage';
import { lastSeqOf, type NewAuditEvent, type StoredCase } from './storage';

afterEach(() => {
  vi.restoreAllMocks();
});

const listingOf = listingWith(evaluate);

let dbCounter = 0;
const freshDb = () => `cha-test-${(dbCounter += 1)}`;

function event(caseId: string, caseVersion: number): NewAuditEvent {
  return { id: `event-${caseId}-${caseVersion}`, caseId, type: 'case.updated', actorId: 'ana', at: T0, reason: null, changes: [], caseVersion };
}

async function demoSeed() {
  return buildDemoSeed({ now: T0, evaluate });
}

// What every storage does (seeding, compare-and-set, the queries, a reload) is the contract suite's,
// run on IndexedDB too (src/server/storage/storage-contract.test.ts); here only what is IndexedDB's own.
describe('IndexedDB storage', () => {
  it('sets an unreadable case aside and serves the rest, the audit trail included (issue 14, defect 3)', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage, seed });
    const created = await kit.ok('createCase', { body: NEW_CASE });
    const trail = await storage.listAudit();
    const broken = { id: DEMO_CASE_IDS.draftCampaign, version: 'three' };
    await set(['case', DEMO_CASE_IDS.draftCampaign], broken, createStore(dbName, 'records'));

    const response = await kit.call('listCases');
    expect(response.status).toBe(200);
    const ids = (response.body as { items: { id: string }[] }).items.map((row) => row.id);
    expect(ids).toContain(created.id);
    expect(ids).not.toContain(DEMO_CASE_IDS.draftCampaign);
    expect(ids).toHaveLength(seed.cases.length);
    expect((await kit.call('getCase', { params: { caseId: DEMO_CASE_IDS.draftCampaign } })).status).toBe(404);
    // The quarantined case's events stay in the trail: nothing of the audit trail is dropped (R19).
    expect(await storage.listAudit()).toEqual(trail);
    expect(trail.some((event) => event.caseId === DEMO_CASE_IDS.draftCampaign)).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`case ${DEMO_CASE_IDS.draftCampaign} does not parse`));

    // Kept, not deleted: the raw record is in the quarantine, and the backend reports it.
    const kept = await entries(createStore(dbName, 'records'));
    expect(kept.filter(([key]) => Array.isArray(key) && key[0] === 'quarantine').map(([, value]) => value)).toEqual([
      expect.objectContaining({ key: ['case', DEMO_CASE_IDS.draftCampaign], value: broken }),
    ]);
    expect((await kit.backend.storageHealth()).quarantined).toEqual([
      { kind: 'case', ref: DEMO_CASE_IDS.draftCampaign, reason: expect.stringContaining('Invalid input') as string, quarantinedAt: expect.any(String) as string },
    ]);
  });

  it('sets an unreadable audit event aside and serves the rest of the trail', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed, listingOf);
    const badSeq = seed.audit[2]?.seq ?? 3;
    await set(['audit', badSeq], { seq: badSeq, type: 'nonsense' }, createStore(dbName, 'records'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await storage.listAudit()).toEqual(seed.audit.filter((event) => event.seq !== badSeq));
    expect(await storage.listQuarantined?.()).toEqual([expect.objectContaining({ kind: 'audit-event', ref: String(badSeq) })]);
    expect(await storage.listCases()).toHaveLength(seed.cases.length);
  });

  it('reports unreadable records before anything has read them, and the dev reset clears the quarantine', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed, listingOf);
    await set(['case', 'case-broken'], { id: 'case-broken' }, createStore(dbName, 'records'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage: createIdbStorage({ dbName }), seed });
    expect((await kit.backend.storageHealth()).quarantined.map((record) => record.ref)).toEqual(['case-broken']);
    await kit.backend.reset();
    expect((await kit.backend.storageHealth()).quarantined).toEqual([]);
  });

  it('sets a store of an unknown layout aside whole (kept) and seeds beside it', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed, listingOf);
    const records = (await entries(createStore(dbName, 'records'))).length;
    await set(['meta', 'schema'], IDB_SCHEMA_VERSION + 1, createStore(dbName, 'records'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage, seed });
    expect((await kit.call('me')).status).toBe(200);
    expect(await storage.isSeeded()).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown store layout'));
    const quarantined = (await storage.listQuarantined?.()) ?? [];
    expect(quarantined).toHaveLength(records);
    expect(quarantined.filter((record) => record.kind === 'audit-event')).toHaveLength(seed.audit.length);
  });

  it('numbers events after the trail when the stored sequence is unreadable', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed, listingOf);
    await set(['meta', 'seq'], 'many', createStore(dbName, 'records'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const record = (await storage.getCase(DEMO_CASE_IDS.draftCampaign)) as StoredCase;
    const written = await storage.putCase({ ...record, version: record.version + 1 }, record.version, [event(record.id, record.version + 1)], listingOf(record));
    expect(written).toMatchObject({ ok: true, events: [{ seq: lastSeqOf(seed.audit) + 1 }] });
    expect(await storage.listQuarantined?.()).toEqual([expect.objectContaining({ kind: 'meta', ref: 'seq' })]);
  });

  it('writes the case and its events together or not at all, even when a put throws synchronously (issue 14, defect 4)', async () => {
    const storage = createIdbStorage({ dbName: freshDb() });
    const seed = await demoSeed();
    await storage.reset(seed, listingOf);
    const record = (await storage.getCase(DEMO_CASE_IDS.draftCampaign)) as StoredCase;
    const next = { ...record, version: record.version + 1, rightsRiskAssessment: 'Changed without an event?' };
    // A function cannot be cloned: IndexedDB's put throws DataCloneError synchronously, after the case's put was queued.
    const unclonable = { ...event(record.id, next.version), reason: (() => 'x') as unknown as string };
    await expect(storage.putCase(next, record.version, [event(record.id, next.version), unclonable], listingOf(record))).rejects.toThrow(/clone/i);
    expect(await storage.getCase(record.id)).toEqual(record);
    expect(await storage.listAudit()).toEqual(seed.audit);
    // The store is still usable: the same write with good events lands whole.
    const written = await storage.putCase(next, record.version, [event(record.id, next.version)], listingOf(record));
    expect(written.ok).toBe(true);
    expect((await storage.getCase(record.id))?.version).toBe(next.version);
  });
});
