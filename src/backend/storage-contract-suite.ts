// The storage contract: one suite every BackendStorage passes (memory, bridge, IndexedDB, PGlite,
// PostgreSQL; storage-contract.test.ts runs it on each). What the backend rules rely on is written
// here once: seeding once, compare-and-set writes with their audit events in one step (R19),
// numbering of the trail, isolation of what is returned, and data that comes back exactly as given.
import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage } from '../api/contract/audit';
import type { AccountAssociation, EnforcementAction } from '../api/contract/case';
import { evaluate } from '../engine/evaluate';
import { caseIn, createTestBackend, T0 } from './backend-test-kit';
import { listingWith } from './case-listing';
import { contentOf } from './case-rules';
import { buildDemoSeed } from './demo-data';
import {
  EMPTY_SEED,
  type BackendStorage,
  type CaseActionsPageQuery,
  type CaseListing,
  type CasePageQuery,
  type NewAuditEvent,
  type StorageSeed,
  type StoredCase,
} from './storage';

export interface StorageUnderTest {
  /** A new, empty store: not seeded, no case, no event. */
  fresh(): Promise<BackendStorage>;
  /** A second handle on the same data (a reload, another process); its writes race with the first's. */
  reopen(storage: BackendStorage): Promise<BackendStorage>;
}

function event(caseId: string, caseVersion: number, id = `event-${caseId}-${caseVersion}`): NewAuditEvent {
  return { id, caseId, type: 'case.updated', actorId: 'ana', at: T0, reason: null, changes: [], caseVersion };
}

/** The listings the backend would compute: the contract's queries are checked against them. */
const listingOf = listingWith(evaluate);

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

