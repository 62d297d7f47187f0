import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client/http-client';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { CaseAutosave, type AutosaveOptions, type SaveResult } from './autosave-controller';
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

function setup(overrides: Partial<AutosaveOptions> = {}) {
  const document = sampleDocument();
  const server = fakeServer(document);
  const storage = memoryDraftStorage();
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
