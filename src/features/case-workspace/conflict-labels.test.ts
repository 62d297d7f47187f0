// Issue 16 §1, §4: a detected signal's activity timeline and shared texts in the conflict view are
// named in words, never shown as their data; and they survive the diff, the merge and the patch.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n';
import { resources } from '../../app/i18n-resources';
import { GROUP, GROUP_HANDLES } from '../../components/activity-timeline/activity-test-data';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { applyContentPatch, contentPatch, defaultChoices, diffContent, mergeContent } from './content-diff';
import { differenceLabel, sideText } from './conflict-labels';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

const activity = signalActivitySnapshot(GROUP, GROUP_HANDLES);
const detected = sampleSignal({ origin: 'detected', evidenceState: 'unverified', activity, sharedTexts: ['Share this before they delete it', 'Second copy'] });

async function fixedT(language: 'en' | 'nl' | 'tr') {
  const { i18n } = createI18n(language, { resources });
  await i18n.loadNamespaces(['workspace', 'policy']);
  return i18n.getFixedT<['workspace', 'policy']>(language, ['workspace', 'policy']);
}

describe('a detected signal in the conflict view', () => {
  it('is one difference, its timeline and shared texts told in words', async () => {
    const t = await fixedT('en');
    const mine = sampleContent({ signals: [{ ...detected, strength: 'weak' }] });
    const theirs = sampleContent({ signals: [detected] });
    const differences = diffContent(mine, theirs, null);
    expect(differences.map((difference) => difference.key)).toEqual(['signals[sig-1]']);
    const [difference] = differences;
    if (!difference) throw new Error('no difference');
    expect(differenceLabel(difference, t)).toBe('Evidence board › Signal');
    const text = sideText(difference, 'theirs', t);
    expect(text).toContain('activity timeline of 3 accounts; posts: 7; Nov 14, 2023, 10:13 PM to Nov 14, 2023, 11:03 PM');
    expect(text).toContain('2 shared texts');
    expect(text).not.toMatch(/[{}[\]]/);
  });

  it('speaks Dutch', async () => {
    const t = await fixedT('nl');
    const [difference] = diffContent(sampleContent({ signals: [] }), sampleContent({ signals: [detected] }), null);
    if (!difference) throw new Error('no difference');
    expect(sideText(difference, 'theirs', t)).toContain('activiteitentijdlijn van 3 accounts; berichten: 7; 14 nov 2023, 22:13 tot 14 nov 2023, 23:03');
    expect(sideText(difference, 'mine', t)).toBe('(niet in deze versie)');
  });

  it('keeps its timeline and shared texts through a merge and a patch', () => {
    const base = sampleContent({ signals: [detected] });
    const mine = sampleContent({ signals: [{ ...detected, strength: 'weak' }] });
    const theirs = sampleContent({ signals: [{ ...detected, evidenceState: 'corroborated' }] });
    const differences = diffContent(mine, theirs, base);
    const merged = mergeContent(mine, theirs, differences, defaultChoices(differences));
    expect(merged.signals[0]?.activity).toEqual(activity);
    expect(merged.signals[0]?.sharedTexts).toEqual(detected.sharedTexts);
    const patched = applyContentPatch(sampleContent({ signals: [] }), contentPatch(sampleContent({ signals: [] }), base));
    expect(patched.signals[0]).toEqual(detected);
  });
});
