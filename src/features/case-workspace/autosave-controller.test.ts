import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client/http-client';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { CaseAutosave, carryOver, type AutosaveOptions, type SaveResult } from './autosave-controller';
import { memoryTabHub, type TabHub } from './autosave-tabs';
import { ABSENT } from './content-diff';
import { SeenValues } from './seen-values';
import { contentOf, validateForSave } from './case-content';
import { draftKey, draftSignalsKey, memoryDraftStorage } from './draft-storage';
import { sampleContent, sampleDocument, sampleSignal } from './workspace-test-fixtures';

/** A fake server holding one case; `fail` queues failures for the next writes. */
function fakeServer(initial: CaseDocument) {
  let current = initial;
  const fail: unknown[] = [];
  const writes: { ifMatch: number; content: CaseContent }[] = [];
  return {
    writes,
    fail,
    get current() {
      return current;
    },
    /** Someone else saves. */
    saveAsOther(content: CaseContent) {
      current = { ...current, ...content, version: current.version + 1, updatedBy: 'ben' };
    },
    save: vi.fn<(content: CaseContent, ifMatch: number) => Promise<SaveResult>>(async (content, ifMatch) => {
      writes.push({ ifMatch, content });
      const failure = fail.shift();
      if (failure) throw failure;
      if (ifMatch !== current.version) {
        throw new ApiError({ status: 412, code: 'precondition-failed', message: 'stale', currentVersion: current.version });
      }
      current = { ...current, ...content, version: current.version + 1 };
      return { document: current, version: current.version };
    }),
    fetchLatest: vi.fn<() => Promise<CaseDocument>>(async () => current),
  };
}