/** putCase with the listing the backend would compute for the record. */
function put(storage: BackendStorage, record: StoredCase, expectedVersion: number | null, events: NewAuditEvent[]) {
  return storage.putCase(record, expectedVersion, events, listingOf(record));
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

interface QueryCaseSpec {
  id: string;
  name: string;
  kind: StoredCase['actor']['kind'];
  status: StoredCase['status'];
  hashtags: string[];
  updatedAt: string;
  submittedAt: string | null;
  actorId: string;
  listing: CaseListing;
  signalCount: number;
  actions: { id: string; expiresAt: string | null; ended?: boolean }[];
}

const listing = (
  priority: number, band: CaseListing['priorityBand'], nextReviewAt: string | null = null, returned = false, manipulationPending = false,
  patch: Partial<Pick<CaseListing, 'verdict' | 'ownerId' | 'reviewerId'>> = {},
): CaseListing => ({
  verdict: priority > 5 ? 'recommended' : 'not-recommended',
  priority,
  priorityBand: band,
  nextReviewAt,
  returned,
  ownerId: 'ana',
  reviewerId: priority > 5 ? 'rui' : null,
  manipulationPending,
  ...patch,
});

/**
 * Five cases whose every sort column differs in a known way: names in mixed case (sorted lower-cased),
 * instants written with different precision, ties on priority (broken by id), missing values (case-e
 * has no owner: a case stored before cases had owners), each verdict, 0 to 3 signals.
 */
const QUERY_CASES: QueryCaseSpec[] = [
  {
    id: 'case-a', name: 'alpha crew', kind: 'group', status: 'in_review', hashtags: ['#Harbour'], actorId: 'ana',
    // The storage filters on the listing as the backend computed it; "returned" here tests that filter only.
    updatedAt: '2026-03-02T09:00:00.5Z', submittedAt: '2026-03-01T09:00:00Z', signalCount: 2,
    listing: listing(4, 'informational', null, true, false, { ownerId: 'kim', reviewerId: 'ben' }),
    actions: [
      { id: 'act-a1', expiresAt: '2026-04-01T00:00:00.000Z' },
      { id: 'act-a2', expiresAt: '2026-04-30T23:59:59.999Z' },
      { id: 'act-a3', expiresAt: '2026-04-02T00:00:00Z', ended: true },
      { id: 'act-a4', expiresAt: null },
    ],
  },
  {
    id: 'case-b', name: 'Bravo Net', kind: 'campaign', status: 'in_review', hashtags: [], actorId: 'rui',
    updatedAt: '2026-03-02T10:00:00Z', submittedAt: '2026-03-01T08:00:00.000Z', signalCount: 0, listing: listing(9.5, 'safety'),
    actions: [{ id: 'act-b1', expiresAt: '2026-05-01T00:00:00.000Z' }],
  },
  {
    id: 'case-c', name: 'charlie', kind: 'movement', status: 'designated', hashtags: ['#harbourwatch'], actorId: 'ana',
    updatedAt: '2026-03-03T00:00:00Z', submittedAt: null, signalCount: 1,
    listing: listing(4, 'none', '2026-05-01T00:00:00.000Z', false, true, { ownerId: 'sam' }),
    actions: [{ id: 'act-c1', expiresAt: '2026-04-15T12:00:00Z' }, { id: 'act-c0', expiresAt: '2026-03-31T23:59:59.999Z' }],
  },
  {
    id: 'case-d', name: 'Delta', kind: 'campaign', status: 'in_review', hashtags: [], actorId: 'rui',
    updatedAt: '2026-03-04T00:00:00.000001Z', submittedAt: '2026-03-01T08:30:00Z', signalCount: 3, listing: listing(9.5, 'safety'),
    actions: [],
  },
  {
    id: 'case-e', name: 'echo', kind: 'group', status: 'designated', hashtags: [], actorId: 'ana',
    updatedAt: '2026-03-01T00:00:00Z', submittedAt: null, signalCount: 0,
    listing: listing(0, 'none', '2026-06-15T00:00:00Z', false, false, { verdict: 'incomplete', ownerId: null }),
    actions: [],
  },
];

function fixtureCase(template: StoredCase, spec: QueryCaseSpec): StoredCase {
  return {
    ...structuredClone(template),
    id: spec.id,
    version: 1,
    status: spec.status,
    actor: { ...template.actor, name: spec.name, kind: spec.kind, aliases: [], hashtags: spec.hashtags, keywords: [], trendTerms: [] },
    signals: signalsFor(template, spec),
    updatedAt: spec.updatedAt,
    submission: spec.submittedAt === null ? null : submissionAt(template, spec.submittedAt),
    enforcementActions: spec.actions.map((action) => ({
      id: action.id, type: 'limit-visibility', target: 'account', targetRef: `${spec.id}_account`, basis: 'Amplifies the campaign.',
      appliedBy: 'rui', appliedAt: '2026-03-01T00:00:00.000Z', expiresAt: action.expiresAt, reappliesId: null,
      endedAt: action.ended ? '2026-03-20T00:00:00.000Z' : null, endedReason: action.ended ? 'withdrawn' : null,
    })),
  };
}

/** `signalCount` copies of the template's first signal, each with an id of its own. */
function signalsFor(template: StoredCase, spec: QueryCaseSpec): StoredCase['signals'] {
  const [signal] = template.signals;
  if (!signal && spec.signalCount > 0) throw new Error('the template case has no signal to copy');
  return signal ? Array.from({ length: spec.signalCount }, (_, index) => ({ ...structuredClone(signal), id: `${spec.id}-signal-${index}` })) : [];
}

function submissionAt(template: StoredCase, submittedAt: string): StoredCase['submission'] {
  return {
    submittedBy: 'ana',
    submittedAt,
    verdict: { outcome: 'recommended', ruleIds: [], priority: 1, platformManipulationTrack: false },
    contentAtSubmission: contentOf(template),
  };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
const query = (patch: Partial<CasePageQuery> = {}): CasePageQuery => ({ sort: 'updatedAt', dir: 'desc', page: 1, pageSize: 25, ...patch });


// ---------------------------------------------------------------------------------------------
// issue 10 §3: one case's accounts and actions

const decidedAccount = (handle: string, status: 'confirmed' | 'rejected'): AccountAssociation => ({
  handle, status, basis: status === 'confirmed' ? ['signals'] : [], note: `Note on ${handle}`, primaryUseFinding: false, decidedBy: 'rui', decidedAt: T0,
});

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

function listedAction(id: string, type: EnforcementAction['type'], times: { expiresAt?: string | null; endedAt?: string | null }): EnforcementAction {
  return {
    id, type, target: type === 'prevent-trends' ? 'trend-term' : 'account', targetRef: `${id}_target`, basis: 'Amplifies the campaign.',
    appliedBy: 'rui', appliedAt: at(-48 * HOUR), expiresAt: times.expiresAt ?? null, reappliesId: null,
    endedAt: times.endedAt ?? null, endedReason: times.endedAt ? 'lifted' : null,
  };
}

/**
 * A case whose signals name accounts in mixed case, some decided already (in another spelling), one
 * twice; three decided associations (one no signal names); and actions in force and not, at T0.
 */
function listsCase(template: StoredCase): StoredCase {
  const [signal] = template.signals;
  if (!signal) throw new Error('the template case has no signal');
  return {
    ...structuredClone(template),
    id: 'case-lists',
    version: 1,
    signals: [
      { ...structuredClone(signal), id: 'sig-lists-a', accounts: ['Sug_One', 'dec_Two', 'sug_three', 'SUG_ONE'] },
      { ...structuredClone(signal), id: 'sig-lists-b', accounts: ['sug_four', 'Dec_One'] },
    ],
    accounts: [decidedAccount('dec_one', 'confirmed'), decidedAccount('dec_two', 'rejected'), decidedAccount('dec_three', 'confirmed')],
    enforcementActions: [
      listedAction('act-1', 'limit-visibility', { expiresAt: at(24 * HOUR) }),
      listedAction('act-2', 'limit-visibility', { expiresAt: at(-HOUR) }),
      listedAction('act-3', 'suspend-primary-use', { endedAt: at(-2 * HOUR) }),
      listedAction('act-4', 'prevent-trends', {}),
      // Ended at an instant still ahead: in force until then (R15, isActionActive).
      listedAction('act-5', 'prevent-recommendations', { endedAt: at(HOUR) }),
    ],
  };
}

const handles = (page: { items: AccountAssociation[] } | null) => page?.items.map((account) => account.handle) ?? null;
const actionIds = (page: { items: EnforcementAction[] } | null) => page?.items.map((action) => action.id) ?? null;
const accountsQuery = (patch: Partial<{ status: AccountAssociation['status']; q: string; offset: number; limit: number }> = {}) => ({ offset: 0, limit: 50, ...patch });
const actionsQuery = (patch: Partial<CaseActionsPageQuery> = {}): CaseActionsPageQuery => ({ dir: 'asc', now: T0, offset: 0, limit: 50, ...patch });

async function collect<T>(batches: AsyncGenerator<T[]>, size: number): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) {
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.length).toBeLessThanOrEqual(size);
    all.push(...batch);
  }
  return all;
}

