// Expiry and review arithmetic (R15, R17). Pure: `now` is always passed in; instants are UTC ISO strings.
import type { CaseSettingsModel } from './case-model';
import type { EnforcementActionType } from './policy-terms';

const DAY_MS = 86_400_000;

/** Adds whole days as 24-hour periods in UTC, so daylight-saving changes never shift a deadline. */
export function addDaysUtc(instant: string, days: number): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return new Date(ms + days * DAY_MS).toISOString();
}

/** R15: visibility-type actions expire after the case's limit; the others do not expire by themselves. */
export const EXPIRING_ACTION_TYPES: readonly EnforcementActionType[] = [
  'limit-visibility',
  'prevent-recommendations',
  'prevent-trends',
];

export function actionExpiresAt(
  type: EnforcementActionType,
  appliedAt: string,
  settings: CaseSettingsModel,
): string | null {
  return EXPIRING_ACTION_TYPES.includes(type) ? addDaysUtc(appliedAt, settings.visibilityLimitDays) : null;
}

/** R15: an action is active until it ends or its expiry instant is reached (expiry is exclusive). */
export function isActionActive(
  action: { expiresAt: string | null; endedAt: string | null },
  now: string,
): boolean {
  if (action.endedAt !== null && Date.parse(action.endedAt) <= Date.parse(now)) return false;
  return action.expiresAt === null || Date.parse(now) < Date.parse(action.expiresAt);
}

/** R14: the framework's own actions, as distinct from those under the general Rules. */
export const DESIGNATION_ACTION_TYPES: readonly EnforcementActionType[] = [
  'limit-visibility',
  'prevent-recommendations',
  'prevent-trends',
  'suspend-primary-use',
];

/** R17: withdrawing a designation ends its designation-based actions still active at `now`; the general Rules' stay. */
export function endedByWithdrawal<A extends { type: EnforcementActionType; expiresAt: string | null; endedAt: string | null }>(
  actions: readonly A[],
  now: string,
): A[] {
  return actions.filter((action) => DESIGNATION_ACTION_TYPES.includes(action.type) && isActionActive(action, now));
}

/** R17: the next periodic review, counted from the last review. */
export function nextReviewAt(lastReviewedAt: string, settings: CaseSettingsModel): string {
  return addDaysUtc(lastReviewedAt, settings.reviewIntervalDays);
}

export function isReviewDue(nextReview: string, now: string): boolean {
  return Date.parse(now) >= Date.parse(nextReview);
}