function setup(overrides: Partial<AutosaveOptions> = {}, shared?: { server: ReturnType<typeof fakeServer>; storage: ReturnType<typeof memoryDraftStorage> }) {
  const document = shared?.server.current ?? sampleDocument();
  const server = shared?.server ?? fakeServer(document);
  const storage = shared?.storage ?? memoryDraftStorage();
  let online = true;
  const onConflict = vi.fn<(document: CaseDocument) => void>();
  const autosave = new CaseAutosave({
    caseId: document.id,
    userId: 'ana',
    content: contentOf(document),
    baseVersion: document.version,
    base: contentOf(document),
    restored: false,
    editable: true,
    storage,
    save: server.save,
    fetchLatest: server.fetchLatest,
    validate: validateForSave,
    onConflict,
    isOnline: () => online,
    ...overrides,
  });
  const edit = (change: (content: CaseContent) => void, changedPath?: string) => {
    const next = structuredClone(autosave.current);
    change(next);
    autosave.change(next, changedPath);
  };
  return { autosave, server, storage, edit, onConflict, setOnline: (value: boolean) => { online = value; autosave.setOnline(value); } };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('keeps every change locally in the next task and sends it once, after the debounce, with If-Match', async () => {
    const { autosave, server, storage, edit } = setup();
    edit((c) => { c.rightsRiskAssessment = 'R'; });
    edit((c) => { c.rightsRiskAssessment = 'Ri'; });
    edit((c) => { c.rightsRiskAssessment = 'Risks'; });
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.entries.get(draftKey('ana', 'case-1'))).toMatchObject({ baseVersion: 3, content: { rightsRiskAssessment: 'Risks' } });
    expect(autosave.state.status).toBe('pending');
    expect(server.save).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(800);
    expect(server.writes).toHaveLength(1);
    expect(server.writes[0]).toMatchObject({ ifMatch: 3, content: { rightsRiskAssessment: 'Risks' } });
    expect(autosave.state).toMatchObject({ status: 'saved', baseVersion: 4 });
    // Once the server has it, the local copy is dropped (in a task of its own, like every write).
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.entries.has(draftKey('ana', 'case-1'))).toBe(false);
  });

  it('does not write when the content is back to what the server holds', async () => {
    const { autosave, server, edit } = setup();
    edit((c) => { c.rightsRiskAssessment = 'x'; });
    edit((c) => { c.rightsRiskAssessment = ''; });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.save).not.toHaveBeenCalled();
    expect(autosave.state.status).toBe('saved');
  });

  it('holds invalid content back and says which fields need attention', async () => {
    const { autosave, server, edit } = setup();
    edit((c) => { c.actor.name = ''; });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.save).not.toHaveBeenCalled();
    expect(autosave.state).toMatchObject({ status: 'invalid', invalidPaths: ['actor.name'] });
  });

  it('retries a 500 with backoff and loses nothing', async () => {
    const { autosave, server, edit } = setup();
    server.fail.push(new ApiError({ status: 500, code: 'server-error', message: 'boom' }));
    edit((c) => { c.rightsRiskAssessment = 'kept'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state.status).toBe('retrying');
    edit((c) => { c.rightsRiskAssessment = 'kept, and more'; });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.writes).toHaveLength(2);
    expect(server.current.rightsRiskAssessment).toBe('kept, and more');
    expect(autosave.state.status).toBe('saved');
  });

  it('retries a 429 no sooner than the server asked (Retry-After) and loses nothing', async () => {
    const { autosave, server, edit } = setup();
    server.fail.push(new ApiError({ status: 429, code: 'rate-limited', message: 'Too many writes.', retryAfterMs: 10_000 }));
    edit((c) => { c.rightsRiskAssessment = 'sent while limited'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state).toMatchObject({ status: 'retrying' });
    expect(autosave.state.retryAt).toBe(Date.now() + 10_000);
    // The backoff alone (1 s) would have retried by now; the server asked for 10 s.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.writes).toHaveLength(2);
    expect(server.current.rightsRiskAssessment).toBe('sent while limited');
    expect(autosave.state.status).toBe('saved');
  });

  it('a write whose answer was lost, then refused as stale (412), is recognised as its own: saved, no conflict with oneself', async () => {
    const { autosave, server, edit, onConflict } = setup();
    const save = server.save.getMockImplementation();
    // The server commits, then the answer never arrives (a dropped connection, a deadline).
    server.save.mockImplementationOnce(async (content, ifMatch) => {
      if (!save) throw new Error('no save');
      await save(content, ifMatch);
      throw new ApiError({ status: 0, code: 'network', message: 'network' });
    });
    edit((c) => { c.rightsRiskAssessment = 'landed, answer lost'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state.status).toBe('retrying');
    // The retry is based on the old version: 412, and the server holds exactly what was sent.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.writes.map((w) => w.ifMatch)).toEqual([3, 3]);
    expect(onConflict).not.toHaveBeenCalled();
    expect(autosave.state).toMatchObject({ status: 'saved', baseVersion: 4 });
    // The next edit builds on the version the write made.
    edit((c) => { c.rightsRiskAssessment = 'and then more'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.writes.at(-1)?.ifMatch).toBe(4);
    expect(server.current).toMatchObject({ version: 5, rightsRiskAssessment: 'and then more' });
  });

  it('while offline keeps changes pending and sends them when the network returns', async () => {
    const { autosave, server, storage, edit, setOnline } = setup();
    setOnline(false);
    edit((c) => { c.questions.identifiableGroup = 'offline edit'; });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(autosave.state.status).toBe('offline');
    expect(server.save).not.toHaveBeenCalled();
    expect(storage.entries.get(draftKey('ana', 'case-1'))).toMatchObject({ content: { questions: { identifiableGroup: 'offline edit' } } });
    setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.current.questions.identifiableGroup).toBe('offline edit');
    expect(autosave.state.status).toBe('saved');
  });

  it('a network failure while "online" goes to offline when the browser says so, and resumes', async () => {
    let online = true;
    const { autosave, server, edit } = setup({ isOnline: () => online });
    server.fail.push(new ApiError({ status: 0, code: 'network', message: 'network' }));
    online = false;
    edit((c) => { c.rightsRiskAssessment = 'a'; });
    online = true;
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state.status).toBe('retrying');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(autosave.state.status).toBe('saved');
  });

  it('stops at a 412, fetches the server’s version, and sends the merge based on it', async () => {
    const { autosave, server, edit, onConflict } = setup();
    server.saveAsOther({ ...contentOf(server.current), rightsRiskAssessment: 'theirs' });
    edit((c) => { c.actor.purpose = 'mine'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state).toMatchObject({ status: 'conflict', conflictVersion: 4 });
    expect(onConflict).toHaveBeenCalledWith(server.current);
    // Further edits are kept but not sent while the conflict is open.
    edit((c) => { c.actor.purpose = 'mine, more'; });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.writes).toHaveLength(1);

    const merged = { ...contentOf(server.current), actor: { ...server.current.actor, purpose: 'mine, more' } };
    await autosave.resolveConflict(merged, server.current);
    expect(server.writes.at(-1)?.ifMatch).toBe(4);
    expect(server.current).toMatchObject({ version: 5, rightsRiskAssessment: 'theirs', actor: { purpose: 'mine, more' } });
    expect(autosave.state.status).toBe('saved');
  });

  it('a newer version that changed nothing of the content (an assignment) is built on, not shown as a conflict', async () => {
    const { autosave, server, edit, onConflict } = setup();
    server.saveAsOther(contentOf(server.current));
    edit((c) => { c.rightsRiskAssessment = 'typed while someone assigned the case'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state).toMatchObject({ status: 'pending', baseVersion: 4 });
    await vi.advanceTimersByTimeAsync(800);
    expect(onConflict).not.toHaveBeenCalled();
    expect(server.writes.map((w) => w.ifMatch)).toEqual([3, 4]);
    expect(server.current).toMatchObject({ version: 5, rightsRiskAssessment: 'typed while someone assigned the case' });
    expect(autosave.state).toMatchObject({ status: 'saved', baseVersion: 5 });
  });

  it('keeps typing that happens during a write and sends it next, on the new version', async () => {
    const { autosave, server, edit } = setup();
    const gate: { open?: () => void } = {};
    const opened = new Promise<void>((resolve) => {
      gate.open = resolve;
    });
    server.save.mockImplementationOnce(async (content, ifMatch) => {
      await opened;
      server.writes.push({ ifMatch, content });
      return { document: { ...server.current, ...content, version: 4 }, version: 4 };
    });
    edit((c) => { c.rightsRiskAssessment = 'first'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(autosave.state.status).toBe('saving');
    edit((c) => { c.rightsRiskAssessment = 'first and second'; });
    gate.open?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.state.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(800);
    expect(server.writes.at(-1)).toMatchObject({ ifMatch: 4, content: { rightsRiskAssessment: 'first and second' } });
  });

  it('shows a 4xx answer and waits for the next change instead of retrying', async () => {
    const onRejected = vi.fn<(error: ApiError) => void>();
    const { autosave, server, edit } = setup({ onRejected });
    server.fail.push(new ApiError({ status: 400, code: 'validation', message: 'bad', fieldErrors: [{ path: 'actor.name', message: 'required' }] }));
    edit((c) => { c.rightsRiskAssessment = 'x'; });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(autosave.state.status).toBe('error');
    expect(onRejected).toHaveBeenCalledOnce();
    expect(server.writes).toHaveLength(1);
  });

  it('sends restored edits on flush, and never under another identity', async () => {
    let signedIn = 'ben';
    const { autosave, server } = setup({ restored: true, content: sampleContent({ rightsRiskAssessment: 'restored' }), canSend: () => signedIn === 'ana' });
    expect(autosave.state.status).toBe('pending');
    await autosave.flush();
    expect(server.save).not.toHaveBeenCalled();
    signedIn = 'ana';
    await autosave.flush();
    expect(server.current.rightsRiskAssessment).toBe('restored');
  });

  it('does nothing on a read-only case', async () => {
    const { autosave, server, edit } = setup({ editable: false });
    edit((c) => { c.rightsRiskAssessment = 'x'; });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.save).not.toHaveBeenCalled();
    expect(autosave.state.status).toBe('readonly');
  });

  it('rewrites the kept signals only when they change, not on every keystroke', async () => {
    const { storage, edit } = setup();
    const write = vi.spyOn(storage, 'write');
    const signalWrites = () => write.mock.calls.filter(([key]) => key === draftSignalsKey('ana', 'case-1')).length;
    edit((c) => { c.rightsRiskAssessment = 'a'; }, 'rightsRiskAssessment');
    await vi.advanceTimersByTimeAsync(0);
    expect(signalWrites()).toBe(1);
    edit((c) => { c.rightsRiskAssessment = 'ab'; }, 'rightsRiskAssessment');
    edit((c) => { c.questions.identifiableGroup = 'q'; }, 'questions.identifiableGroup');
    await vi.advanceTimersByTimeAsync(0);
    expect(signalWrites()).toBe(1);
    edit((c) => { c.signals = [sampleSignal()]; }, 'signals');
    await vi.advanceTimersByTimeAsync(0);
    expect(signalWrites()).toBe(2);
    expect(storage.entries.get(draftSignalsKey('ana', 'case-1'))).toMatchObject({ signals: [{ id: 'sig-1' }] });
  });
});

/** Editors of one user and case: tabs of one browser (one local storage, one server), or one tab's editor remounted. */
function browserOf(hub?: TabHub) {
  const server = fakeServer(sampleDocument());
  const storage = memoryDraftStorage();
  const tabs: ReturnType<typeof setup>[] = [];
  return {
    server,
    storage,
    open(overrides: Partial<AutosaveOptions> = {}) {
      const tab = setup({ content: contentOf(server.current), baseVersion: server.current.version, base: contentOf(server.current), ...overrides }, { server, storage });
      if (hub) tab.autosave.connectTabs(hub);
      tabs.push(tab);
      return tab;
    },
  };
}

/** Holds the next write at the server's door until `open` is called. */
function holdNextWrite(server: ReturnType<typeof fakeServer>) {
  const save = server.save.getMockImplementation();
  const gate: { open: () => void } = { open: () => undefined };
  const opened = new Promise<void>((resolve) => {
    gate.open = resolve;
  });
  server.save.mockImplementationOnce(async (content, ifMatch) => {
    await opened;
    if (!save) throw new Error('no save');
    return save(content, ifMatch);
  });
  return gate;
}

describe('autosave across editors of one user and case (issue 14)', () => {
  it('defect 1: an editor opened on edits the previous one is sending waits for that write and never sends them again on the old version', async () => {
    const browser = browserOf();
    const first = browser.open();
    const write = holdNextWrite(browser.server);
    first.edit((c) => { c.rightsRiskAssessment = 'typed, then switched tab'; });
    await vi.advanceTimersByTimeAsync(0);
    // The tab switch: the editor goes, sending what waits for the debounce…
    void first.autosave.flush();
    first.autosave.dispose();
    await vi.advanceTimersByTimeAsync(0);
    // …and the next one opens on the local draft, based on the version before that write.
    const kept = browser.storage.entries.get(draftKey('ana', 'case-1')) as { baseVersion: number; content: CaseContent };
    expect(kept.baseVersion).toBe(3);
    const second = browser.open({ content: { ...kept.content, signals: [] }, baseVersion: 3, restored: true });
    const restoredFlush = second.autosave.flush();
    write.open();
    await restoredFlush;
    await vi.advanceTimersByTimeAsync(1_000);

    expect(browser.server.writes.map((w) => w.ifMatch)).toEqual([3]);
    expect(second.onConflict).not.toHaveBeenCalled();
    expect(second.autosave.state).toMatchObject({ status: 'saved', baseVersion: 4 });
    expect(first.autosave.state).toMatchObject({ status: 'saved', baseVersion: 4 });
  });

  it('carries its own unsent edits over onto the version another tab of the same user saved, instead of meeting a 412', async () => {
    const browser = browserOf();
    const one = browser.open();
    const two = browser.open();
    one.edit((c) => { c.actor.purpose = 'from tab one'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(browser.server.current.version).toBe(4);
    two.edit((c) => { c.rightsRiskAssessment = 'from tab two'; });
    await vi.advanceTimersByTimeAsync(800);

    expect(two.onConflict).not.toHaveBeenCalled();
    expect(browser.server.writes.map((w) => w.ifMatch)).toEqual([3, 4]);
    expect(browser.server.current).toMatchObject({ version: 5, actor: { purpose: 'from tab one' }, rightsRiskAssessment: 'from tab two' });
    expect(two.autosave.state).toMatchObject({ status: 'saved', baseVersion: 5 });
  });

  it('still stops at a 412 when two tabs changed the same value differently', async () => {
    const browser = browserOf();
    const one = browser.open();
    const two = browser.open();
    one.edit((c) => { c.actor.purpose = 'one'; });
    await vi.advanceTimersByTimeAsync(800);
    two.edit((c) => { c.actor.purpose = 'two'; });
    await vi.advanceTimersByTimeAsync(800);
    expect(two.autosave.state).toMatchObject({ status: 'conflict', conflictVersion: 4 });
  });

  it('defect 2: two tabs share every edit, and whichever closes within the debounce, the other sends its edit', async () => {
    const browser = browserOf(memoryTabHub());
    // A closed page sends nothing more (its requests and its handlers are gone with it).
    const closed = new Set<string>();
    const one = browser.open({ canSend: () => !closed.has('one') });
    const two = browser.open({ canSend: () => !closed.has('two') });
    const replaced = vi.fn<(content: CaseContent) => void>();
    const three = browser.open({ onReplaced: replaced });

    one.edit((c) => { c.actor.purpose = 'typed in tab one'; }, 'actor.purpose');
    await vi.advanceTimersByTimeAsync(1);
    // The other tabs show it (their forms are reset to it) and keep it locally.
    expect(two.autosave.current.actor.purpose).toBe('typed in tab one');
    expect(replaced).toHaveBeenLastCalledWith(expect.objectContaining({ actor: expect.objectContaining({ purpose: 'typed in tab one' }) }));
    two.edit((c) => { c.rightsRiskAssessment = 'typed in tab two'; }, 'rightsRiskAssessment');
    // Tab one closes within the debounce, its edit unsent.
    closed.add('one');
    one.autosave.handOver();
    one.autosave.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.server.current).toMatchObject({ actor: { purpose: 'typed in tab one' }, rightsRiskAssessment: 'typed in tab two' });

    // Now tab two closes within the debounce: tab three sends its last edit.
    two.edit((c) => { c.questions.identifiableGroup = 'typed in tab two, then closed'; }, 'questions.identifiableGroup');
    closed.add('two');
    two.autosave.handOver();
    two.autosave.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.server.current).toMatchObject({
      actor: { purpose: 'typed in tab one' },
      rightsRiskAssessment: 'typed in tab two',
      questions: { identifiableGroup: 'typed in tab two, then closed' },
    });
    expect(three.autosave.state.status).toBe('saved');
    expect([one, two, three].every((tab) => !tab.onConflict.mock.calls.length)).toBe(true);
    expect(browser.storage.entries.has(draftKey('ana', 'case-1'))).toBe(false);
  });

  it('defect 2: edits made in two tabs within the same moment, in different fields, both survive in both tabs and on the server', async () => {
    const browser = browserOf(memoryTabHub());
    const one = browser.open();
    const two = browser.open();
    for (const round of [1, 2]) {
      // Neither tab has heard of the other's edit when it makes its own (both tell in the next task).
      one.edit((c) => { c.rightsRiskAssessment = `${c.rightsRiskAssessment} one-${round}.`; }, 'rightsRiskAssessment');
      two.edit((c) => { c.questions.identifiableGroup = `${c.questions.identifiableGroup} two-${round}.`; }, 'questions.identifiableGroup');
      await vi.advanceTimersByTimeAsync(1);
    }
    for (const tab of [one, two]) {
      expect(tab.autosave.current.rightsRiskAssessment).toMatch(/ one-1\. one-2\.$/);
      expect(tab.autosave.current.questions.identifiableGroup).toMatch(/ two-1\. two-2\.$/);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.server.current.rightsRiskAssessment).toMatch(/ one-1\. one-2\.$/);
    expect(browser.server.current.questions.identifiableGroup).toMatch(/ two-1\. two-2\.$/);
    expect([one, two].every((tab) => tab.autosave.state.status === 'saved' && !tab.onConflict.mock.calls.length)).toBe(true);
  });

  it('defect 2: a tab that typed on in a field while the other tab was saving it builds on that save, no 412 with itself (CI run of 2026-12-06)', async () => {
    const browser = browserOf(memoryTabHub());
    const one = browser.open();
    const two = browser.open();
    one.edit((c) => { c.rightsRiskAssessment = `${c.rightsRiskAssessment} one-1.`; }, 'rightsRiskAssessment');
    two.edit((c) => { c.questions.identifiableGroup = `${c.questions.identifiableGroup} two-1.`; }, 'questions.identifiableGroup');
    await vi.advanceTimersByTimeAsync(1);
    // Tab two sends both edits; while its write is under way, tab one types on in the same field.
    const write = holdNextWrite(browser.server);
    const sending = two.autosave.flush();
    await vi.advanceTimersByTimeAsync(1);
    one.edit((c) => { c.rightsRiskAssessment = `${c.rightsRiskAssessment} one-2.`; }, 'rightsRiskAssessment');
    await vi.advanceTimersByTimeAsync(1);
    write.open();
    await sending;
    // Tab one's value ("… one-1. one-2.") and the saved one ("… one-1.") differ from the base in the
    // same field, but tab one has heard every edit that save holds: its value follows from it.
    await vi.advanceTimersByTimeAsync(5_000);
    expect([one, two].map((tab) => tab.onConflict.mock.calls.length)).toEqual([0, 0]);
    expect(browser.server.current.rightsRiskAssessment).toMatch(/ one-1\. one-2\.$/);
    expect(browser.server.current.questions.identifiableGroup).toMatch(/ two-1\.$/);
    expect([one, two].map((tab) => tab.autosave.state.status)).toEqual(['saved', 'saved']);
    expect(browser.server.writes.map((w) => w.ifMatch)).toEqual([3, 4]);
  });

  it('defect 2: a tab closed mid-write whose save landed unrecorded is built on by the other tab, not a conflict (CI run of 2026-12-06, later)', async () => {
    const browser = browserOf(memoryTabHub());
    const one = browser.open();
    const two = browser.open();
    one.edit((c) => { c.rightsRiskAssessment = 'typed in tab one'; }, 'rightsRiskAssessment');
    await vi.advanceTimersByTimeAsync(1);
    // Tab one's write reaches the server as the tab closes: no record of it on this device.
    browser.server.saveAsOther({ ...contentOf(browser.server.current), rightsRiskAssessment: 'typed in tab one' });
    two.edit((c) => { c.questions.identifiableGroup = 'typed in tab two'; }, 'questions.identifiableGroup');
    await vi.advanceTimersByTimeAsync(800);
    await vi.advanceTimersByTimeAsync(800);
    expect(two.onConflict).not.toHaveBeenCalled();
    expect(browser.server.current).toMatchObject({ rightsRiskAssessment: 'typed in tab one', questions: { identifiableGroup: 'typed in tab two' } });
    expect(two.autosave.state.status).toBe('saved');
  });

  it('defect 2: what another person saved meanwhile is kept when a tab builds on its sibling tab’s save', async () => {
    const browser = browserOf(memoryTabHub());
    const one = browser.open();
    const two = browser.open();
    one.edit((c) => { c.rightsRiskAssessment = 'one'; }, 'rightsRiskAssessment');
    await vi.advanceTimersByTimeAsync(1);
    // Ben saves another field; tab two (all its edits sent) adopts his version, tab one has unsent edits.
    await two.autosave.flush();
    browser.server.saveAsOther({ ...contentOf(browser.server.current), actor: { ...browser.server.current.actor, purpose: 'Ben' } });
    expect(two.autosave.rebase(browser.server.current)).toBe(true);
    one.edit((c) => { c.rightsRiskAssessment = 'one, typed on'; }, 'rightsRiskAssessment');
    await vi.advanceTimersByTimeAsync(1);
    two.edit((c) => { c.questions.identifiableGroup = 'two'; }, 'questions.identifiableGroup');
    await two.autosave.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.server.current).toMatchObject({ rightsRiskAssessment: 'one, typed on', actor: { purpose: 'Ben' }, questions: { identifiableGroup: 'two' } });
    expect([one, two].map((tab) => tab.onConflict.mock.calls.length)).toEqual([0, 0]);
  });

  it('defect 2: an edit from another tab that is not a content patch (hostile or of an older version) changes nothing', async () => {
    const hub = memoryTabHub();
    const browser = browserOf(hub);
    const one = browser.open();
    const stranger = hub.join('cha.autosave:ana:case-1', () => undefined);
    const before = one.autosave.current;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    stranger.post({ format: 2, kind: 'edit', patch: [{ path: ['__proto__', 'polluted'], value: true }] });
    stranger.post({ format: 1, kind: 'edit', content: { rightsRiskAssessment: 'old format' } });
    stranger.post({ format: 2, kind: 'edit', patch: [{ path: ['harm'], value: 'not a harm assessment' }] });
    await vi.advanceTimersByTimeAsync(1);
    expect(one.autosave.current).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('carryOver puts one side’s edits onto the other’s version, and refuses when both changed one value', () => {
    const base = sampleContent();
    const theirs = sampleContent({ rightsRiskAssessment: 'theirs' });
    const mine = sampleContent({ actor: { ...base.actor, purpose: 'mine' } });
    expect(carryOver(mine, base, theirs)).toMatchObject({ rightsRiskAssessment: 'theirs', actor: { purpose: 'mine' } });
    expect(carryOver(sampleContent({ rightsRiskAssessment: 'mine' }), base, theirs)).toBeNull();
    expect(carryOver(mine, null, theirs)).toBeNull();
    expect(carryOver(theirs, null, theirs)).toBe(theirs);
  });

  it('carryOver keeps this editor’s value where the saved one is a value it has moved on from, and only there', () => {
    const base = sampleContent();
    const seen = new SeenValues();
    seen.add(['rightsRiskAssessment'], 'typed, then sent by the other tab');
    const theirs = sampleContent({ rightsRiskAssessment: 'typed, then sent by the other tab', actor: { ...base.actor, purpose: 'Ben' } });
    const mine = sampleContent({ rightsRiskAssessment: 'typed, then sent by the other tab, then typed on' });
    expect(carryOver(mine, base, theirs, seen)).toMatchObject({ rightsRiskAssessment: mine.rightsRiskAssessment, actor: { purpose: 'Ben' } });
    // A value no tab of this user told (another person's) where this editor changed it too: a conflict.
    expect(carryOver(sampleContent({ actor: { ...base.actor, purpose: 'mine' } }), base, theirs, seen)).toBeNull();
    // An edit undone to the base value, while the other tab saved the value before the undo: the undo stays.
    seen.add(['questions', 'identifiableGroup'], `${base.questions.identifiableGroup}!`);
    const undone = carryOver(base, base, sampleContent({ questions: { ...base.questions, identifiableGroup: `${base.questions.identifiableGroup}!` } }), seen);
    expect(undone?.questions.identifiableGroup).toBe(base.questions.identifiableGroup);
  });

  it('remembers values whatever their key order, and forgets the oldest beyond 256 per field', () => {
    const seen = new SeenValues();
    seen.add(['signals', { id: 'sig-1' }], { id: 'sig-1', kind: 'technical', note: 'n' });
    expect(seen.has(['signals', { id: 'sig-1' }], { note: 'n', kind: 'technical', id: 'sig-1' })).toBe(true);
    expect(seen.has(['signals', { id: 'sig-2' }], { note: 'n', kind: 'technical', id: 'sig-1' })).toBe(false);
    seen.add(['signals', { id: 'sig-3' }], undefined);
    expect(seen.has(['signals', { id: 'sig-3' }], ABSENT)).toBe(true);
    for (let index = 0; index < 257; index += 1) seen.add(['rightsRiskAssessment'], `v${index}`);
    expect(seen.has(['rightsRiskAssessment'], 'v0')).toBe(false);
    expect(seen.has(['rightsRiskAssessment'], 'v1')).toBe(true);
    expect(seen.has(['rightsRiskAssessment'], 'v256')).toBe(true);
  });
});
