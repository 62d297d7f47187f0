// Issue 16 §1: one drawing model for a group's activity timeline (the coordination evidence of R1-R2),
// made from a live ClusterActivity (the import page, the file still in memory) or from the snapshot a
// detected signal keeps (the evidence board, the review): a lane of marks per account on one time
// axis, the posts per bin with the bursts, the view (zoom and pan) and the axis ticks. Pure.
import type { SignalActivityModel } from '../../engine/case-model';
import { CO_ACTION_KINDS, decodeMarkCode, type ActivityKind, type ClusterActivity, type CoActionKind } from '../../engine/detection/cluster-activity';

export { CO_ACTION_KINDS, type ActivityKind, type CoActionKind };

export interface TimelineMark {
  /** Epoch seconds. */
  t: number;
  kind: ActivityKind;
  /** Bits over CO_ACTION_KINDS. */
  coActions: number;
  /** The platform's post id and the text's start: known live, not kept in a signal's snapshot. */
  post: string | null;
  excerpt: string | null;
}

export interface TimelineLane {
  /** The account's handle, without "@". */
  account: string;
  /** Posts of the account in the import (more than `marks` when marks were left out). */
  posts: number;
  /** In time order. */
  marks: TimelineMark[];
}

export interface TimelineBurst {
  start: number;
  end: number;
  /** Posts in the burst's bins. */
  posts: number;
}

export interface ActivityTimelineModel {
  /** The axis, epoch seconds: from the first bin's start to the last bin's end (end > start). */
  start: number;
  end: number;
  lanes: TimelineLane[];
  bins: { start: number; binSeconds: number; counts: number[] };
  bursts: TimelineBurst[];
  /** Posts of all lanes, marks drawn, marks with a co-action, and posts left out of the marks. */
  posts: number;
  marks: number;
  coActionMarks: number;
  omittedMarks: number;
}

const MIN_SPAN = 60;

function finish(lanes: TimelineLane[], bins: ActivityTimelineModel['bins'], bursts: { start: number; end: number }[], fallbackStart: number): ActivityTimelineModel {
  const start = bins.counts.length > 0 ? bins.start : fallbackStart;
  const end = Math.max(start + MIN_SPAN, bins.start + bins.counts.length * bins.binSeconds);
  let posts = 0;
  let marks = 0;
  let coActionMarks = 0;
  for (const lane of lanes) {
    posts += lane.posts;
    marks += lane.marks.length;
    for (const mark of lane.marks) if (mark.coActions !== 0) coActionMarks++;
  }
  return {
    start,
    end,
    lanes,
    bins,
    // A burst's posts from the bins it spans, so both sources agree (a snapshot keeps no count).
    bursts: bursts.map((burst) => ({ ...burst, posts: postsBetween(bins, burst.start, burst.end) })),
    posts,
    marks,
    coActionMarks,
    omittedMarks: Math.max(0, posts - marks),
  };
}

function postsBetween(bins: ActivityTimelineModel['bins'], from: number, to: number): number {
  let sum = 0;
  bins.counts.forEach((count, index) => {
    const at = bins.start + index * bins.binSeconds;
    if (at >= from && at < to) sum += count;
  });
  return sum;
}

/**
 * A live activity (the worker's answer). `handleOf` names the lanes as the signal would (platform
 * user id -> handle, clusterHandles); an account it lacks is named by its username, else its id.
 */
export function fromClusterActivity(activity: ClusterActivity, handleOf?: ReadonlyMap<string, string>): ActivityTimelineModel {
  const lanes = activity.lanes.map(
    (lane): TimelineLane => ({
      account: handleOf?.get(lane.accountId) ?? lane.username ?? lane.accountId,
      posts: lane.posts,
      marks: lane.marks.map((mark) => ({ t: mark.t, kind: mark.kind, coActions: mark.coActions, post: mark.post, excerpt: mark.excerpt === '' ? null : mark.excerpt })),
    }),
  );
  return finish(lanes, activity.bins, activity.bursts, activity.start);
}

/** The snapshot a signal keeps (marks as `[seconds after start, code]`, see SignalActivityModel). */
export function fromSignalActivity(snapshot: SignalActivityModel): ActivityTimelineModel {
  const start = Math.round(Date.parse(snapshot.start) / 1000);
  const lanes = snapshot.lanes.map(
    (lane): TimelineLane => ({
      account: lane.account,
      posts: lane.posts,
      marks: lane.marks
        .map(([offset, code]) => {
          const { kind, coActions } = decodeMarkCode(code);
          return { t: start + offset, kind, coActions, post: null, excerpt: null };
        })
        .toSorted((a, b) => a.t - b.t),
    }),
  );
  const bursts = snapshot.bursts.map((burst) => ({ start: Math.round(Date.parse(burst.start) / 1000), end: Math.round(Date.parse(burst.end) / 1000) }));
  return finish(lanes, { start, binSeconds: snapshot.binSeconds, counts: snapshot.counts }, bursts, start);
}

