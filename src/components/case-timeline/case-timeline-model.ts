// Issue 16 §2: everything dated in a case on one axis — the signals' windows (R1-R2), the harm
// evidence's dates (R5-R6), the submission and each review decision (R18), the designation and its
// withdrawal (R17), the enforcement actions with their expiry and re-applications (R14-R15), and the
// periodic reviews (R17). Pure: the caller passes the case and `now`; nothing here reads the clock.
//
// Enforcement can run to 100,000 actions on one designation (issue 10 §3), so actions applied in the
// same minute, of the same type and with the same expiry, are one bar with a count; the chart draws
// at most MAX_MARKS_PER_LANE marks a lane and says how many more the table holds.
import type { CaseDocument, CoordinationSignal, EnforcementAction, ReviewDecisionKind } from '../../api/contract/case';
import { HARM_CATEGORIES, type EnforcementActionType, type HarmCategory, type SignalTechnique } from '../../engine/policy-terms';

export const TIMELINE_LANES = ['signals', 'harm', 'decisions', 'enforcement', 'reviews'] as const;
export type TimelineLane = (typeof TIMELINE_LANES)[number];

export type TimelineEntry =
  | { lane: 'signals'; what: 'signal'; signalId: string; technique: SignalTechnique; accounts: number }
  | { lane: 'harm'; what: 'harm-evidence'; category: HarmCategory; evidenceId: string; description: string }
  | { lane: 'decisions'; what: 'submitted'; by: string }
  | { lane: 'decisions'; what: 'decision'; decision: ReviewDecisionKind; by: string }
  | { lane: 'decisions'; what: 'designated'; by: string }
  | { lane: 'decisions'; what: 'withdrawn'; by: string | null }
  | {
      lane: 'enforcement';
      what: 'actions';
      type: EnforcementActionType;
      count: number;
      /** R15: these actions re-apply earlier ones. */
      reapplied: boolean;
      /** Why the bar stops where it does: ended by a person or a withdrawal, its expiry, or still running. */
      until: 'ended' | 'expires' | 'running';
    }
  | { lane: 'reviews'; what: 'periodic-review-done' }
  | { lane: 'reviews'; what: 'periodic-review-due'; overdue: boolean };

/** One mark: an instant (`end` null) or a period. Instants are ISO 8601 in UTC. */
export type TimelineItem = TimelineEntry & { key: string; start: string; end: string | null };

export interface CaseTimeline {
  /** Every item, oldest first (ties in lane order); the table shows all of them. */
  items: TimelineItem[];
  /** The axis: from the earliest mark to the latest mark or `now`, whichever is later; null when nothing is dated. */
  domain: { start: string; end: string } | null;
}

/** What `buildCaseTimeline` reads: the saved case (the lists the server keeps beside the content too). */
export type TimelineSource = Pick<CaseDocument, 'harm' | 'signals' | 'submission' | 'reviews' | 'designation' | 'enforcementActions'>;

export const MAX_MARKS_PER_LANE = 400;

export function buildCaseTimeline(source: TimelineSource, now: string): CaseTimeline {
  const items: TimelineItem[] = [
    ...signalItems(source.signals),
    ...harmItems(source.harm),
    ...decisionItems(source),
    ...actionItems(source.enforcementActions, now),
    ...reviewItems(source, now),
  ];
  const laneOrder = (item: TimelineItem) => TIMELINE_LANES.indexOf(item.lane);
  items.sort((a, b) => compareInstants(a.start, b.start) || laneOrder(a) - laneOrder(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { items, domain: domainOf(items, now) };
}

function signalItems(signals: readonly CoordinationSignal[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const signal of signals) {
    const start = signal.window.start ?? signal.window.end;
    if (start === null) continue;
    const end = signal.window.start !== null && signal.window.end !== null && compareInstants(signal.window.end, signal.window.start) > 0 ? signal.window.end : null;
    items.push({
      key: `signal:${signal.id}`,
      lane: 'signals',
      what: 'signal',
      signalId: signal.id,
      technique: signal.technique,
      accounts: signal.accounts.length,
      start,
      end,
    });
  }
  return items;
}

function harmItems(harm: TimelineSource['harm']): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const category of HARM_CATEGORIES) {
    for (const evidence of harm[category].evidence) {
      if (evidence.date === null) continue;
      items.push({
        key: `harm:${category}:${evidence.id}`,
        lane: 'harm',
        what: 'harm-evidence',
        category,
        evidenceId: evidence.id,
        description: evidence.description,
        // A calendar date is a day, not an instant: it is placed at the start of that day in UTC.
        start: `${evidence.date}T00:00:00.000Z`,
        end: null,
      });
    }
  }
  return items;
}

function decisionItems(source: TimelineSource): TimelineItem[] {
  const items: TimelineItem[] = [];
  if (source.submission) {
    items.push({ key: `submitted:${source.submission.submittedAt}`, lane: 'decisions', what: 'submitted', by: source.submission.submittedBy, start: source.submission.submittedAt, end: null });
  }
  source.reviews.forEach((review, index) => {
    items.push({ key: `decision:${index}`, lane: 'decisions', what: 'decision', decision: review.decision, by: review.decidedBy, start: review.decidedAt, end: null });
  });
  const designation = source.designation;
  if (designation) {
    // An approval is already a review decision; the designation is shown once, from when it was first made.
    const approvedInReviews = source.reviews.some((review) => review.decision === 'approve' && review.decidedAt === designation.firstApprovedAt);
    if (!approvedInReviews) {
      items.push({ key: 'designated', lane: 'decisions', what: 'designated', by: designation.approvedBy, start: designation.firstApprovedAt, end: null });
    }
    if (designation.withdrawnAt !== null) {
      items.push({ key: 'withdrawn', lane: 'decisions', what: 'withdrawn', by: designation.withdrawnBy, start: designation.withdrawnAt, end: null });
    }
  }
  return items;
}