export function describeStorageContract(name: string, subject: StorageUnderTest): void {
    /** A store holding QUERY_CASES with their listings, and a trail of three events per case. */
    async function queryStore(): Promise<BackendStorage> {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED, listingOf);
      const template = await someCase();
      for (const spec of QUERY_CASES) {
        const record = fixtureCase(template, spec);
        await storage.putCase(record, null, [event(record.id, 1, `${record.id}-e1`)], spec.listing);
        const next = { ...record, version: 2 };
        await storage.putCase(next, 1, [
          { ...event(record.id, 2, `${record.id}-e2`), type: 'case.submitted', actorId: spec.actorId },
          { ...event(record.id, 2, `${record.id}-e3`), actorId: spec.actorId },
        ], spec.listing);
      }
      return storage;
    }

    /** A store holding listsCase (issue 10 §3). */
    async function listsStore(): Promise<BackendStorage> {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED, listingOf);
      const record = listsCase(await someCase());
      expect(await put(storage, record, null, [event(record.id, 1)])).toMatchObject({ ok: true });
      return storage;
    }

  describe(`storage contract: ${name}`, () => {
    it('starts empty, seeds once, and lists exactly the seed', async () => {
      const storage = await subject.fresh();
      const demo = await seed();
      expect(await storage.isSeeded()).toBe(false);
      expect(await storage.listCases()).toEqual([]);
      expect(await storage.listAudit()).toEqual([]);
      expect(await storage.seedIfEmpty(demo, listingOf)).toBe(true);
      expect(await storage.seedIfEmpty(EMPTY_SEED, listingOf)).toBe(false);
      expect(await storage.isSeeded()).toBe(true);
      expect((await storage.listCases()).toSorted(byId)).toEqual(demo.cases.toSorted(byId));
      expect(await storage.listAudit()).toEqual(demo.audit.toSorted((a, b) => a.seq - b.seq));
    });

    it('seeds once when two handles start at the same time', async () => {
      const storage = await subject.fresh();
      const other = await subject.reopen(storage);
      const results = await Promise.all([storage.seedIfEmpty(await seed(), listingOf), other.seedIfEmpty(await seed(), listingOf)]);
      expect(results.toSorted()).toEqual([false, true]);
      expect(await storage.listCases()).toHaveLength((await seed()).cases.length);
    });

    it('putCase creates only a new id, updates only the expected version, and says which version is stored', async () => {
      const storage = await subject.fresh();
      await storage.reset(EMPTY_SEED, listingOf);
      const record = { ...(await someCase()), version: 1 };
      expect(await storage.getCase(record.id)).toBeNull();
      expect(await put(storage, record, 3, [event(record.id, 1)])).toEqual({ ok: false, currentVersion: null });

      const created = await put(storage, record, null, [event(record.id, 1)]);
      expect(created).toEqual({ ok: true, events: [{ ...event(record.id, 1), seq: 1 }] });
      expect(await put(storage, record, null, [event(record.id, 1, 'event-again')])).toEqual({ ok: false, currentVersion: 1 });

      const next = { ...record, version: 2, rightsRiskAssessment: 'Second version.' };
      expect(await put(storage, next, 1, [event(record.id, 2)])).toMatchObject({ ok: true });
      expect(await put(storage, { ...next, version: 3 }, 1, [event(record.id, 3)])).toEqual({ ok: false, currentVersion: 2 });
      expect(await storage.getCase(record.id)).toEqual(next);
    });

    it('a refused write changes nothing and appends no event', async () => {
      const storage = await subject.fresh();
      await storage.reset(await seed(), listingOf);
      const record = await someCase();
      const before = { cases: await storage.listCases(), audit: await storage.listAudit() };
      const stale = await put(storage, { ...record, version: record.version + 1, rightsRiskAssessment: 'Lost.' }, record.version - 1, [
        event(record.id, record.version + 1),
      ]);
      expect(stale).toEqual({ ok: false, currentVersion: record.version });
      expect(await storage.listCases()).toEqual(before.cases);
      expect(await storage.listAudit()).toEqual(before.audit);
    });

    it('numbers events after the highest seq, in order, across writes and after a reset', async () => {
      const storage = await subject.fresh();
      const demo = await seed();
      await storage.reset(demo, listingOf);
      const record = await someCase();
      const base = lastSeq(demo.audit);
      const next = { ...record, version: record.version + 1 };
      const written = await put(storage, next, record.version, [
        event(record.id, next.version, 'event-a'),
        { ...event(record.id, next.version, 'event-b'), type: 'case.submitted', reason: 'Ready.' },
      ]);
      expect(written).toMatchObject({ ok: true, events: [{ id: 'event-a', seq: base + 1 }, { id: 'event-b', seq: base + 2 }] });
      const after = await storage.listAudit();
      expect(after.map((item) => item.seq)).toEqual(after.map((item) => item.seq).toSorted((a, b) => a - b));
      expect(after.slice(-2).map((item) => item.id)).toEqual(['event-a', 'event-b']);

      await storage.reset(demo, listingOf);
      expect(await storage.listAudit()).toEqual(demo.audit);
      const again = await put(storage, next, record.version, [event(record.id, next.version, 'event-c')]);
      expect(again).toMatchObject({ ok: true, events: [{ seq: base + 1 }] });
    });

    it('appends events that change no case after the highest seq, leaving the case as it was', async () => {
      const storage = await subject.fresh();
      const demo = await seed();
      await storage.reset(demo, listingOf);
      const record = await someCase();
      const base = lastSeq(demo.audit);
      const comment = { ...event(record.id, record.version, 'event-comment'), type: 'case.commented' as const, reason: 'Line one\nline two: <b>kept as typed</b>' };
      const tick = { ...event(record.id, record.version, 'event-tick'), type: 'case.request-addressed' as const, changes: [{ path: 'requests.request-1', before: false, after: true }] };
      expect(await storage.appendEvents([comment, tick])).toEqual([{ ...comment, seq: base + 1 }, { ...tick, seq: base + 2 }]);
      expect(await storage.getCase(record.id)).toEqual(record);
      expect((await storage.listAudit()).slice(-2)).toEqual([{ ...comment, seq: base + 1 }, { ...tick, seq: base + 2 }]);
      // A case write after it numbers on from there.
      const next = { ...record, version: record.version + 1 };
      expect(await put(storage, next, record.version, [event(record.id, next.version, 'event-after')])).toMatchObject({ ok: true, events: [{ seq: base + 3 }] });
      const reopened = await subject.reopen(storage);
      const conversation = await reopened.queryAudit({ caseId: record.id, types: ['case.commented'], page: 1, pageSize: 10 });
      expect(conversation.items).toEqual([{ ...comment, seq: base + 1 }]);
    });

    it('keeps the people a comment mentions and finds the comments mentioning a person, newest first (issue 12 §8)', async () => {
      const storage = await subject.fresh();
      await storage.reset(await seed(), listingOf);
      const record = await someCase();
      const comment = (id: string, mentions?: string[]) => ({
        ...event(record.id, record.version, id), type: 'case.commented' as const, reason: `@someone ${id}`, ...(mentions ? { mentions } : {}),
      });
      const written = await storage.appendEvents([comment('event-m1', ['rui', 'sam']), comment('event-m2'), comment('event-m3', ['rui'])]);
      expect(written.map((item) => item.mentions)).toEqual([['rui', 'sam'], undefined, ['rui']]);
      const reopened = await subject.reopen(storage);
      const forRui = await reopened.queryAudit({ mentioned: 'rui', page: 1, pageSize: 10 });
      expect([forRui.items.map((item) => item.id), forRui.total]).toEqual([['event-m3', 'event-m1'], 2]);
      expect(forRui.items[1]).toEqual(written[0]);
      expect((await reopened.queryAudit({ mentioned: 'sam', type: 'case.commented', page: 1, pageSize: 10 })).items.map((item) => item.id)).toEqual(['event-m1']);
      expect(await reopened.queryAudit({ mentioned: 'ana', page: 1, pageSize: 10 })).toEqual({ items: [], total: 0 });
      // An event that mentions nobody reads back without the field, as it was written.
      expect((await reopened.listAudit()).find((item) => item.id === 'event-m2')).toEqual(written[1]);
    });

    it('lets exactly one of two handles writing the same version win, with only the winner\'s events', async () => {
      const storage = await subject.fresh();
      await storage.reset(await seed(), listingOf);
      const other = await subject.reopen(storage);
      const record = await someCase();
      const next = { ...record, version: record.version + 1 };
      const results = await Promise.all([
        put(storage, { ...next, rightsRiskAssessment: 'A' }, record.version, [event(record.id, next.version, 'event-a')]),
        put(other, { ...next, rightsRiskAssessment: 'B' }, record.version, [event(record.id, next.version, 'event-b')]),
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
      await storage.reset(EMPTY_SEED, listingOf);
      const other = await subject.reopen(storage);
      const template = await someCase();
      const writes = Array.from({ length: 12 }, (_, index) => {
        const record = { ...template, id: `case-${String(index).padStart(2, '0')}`, version: 1 };
        return put(index % 2 === 0 ? storage : other, record, null, [event(record.id, 1), event(record.id, 1, `extra-${index}`)]);
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
      await storage.reset(EMPTY_SEED, listingOf);
      const record = { ...(await someCase()), version: 1 };
      const given = structuredClone(record);
      await put(storage, given, null, [event(record.id, 1)]);
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
      await storage.reset(EMPTY_SEED, listingOf);
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
      const written = await put(storage, record, null, [
        { ...event(record.id, 1), at: '2026-03-02T09:00:00.5Z', reason: 'Why: ünïcödé', changes },
      ]);
      expect(written.ok).toBe(true);
      expect(await storage.getCase(record.id)).toEqual(record);
      expect(await storage.listAudit()).toEqual([{ ...event(record.id, 1), at: '2026-03-02T09:00:00.5Z', reason: 'Why: ünïcödé', changes, seq: 1 }]);
    });

    describe('queries', () => {
      it('lists cases sorted by each column, rows without a value last either way, ties by id', async () => {
        const storage = await queryStore();
        expect(ids(await storage.queryCases(query()))).toEqual(['case-d', 'case-c', 'case-b', 'case-a', 'case-e']);
        expect(ids(await storage.queryCases(query({ sort: 'name', dir: 'asc' })))).toEqual(['case-a', 'case-b', 'case-c', 'case-d', 'case-e']);
        expect(ids(await storage.queryCases(query({ sort: 'name', dir: 'desc' })))).toEqual(['case-e', 'case-d', 'case-c', 'case-b', 'case-a']);
        expect(ids(await storage.queryCases(query({ sort: 'priority', dir: 'desc' })))).toEqual(['case-b', 'case-d', 'case-a', 'case-c', 'case-e']);
        expect(ids(await storage.queryCases(query({ sort: 'submittedAt', dir: 'asc' })))).toEqual(['case-b', 'case-d', 'case-a', 'case-c', 'case-e']);
        expect(ids(await storage.queryCases(query({ sort: 'submittedAt', dir: 'desc' })))).toEqual(['case-a', 'case-d', 'case-b', 'case-c', 'case-e']);
        expect(ids(await storage.queryCases(query({ sort: 'nextReviewAt', dir: 'asc' })))).toEqual(['case-c', 'case-e', 'case-a', 'case-b', 'case-d']);
      });

      it('sorts by the policy\'s order of kinds, statuses and verdicts, by signal count and by the people\'s ids (issue 15 §6)', async () => {
        const storage = await queryStore();
        const order = async (sort: CasePageQuery['sort'], dir: CasePageQuery['dir']) => ids(await storage.queryCases(query({ sort, dir })));
        // group, movement, campaign (policy-terms.ts), not the alphabet.
        expect(await order('actorKind', 'asc')).toEqual(['case-a', 'case-e', 'case-c', 'case-b', 'case-d']);
        expect(await order('actorKind', 'desc')).toEqual(['case-b', 'case-d', 'case-c', 'case-a', 'case-e']);
        // draft, in review, designated, rejected, withdrawn.
        expect(await order('status', 'asc')).toEqual(['case-a', 'case-b', 'case-d', 'case-c', 'case-e']);
        expect(await order('status', 'desc')).toEqual(['case-c', 'case-e', 'case-a', 'case-b', 'case-d']);
        // recommended, not recommended, incomplete.
        expect(await order('verdict', 'asc')).toEqual(['case-b', 'case-d', 'case-a', 'case-c', 'case-e']);
        expect(await order('verdict', 'desc')).toEqual(['case-e', 'case-a', 'case-c', 'case-b', 'case-d']);
        expect(await order('signalCount', 'desc')).toEqual(['case-d', 'case-a', 'case-c', 'case-b', 'case-e']);
        expect(await order('signalCount', 'asc')).toEqual(['case-b', 'case-e', 'case-c', 'case-a', 'case-d']);
        // case-e has no owner, case-c and case-e no reviewer: last either way.
        expect(await order('ownerId', 'asc')).toEqual(['case-b', 'case-d', 'case-a', 'case-c', 'case-e']);
        expect(await order('ownerId', 'desc')).toEqual(['case-c', 'case-a', 'case-b', 'case-d', 'case-e']);
        expect(await order('reviewerId', 'asc')).toEqual(['case-a', 'case-b', 'case-d', 'case-c', 'case-e']);
        expect(await order('reviewerId', 'desc')).toEqual(['case-b', 'case-d', 'case-a', 'case-c', 'case-e']);
        const page = await storage.queryCases(query({ sort: 'signalCount', dir: 'desc', pageSize: 2, page: 2 }));
        expect([ids(page), page.items.map((row) => row.signalCount), page.total]).toEqual([['case-c', 'case-b'], [1, 0], 5]);
      });

      it('answers the review queue (R11 priority, then longest waiting) and the due queue (R17)', async () => {
        const storage = await queryStore();
        expect(ids(await storage.queryCases(query({ status: 'in_review', sort: 'queue' })))).toEqual(['case-b', 'case-d', 'case-a']);
        const due = await storage.queryCases(query({ dueBy: '2026-06-01T00:00:00.000Z', sort: 'nextReviewAt', dir: 'asc' }));
        expect(ids(due)).toEqual(['case-c']);
        expect(ids(await storage.queryCases(query({ dueBy: '2026-07-01T00:00:00Z', sort: 'nextReviewAt', dir: 'asc' })))).toEqual(['case-c', 'case-e']);
      });

      it('filters by status, kind, band and search text, and returns rows with the stored listing', async () => {
        const storage = await queryStore();
        expect(ids(await storage.queryCases(query({ status: 'designated' })))).toEqual(['case-c', 'case-e']);
        expect(ids(await storage.queryCases(query({ actorKind: 'campaign' })))).toEqual(['case-d', 'case-b']);
        expect(ids(await storage.queryCases(query({ priorityBand: 'safety' })))).toEqual(['case-d', 'case-b']);
        expect(ids(await storage.queryCases(query({ q: '  #HARBOUR ' })))).toEqual(['case-c', 'case-a']);
        expect(ids(await storage.queryCases(query({ q: 'no such text' })))).toEqual([]);
        const [row] = (await storage.queryCases(query({ q: 'bravo' }))).items;
        expect(row).toEqual({
          id: 'case-b', name: 'Bravo Net', actorKind: 'campaign', status: 'in_review', version: 2, verdict: 'recommended',
          priority: 9.5, priorityBand: 'safety', updatedAt: '2026-03-02T10:00:00Z', submittedAt: '2026-03-01T08:00:00.000Z',
          nextReviewAt: null, signalCount: 0, returned: false, ownerId: 'ana', reviewerId: 'rui',
        });
        expect(ids(await storage.queryCases(query({ reviewerId: 'rui' })))).toEqual(['case-d', 'case-b']);
        expect(ids(await storage.queryCases(query({ ownerId: 'ana', reviewerId: 'rui' })))).toEqual(['case-d', 'case-b']);
        expect(ids(await storage.queryCases(query({ ownerId: 'ben' })))).toEqual([]);
        // R3: the one case whose platform-manipulation proposal waits for a decision.
        expect(ids(await storage.queryCases(query({ manipulationPending: 'true' })))).toEqual(['case-c']);
        const returned = await storage.queryCases(query({ returned: 'true' }));
        expect([ids(returned), returned.total, returned.items[0]?.returned]).toEqual([['case-a'], 1, true]);
      });

      it('pages with the total over all pages', async () => {
        const storage = await queryStore();
        const first = await storage.queryCases(query({ sort: 'name', dir: 'asc', pageSize: 2 }));
        const third = await storage.queryCases(query({ sort: 'name', dir: 'asc', pageSize: 2, page: 3 }));
        const beyond = await storage.queryCases(query({ sort: 'name', dir: 'asc', pageSize: 2, page: 9 }));
        expect([ids(first), first.total]).toEqual([['case-a', 'case-b'], 5]);
        expect([ids(third), third.total]).toEqual([['case-e'], 5]);
        expect([ids(beyond), beyond.total]).toEqual([[], 5]);
      });

      it('pages the audit trail newest first, overall and filtered by case, type and actor', async () => {
        const storage = await queryStore();
        const all = await storage.queryAudit({ page: 1, pageSize: 4 });
        expect(all.total).toBe(15);
        expect(all.items.map((item) => item.id)).toEqual(['case-e-e3', 'case-e-e2', 'case-e-e1', 'case-d-e3']);
        expect(all.items.map((item) => item.seq)).toEqual([15, 14, 13, 12]);
        const second = await storage.queryAudit({ page: 2, pageSize: 4 });
        expect(second.items.map((item) => item.seq)).toEqual([11, 10, 9, 8]);
        const ofCase = await storage.queryAudit({ caseId: 'case-b', page: 1, pageSize: 50 });
        expect([ofCase.items.map((item) => item.id), ofCase.total]).toEqual([['case-b-e3', 'case-b-e2', 'case-b-e1'], 3]);
        const submitted = await storage.queryAudit({ type: 'case.submitted', page: 1, pageSize: 2 });
        expect([submitted.items.map((item) => item.id), submitted.total]).toEqual([['case-e-e2', 'case-d-e2'], 5]);
        const byActor = await storage.queryAudit({ actorId: 'rui', type: 'case.updated', page: 1, pageSize: 50 });
        expect(byActor.items.map((item) => item.id)).toEqual(['case-d-e3', 'case-b-e3']);
        expect(await storage.queryAudit({ caseId: 'case-z', page: 1, pageSize: 50 })).toEqual({ items: [], total: 0 });
      });

      it('filters the trail by a date range: from inclusive, to exclusive, compared as instants', async () => {
        const storage = await subject.fresh();
        await storage.reset(EMPTY_SEED, listingOf);
        const record = await someCase();
        const at = (id: string, instant: string) => ({ ...event(record.id, 1, id), at: instant });
        await storage.putCase(record, null, [at('d-1', '2026-03-01T23:59:59.999Z'), at('d-2', '2026-03-02T00:00:00.000Z'), at('d-3', '2026-03-02T12:00:00.000Z'), at('d-4', '2026-03-03T00:00:00.000Z')], listingOf(record));
        const range = { page: 1, pageSize: 50, from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };
        expect(ids(await storage.queryAudit(range))).toEqual(['d-3', 'd-2']);
        expect(ids(await storage.queryAudit({ page: 1, pageSize: 50, from: '2026-03-02T12:00:00Z' }))).toEqual(['d-4', 'd-3']);
        expect((await storage.queryAudit({ page: 1, pageSize: 50, to: '2026-03-02T00:00:00.000Z' })).total).toBe(1);
      });

      it('filters the trail by a set of event types (the conversation), none when the set is empty', async () => {
        const storage = await queryStore();
        const some = await storage.queryAudit({ caseId: 'case-b', types: ['case.submitted', 'case.commented'], page: 1, pageSize: 50 });
        expect([some.items.map((item) => item.id), some.total]).toEqual([['case-b-e2'], 1]);
        const both = await storage.queryAudit({ caseId: 'case-b', types: ['case.submitted', 'case.updated'], page: 1, pageSize: 50 });
        expect([both.items.map((item) => item.id), both.total]).toEqual([['case-b-e3', 'case-b-e2', 'case-b-e1'], 3]);
        expect(await storage.queryAudit({ types: [], page: 1, pageSize: 50 })).toEqual({ items: [], total: 0 });
      });

      it('lists the actions expiring in a window (from inclusive, to exclusive), soonest first, ended ones left out', async () => {
        const storage = await queryStore();
        const window = { from: '2026-04-01T00:00:00.000Z', to: '2026-05-01T00:00:00Z', page: 1, pageSize: 10 };
        const page = await storage.queryExpiringActions(window);
        expect(page.items.map((item) => [item.caseId, item.action.id])).toEqual([
          ['case-a', 'act-a1'],
          ['case-c', 'act-c1'],
          ['case-a', 'act-a2'],
        ]);
        expect(page.total).toBe(3);
        expect(page.items[0]).toEqual({ caseId: 'case-a', caseName: 'alpha crew', action: expect.objectContaining({ expiresAt: '2026-04-01T00:00:00.000Z' }) });
        const paged = await storage.queryExpiringActions({ ...window, page: 2, pageSize: 2 });
        expect([paged.items.map((item) => item.action.id), paged.total]).toEqual([['act-a2'], 3]);
      });

      it('finds the other cases that name an account (signals, associations, actions), a link or a hashtag, compared as the pivots compare them (issue 16 §4)', async () => {
        const storage = await subject.fresh();
        await storage.reset(EMPTY_SEED, listingOf);
        const base = await someCase();
        const signal = base.signals[0];
        if (!signal) throw new Error('the demo case has no signal');
        const pivotCase = (id: string, updatedAt: string, names: { signals?: string[]; associations?: string[]; actions?: string[]; designated?: boolean }): StoredCase => ({
          ...structuredClone(base),
          id,
          version: 1,
          updatedAt,
          status: names.designated ? 'designated' : 'draft',
          signals: names.signals ? [{ ...signal, id: `sig-${id}`, accounts: names.signals }] : [],
          accounts: (names.associations ?? []).map((handle) => ({
            handle, status: 'confirmed' as const, basis: [], note: '', primaryUseFinding: false, decidedBy: 'rui', decidedAt: T0,
          })),
          enforcementActions: (names.actions ?? []).map((targetRef, index) => ({
            id: `act-${id}-${index}`, type: 'limit-visibility' as const, target: 'account' as const, targetRef, basis: 'R14', appliedBy: 'rui',
            appliedAt: T0, expiresAt: null, reappliesId: null, endedAt: null, endedReason: null,
          })),
          designation: names.designated
            ? { approvedBy: 'rui', approvedAt: T0, firstApprovedAt: T0, rationale: 'R7', nextReviewAt: '2026-09-01T00:00:00.000Z', lastReviewedAt: T0, withdrawnAt: null, withdrawnBy: null, withdrawalRationale: null }
            : null,
        });
        await put(storage, pivotCase('pivot-a', '2026-03-01T00:00:00.000Z', { signals: ['Harbor_One', 'x_one'] }), null, []);
        await put(storage, pivotCase('pivot-b', '2026-01-01T00:00:00.000Z', { associations: ['harbor_one'], designated: true }), null, []);
        const withAction = pivotCase('pivot-c', '2026-02-01T00:00:00.000Z', { actions: ['HARBOR_ONE'] });
        await put(storage, withAction, null, []);
        await put(storage, pivotCase('pivot-d', '2026-04-01T00:00:00.000Z', { signals: ['someone_else'] }), null, []);

        const refs = await storage.casesWithRefs('account', ['harbor_one', 'x_one', 'nobody'], 'pivot-a', 20);
        // Designations in force first, then the latest changed; the asking case itself left out.
        expect(refs).toEqual([
          { kind: 'account', value: 'harbor_one', caseId: 'pivot-b', caseName: base.actor.name, status: 'designated', designated: true, caseCount: 2, designationCount: 1 },
          { kind: 'account', value: 'harbor_one', caseId: 'pivot-c', caseName: base.actor.name, status: 'draft', designated: false, caseCount: 2, designationCount: 1 },
        ]);
        expect((await storage.casesWithRefs('account', ['@HARBOR_ONE'.slice(1)], null, 1)).map((ref) => [ref.caseId, ref.caseCount])).toEqual([['pivot-b', 3]]);
        expect(await storage.casesWithRefs('account', [], null, 20)).toEqual([]);

        // A write that drops the action drops the case from the account's cases.
        await put(storage, { ...withAction, version: 2, enforcementActions: [] }, 1, []);
        expect((await storage.casesWithRefs('account', ['harbor_one'], null, 20)).map((ref) => ref.caseId)).toEqual(['pivot-b', 'pivot-a']);

        // Links in their canonical form (tracking dropped, http and https alike), hashtags case-blind with their #.
        const linked = pivotCase('pivot-e', '2026-05-01T00:00:00.000Z', { signals: ['y_one'] });
        await put(storage, {
          ...linked,
          signals: linked.signals.map((item) => ({ ...item, sources: ['https://www.example.org/pledge/?utm_source=x'] })),
          actor: { ...linked.actor, hashtags: ['#TidePledge'] },
        }, null, []);
        expect((await storage.casesWithRefs('link', ['http://example.org/pledge'], null, 20)).map((ref) => [ref.value, ref.caseId])).toEqual([['example.org/pledge', 'pivot-e']]);
        expect((await storage.casesWithRefs('hashtag', ['tidepledge'], null, 20)).map((ref) => [ref.value, ref.caseId])).toEqual([['#tidepledge', 'pivot-e']]);
        expect(await storage.casesWithRefs('hashtag', ['#TidePledge'], 'pivot-e', 20)).toEqual([]);

        // Texts posted alike, in the co-post detector's normal form (issue 16 §4).
        const texted = pivotCase('pivot-f', '2026-06-01T00:00:00.000Z', { signals: ['z_one'] });
        await put(storage, { ...texted, signals: texted.signals.map((item) => ({ ...item, sharedTexts: ['Share this before they DELETE it, the council lies'] })) }, null, []);
        expect((await storage.casesWithRefs('text', ['@x share this before they delete it,   the council lies https://t.co/a'], null, 20)).map((ref) => [ref.value, ref.caseId])).toEqual([
          ['share this before they delete it, the council lies', 'pivot-f'],
        ]);
      });

      describe('a case\'s accounts and actions (issue 10 §3)', () => {
        it('lists the decided accounts in their order, then the ones the signals name that nobody decided (R16), each once and case-blind', async () => {
          const storage = await listsStore();
          const all = await storage.queryCaseAccounts('case-lists', accountsQuery());
          expect([handles(all), all?.total]).toEqual([['dec_one', 'dec_two', 'dec_three', 'Sug_One', 'sug_three', 'sug_four'], 6]);
          expect(all?.items[0]).toEqual(decidedAccount('dec_one', 'confirmed'));
          expect(all?.items[3]).toEqual({ handle: 'Sug_One', status: 'suggested', basis: [], note: '', primaryUseFinding: false, decidedBy: null, decidedAt: null });
          expect(await storage.queryCaseAccounts('case-nope', accountsQuery())).toBeNull();
        });

        it('filters the accounts by status and by a part of the handle, whatever its case, with the total', async () => {
          const storage = await listsStore();
          const page = (patch: Parameters<typeof accountsQuery>[0]) => storage.queryCaseAccounts('case-lists', accountsQuery(patch));
          expect(handles(await page({ status: 'confirmed' }))).toEqual(['dec_one', 'dec_three']);
          expect(handles(await page({ status: 'rejected' }))).toEqual(['dec_two']);
          expect(handles(await page({ status: 'suggested' }))).toEqual(['Sug_One', 'sug_three', 'sug_four']);
          expect(handles(await page({ q: 'one' }))).toEqual(['dec_one', 'Sug_One']);
          expect(handles(await page({ q: 'THREE' }))).toEqual(['dec_three', 'sug_three']);
          expect(handles(await page({ q: 'ug_', status: 'suggested' }))).toEqual(['Sug_One', 'sug_three', 'sug_four']);
          expect(await page({ q: 'no_such', status: 'confirmed' })).toEqual({ items: [], total: 0 });
          // A LIKE pattern's wildcards are plain characters here.
          expect(handles(await page({ q: '%' }))).toEqual([]);
        });

        it('pages the accounts across the decided and the suggested ones', async () => {
          const storage = await listsStore();
          const page = (offset: number, limit: number) => storage.queryCaseAccounts('case-lists', accountsQuery({ offset, limit }));
          expect([handles(await page(0, 2)), (await page(0, 2))?.total]).toEqual([['dec_one', 'dec_two'], 6]);
          expect(handles(await page(2, 3))).toEqual(['dec_three', 'Sug_One', 'sug_three']);
          expect(handles(await page(4, 3))).toEqual(['sug_three', 'sug_four']);
          expect(await page(9, 3)).toEqual({ items: [], total: 6 });
          const suggested = await storage.queryCaseAccounts('case-lists', accountsQuery({ status: 'suggested', offset: 1, limit: 1 }));
          expect([handles(suggested), suggested?.total]).toEqual([['sug_three'], 3]);
        });

        it('lists the actions in the case\'s order or the latest first, by their state at an instant (R15) and by type', async () => {
          const storage = await listsStore();
          const page = (patch: Partial<CaseActionsPageQuery>) => storage.queryCaseActions('case-lists', actionsQuery(patch));
          expect(actionIds(await page({}))).toEqual(['act-1', 'act-2', 'act-3', 'act-4', 'act-5']);
          expect(actionIds(await page({ dir: 'desc' }))).toEqual(['act-5', 'act-4', 'act-3', 'act-2', 'act-1']);
          expect(actionIds(await page({ state: 'in-force' }))).toEqual(['act-1', 'act-4', 'act-5']);
          expect(actionIds(await page({ state: 'ended' }))).toEqual(['act-2', 'act-3']);
          // Two hours later the ended-ahead one has ended and the day-long limit still runs.
          expect(actionIds(await page({ state: 'in-force', now: at(2 * HOUR) }))).toEqual(['act-1', 'act-4']);
          expect(actionIds(await page({ type: 'limit-visibility' }))).toEqual(['act-1', 'act-2']);
          expect(actionIds(await page({ type: 'limit-visibility', state: 'ended' }))).toEqual(['act-2']);
          const second = await page({ dir: 'desc', offset: 2, limit: 2 });
          expect([actionIds(second), second?.total]).toEqual([['act-3', 'act-2'], 5]);
          expect(await page({ offset: 7 })).toEqual({ items: [], total: 5 });
          expect((await page({}))?.items[0]).toEqual(listedAction('act-1', 'limit-visibility', { expiresAt: at(24 * HOUR) }));
          expect(await storage.queryCaseActions('case-nope', actionsQuery())).toBeNull();
        });

        it('streams every account and action of a case in batches, in the lists\' order; none for no case', async () => {
          const storage = await listsStore();
          const accounts = await collect(storage.caseAccountsInBatches('case-lists', 2), 2);
          expect(accounts).toEqual((await storage.queryCaseAccounts('case-lists', accountsQuery()))?.items);
          const actions = await collect(storage.caseActionsInBatches('case-lists', 3), 3);
          expect(actions.map((action) => action.id)).toEqual(['act-1', 'act-2', 'act-3', 'act-4', 'act-5']);
          expect(await collect(storage.caseAccountsInBatches('case-nope', 2), 2)).toEqual([]);
          expect(await collect(storage.caseActionsInBatches('case-nope', 2), 2)).toEqual([]);
        });

        it('writes what a write\'s changes name (CaseChanges) and reads back the whole record, names and pivots kept', async () => {
          const storage = await listsStore();
          const v1 = listsCase(await someCase());
          // An account decided again in place, one added at the end, an action ended: positions named.
          const v2: StoredCase = {
            ...v1,
            version: 2,
            accounts: [v1.accounts[0] as AccountAssociation, { ...decidedAccount('dec_two', 'confirmed') }, v1.accounts[2] as AccountAssociation, decidedAccount('sug_four', 'confirmed')],
            enforcementActions: v1.enforcementActions.map((action) => (action.id === 'act-1' ? { ...action, endedAt: T0, endedReason: 'lifted' as const } : action)),
          };
          // Read first (a storage may keep what it worked out for this version), then written by another handle.
          expect(handles(await storage.queryCaseAccounts(v1.id, accountsQuery({ status: 'suggested' })))).toEqual(['Sug_One', 'sug_three', 'sug_four']);
          const other = await subject.reopen(storage);
          expect(await other.putCase(v2, 1, [event(v1.id, 2)], listingOf(v2), { accounts: [1, 3], actions: [0], names: true })).toMatchObject({ ok: true });
          expect(await storage.getCase(v1.id)).toEqual(v2);
          expect(handles(await storage.queryCaseAccounts(v1.id, accountsQuery({ status: 'suggested' })))).toEqual(['Sug_One', 'sug_three']);
          expect((await storage.queryCaseAccounts(v1.id, accountsQuery()))?.total).toBe(6);
          expect(actionIds(await storage.queryCaseActions(v1.id, actionsQuery({ state: 'in-force' })))).toEqual(['act-4', 'act-5']);

          // An autosave: no child changed, the names stayed.
          const v3: StoredCase = { ...v2, version: 3, rightsRiskAssessment: 'Edited in the autosave.' };
          expect(await storage.putCase(v3, 2, [event(v1.id, 3)], listingOf(v3), { accounts: [], actions: [], names: false })).toMatchObject({ ok: true });
          expect(await storage.getCase(v1.id)).toEqual(v3);
          expect((await storage.casesWithRefs('account', ['sug_four', 'act-3_target'], null, 5)).map((ref) => [ref.value, ref.caseId])).toEqual([
            ['act-3_target', v1.id],
            ['sug_four', v1.id],
          ]);

          // Fewer accounts and actions: the rows past the end go.
          const v4: StoredCase = { ...v3, version: 4, accounts: v3.accounts.slice(0, 2), enforcementActions: v3.enforcementActions.slice(0, 1) };
          expect(await storage.putCase(v4, 3, [event(v1.id, 4)], listingOf(v4), { accounts: [], actions: [], names: true })).toMatchObject({ ok: true });
          expect(await storage.getCase(v1.id)).toEqual(v4);
          expect((await storage.queryCaseAccounts(v1.id, accountsQuery()))?.total).toBe(5);
          expect((await storage.casesWithRefs('account', ['act-3_target'], null, 5))).toEqual([]);
          // A refused write with changes changes nothing.
          expect(await storage.putCase({ ...v4, version: 9 }, 7, [event(v1.id, 9)], listingOf(v4), { accounts: [], actions: [], names: false })).toEqual({
            ok: false, currentVersion: 4,
          });
          expect(await storage.getCase(v1.id)).toEqual(v4);
        });
      });
    });

    it('serves the backend rules, and a second handle sees what the first wrote (a reload, another process)', async () => {
      const storage = await subject.fresh();
      const first = createTestBackend({ storage });
      const created = await caseIn(first, 'designated', { withAccount: true });
      const second = createTestBackend({ storage: await subject.reopen(storage) });
      expect(await second.ok('getCase', { params: { caseId: created.id } })).toEqual(created);
      const trail = await second.call('caseAudit', { params: { caseId: created.id } });
      expect(trail.body).toEqual((await first.call('caseAudit', { params: { caseId: created.id } })).body);
      expect((trail.body as AuditPage).items[0]?.caseVersion).toBe(created.version);
    });

    it('keeps what the rules wrote when a write names only what it changed: bulk decisions, actions, an autosave (issue 10 §3)', async () => {
      const storage = await subject.fresh();
      const kit = createTestBackend({ storage });
      let doc = await caseIn(kit, 'designated', { withAccount: true });
      const params = { caseId: doc.id };
      const bulk = async (body: object, user = 'sam') => {
        expect((await kit.call('decideAccountsInBulk', { user, params, ifMatch: doc.version, body })).status).toBe(200);
        doc = await kit.ok('getCase', { params });
      };
      await bulk({ handles: ['harbor_two', 'pier_one', 'pier_two'], decision: 'confirmed', basis: ['signals'] });
      doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body: { type: 'limit-visibility', target: 'account', targetRef: 'pier_one', basis: 'Amplifies.' } });
      await bulk({ allMatching: { q: 'pier' }, decision: 'rejected', note: 'Not the group.' });
      expect(doc.enforcementActions.map((action) => action.endedReason)).toEqual(['lifted']);
      doc = await kit.ok('periodicReview', { user: 'rui', params, ifMatch: doc.version, body: { outcome: 'modify', rationale: 'New channel.' } });
      const content = { actor: doc.actor, questions: doc.questions, rightsRiskAssessment: 'Autosaved.', harm: doc.harm, signals: doc.signals, settings: doc.settings };
      doc = await kit.ok('updateCase', { user: 'ana', params, ifMatch: doc.version, body: content });
      const reopened = createTestBackend({ storage: await subject.reopen(storage) });
      expect(await reopened.ok('getCase', { params })).toEqual(doc);
      const page = await storage.queryCaseAccounts(doc.id, { status: 'rejected', offset: 0, limit: 10 });
      expect(handles(page)).toEqual(['pier_one', 'pier_two']);
      expect((await storage.casesWithRefs('account', ['pier_two'], null, 5)).map((ref) => ref.caseId)).toEqual([doc.id]);
    });
  });
}