/** The model with only the marks that carry a co-action (the lanes stay: the accounts are still the group). */
export function onlyCoActions(model: ActivityTimelineModel): ActivityTimelineModel {
  return { ...model, lanes: model.lanes.map((lane) => ({ ...lane, marks: lane.marks.filter((mark) => mark.coActions !== 0) })) };
}

export function coActionKinds(bits: number): CoActionKind[] {
  return CO_ACTION_KINDS.filter((_, index) => (bits & (1 << index)) !== 0);
}

// --- the view: which part of the axis is drawn -------------------------------------------------

export interface TimeView {
  from: number;
  to: number;
}

export function fullView(model: ActivityTimelineModel): TimeView {
  return { from: model.start, to: model.end };
}

/** The narrowest view: a minute, or the whole axis when it is shorter. */
export function minSpan(model: ActivityTimelineModel): number {
  return Math.min(MIN_SPAN, model.end - model.start);
}

function placed(model: ActivityTimelineModel, from: number, span: number): TimeView {
  const width = Math.min(Math.max(span, minSpan(model)), model.end - model.start);
  const start = Math.min(Math.max(from, model.start), model.end - width);
  return { from: start, to: start + width };
}

/**
 * Zooms by `factor` (below 1 zooms in) about `anchor`, a fraction of the view that stays in place
 * (0.5: the middle; the pointer's position for the wheel). The view stays inside the axis.
 */
export function zoomView(model: ActivityTimelineModel, view: TimeView, factor: number, anchor = 0.5): TimeView {
  const span = view.to - view.from;
  const width = Math.min(Math.max(span * factor, minSpan(model)), model.end - model.start);
  const at = view.from + anchor * span;
  return placed(model, at - anchor * width, width);
}

/** Moves the view by `fraction` of its width (negative: earlier), stopping at the axis' ends. */
export function panView(model: ActivityTimelineModel, view: TimeView, fraction: number): TimeView {
  const span = view.to - view.from;
  return placed(model, view.from + fraction * span, span);
}

/** The view with `t` in it (moved as little as needed, with a margin), for stepping through marks. */
export function viewShowing(model: ActivityTimelineModel, view: TimeView, t: number): TimeView {
  const span = view.to - view.from;
  const margin = span * 0.05;
  if (t < view.from + margin) return placed(model, t - margin, span);
  if (t > view.to - margin) return placed(model, t + margin - span, span);
  return view;
}

export function isFullView(model: ActivityTimelineModel, view: TimeView): boolean {
  return view.from <= model.start && view.to >= model.end;
}

/** Where `t` falls in the view, 0-1 (outside the view: below 0 or above 1). */
export function viewPosition(t: number, view: TimeView): number {
  const span = view.to - view.from;
  return span <= 0 ? 0.5 : (t - view.from) / span;
}

/** The marks of a lane inside the view: `[from, to)` indices (marks are in time order). */
export function marksInView(marks: readonly TimelineMark[], view: TimeView): [number, number] {
  return [lowerBound(marks, view.from), upperBound(marks, view.to)];
}

/** The first index whose mark is later than `t`. */
function upperBound(marks: readonly TimelineMark[], t: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid]?.t ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(marks: readonly TimelineMark[], t: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid]?.t ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indices of the marks to draw in `[from, to)`: at most one per 1/`slots` of the view, the one with the
 * most co-actions (a co-action mark is never hidden behind a plain one). A lane of 10,000 posts stays
 * a few hundred shapes; the table lists every post.
 */
