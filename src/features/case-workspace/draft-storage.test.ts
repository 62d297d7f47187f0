import { describe, expect, it, vi } from 'vitest';
import {
  draftBaseKey,
  draftKey,
  draftSignalsKey,
  memoryDraftStorage,
  parseStoredContent,
  readDraft,
  serialiseBase,
  serialiseDraft,
  serialiseDraftWithoutSignals,
  serialiseSignals,
} from './draft-storage';
import { sampleSignal } from './workspace-test-fixtures';
import { sampleContent } from './workspace-test-fixtures';

const who = { caseId: 'case-1', userId: 'ana' };

describe('local drafts', () => {
  it('reads back a kept draft with its base', async () => {
    const content = sampleContent({ rightsRiskAssessment: 'typed offline' });
    const storage = memoryDraftStorage({
      [draftKey('ana', 'case-1')]: serialiseDraft({ ...who, baseVersion: 4, content, savedAt: '2024-01-01T00:00:00Z' }),
      [draftBaseKey('ana', 'case-1')]: serialiseBase({ version: 4, content: sampleContent() }),
    });
    const result = await readDraft(storage, 'ana', 'case-1');
    expect(result.kind).toBe('draft');
    if (result.kind !== 'draft') return;
    expect(result.draft.content.rightsRiskAssessment).toBe('typed offline');
    expect(result.draft.baseVersion).toBe(4);
    expect(result.base?.version).toBe(4);
  });

  it('keeps a draft whose values merely fail validation (what the user was typing)', () => {
    const content = sampleContent();
    content.actor.name = '';
    content.harm.physical.evidence.push({ id: 'ev-1', description: '', observed: 'on-platform', date: null, source: '', link: 'javascript:alert(1)', credibleSource: false });
    expect(parseStoredContent(content)).toEqual(content);
  });

  it('discards a draft whose shape is wrong, with a warning, and removes it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const content = { ...sampleContent(), harm: 'not an object' };
    const storage = memoryDraftStorage({
      [draftKey('ana', 'case-1')]: serialiseDraft({ ...who, baseVersion: 4, content: content as never, savedAt: 'x' }),
    });
    await expect(readDraft(storage, 'ana', 'case-1')).resolves.toEqual({ kind: 'corrupt' });
    expect(storage.entries.has(draftKey('ana', 'case-1'))).toBe(false);
    expect(warn).toHaveBeenCalled();
  });

  it('discards garbage and a draft that belongs to someone else', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const garbage = memoryDraftStorage({ [draftKey('ana', 'case-1')]: 'garbage' });
    await expect(readDraft(garbage, 'ana', 'case-1')).resolves.toEqual({ kind: 'corrupt' });
    const other = memoryDraftStorage({
      [draftKey('ana', 'case-1')]: serialiseDraft({ caseId: 'case-1', userId: 'ben', baseVersion: 1, content: sampleContent(), savedAt: 'x' }),
    });
    await expect(readDraft(other, 'ana', 'case-1')).resolves.toEqual({ kind: 'corrupt' });
  });

  it('ignores a base kept for another version', async () => {
    const storage = memoryDraftStorage({
      [draftKey('ana', 'case-1')]: serialiseDraft({ ...who, baseVersion: 5, content: sampleContent(), savedAt: 'x' }),
      [draftBaseKey('ana', 'case-1')]: serialiseBase({ version: 4, content: sampleContent() }),
    });
    const result = await readDraft(storage, 'ana', 'case-1');
    expect(result.kind === 'draft' && result.base).toBeNull();
  });

  it('finds nothing when nothing was kept', async () => {
    await expect(readDraft(memoryDraftStorage(), 'ana', 'case-1')).resolves.toEqual({ kind: 'none' });
  });

  it('reassembles a draft kept in parts: the signals under their own key, else unchanged since the base', async () => {
    const content = sampleContent({ rightsRiskAssessment: 'typed', signals: [sampleSignal({ id: 'kept' })] });
    const draft = { ...who, baseVersion: 4, content, savedAt: 'x' };
    const split = memoryDraftStorage({
      [draftKey('ana', 'case-1')]: serialiseDraftWithoutSignals(draft),
      [draftSignalsKey('ana', 'case-1')]: serialiseSignals(content.signals),
    });
    const read = await readDraft(split, 'ana', 'case-1');
    expect(read.kind === 'draft' && read.draft.content).toEqual(content);

    const fromBase = memoryDraftStorage({
      [draftKey('ana', 'case-1')]: serialiseDraftWithoutSignals(draft),
      [draftBaseKey('ana', 'case-1')]: serialiseBase({ version: 4, content: sampleContent({ signals: [sampleSignal({ id: 'base' })] }) }),
    });
    const readBase = await readDraft(fromBase, 'ana', 'case-1');
    expect(readBase.kind === 'draft' && readBase.draft.content.signals.map((s) => s.id)).toEqual(['base']);

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const incomplete = memoryDraftStorage({ [draftKey('ana', 'case-1')]: serialiseDraftWithoutSignals(draft) });
    await expect(readDraft(incomplete, 'ana', 'case-1')).resolves.toEqual({ kind: 'corrupt' });
  });
});
