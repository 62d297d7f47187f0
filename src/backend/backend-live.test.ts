// Issue 12 §7 through the backend rules (the mock and the server call the same): every write and comment
// becomes a notice on the open streams, presence is per person over their tabs and forgets a silent tab,
// and two backends joined by a bus (two tabs of one browser) hear each other.
import { describe, expect, it } from 'vitest';
import type { CasePresence, LiveNotice } from '../api/contract/live';
import { PRESENCE_TTL_MS } from '../api/contract/live';
import { caseIn, createTestBackend, createTestClock, type TestBackend } from './backend-test-kit';
import { createMemoryStorage } from './memory-storage';
import { createPresenceRegistry, type LiveBus, type LiveBusMessage } from './live-updates';

async function listen(kit: TestBackend, userId: string | null = 'rui') {
  const heard: LiveNotice[] = [];
  const connection = await kit.backend.openLiveStream(userId, (notice) => heard.push(notice));
  return { heard, connection };
}

async function presence(kit: TestBackend, caseId: string, user: string, tab: string, state: 'viewing' | 'editing' | 'gone') {
  const response = await kit.call('casePresence', { user, params: { caseId }, body: { tab, state } });
  expect(response.status).toBe(200);
  return (response.body as CasePresence).people;
}

/** Two tabs' BroadcastChannel in miniature: a message posted on one end reaches the other end only. */
function busPair(): [LiveBus, LiveBus] {
  const listeners: [Set<(message: LiveBusMessage) => void>, Set<(message: LiveBusMessage) => void>] = [new Set(), new Set()];
  const end = (mine: 0 | 1): LiveBus => ({
    post: (message) => {
      for (const listener of listeners[mine === 0 ? 1 : 0]) listener(structuredClone(message));
    },
    subscribe: (listener) => {
      listeners[mine].add(listener);
      return () => listeners[mine].delete(listener);
    },
  });
  return [end(0), end(1)];
}

describe('live notices (issue 12 §7)', () => {
  it('a save, a comment and a decision each reach an open stream, naming the case, the event, who and the version', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const { heard, connection } = await listen(kit);
    expect(connection.ok).toBe(true);

    await kit.call('commentOnCase', { user: 'ana', params: { caseId: doc.id }, body: { text: 'Sources added.' } });
    await kit.ok('decideCase', {
      user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { decision: 'return', rationale: 'Rate the informational harm.', requests: [] },
    });

    expect(heard.map((notice) => notice.kind === 'case-change' && [notice.type, notice.actorId, notice.caseVersion])).toEqual([
      ['case.commented', 'ana', doc.version],
      ['case.returned', 'rui', doc.version + 1],
    ]);
    const [comment] = heard;
    // A notice says that something happened, never what: no comment text, no field values.
    expect(Object.keys(comment ?? {}).toSorted()).toEqual(['actorId', 'at', 'caseId', 'caseVersion', 'kind', 'seq', 'type']);
  });

  it('a refused write sends nothing; a closed stream hears nothing more', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const { heard, connection } = await listen(kit);
    const stale = await kit.call('decideCase', {
      user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version - 1,
      body: { decision: 'return', rationale: 'Too late.', requests: [] },
    });
    expect(stale.status).toBe(412);
    expect(heard).toEqual([]);

    if (connection.ok) connection.close();
    await kit.call('commentOnCase', { user: 'ana', params: { caseId: doc.id }, body: { text: 'Anyone?' } });
    expect(heard).toEqual([]);
  });

  it('a stream needs a known person: nobody, or a name nobody has, gets 401', async () => {
    const kit = createTestBackend();
    for (const userId of [null, 'mallory']) {
      const { connection } = await listen(kit, userId);
      expect(connection).toMatchObject({ ok: false, response: { status: 401 } });
    }
  });
});

/** An instant `ms` after the test clock's start. */
function at(ms: number): string {
  return new Date(Date.parse('2026-03-02T09:00:00.000Z') + ms).toISOString();
}

