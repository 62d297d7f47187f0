// Issue 16 §4, cross-case pivots: an account that appears in another case or designation — in a
// coordination signal (R1-R2), an association decided for the actor (R16), or an enforcement action
// on the account (R14-R15). Handles are compared without regard to case, as the platform does.
import { z } from 'zod';
import { AccountAssociation, EnforcementAction } from './case';
import { AccountHandle } from './primitives';
import { CaseStatus } from './policy-terms';
import { Id } from './scalars';

/** How many other cases one lookup names per account, and how many accounts of a case it answers for. */
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

/** The case's accounts that appear in other cases, each with the first of those cases and how many there are. */
export const CrossCaseAccounts = z.object({
  accounts: z
    .array(
      z.object({
        /** Lower-cased. */
        handle: z.string(),
        cases: z.array(PivotCase).max(MAX_PIVOT_CASES_PER_ACCOUNT),
        /** Other cases in all, and how many of them are designations in force. */
        caseCount: z.number().int().min(1),
        designationCount: z.number().int().min(0),
      }),
    )
    .max(MAX_PIVOT_ACCOUNTS),
});
export type CrossCaseAccounts = z.infer<typeof CrossCaseAccounts>;

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
