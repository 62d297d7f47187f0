import { describe, expect, it } from 'vitest';
import { NO_FILTERS, groupIntoLanes, indexAccounts, moveToLane, techniqueFitsLane, techniqueForKind } from './board-model';
import { sampleSignal } from './workspace-test-fixtures';

const signals = [
  sampleSignal({ id: 'a', evidenceState: 'sufficient', strength: 'strong', accounts: ['x', 'y'] }),
  sampleSignal({ id: 'b', evidenceState: 'unverified', strength: 'weak', accounts: ['x'] }),
  sampleSignal({ id: 'c', kind: 'social', technique: 'incitement-dogpiling', observed: 'off-platform', accounts: ['z', 'x'] }),
];

describe('board model', () => {
  it('puts each signal in its lane and counts per lane', () => {
    const lanes = groupIntoLanes(signals, NO_FILTERS);
    expect(lanes['technical:on-platform']).toEqual({ shown: [0, 1], total: 2 });
    expect(lanes['social:off-platform']).toEqual({ shown: [2], total: 1 });
    expect(lanes['social:on-platform'].total).toBe(0);
  });

  it('filters by evidence state, strength and account, keeping the totals', () => {
    expect(groupIntoLanes(signals, { ...NO_FILTERS, states: ['unverified'] })['technical:on-platform']).toEqual({ shown: [1], total: 2 });
    expect(groupIntoLanes(signals, { ...NO_FILTERS, strengths: ['strong'] })['technical:on-platform'].shown).toEqual([0]);
    expect(groupIntoLanes(signals, { ...NO_FILTERS, account: 'y' })['technical:on-platform'].shown).toEqual([0]);
  });

  it('moving keeps the technique unless one is given, and asks the engine whether it fits the lane (R1)', () => {
    const signal = signals[0] ?? sampleSignal();
    expect(moveToLane(signal, 'social:off-platform')).toMatchObject({ kind: 'social', observed: 'off-platform', technique: 'technical-linkage' });
    expect(techniqueFitsLane('technical-linkage', 'social:off-platform')).toBe(false);
    expect(techniqueFitsLane('technical-linkage', 'technical:off-platform')).toBe(true);
    expect(moveToLane(signal, 'social:on-platform', 'incitement-dogpiling')).toMatchObject({ kind: 'social', technique: 'incitement-dogpiling' });
    expect(techniqueForKind('technical', 'incitement-dogpiling')).toBe('multiple-accounts-same-message');
  });

  it('lists accounts across signals, most-mentioned first', () => {
    expect(indexAccounts(signals)).toEqual([
      { handle: 'x', signals: [0, 1, 2] },
      { handle: 'y', signals: [0] },
      { handle: 'z', signals: [2] },
    ]);
  });
});
