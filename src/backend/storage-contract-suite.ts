// The storage contract: one suite every BackendStorage passes (memory, bridge, IndexedDB, PGlite,
// PostgreSQL; storage-contract.test.ts runs it on each). What the backend rules rely on is written
// here once: seeding once, compare-and-set writes with their audit events in one step (R19),
// numbering of the trail, isolation of what is returned, and data that comes back exactly as given.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/contract/audit';
import { evaluate } from '../engine/evaluate';
import { caseIn, createTestBackend, T0 } from './backend-test-kit';
import { buildDemoSeed } from './demo-data';
import { EMPTY_SEED, type BackendStorage, type NewAuditEvent, type StorageSeed, type StoredCase } from './storage';

export interface StorageUnderTest {
  /** A new, empty store: not seeded, no case, no event. */
  fresh(): Promise<BackendStorage>;
  /** A second handle on the same data (a reload, another process); its writes race with the first's. */
  reopen(storage: BackendStorage): Promise<BackendStorage>;
}

function event(caseId: string, caseVersion: number, id = `event-${caseId}-${caseVersion}`): NewAuditEvent {
  return { id, caseId, type: 'case.updated', actorId: 'ana', at: T0, reason: null, changes: [], caseVersion };
}

let demoSeed: Promise<StorageSeed> | null = null;
function seed(): Promise<StorageSeed> {
  demoSeed ??= buildDemoSeed({ now: T0, evaluate });
  return demoSeed;
}

/** A stored case built by the rules (a real document, not a hand-made one). */
async function someCase(): Promise<StoredCase> {
  const [first] = (await seed()).cases;
  if (!first) throw new Error('the demo seed has no case');
  return structuredClone(first);
}