/** Actions applied in the same minute, of one type, re-applied or not, ending alike: one bar with a count. */
function actionItems(actions: readonly EnforcementAction[], now: string): TimelineItem[] {
  const groups = new Map<string, Extract<TimelineItem, { what: 'actions' }>>();
  for (const action of actions) {
    const { end, until } = actionEnd(action, now);
    const minute = action.appliedAt.slice(0, 16);
    const reapplied = action.reappliesId !== null;
    const key = `actions:${action.type}:${minute}:${reapplied ? 'r' : 'a'}:${until}:${end ?? ''}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      continue;
    }
    groups.set(key, { key, lane: 'enforcement', what: 'actions', type: action.type, count: 1, reapplied, until, start: action.appliedAt, end });
  }
  return [...groups.values()];
}

function actionEnd(action: EnforcementAction, now: string): { end: string | null; until: 'ended' | 'expires' | 'running' } {
  if (action.endedAt !== null && (action.expiresAt === null || compareInstants(action.endedAt, action.expiresAt) < 0)) return { end: later(action.appliedAt, action.endedAt), until: 'ended' };
  if (action.expiresAt !== null) return { end: later(action.appliedAt, action.expiresAt), until: 'expires' };
  // No expiry (a suspension, a removal): it runs until now.
  return { end: later(action.appliedAt, now), until: 'running' };
}

function reviewItems(source: TimelineSource, now: string): TimelineItem[] {
  const designation = source.designation;
  if (!designation) return [];
  const items: TimelineItem[] = [];
  // R17: the last periodic review, when one has happened since the designation was made.
  if (compareInstants(designation.lastReviewedAt, designation.firstApprovedAt) > 0) {
    items.push({ key: 'review-done', lane: 'reviews', what: 'periodic-review-done', start: designation.lastReviewedAt, end: null });
  }
  if (designation.withdrawnAt === null) {
    items.push({ key: 'review-due', lane: 'reviews', what: 'periodic-review-due', overdue: compareInstants(designation.nextReviewAt, now) < 0, start: designation.nextReviewAt, end: null });
  }
  return items;
}

function domainOf(items: readonly TimelineItem[], now: string): CaseTimeline['domain'] {
  if (items.length === 0) return null;
  let start = items[0]!.start;
  let end = now;
  for (const item of items) {
    if (compareInstants(item.start, start) < 0) start = item.start;
    const last = item.end ?? item.start;
    if (compareInstants(last, end) > 0) end = last;
  }
  return { start, end };
}

/** Where an instant falls on the axis, 0-1. An axis of one instant puts everything in the middle. */
export function axisPosition(instant: string, domain: { start: string; end: string }): number {
  const from = Date.parse(domain.start);
  const span = Date.parse(domain.end) - from;
  if (span <= 0) return 0.5;
  return Math.min(1, Math.max(0, (Date.parse(instant) - from) / span));
}

const DAY_MS = 86_400_000;
const TICK_STEPS_DAYS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1825];

/** About `count` evenly spaced instants on the axis, on whole UTC days, for its labels. */
export function axisTicks(domain: { start: string; end: string }, count = 5): string[] {
  const from = Date.parse(domain.start);
  const to = Date.parse(domain.end);
  const spanDays = (to - from) / DAY_MS;
  const step = (TICK_STEPS_DAYS.find((days) => spanDays / days <= count) ?? TICK_STEPS_DAYS[TICK_STEPS_DAYS.length - 1]!) * DAY_MS;
  const ticks: string[] = [];
  for (let at = Math.ceil(from / DAY_MS) * DAY_MS; at <= to; at += step) ticks.push(new Date(at).toISOString());
  return ticks;
}

/** Overlapping periods in one lane go on rows of their own, up to this many; more share the last row. */
export const MAX_ROWS_PER_LANE = 6;

/**
 * The marks one lane of the chart draws: the first MAX_MARKS_PER_LANE (oldest first), each on the
 * first row where it overlaps nothing drawn before it, and how many are left to the table.
 */
export function laneMarks(items: readonly TimelineItem[], lane: TimelineLane): { marks: { item: TimelineItem; row: number }[]; rows: number; hidden: number } {
  const all = items.filter((item) => item.lane === lane);
  const rowEnds: number[] = [];
  const marks = all.slice(0, MAX_MARKS_PER_LANE).map((item) => {
    const start = Date.parse(item.start);
    const end = Date.parse(item.end ?? item.start);
    let row = rowEnds.findIndex((rowEnd) => rowEnd < start);
    if (row === -1) row = rowEnds.length < MAX_ROWS_PER_LANE ? rowEnds.length : MAX_ROWS_PER_LANE - 1;
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, end);
    return { item, row };
  });
  return { marks, rows: Math.max(1, rowEnds.length), hidden: Math.max(0, all.length - MAX_MARKS_PER_LANE) };
}

function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function later(a: string, b: string): string {
  return Date.parse(b) >= Date.parse(a) ? b : a;
}