describe('presence (issue 12 §7)', () => {
  it('says who has a case open and who is editing, one entry per person over their tabs, and tells the streams when it changes', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const { heard } = await listen(kit, 'ana');

    expect(await presence(kit, doc.id, 'ben', 'ben-tab-one', 'viewing')).toEqual([{ userId: 'ben', state: 'viewing', since: kit.clock.now() }]);
    const people = await presence(kit, doc.id, 'ben', 'ben-tab-two', 'editing');
    expect(people).toEqual([{ userId: 'ben', state: 'editing', since: kit.clock.now() }]);
    // A heartbeat that changes nothing tells nobody.
    await presence(kit, doc.id, 'ben', 'ben-tab-two', 'editing');
    expect(heard.filter((notice) => notice.kind === 'presence')).toHaveLength(2);

    // Closing the editing tab leaves Ben viewing in the other one.
    expect(await presence(kit, doc.id, 'ben', 'ben-tab-two', 'gone')).toEqual([{ userId: 'ben', state: 'viewing', since: kit.clock.now() }]);
    expect(heard.at(-1)).toEqual({ kind: 'presence', caseId: doc.id, people: [{ userId: 'ben', state: 'viewing', since: kit.clock.now() }] });
  });

  it('forgets a tab not heard from within the time to live (a tab that closed without saying so)', () => {
    const registry = createPresenceRegistry(PRESENCE_TTL_MS);
    registry.touch({ caseId: 'case-1', userId: 'ben', tab: 'tab-aaaaaaaa', state: 'viewing', at: at(0) });
    registry.touch({ caseId: 'case-1', userId: 'rui', tab: 'tab-bbbbbbbb', state: 'viewing', at: at(30_000) });
    expect(registry.present('case-1', at(PRESENCE_TTL_MS)).map((person) => person.userId)).toEqual(['ben', 'rui']);
    expect(registry.present('case-1', at(PRESENCE_TTL_MS + 1)).map((person) => person.userId)).toEqual(['rui']);
  });

  it('presence on a case that does not exist is 404; a malformed tab id is a validation error', async () => {
    const kit = createTestBackend();
    const missing = await kit.call('casePresence', { user: 'ben', params: { caseId: 'case-none' }, body: { tab: 'tab-12345678', state: 'viewing' } });
    expect(missing.status).toBe(404);
    const doc = await caseIn(kit, 'draft');
    const bad = await kit.call('casePresence', { user: 'ben', params: { caseId: doc.id }, body: { tab: '<script>', state: 'viewing' } });
    expect(bad.status).toBe(400);
  });
});

describe('two backends joined by a bus (two tabs of one browser, issue 12 §7)', () => {
  it('a write in one tab reaches the streams of the other, and presence is shared', async () => {
    const storage = createMemoryStorage();
    const clock = createTestClock();
    const [busOne, busTwo] = busPair();
    const tabOne = createTestBackend({ storage, clock, liveBus: busOne });
    const tabTwo = createTestBackend({ storage, clock, liveBus: busTwo });
    const doc = await caseIn(tabOne, 'in_review');
    const { heard } = await listen(tabTwo, 'rui');

    await tabOne.call('commentOnCase', { user: 'ana', params: { caseId: doc.id }, body: { text: 'Added the sources.' } });
    expect(heard).toContainEqual(expect.objectContaining({ kind: 'case-change', type: 'case.commented', actorId: 'ana', caseId: doc.id }));

    await presence(tabOne, doc.id, 'ana', 'ana-tab-one', 'editing');
    expect(await presence(tabTwo, doc.id, 'rui', 'rui-tab-one', 'viewing')).toEqual([
      { userId: 'ana', state: 'editing', since: clock.now() },
      { userId: 'rui', state: 'viewing', since: clock.now() },
    ]);
  });

  it('a tab opened later learns who is present at once, not at their next heartbeat', async () => {
    const storage = createMemoryStorage();
    const clock = createTestClock();
    const [busOne, busTwo] = busPair();
    const tabOne = createTestBackend({ storage, clock, liveBus: busOne });
    const doc = await caseIn(tabOne, 'draft');
    await presence(tabOne, doc.id, 'ana', 'ana-tab-one', 'editing');
    const arrived = clock.now();

    clock.set(new Date(Date.parse(arrived) + 5_000).toISOString());
    const tabTwo = createTestBackend({ storage, clock, liveBus: busTwo });
    expect(await presence(tabTwo, doc.id, 'rui', 'rui-tab-one', 'viewing')).toEqual([
      { userId: 'ana', state: 'editing', since: arrived },
      { userId: 'rui', state: 'viewing', since: clock.now() },
    ]);
  });
});