export function marksToDraw(marks: readonly TimelineMark[], range: [number, number], view: TimeView, slots = 400): number[] {
  const [from, to] = range;
  if (to - from <= slots) return Array.from({ length: to - from }, (_, i) => from + i);
  const chosen = new Map<number, number>();
  for (let index = from; index < to; index++) {
    const mark = marks[index];
    if (!mark) continue;
    const slot = Math.floor(viewPosition(mark.t, view) * slots);
    const held = chosen.get(slot);
    if (held === undefined || bitCount(mark.coActions) > bitCount(marks[held]?.coActions ?? 0)) chosen.set(slot, index);
  }
  return [...chosen.values()].toSorted((a, b) => a - b);
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** The mark of `marks` next to time `t` in `direction` (1: the first after, -1: the last before); -1 when none. */
export function stepMark(marks: readonly TimelineMark[], t: number | null, direction: 1 | -1): number {
  if (marks.length === 0) return -1;
  if (t === null) return direction === 1 ? 0 : marks.length - 1;
  if (direction === 1) {
    const next = upperBound(marks, t);
    return next < marks.length ? next : -1;
  }
  return lowerBound(marks, t) - 1;
}

/** The mark nearest `t`, or -1 for an empty lane. */
export function nearestMark(marks: readonly TimelineMark[], t: number): number {
  if (marks.length === 0) return -1;
  const after = Math.min(lowerBound(marks, t), marks.length - 1);
  const before = Math.max(after - 1, 0);
  return Math.abs((marks[before]?.t ?? 0) - t) <= Math.abs((marks[after]?.t ?? 0) - t) ? before : after;
}

// --- the axis -----------------------------------------------------------------------------------

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
const TICK_STEPS = [
  1, 2, 5, 10, 15, 30,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY,
];

/** At most `count` ticks on whole steps (seconds, minutes, hours, days) inside the view. */
export function timeTicks(view: TimeView, count = 6): { step: number; ticks: number[] } {
  const span = Math.max(1, view.to - view.from);
  const step = TICK_STEPS.find((candidate) => span / candidate <= count) ?? Math.ceil(span / count / (365 * DAY)) * 365 * DAY;
  const ticks: number[] = [];
  for (let at = Math.ceil(view.from / step) * step; at <= view.to; at += step) ticks.push(at);
  return { step, ticks };
}

/**
 * The ticks' labels in the reader's language (Intl): times of day under a day's step, with the date
 * on the first label and where the day changes; dates from a day's step on, with the year on the
 * first and where it changes. `timeZone`: the reader's own unless given (tests).
 */
export function tickLabels(ticks: readonly number[], step: number, language: string, timeZone?: string): string[] {
  const zone = timeZone === undefined ? {} : { timeZone };
  const dayKey = new Intl.DateTimeFormat('en', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const yearKey = new Intl.DateTimeFormat('en', { ...zone, year: 'numeric' });
  if (step < DAY) {
    const time = new Intl.DateTimeFormat(language, { ...zone, hour: '2-digit', minute: '2-digit', ...(step < MINUTE ? { second: '2-digit' } : {}) });
    const withDate = new Intl.DateTimeFormat(language, { ...zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', ...(step < MINUTE ? { second: '2-digit' } : {}) });
    return ticks.map((tick, index) => {
      const date = new Date(tick * 1000);
      const previous = index > 0 ? new Date((ticks[index - 1] ?? 0) * 1000) : null;
      return previous && dayKey.format(previous) === dayKey.format(date) ? time.format(date) : withDate.format(date);
    });
  }
  const dayMonth = new Intl.DateTimeFormat(language, { ...zone, day: 'numeric', month: 'short' });
  const withYear = new Intl.DateTimeFormat(language, { ...zone, day: 'numeric', month: 'short', year: 'numeric' });
  return ticks.map((tick, index) => {
    const date = new Date(tick * 1000);
    const previous = index > 0 ? new Date((ticks[index - 1] ?? 0) * 1000) : null;
    return previous && yearKey.format(previous) === yearKey.format(date) ? dayMonth.format(date) : withYear.format(date);
  });
}

/** An instant to the second, in the reader's language. */
export function formatInstant(t: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone === undefined ? {} : { timeZone }) }).format(new Date(t * 1000));
}

export function isoOf(t: number): string {
  return new Date(t * 1000).toISOString();
}

// --- the table: the text alternative ------------------------------------------------------------

export interface TimelineRow {
  lane: number;
  account: string;
  mark: TimelineMark;
}

/** Every mark as a row, in time order (ties in lane order). */
export function timelineRows(model: ActivityTimelineModel): TimelineRow[] {
  const rows: TimelineRow[] = [];
  model.lanes.forEach((lane, index) => {
    for (const mark of lane.marks) rows.push({ lane: index, account: lane.account, mark });
  });
  return rows.toSorted((a, b) => a.mark.t - b.mark.t || a.lane - b.lane);
}

/** The highest bin count inside the view (the strip's scale), at least 1. */
export function maxCountInView(model: ActivityTimelineModel, view: TimeView): number {
  const { start, binSeconds, counts } = model.bins;
  let max = 1;
  const first = Math.max(0, Math.floor((view.from - start) / binSeconds));
  const last = Math.min(counts.length - 1, Math.floor((view.to - start) / binSeconds));
  for (let index = first; index <= last; index++) max = Math.max(max, counts[index] ?? 0);
  return max;
}
