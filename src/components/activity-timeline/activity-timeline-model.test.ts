// Issue 16 §1: the timeline's drawing model — one model from either source, the view's bounds, the
// axis ticks, the co-action filter, the marks drawn and the table's rows.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterActivity, signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { buildPostStore, type ValidPost } from '../../engine/detection/post-store';
import { DEFAULT_DETECTOR_SETTINGS } from '../../engine/detection/settings';
import { GROUP, GROUP_HANDLES, T0, activityOf } from './activity-test-data';
import {
  coActionKinds,
  fromClusterActivity,
  fromSignalActivity,
  fullView,
  marksInView,
  marksToDraw,
  minSpan,
  nearestMark,
  onlyCoActions,
  panView,
  stepMark,
  tickLabels,
  timelineRows,
  timeTicks,
  viewShowing,
  zoomView,
  type ActivityTimelineModel,
  type TimelineMark,
} from './activity-timeline-model';

/** The model without what only the live source knows (post ids and texts). */
function withoutDetails(model: ActivityTimelineModel): ActivityTimelineModel {
  return { ...model, lanes: model.lanes.map((lane) => ({ ...lane, marks: lane.marks.map((mark) => ({ ...mark, post: null, excerpt: null })) })) };
}

function post(id: string, user: string, time: number, extra: Partial<ValidPost> = {}): ValidPost {
  return { messageId: id, userId: user, username: `name_${user}`, time, text: '', repostId: null, replyId: null, quoteId: null, urls: [], deviceHash: null, ipHash: null, ...extra };
}

