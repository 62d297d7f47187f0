import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '../../api/contract/case';
import { ABSENT, applyContentPatch, contentPatch, defaultChoices, diffContent, mergeContent } from './content-diff';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

describe('diffContent', () => {
  it('finds nothing when both sides hold the same content', () => {
    expect(diffContent(sampleContent(), sampleContent())).toEqual([]);
  });

  it('reports each differing field by its path, not whole sections', () => {
    const base = sampleContent();
    const mine = sampleContent({ rightsRiskAssessment: 'Mine' });
    mine.actor.name = 'Mine name';
    const theirs = sampleContent();
    theirs.harm.physical.severity = 'high';
    const keys = diffContent(mine, theirs, base).map((d) => [d.key, d.changedBy]);
    expect(keys).toEqual([
      ['actor.name', 'mine'],
      ['rightsRiskAssessment', 'mine'],
      ['harm.physical.severity', 'theirs'],
    ]);
  });

  it('compares id lists item by item: each side’s new signal is its own difference', () => {
    const base = sampleContent({ signals: [sampleSignal()] });
    const mine = sampleContent({ signals: [sampleSignal(), sampleSignal({ id: 'sig-mine' })] });
    const theirs = sampleContent({ signals: [sampleSignal({ strength: 'weak' }), sampleSignal({ id: 'sig-theirs' })] });
    const differences = diffContent(mine, theirs, base);
    expect(differences.map((d) => [d.key, d.changedBy])).toEqual([
      ['signals[sig-1]', 'theirs'],
      ['signals[sig-theirs]', 'theirs'],
      ['signals[sig-mine]', 'mine'],
    ]);
    expect(differences[1]?.mine).toBe(ABSENT);
    expect(differences[2]?.theirs).toBe(ABSENT);
  });

  it('marks a field both sides changed, and says "unknown" without a base', () => {
    const base = sampleContent();
    const mine = sampleContent({ rightsRiskAssessment: 'A' });
    const theirs = sampleContent({ rightsRiskAssessment: 'B' });
    expect(diffContent(mine, theirs, base)[0]?.changedBy).toBe('both');
    expect(diffContent(mine, theirs, null)[0]?.changedBy).toBe('unknown');
  });
});

describe('mergeContent', () => {
  const base = sampleContent({ signals: [sampleSignal()] });
  const mine = sampleContent({ rightsRiskAssessment: 'My assessment', signals: [sampleSignal(), sampleSignal({ id: 'sig-mine' })] });
  mine.actor.name = 'My name';
  const theirs = sampleContent({ signals: [sampleSignal({ evidenceState: 'corroborated' })] });
  theirs.actor.name = 'Their name';
  theirs.harm.psychological.severity = 'moderate';

  it('by default keeps what each side changed: mine where I changed, theirs where they did', () => {
    const differences = diffContent(mine, theirs, base);
    const merged = mergeContent(mine, theirs, differences, defaultChoices(differences));
    expect(merged.rightsRiskAssessment).toBe('My assessment');
    expect(merged.harm.psychological.severity).toBe('moderate');
    expect(merged.signals.map((s) => [s.id, s.evidenceState])).toEqual([
      ['sig-1', 'corroborated'],
      ['sig-mine', 'sufficient'],
    ]);
    // Both changed the name: mine is preselected, nothing typed is dropped unseen.
    expect(merged.actor.name).toBe('My name');
  });

  it('"all theirs" gives exactly their version; "all mine" exactly mine', () => {
    const differences = diffContent(mine, theirs, base);
    const all = (side: 'mine' | 'theirs') => Object.fromEntries(differences.map((d) => [d.key, side]));
    expect(mergeContent(mine, theirs, differences, all('theirs'))).toEqual(theirs);
    expect(mergeContent(mine, theirs, differences, all('mine'))).toEqual(mine);
  });

  it('removes an item when mine lacks it and mine is chosen, and keeps list order on insert', () => {
    const mineWithout = sampleContent({ signals: [sampleSignal({ id: 'a' }), sampleSignal({ id: 'b' }), sampleSignal({ id: 'c' })] });
    const theirsWith = sampleContent({ signals: [sampleSignal({ id: 'a' }), sampleSignal({ id: 'c' }), sampleSignal({ id: 'x' })] });
    const differences = diffContent(mineWithout, theirsWith, null);
    const merged = mergeContent(mineWithout, theirsWith, differences, Object.fromEntries(differences.map((d) => [d.key, 'mine'])));
    expect(merged.signals.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not alter its inputs', () => {
    const before = structuredClone(theirs);
    const differences = diffContent(mine, theirs, base);
    mergeContent(mine, theirs, differences, Object.fromEntries(differences.map((d) => [d.key, 'mine'])));
    expect(theirs).toEqual(before);
  });
});

describe('contentPatch / applyContentPatch (what one tab tells the others, issue 14 defect 2)', () => {
  const signals = [sampleSignal(), sampleSignal({ id: 'sig-2' }), sampleSignal({ id: 'sig-3' })];
  const variants = (): CaseContent[] => {
    const base = sampleContent({ signals });
    const edited = sampleContent({ rightsRiskAssessment: 'Edited', signals: [signals[0]!, sampleSignal({ id: 'sig-new' }), signals[2]!] });
    edited.harm.physical.severity = 'high';
    const reordered = sampleContent({ signals: [sampleSignal({ id: 'sig-first' }), signals[1]!, sampleSignal({ id: 'sig-3', strength: 'weak' })] });
    const emptied = sampleContent({ signals: [] });
    emptied.actor.name = '';
    return [base, edited, reordered, emptied];
  };

  it('turns any content into any other, where new items go included (items keep their order: no edit reorders them)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (from, to) => {
        const all = variants();
        const patched = applyContentPatch(all[from]!, contentPatch(all[from]!, all[to]!));
        expect(patched).toEqual(all[to]);
      }),
    );
  });

  it('puts one side’s changes onto content that changed elsewhere, keeping those changes', () => {
    const agreed = sampleContent({ signals });
    const mine = sampleContent({ rightsRiskAssessment: 'typed in tab one', signals });
    const theirs = sampleContent({ signals: [...signals, sampleSignal({ id: 'sig-theirs' })] });
    theirs.questions.identifiableGroup = 'typed in tab two';
    const merged = applyContentPatch(theirs, contentPatch(agreed, mine));
    expect(merged.rightsRiskAssessment).toBe('typed in tab one');
    expect(merged.questions.identifiableGroup).toBe('typed in tab two');
    expect(merged.signals.map((signal) => signal.id)).toEqual(['sig-1', 'sig-2', 'sig-3', 'sig-theirs']);
    // The signals were not copied: the patch touched no signal.
    expect(merged.signals).toBe(theirs.signals);
  });

  it('inserts a new item after the item it follows, and removes a removed one', () => {
    const agreed = sampleContent({ signals });
    const mine = sampleContent({ signals: [signals[0]!, sampleSignal({ id: 'sig-mine' }), signals[1]!] });
    const theirs = sampleContent({ signals: [...signals, sampleSignal({ id: 'sig-theirs' })] });
    expect(applyContentPatch(theirs, contentPatch(agreed, mine)).signals.map((signal) => signal.id)).toEqual(['sig-1', 'sig-mine', 'sig-2', 'sig-theirs']);
  });

  it('does not alter its input', () => {
    const agreed = sampleContent({ signals });
    const before = structuredClone(agreed);
    applyContentPatch(agreed, contentPatch(agreed, variants()[1]!));
    expect(agreed).toEqual(before);
  });
});
