import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoordinationSignal } from '../../api/contract/case';
import { axisPosition, axisTicks, buildCaseTimeline, laneMarks, MAX_MARKS_PER_LANE, MAX_ROWS_PER_LANE, type TimelineSource } from './case-timeline-model';
import { action, harm, NOW } from './timeline-test-data';

function source(extra: Partial<TimelineSource> = {}): TimelineSource {
  return {
    harm: { physical: harm(), psychological: harm(), informational: harm() },
    signals: [], submission: null, reviews: [], designation: null, enforcementActions: [], ...extra,
  };
}

describe('buildCaseTimeline (issue 16 §2)', () => {
  it('has nothing to draw for a fresh case', () => {
    expect(buildCaseTimeline(source(), NOW)).toEqual({ items: [], domain: null });
  });

  it('puts a signal’s window, a harm evidence date and the decisions on one axis, oldest first', () => {
    const timeline = buildCaseTimeline(source({
      signals: [{
        id: 's1', kind: 'technical', technique: 'technical-linkage', observed: 'on-platform', description: '', accounts: ['a', 'b'],
        window: { start: '2026-10-01T08:00:00.000Z', end: '2026-10-03T08:00:00.000Z' }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
      }],
      harm: { physical: harm([{ id: 'e1', description: 'Threats against a reporter', observed: 'on-platform', date: '2026-10-02', source: '', link: '', credibleSource: true }]), psychological: harm(), informational: harm() },
      submission: { submittedBy: 'ana', submittedAt: '2026-10-10T09:00:00.000Z', verdict: { outcome: 'recommended', ruleIds: [], priority: 1, platformManipulationTrack: false }, contentAtSubmission: undefined as never },
      reviews: [{ decision: 'return', decidedBy: 'rui', decidedAt: '2026-10-11T09:00:00.000Z', rationale: 'x', override: null, verdictAtDecision: { outcome: 'recommended', ruleIds: [], priority: 1, platformManipulationTrack: false }, requests: [] }],
    }), NOW);
    expect(timeline.items.map((item) => [item.what, item.start, item.end])).toEqual([
      ['signal', '2026-10-01T08:00:00.000Z', '2026-10-03T08:00:00.000Z'],
      ['harm-evidence', '2026-10-02T00:00:00.000Z', null],
      ['submitted', '2026-10-10T09:00:00.000Z', null],
      ['decision', '2026-10-11T09:00:00.000Z', null],
    ]);
    // The axis runs to now when now is the latest.
    expect(timeline.domain).toEqual({ start: '2026-10-01T08:00:00.000Z', end: NOW });
  });

  it('leaves out signals and evidence without a date, and draws a window with one end as an instant', () => {
    const base: Omit<CoordinationSignal, 'id' | 'window'> = {
      kind: 'social', technique: 'organised-messaging-campaign', observed: 'off-platform', description: '', accounts: [], sources: [], strength: 'weak', evidenceState: 'unverified', origin: 'manual',
    };
    const timeline = buildCaseTimeline(source({
      signals: [
        { ...base, id: 'undated', window: { start: null, end: null } },
        { ...base, id: 'end-only', window: { start: null, end: '2026-10-05T00:00:00.000Z' } },
      ],
      harm: { physical: harm([{ id: 'e1', description: 'x', observed: 'on-platform', date: null, source: '', link: '', credibleSource: false }]), psychological: harm(), informational: harm() },
    }), NOW);
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ signalId: 'end-only', start: '2026-10-05T00:00:00.000Z', end: null });
  });

  it('groups 100,000 actions applied in the same minute into one bar with their count (R14, issue 10 §3)', () => {
    const actions = Array.from({ length: 100_000 }, (_, index) => action(`a${index}`, { appliedAt: `2026-11-01T10:00:${String(index % 60).padStart(2, '0')}.000Z` }));
    const timeline = buildCaseTimeline(source({ enforcementActions: actions }), NOW);
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ what: 'actions', type: 'limit-visibility', count: 100_000, until: 'expires', end: '2026-12-01T10:00:30.000Z' });
  });

  it('ends a bar where a person ended the action, keeps re-applications apart (R15), and runs a suspension to now', () => {
    const timeline = buildCaseTimeline(source({
      enforcementActions: [
        action('lifted', { endedAt: '2026-11-10T00:00:00.000Z', endedReason: 'lifted-by-reviewer' }),
        action('again', { reappliesId: 'x', appliedAt: '2026-12-02T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' }),
        action('suspended', { type: 'suspend-primary-use', expiresAt: null }),
      ],
    }), NOW);
    const byUntil = Object.fromEntries(timeline.items.map((item) => [item.what === 'actions' ? `${item.until}:${String(item.reapplied)}` : item.what, item.end]));
    expect(byUntil).toEqual({ 'ended:false': '2026-11-10T00:00:00.000Z', 'expires:true': '2027-01-01T00:00:00.000Z', 'running:false': NOW });
    // The axis reaches the latest expiry, beyond now.
    expect(timeline.domain?.end).toBe('2027-01-01T00:00:00.000Z');
  });

  it('shows the designation once, a periodic review done since, and the next one overdue when past (R17)', () => {
    const designation = {
      approvedBy: 'rui', approvedAt: '2026-08-01T00:00:00.000Z', firstApprovedAt: '2026-08-01T00:00:00.000Z', rationale: '',
      nextReviewAt: '2026-12-01T00:00:00.000Z', lastReviewedAt: '2026-09-01T00:00:00.000Z', withdrawnAt: null, withdrawnBy: null, withdrawalRationale: null,
    };
    const timeline = buildCaseTimeline(source({ designation }), NOW);
    expect(timeline.items.map((item) => item.what)).toEqual(['designated', 'periodic-review-done', 'periodic-review-due']);
    expect(timeline.items[2]).toMatchObject({ overdue: true });
    const withdrawn = buildCaseTimeline(source({ designation: { ...designation, withdrawnAt: '2026-11-01T00:00:00.000Z', withdrawnBy: 'rui' } }), NOW);
    expect(withdrawn.items.map((item) => item.what)).toEqual(['designated', 'periodic-review-done', 'withdrawn']);
  });

  it('every mark lies on the axis, and the items are in time order (property)', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(fc.record({ applied: instant, expires: fc.option(instant), ended: fc.option(instant) }), { maxLength: 30 }), instant, (specs, now) => {
        const timeline = buildCaseTimeline(source({
          enforcementActions: specs.map((spec, index) => action(`a${index}`, { appliedAt: spec.applied, expiresAt: spec.expires, endedAt: spec.ended })),
        }), now);
        // Nothing dated, no axis; anything dated, an axis.
        expect(timeline.domain === null).toBe(specs.length === 0);
        const domain = timeline.domain ?? { start: now, end: now };
        for (const item of timeline.items) {
          const last = item.end ?? item.start;
          expect(Date.parse(item.start)).toBeGreaterThanOrEqual(Date.parse(domain.start));
          expect(Date.parse(last)).toBeLessThanOrEqual(Date.parse(domain.end));
          expect(axisPosition(last, domain)).toBeGreaterThanOrEqual(axisPosition(item.start, domain));
        }
        const starts = timeline.items.map((item) => Date.parse(item.start));
        expect(starts).toEqual(starts.toSorted((a, b) => a - b));
      }),
    );
  });
});

