// Expiry and review arithmetic (R15, R17). Pure: `now` is always passed in; instants are UTC ISO strings.
import type { CaseSettingsModel } from './case-model';
import { ENFORCEMENT_ACTION_TYPES, type EnforcementActionType } from './policy-terms';

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

/**
 * R3: the platform-manipulation track's action, "typically permanent suspension" of the accounts
 * involved: applied only by a reviewer's decision on an analyst's proposal, with or without a
 * designation, never expiring, and not ended by a withdrawal.
 */
export const PLATFORM_MANIPULATION_ACTION_TYPES: readonly EnforcementActionType[] = ['suspend-platform-manipulation'];

/**
 * R14: actions under the general Rules ("any account engaged in coordinated harmful activity may also
 * be subject to enforcement action under the Twitter Rules"): Tweet removal and suspension for severe
 * or repeated violations, available on a case whether or not it is designated.
 */
export const GENERAL_RULES_ACTION_TYPES: readonly EnforcementActionType[] = ENFORCEMENT_ACTION_TYPES.filter(
  (type) => !DESIGNATION_ACTION_TYPES.includes(type) && !PLATFORM_MANIPULATION_ACTION_TYPES.includes(type),
);

/** R14: whether an action of this type needs a designation in force (the framework's own actions do). */
export function R14_needsDesignation(type: EnforcementActionType): boolean {
  return DESIGNATION_ACTION_TYPES.includes(type);
}

/**
 * R14: the accounts of a case an action under the general Rules may be aimed at: those named in its
 * coordination signals and those associated with it, except associations a person rejected. Sorted,
 * without duplicates (handles compared case-insensitively, the first spelling kept).
 */
export function R14_generalRulesAccounts(
  signals: readonly { accounts: readonly string[] }[],
  associations: readonly { handle: string; status: 'suggested' | 'confirmed' | 'rejected' }[],
): string[] {
  const rejected = new Set(associations.filter((account) => account.status === 'rejected').map((account) => account.handle.toLowerCase()));
  const accounts = new Map<string, string>();
  const add = (handle: string) => {
    const plain = handle.replace(/^@/, '');
    const key = plain.toLowerCase();
    if (plain !== '' && !rejected.has(key) && !accounts.has(key)) accounts.set(key, plain);
  };
  for (const signal of signals) for (const handle of signal.accounts) add(handle);
  for (const account of associations) add(account.handle);
  return [...accounts.values()].toSorted((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

/** The UI's names for the R14 rules above (components call lower-case functions). */
export const needsDesignation = (type: EnforcementActionType): boolean => R14_needsDesignation(type);
export const generalRulesAccounts: typeof R14_generalRulesAccounts = (signals, associations) => R14_generalRulesAccounts(signals, associations);

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
