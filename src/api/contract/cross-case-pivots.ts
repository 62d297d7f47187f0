// Issue 16 §4, cross-case pivots: an account, a link or a hashtag that appears in another case or
// designation. An account appears in a coordination signal (R1-R2), an association decided for the
// actor (R16) or an enforcement action on it (R14-R15); a link as a harm evidence item's link (R5-R6)
// or a signal's source; a hashtag among the actor's hashtags (§1 of the policy). Handles and hashtags
// are compared without regard to case, links in their canonical form (co-link detection's).
import { z } from 'zod';
import { AccountAssociation, EnforcementAction } from './case';
import { AccountHandle } from './primitives';
import { CaseStatus } from './policy-terms';
import { Id } from './scalars';

export const PIVOT_KINDS = ['account', 'link', 'hashtag', 'text'] as const;
export type PivotKind = (typeof PIVOT_KINDS)[number];

/** How many other cases one lookup names per value, and how many values of each kind of a case it answers for. */
export const MAX_PIVOT_CASES_PER_ACCOUNT = 20;
export const MAX_PIVOT_ACCOUNTS = 5_000;
/** How many cases the account page lists. */
export const MAX_ACCOUNT_PAGE_CASES = 100;

/** One case an account appears in. `designated`: a designation is in force on it (R17). */
export const PivotCase = z.object({
  caseId: Id,
  caseName: z.string(),
  status: CaseStatus,
  designated: z.boolean(),
});
export type PivotCase = z.infer<typeof PivotCase>;

/** One value of the case found in other cases: the first of those cases, and how many there are. */
export const CrossCaseValue = z.object({
  /** As compared: a lower-cased handle, a canonical link (`host/path?query`), a lower-cased `#hashtag`, a normalised text. */
  value: z.string(),
  cases: z.array(PivotCase).max(MAX_PIVOT_CASES_PER_ACCOUNT),
  /** Other cases in all, and how many of them are designations in force. */
  caseCount: z.number().int().min(1),
  designationCount: z.number().int().min(0),
});
export type CrossCaseValue = z.infer<typeof CrossCaseValue>;

/** The case's accounts, links and hashtags that appear in other cases. */
export const CrossCaseRefs = z.object({
  accounts: z.array(CrossCaseValue).max(MAX_PIVOT_ACCOUNTS),
  links: z.array(CrossCaseValue).max(MAX_PIVOT_ACCOUNTS),
  hashtags: z.array(CrossCaseValue).max(MAX_PIVOT_ACCOUNTS),
  /** Texts the case's signals hold as posted alike, in the co-post detector's normal form (shared-text.ts). */
  texts: z.array(CrossCaseValue).max(MAX_PIVOT_ACCOUNTS),
});
export type CrossCaseRefs = z.infer<typeof CrossCaseRefs>;

export const AccountParams = z.object({ handle: AccountHandle });

/** The account page: every case the account appears in, with what each case holds about it. */
export const AccountPivot = z.object({
  handle: z.string(),
  cases: z.array(
    PivotCase.extend({
      /** How many of the case's coordination signals name the account (R1-R2). */
      signalCount: z.number().int().min(0),
      /** The association a person decided for the actor, if any (R16). */
      association: AccountAssociation.pick({ status: true, decidedBy: true, decidedAt: true }).nullable(),
      /** Actions on the account, newest first (R14-R15). */
      actions: z.array(EnforcementAction.pick({ id: true, type: true, appliedAt: true, expiresAt: true, endedAt: true, reappliesId: true })),
    }),
  ),
  /** Cases past the first page that the page does not list. */
  moreCases: z.number().int().min(0),
});
export type AccountPivot = z.infer<typeof AccountPivot>;