describe('the axis', () => {
  it('places instants between 0 and 1 and puts a one-instant axis in the middle', () => {
    const domain = { start: '2026-01-01T00:00:00.000Z', end: '2026-01-11T00:00:00.000Z' };
    expect(axisPosition('2026-01-06T00:00:00.000Z', domain)).toBeCloseTo(0.5);
    expect(axisPosition('2025-01-01T00:00:00.000Z', domain)).toBe(0);
    expect(axisPosition(domain.start, { start: domain.start, end: domain.start })).toBe(0.5);
  });

  it('labels whole days, about five of them, inside the axis', () => {
    const ticks = axisTicks({ start: '2026-01-01T06:00:00.000Z', end: '2026-03-01T00:00:00.000Z' });
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.every((tick) => tick.endsWith('T00:00:00.000Z') && tick > '2026-01-01T06' && tick <= '2026-03-01T00:00:00.000Z')).toBe(true);
  });

  it('draws at most MAX_MARKS_PER_LANE marks a lane and counts the rest', () => {
    const many = buildCaseTimeline(source({
      enforcementActions: Array.from({ length: MAX_MARKS_PER_LANE + 5 }, (_, index) => action(`a${index}`, { appliedAt: new Date(Date.parse('2026-01-01') + index * 60_000).toISOString() })),
    }), NOW);
    const { marks, hidden } = laneMarks(many.items, 'enforcement');
    expect(marks).toHaveLength(MAX_MARKS_PER_LANE);
    expect(hidden).toBe(5);
  });

  it('puts overlapping periods on rows of their own and reuses a row once it is free', () => {
    const timeline = buildCaseTimeline(source({
      enforcementActions: [
        action('a', { appliedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-10T00:00:00.000Z' }),
        action('b', { appliedAt: '2026-01-05T00:00:00.000Z', expiresAt: '2026-01-20T00:00:00.000Z' }),
        action('c', { appliedAt: '2026-01-12T00:00:00.000Z', expiresAt: '2026-01-15T00:00:00.000Z' }),
      ],
    }), NOW);
    const { marks, rows } = laneMarks(timeline.items, 'enforcement');
    expect(marks.map(({ item, row }) => [item.start.slice(0, 10), row])).toEqual([['2026-01-01', 0], ['2026-01-05', 1], ['2026-01-12', 0]]);
    expect(rows).toBe(2);
  });

  it('never uses more than MAX_ROWS_PER_LANE rows (property)', () => {
    const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-03-01') }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(fc.record({ applied: instant, days: fc.integer({ min: 0, max: 40 }) }), { maxLength: 40 }), (specs) => {
        const timeline = buildCaseTimeline(source({
          enforcementActions: specs.map((spec, index) => action(`a${index}`, { appliedAt: spec.applied, expiresAt: new Date(Date.parse(spec.applied) + spec.days * 86_400_000).toISOString() })),
        }), NOW);
        const { marks, rows } = laneMarks(timeline.items, 'enforcement');
        expect(rows).toBeLessThanOrEqual(MAX_ROWS_PER_LANE);
        for (const { row } of marks) expect(row).toBeLessThan(rows);
      }),
    );
  });
});
