// R16: association is judged on *recent* behaviour. Each association shows the account's last activity
// seen in the case's evidence — the coordination signals that name it, with their time windows — and
// a confirmed association with no activity in the review period (R17) waits for the periodic review
// to confirm or end it. Pure: `now` is always passed in.
import { addDaysUtc } from './schedule';

export interface DatedSignal {
  id: string;
  accounts: readonly string[];
  window: { start: string | null; end: string | null };
}

export interface LastActivity {
  /** UTC instant: the end of the latest window naming the account (its start when it has no end). */
  at: string;
  /** The signal that window belongs to. */
  signalId: string;
}

function plainHandle(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

/** R16: the account's latest activity seen in the case's signals; null when no signal naming it is dated. */
export function R16_lastActivity(handle: string, signals: readonly DatedSignal[]): LastActivity | null {
  const wanted = plainHandle(handle);
  let latest: LastActivity | null = null;
  for (const signal of signals) {
    if (!signal.accounts.some((account) => plainHandle(account) === wanted)) continue;
    const at = signal.window.end ?? signal.window.start;
    if (at === null || Number.isNaN(Date.parse(at))) continue;
    if (latest === null || Date.parse(at) > Date.parse(latest.at)) latest = { at, signalId: signal.id };
  }
  return latest;
}

/**
 * R16: a confirmed association needs the periodic review to confirm or end it when nothing shows the
 * account active within the review period before `now`, and no person confirmed it within that period
 * either (a confirmation at the last periodic review counts until the next).
 */
export function R16_needsRecencyReview(
  association: { status: 'suggested' | 'confirmed' | 'rejected'; decidedAt: string | null },
  lastActivity: LastActivity | null,
  now: string,
  reviewIntervalDays: number,
): boolean {
  if (association.status !== 'confirmed') return false;
  const periodStart = Date.parse(addDaysUtc(now, -reviewIntervalDays));
  const within = (instant: string | null | undefined) => instant !== null && instant !== undefined && Date.parse(instant) >= periodStart;
  return !within(lastActivity?.at) && !within(association.decidedAt);
}

/** R16: the handles of a case's associations the periodic review must confirm or end, in the case's order. */
export function R16_associationsToReview(
  record: {
    accounts: readonly { handle: string; status: 'suggested' | 'confirmed' | 'rejected'; decidedAt: string | null }[];
    signals: readonly DatedSignal[];
    settings: { reviewIntervalDays: number };
  },
  now: string,
): string[] {
  return record.accounts
    .filter((account) => R16_needsRecencyReview(account, R16_lastActivity(account.handle, record.signals), now, record.settings.reviewIntervalDays))
    .map((account) => account.handle);
}

/** The UI's names for the rules above. */
export const lastActivity = R16_lastActivity;
export const needsRecencyReview = R16_needsRecencyReview;
export const associationsToReview = R16_associationsToReview;
