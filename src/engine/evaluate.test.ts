// The policy text's own examples (seeds/004, "How do we define coordination?" and the safeguard on
// activism), evaluated end to end, plus the verdict's purity guarantees.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from './evaluate';
import { messageKeySpec } from './reason-keys';
import { NOW, buildCase, dogpilingSignal, recommendedCase, signal, technicalSignal } from './test-fixtures';

describe('policy examples', () => {
  it('one person running many accounts tweeting the same message: technical coordination, R3 track whatever the harm', () => {
    const sockPuppets = technicalSignal({
      id: 'sock-puppets',
      technique: 'multiple-accounts-same-message',
      accounts: ['quay_voice_1', 'quay_voice_2', 'quay_voice_3', 'quay_voice_4'],
    });
    const verdict = evaluate(buildCase({ signals: [sockPuppets] }), { now: NOW });
    expect(verdict.platformManipulationTrack).toEqual({
      signalIds: ['sock-puppets'],
      accounts: ['quay_voice_1', 'quay_voice_2', 'quay_voice_3', 'quay_voice_4'],
    });
    // The designation itself still needs harm (R7): the track is separate.
    expect(verdict.outcome).toBe('not-recommended');
    expect(verdict.ruleIds).toContain('R3');
  });

  it('a messaging-app campaign to tweet at the same time: social coordination, no violation alone (R4)', () => {
    const campaign = signal({ id: 'msg-campaign', technique: 'organised-messaging-campaign', observed: 'off-platform' });
    const alone = evaluate(buildCase({ signals: [campaign] }), { now: NOW });
    expect(alone.coordination.established).toBe(true);
    expect(alone.platformManipulationTrack).toBeNull();
    expect(alone.outcome).toBe('not-recommended');
    expect(alone.reasons.map((r) => r.key)).toContain('reason.R4.socialAlone');

    const withHarm = evaluate(buildCase({ signals: [campaign], severities: { informational: 'high' } }), { now: NOW });
    expect(withHarm.outcome).toBe('recommended');
    expect(withHarm.priorityBand).toBe('informational');
  });

  it('dogpiling: social incitement, recommended with psychological and physical harm, safety first (R11)', () => {
    const verdict = evaluate(
      buildCase({ signals: [dogpilingSignal({ id: 'dogpile' })], severities: { physical: 'moderate', psychological: 'moderate' } }),
      { now: NOW },
    );
    expect(verdict.outcome).toBe('recommended');
    expect(verdict.threshold.clause).toBe('two-moderate');
    expect(verdict.priorityBand).toBe('safety');
    const informationalOnly = evaluate(buildCase({ severities: { informational: 'high' } }), { now: NOW });
    expect(verdict.priority).toBeGreaterThan(informationalOnly.priority);
  });

  it('an awareness campaign without established harm: not recommended, blocked by R9', () => {
    const verdict = evaluate(
      buildCase({
        activismContext: true,
        signals: [signal({ id: 'hashtag-day', technique: 'synchronised-posting' })],
        severities: { informational: 'low' },
      }),
      { now: NOW },
    );
    expect(verdict.outcome).toBe('not-recommended');
    expect(verdict.safeguards.activismBlocks).toBe(true);
    expect(verdict.reasons.find((r) => r.rule === 'R9')).toMatchObject({ key: 'reason.R9.blocks', blocking: true });
  });
});

describe('evaluate: the verdict contract', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never reads the clock: the same input gives the same verdict at any system time', () => {
    const content = recommendedCase();
    vi.useFakeTimers({ now: new Date('1999-12-31T23:59:59Z') });
    const before = evaluate(content, { now: NOW });
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    expect(evaluate(content, { now: NOW })).toEqual(before);
  });

  it('does not mutate its input', () => {
    const content = recommendedCase({ signals: [technicalSignal({ accounts: ['z', 'a'] }), signal()] });
    const copy = structuredClone(content);
    evaluate(content, { now: NOW });
    expect(content).toEqual(copy);
  });

  it('is the same for any `now`, as no rule depends on time yet', () => {
    const content = recommendedCase();
    expect(evaluate(content, { now: '2020-01-01T00:00:00.000Z' })).toEqual(evaluate(content, { now: 'not even a date' }));
  });

  it('emits only catalogued keys, with exactly their parameters', () => {
    const verdict = evaluate(buildCase({ questions: { coordinatedActivity: '' }, severities: { physical: null } }), { now: NOW });
    for (const entry of [...verdict.reasons, ...verdict.missing]) {
      const spec = messageKeySpec(entry.key);
      expect(spec?.rule).toBe(entry.rule);
      expect(Object.keys(entry.params).toSorted()).toEqual([...(spec?.params ?? [])].toSorted());
    }
  });

  it('the verdict is plain JSON (the CLI and the backend serialise it)', () => {
    const verdict = evaluate(recommendedCase({ signals: [technicalSignal()] }), { now: NOW });
    expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
  });
});
