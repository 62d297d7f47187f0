// R16 recency, from the policy's words: associations are judged on "recent on Twitter behavior"; the
// periodic review (R17) confirms or ends those with no activity in the review period.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { R16_associationsToReview, R16_lastActivity, R16_needsRecencyReview, type DatedSignal } from './association-recency';

const NOW = '2026-12-06T12:00:00.000Z';
const signal = (id: string, accounts: string[], start: string | null, end: string | null): DatedSignal => ({ id, accounts, window: { start, end } });
const confirmed = (decidedAt: string | null) => ({ status: 'confirmed' as const, decidedAt });

describe('R16_lastActivity', () => {
  it('is the latest window end (else start) among the signals naming the account, handles compared without @ and case', () => {
    const signals = [
      signal('sig-1', ['@Lantern_Bearer'], '2026-09-01T00:00:00Z', '2026-09-03T00:00:00Z'),
      signal('sig-2', ['lantern_bearer', 'copper_wick'], '2026-10-10T00:00:00Z', null),
      signal('sig-3', ['copper_wick'], '2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z'),
      signal('sig-4', ['lantern_bearer'], null, null),
    ];
    expect(R16_lastActivity('lantern_bearer', signals)).toEqual({ at: '2026-10-10T00:00:00Z', signalId: 'sig-2' });
    expect(R16_lastActivity('@COPPER_WICK', signals)).toEqual({ at: '2026-11-21T00:00:00Z', signalId: 'sig-3' });
    expect(R16_lastActivity('nobody', signals)).toBeNull();
  });
});

describe('R16_needsRecencyReview (review period 90 days)', () => {
  const recentActivity = { at: '2026-11-01T00:00:00Z', signalId: 'sig-1' };
  const oldActivity = { at: '2026-06-01T00:00:00Z', signalId: 'sig-1' };
  it.each([
    ['activity within the period', confirmed('2026-01-01T00:00:00Z'), recentActivity, false],
    ['no activity, confirmed long ago', confirmed('2026-01-01T00:00:00Z'), null, true],
    ['old activity, confirmed long ago', confirmed('2026-01-01T00:00:00Z'), oldActivity, true],
    ['old activity, confirmed again within the period (at the last periodic review)', confirmed('2026-10-01T00:00:00Z'), oldActivity, false],
    ['exactly 90 days before now counts as within', confirmed('2026-01-01T00:00:00Z'), { at: '2026-09-07T12:00:00.000Z', signalId: 'sig-1' }, false],
    ['a suggestion is not an association', { status: 'suggested' as const, decidedAt: null }, null, false],
    ['a rejected account is not an association', { status: 'rejected' as const, decidedAt: '2026-01-01T00:00:00Z' }, null, false],
  ])('%s', (_, association, activity, expected) => {
    expect(R16_needsRecencyReview(association, activity, NOW, 90)).toBe(expected);
  });

  it('property: a signal naming the account within the period never adds it to the review, and one outside never removes it', () => {
    const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse(NOW) }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.boolean()), { maxLength: 6 }), fc.option(instant, { nil: null }), instant, (windows, decidedAt, extra) => {
        const signals = windows.map(([at, names], index) => signal(`sig-${index}`, names ? ['acct'] : ['other'], at, null));
        const before = R16_associationsToReview({ accounts: [{ handle: 'acct', ...confirmed(decidedAt) }], signals, settings: { reviewIntervalDays: 90 } }, NOW);
        const withExtra = [...signals, signal('sig-extra', ['acct'], extra, null)];
        const after = R16_associationsToReview({ accounts: [{ handle: 'acct', ...confirmed(decidedAt) }], signals: withExtra, settings: { reviewIntervalDays: 90 } }, NOW);
        const extraWithin = Date.parse(extra) >= Date.parse(NOW) - 90 * 86_400_000;
        expect(after).toEqual(extraWithin ? [] : before);
      }),
    );
  });
});