describe('fromClusterActivity / fromSignalActivity', () => {
  it('gives the same lanes, marks, bins and bursts from the live activity and from the snapshot a signal keeps', () => {
    const live = fromClusterActivity(GROUP, GROUP_HANDLES);
    const stored = fromSignalActivity(signalActivitySnapshot(GROUP, GROUP_HANDLES));
    expect(stored).toEqual(withoutDetails(live));
    expect(live.lanes.map((lane) => [lane.account, lane.posts, lane.marks.length])).toEqual([
      ['alpha_one', 4, 3],
      ['bravo_two', 2, 2],
      ['user-u3', 1, 1],
    ]);
    expect(live).toMatchObject({ posts: 7, marks: 6, coActionMarks: 4, omittedMarks: 1 });
    expect(live.bursts).toEqual([{ start: Math.floor((T0 + 1_800) / 60) * 60, end: Math.floor((T0 + 1_800) / 60) * 60 + 60, posts: 2 }]);
    // The axis: from the first bin's start to the last bin's end.
    expect(live.start).toBe(Math.floor(T0 / 60) * 60);
    expect(live.end).toBe(live.bins.start + live.bins.counts.length * 60);
    expect(live.lanes[0]?.marks[0]).toEqual({ t: T0, kind: 'post', coActions: 1, post: 'p1', excerpt: 'Share this before they delete it' });
    expect(stored.lanes[0]?.marks[0]).toEqual({ t: T0, kind: 'post', coActions: 1, post: null, excerpt: null });
  });

  it('agrees with the snapshot for any group the engine reads (property)', () => {
    const users = ['a', 'b', 'c', 'd'];
    const postArb = fc.record({
      user: fc.constantFrom(...users),
      offset: fc.integer({ min: 0, max: 20_000 }),
      text: fc.constantFrom('', 'the very same message posted by many accounts', 'another message everyone copies word for word'),
      repost: fc.option(fc.constantFrom('r1', 'r2'), { nil: null }),
      reply: fc.option(fc.constantFrom('t1', 't2'), { nil: null }),
      url: fc.option(fc.constantFrom('example.org/a', 'example.org/b'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(postArb, { minLength: 1, maxLength: 60 }), (specs) => {
        const store = buildPostStore(
          specs.map((spec, index) =>
            post(`m${index}`, spec.user, T0 + spec.offset, { text: spec.text, repostId: spec.repost, replyId: spec.repost ? null : spec.reply, urls: spec.url ? [spec.url] : [] }),
          ),
        );
        const activity = clusterActivity(store, users, DEFAULT_DETECTOR_SETTINGS);
        const handles = new Map(users.map((user) => [user, `handle_${user}`]));
        const live = fromClusterActivity(activity, handles);
        expect(fromSignalActivity(signalActivitySnapshot(activity, handles))).toEqual(withoutDetails(live));
        expect(live.posts).toBe(specs.length);
      }),
      { numRuns: 60 },
    );
  });

  it('names a lane without a handle by its username, else its id, and keeps an empty activity drawable', () => {
    expect(fromClusterActivity(GROUP).lanes.map((lane) => lane.account)).toEqual(['alpha_one', 'bravo_two', 'u3']);
    const empty = fromClusterActivity(activityOf([]));
    expect(empty.lanes).toEqual([]);
    expect(empty.end - empty.start).toBe(60);
  });
});

describe('the view', () => {
  const model = fromClusterActivity(GROUP, GROUP_HANDLES);

  it('zooms about the middle and stops at a minute', () => {
    const full = fullView(model);
    const zoomed = zoomView(model, full, 0.5);
    expect(zoomed.to - zoomed.from).toBeCloseTo((full.to - full.from) / 2);
    expect((zoomed.from + zoomed.to) / 2).toBeCloseTo((full.from + full.to) / 2);
    let view = full;
    for (let i = 0; i < 50; i++) view = zoomView(model, view, 0.5);
    expect(view.to - view.from).toBe(60);
    expect(zoomView(model, view, 1e6)).toEqual(full);
  });

  it('pans by a fraction of the view and stops at the axis ends', () => {
    const half = zoomView(model, fullView(model), 0.5, 0);
    expect(half.from).toBe(model.start);
    expect(panView(model, half, -1)).toEqual(half);
    const later = panView(model, half, 0.5);
    expect(later.from - half.from).toBeCloseTo((half.to - half.from) / 2);
    expect(panView(model, later, 10).to).toBe(model.end);
  });

  it('keeps every view inside the axis, at least a minute wide (property)', () => {
    const op = fc.oneof(
      fc.record({ zoom: fc.double({ min: 0.01, max: 100, noNaN: true }), anchor: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ pan: fc.double({ min: -5, max: 5, noNaN: true }) }),
      fc.record({ show: fc.integer({ min: model.start - 1_000, max: model.end + 1_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let view = fullView(model);
        for (const next of ops) {
          view = 'zoom' in next ? zoomView(model, view, next.zoom, next.anchor) : 'pan' in next ? panView(model, view, next.pan) : viewShowing(model, view, next.show);
          expect(view.from).toBeGreaterThanOrEqual(model.start);
          expect(view.to).toBeLessThanOrEqual(model.end + 1e-6);
          expect(view.to - view.from).toBeGreaterThanOrEqual(minSpan(model) - 1e-6);
        }
      }),
    );
  });

  it('moves to show a mark stepped to, and not when it is already in view', () => {
    const narrow = zoomView(model, fullView(model), 0.1, 0);
    const shown = viewShowing(model, narrow, T0 + 3_000);
    expect(shown.to - shown.from).toBeCloseTo(narrow.to - narrow.from);
    expect(shown.from <= T0 + 3_000 && T0 + 3_000 <= shown.to).toBe(true);
    expect(viewShowing(model, narrow, narrow.from + 100)).toEqual(narrow);
  });
});

describe('timeTicks / tickLabels', () => {
  it('picks whole steps and labels them in the reader’s language, with the date where the day changes', () => {
    const from = Date.UTC(2026, 8, 18, 22, 50) / 1000;
    const { step, ticks } = timeTicks({ from, to: from + 7_200 }, 6);
    expect(step).toBe(30 * 60);
    expect(ticks.map((tick) => new Date(tick * 1000).toISOString().slice(11, 16))).toEqual(['23:00', '23:30', '00:00', '00:30']);
    expect(tickLabels(ticks, step, 'en-GB', 'UTC')).toEqual(['18 Sept, 23:00', '23:30', '19 Sept, 00:00', '00:30']);
    expect(tickLabels(ticks, step, 'nl', 'UTC')).toEqual(['18 sep, 23:00', '23:30', '19 sep, 00:00', '00:30']);
  });

  it('shows seconds under a minute and dates from a day on, with the year where it changes', () => {
    const from = Date.UTC(2026, 11, 31, 12) / 1000;
    expect(timeTicks({ from, to: from + 40 }).step).toBe(10);
    expect(tickLabels([from, from + 10], 10, 'en-GB', 'UTC')).toEqual(['31 Dec, 12:00:00', '12:00:10']);
    const days = timeTicks({ from, to: from + 5 * 86_400 });
    expect(days.step).toBe(86_400);
    expect(tickLabels(days.ticks, days.step, 'en-GB', 'UTC')).toEqual(['1 Jan 2027', '2 Jan', '3 Jan', '4 Jan', '5 Jan']);
  });
});

describe('marks', () => {
  const model = fromClusterActivity(GROUP, GROUP_HANDLES);

  it('filters to the posts with co-actions, keeping every lane', () => {
    const filtered = onlyCoActions(model);
    expect(filtered.lanes.map((lane) => lane.marks.map((mark) => mark.post))).toEqual([['p1', 'p7'], ['p2', 'p8'], []]);
    expect(filtered.lanes.map((lane) => lane.posts)).toEqual([4, 2, 1]);
    expect(coActionKinds(filtered.lanes[0]?.marks[1]?.coActions ?? 0)).toEqual(['same-repost', 'synchronised']);
  });

  it('finds the marks in view, steps through them and finds the nearest', () => {
    const marks = model.lanes[0]?.marks ?? [];
    expect(marksInView(marks, { from: T0 + 1, to: T0 + 1_800 })).toEqual([1, 3]);
    expect(stepMark(marks, T0, 1)).toBe(1);
    expect(stepMark(marks, T0 + 1_800, 1)).toBe(-1);
    expect(stepMark(marks, T0 + 600, -1)).toBe(0);
    expect(stepMark(marks, null, -1)).toBe(2);
    expect(nearestMark(marks, T0 + 1_300)).toBe(2);
    expect(nearestMark([], T0)).toBe(-1);
  });

  it('draws at most one mark per slot, and a co-action mark rather than a plain one', () => {
    const marks: TimelineMark[] = Array.from({ length: 1_000 }, (_, i) => ({ t: T0 + i, kind: 'post', coActions: i === 501 ? 3 : 0, post: null, excerpt: null }));
    const view = { from: T0, to: T0 + 1_000 };
    const drawn = marksToDraw(marks, [0, 1_000], view, 100);
    expect(drawn).toHaveLength(100);
    expect(drawn).toContain(501);
    expect(drawn).toEqual(drawn.toSorted((a, b) => a - b));
    expect(marksToDraw(marks, [10, 20], view, 100)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('lists every mark as a table row in time order', () => {
    expect(timelineRows(model).map((row) => `${row.account}:${row.mark.post}`)).toEqual([
      'alpha_one:p1', 'bravo_two:p2', 'alpha_one:p4', 'alpha_one:p7', 'bravo_two:p8', 'user-u3:p9',
    ]);
  });
});