function lastSeq(events: readonly AuditEvent[]): number {
  return events.reduce((max, item) => Math.max(max, item.seq), 0);
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

export function describeStorageContract(name: string, subject: StorageUnderTest): void {
  describe(`storage contract: ${name}`, () => {
    it('starts empty, seeds once, and lists exactly the seed', async () => {
      const storage = await subject.fresh();
      const demo = await seed();
      expect(await storage.isSeeded()).toBe(false);
      expect(await storage.listCases()).toEqual([]);
      expect(await storage.listAudit()).toEqual([]);
      expect(await storage.seedIfEmpty(demo)).toBe(true);
      expect(await storage.seedIfEmpty(EMPTY_SEED)).toBe(false);
      expect(await storage.isSeeded()).toBe(true);
      expect((await storage.listCases()).toSorted(byId)).toEqual(demo.cases.toSorted(byId));
      expect(await storage.listAudit()).toEqual(demo.audit.toSorted((a, b) => a.seq - b.seq));
    });

    it('seeds once when two handles start at the same time', async () => {
      const storage = await subject.fresh();
      const other = await subject.reopen(storage);
      const results = await Promise.all([storage.seedIfEmpty(await seed()), other.seedIfEmpty(await seed())]);
      expect(results.toSorted()).toEqual([false, true]);
      expect(await storage.listCases()).toHaveLength((await seed()).cases.length);
    });

    it('putCase creates only a new id, updates only the expected version, and says which version is stored', async () => {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED);
      const record = { ...(await someCase()), version: 1 };
      expect(await storage.getCase(record.id)).toBeNull();
      expect(await storage.putCase(record, 3, [event(record.id, 1)])).toEqual({ ok: false, currentVersion: null });

      const created = await storage.putCase(record, null, [event(record.id, 1)]);
      expect(created).toEqual({ ok: true, events: [{ ...event(record.id, 1), seq: 1 }] });
      expect(await storage.putCase(record, null, [event(record.id, 1, 'event-again')])).toEqual({ ok: false, currentVersion: 1 });

      const next = { ...record, version: 2, rightsRiskAssessment: 'Second version.' };
      expect(await storage.putCase(next, 1, [event(record.id, 2)])).toMatchObject({ ok: true });
      expect(await storage.putCase({ ...next, version: 3 }, 1, [event(record.id, 3)])).toEqual({ ok: false, currentVersion: 2 });
      expect(await storage.getCase(record.id)).toEqual(next);
    });

    it('a refused write changes nothing and appends no event', async () => {
      const storage = await subject.fresh();
      await storage.reset(await seed());
      const record = await someCase();
      const before = { cases: await storage.listCases(), audit: await storage.listAudit() };
      const stale = await storage.putCase({ ...record, version: record.version + 1, rightsRiskAssessment: 'Lost.' }, record.version - 1, [
        event(record.id, record.version + 1),
      ]);
      expect(stale).toEqual({ ok: false, currentVersion: record.version });
      expect(await storage.listCases()).toEqual(before.cases);
      expect(await storage.listAudit()).toEqual(before.audit);
    });

    it('numbers events after the highest seq, in order, across writes and after a reset', async () => {
      const storage = await subject.fresh();
      const demo = await seed();
      await storage.reset(demo);
      const record = await someCase();
      const base = lastSeq(demo.audit);
      const next = { ...record, version: record.version + 1 };
      const written = await storage.putCase(next, record.version, [
        event(record.id, next.version, 'event-a'),
        { ...event(record.id, next.version, 'event-b'), type: 'case.submitted', reason: 'Ready.' },
      ]);
      expect(written).toMatchObject({ ok: true, events: [{ id: 'event-a', seq: base + 1 }, { id: 'event-b', seq: base + 2 }] });
      const after = await storage.listAudit();
      expect(after.map((item) => item.seq)).toEqual(after.map((item) => item.seq).toSorted((a, b) => a - b));
      expect(after.slice(-2).map((item) => item.id)).toEqual(['event-a', 'event-b']);

      await storage.reset(demo);
      expect(await storage.listAudit()).toEqual(demo.audit);
      const again = await storage.putCase(next, record.version, [event(record.id, next.version, 'event-c')]);
      expect(again).toMatchObject({ ok: true, events: [{ seq: base + 1 }] });
    });

    it('lets exactly one of two handles writing the same version win, with only the winner\'s events', async () => {
      const storage = await subject.fresh();
      await storage.reset(await seed());
      const other = await subject.reopen(storage);
      const record = await someCase();
      const next = { ...record, version: record.version + 1 };
      const results = await Promise.all([
        storage.putCase({ ...next, rightsRiskAssessment: 'A' }, record.version, [event(record.id, next.version, 'event-a')]),
        other.putCase({ ...next, rightsRiskAssessment: 'B' }, record.version, [event(record.id, next.version, 'event-b')]),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toEqual({ ok: false, currentVersion: next.version });
      const winner = results[0]?.ok ? 'A' : 'B';
      expect((await other.getCase(record.id))?.rightsRiskAssessment).toBe(winner);
      const trail = (await storage.listAudit()).filter((item) => item.caseVersion === next.version && item.caseId === record.id);
      expect(trail.map((item) => item.id)).toEqual([winner === 'A' ? 'event-a' : 'event-b']);
    });

    it('keeps every write of many concurrent writers on distinct cases, each seq used once', async () => {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED);
      const other = await subject.reopen(storage);
      const template = await someCase();
      const writes = Array.from({ length: 12 }, (_, index) => {
        const record = { ...template, id: `case-${String(index).padStart(2, '0')}`, version: 1 };
        return (index % 2 === 0 ? storage : other).putCase(record, null, [event(record.id, 1), event(record.id, 1, `extra-${index}`)]);
      });
      const results = await Promise.all(writes);
      expect(results.every((result) => result.ok)).toBe(true);
      const trail = await storage.listAudit();
      expect(trail).toHaveLength(24);
      expect(new Set(trail.map((item) => item.seq)).size).toBe(24);
      expect(trail.map((item) => item.seq)).toEqual(trail.map((item) => item.seq).toSorted((a, b) => a - b));
      // Each write's events stay together and in the order given.
      for (const result of results) {
        if (!result.ok) continue;
        expect(result.events[1]?.seq).toBeGreaterThan(result.events[0]?.seq ?? Infinity);
      }
      expect((await other.listCases()).map((record) => record.id).toSorted()).toEqual(
        Array.from({ length: 12 }, (_, index) => `case-${String(index).padStart(2, '0')}`),
      );
    });

    it('returns copies: changing what it returned or what it was given changes nothing stored', async () => {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED);
      const record = { ...(await someCase()), version: 1 };
      const given = structuredClone(record);
      await storage.putCase(given, null, [event(record.id, 1)]);
      given.actor.name = 'Changed after the write';
      const read = await storage.getCase(record.id);
      if (!read) throw new Error('case missing');
      read.actor.aliases.push('changed after the read');
      const [listed] = await storage.listCases();
      if (listed) listed.status = 'withdrawn';
      const [trailItem] = await storage.listAudit();
      if (trailItem) trailItem.caseId = 'someone-else';
      expect(await storage.getCase(record.id)).toEqual(record);
      expect((await storage.listAudit())[0]?.caseId).toBe(record.id);
    });

    it('gives back exactly what it was given: text, nulls, numbers, instants and arbitrary change values', async () => {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED);
      const record: StoredCase = {
        ...(await someCase()),
        version: 1,
        rightsRiskAssessment: 'Çok dilli: ğüşiöç, 中文, emoji 🛳️, quotes \' " and a back\\slash\nnew line',
        updatedAt: '2026-03-02T09:00:00Z',
        createdAt: '2026-03-02T09:00:00.123456Z',
      };
      const changes = [
        { path: '/actor/name', before: 'Old', after: 'New' },
        { path: '/harm', before: { nested: [1, 2.5, -3e-7, null, true] }, after: null },
        { path: '/settings/reviewIntervalDays', before: 90, after: 180 },
      ];
      const written = await storage.putCase(record, null, [
        { ...event(record.id, 1), at: '2026-03-02T09:00:00.5Z', reason: 'Why: ünïcödé', changes },
      ]);
      expect(written.ok).toBe(true);
      expect(await storage.getCase(record.id)).toEqual(record);
      expect(await storage.listAudit()).toEqual([{ ...event(record.id, 1), at: '2026-03-02T09:00:00.5Z', reason: 'Why: ünïcödé', changes, seq: 1 }]);
    });

    it('serves the backend rules, and a second handle sees what the first wrote (a reload, another process)', async () => {
      const storage = await subject.fresh();
      const first = createTestBackend({ storage });
      const created = await caseIn(first, 'designated', { withAccount: true });
      const second = createTestBackend({ storage: await subject.reopen(storage) });
      expect(await second.ok('getCase', { params: { caseId: created.id } })).toEqual(created);
      const trail = await second.call('caseAudit', { params: { caseId: created.id } });
      expect(trail.body).toEqual((await first.call('caseAudit', { params: { caseId: created.id } })).body);
      expect((trail.body as AuditEvent[])[0]?.caseVersion).toBe(created.version);
    });
  });
}
