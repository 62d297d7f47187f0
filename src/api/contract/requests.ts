// Request and list shapes for the endpoints beyond plain case CRUD (R17-R18 review, R14-R16 enforcement).
import { z } from 'zod';
import { AccountHandle, longText, shortText } from './primitives';
import { Id } from './scalars';
import { AssociationBasis, EnforcementActionType, EnforcementTarget } from './policy-terms';
import { ContinuationActivity, MAX_MANIPULATION_ACCOUNTS, MAX_REAPPLICATION_FINDINGS, MAX_RETURN_REQUESTS, ReviewDecisionKind } from './case';
import { ReturnRequestInput } from './conversation';

/** R12/R10 must be answered before this is accepted. */
export const SubmitInput = z.object({ note: longText(5_000).default('') });
export type SubmitInput = z.input<typeof SubmitInput>;

/**
 * R8/R18: a reviewer's decision; going against the verdict needs an override justification. A return
 * may carry requests to the analyst, each pointing at a field or signal (issue 12 §2).
 */
export const DecisionFields = z.object({
  decision: ReviewDecisionKind,
  rationale: longText(10_000).trim().min(1, 'required'),
  overrideJustification: longText(10_000).trim().nullable().default(null),
  requests: z.array(ReturnRequestInput).max(MAX_RETURN_REQUESTS, 'request.tooMany').default([]),
});
/** The fields with their rule across fields (forms extend DecisionFields: a refined object cannot be extended). */
export const DecisionInput = DecisionFields.refine((input) => input.decision === 'return' || input.requests.length === 0, {
  path: ['requests'],
  message: 'request.onlyOnReturn',
});
export type DecisionInput = z.input<typeof DecisionInput>;

/** R17: periodic review outcomes. */
export const PeriodicReviewInput = z.object({
  outcome: z.enum(['maintain', 'modify', 'withdraw']),
  rationale: longText(10_000).trim().min(1, 'required'),
  /**
   * R16: the reviewer confirms (`keep`) or ends each association without recent activity; required
   * for every such association when maintaining or modifying, not read when withdrawing.
   */
  associations: z.array(z.object({ handle: AccountHandle, keep: z.boolean() })).max(10_000).default([]),
});
export type PeriodicReviewInput = z.input<typeof PeriodicReviewInput>;

/** R16: a person confirms or rejects a suggested account, with a basis. */
export const AccountDecisionInput = z.object({
  handle: AccountHandle,
  status: z.enum(['confirmed', 'rejected']),
  basis: z.array(AssociationBasis).default([]),
  note: longText(2_000).default(''),
  primaryUseFinding: z.boolean().default(false),
});
export type AccountDecisionInput = z.input<typeof AccountDecisionInput>;

/** R14: apply one action. */
export const ApplyActionInput = z.object({
  type: EnforcementActionType,
  target: EnforcementTarget,
  targetRef: shortText(300).min(1, 'required'),
  basis: longText(5_000).trim().min(1, 'required'),
});
export type ApplyActionInput = z.input<typeof ApplyActionInput>;

/** R15: re-apply an expired visibility limit; starts a new period. */
export const ReapplyActionInput = z.object({ justification: longText(5_000).trim().min(1, 'required') });
export type ReapplyActionInput = z.input<typeof ReapplyActionInput>;

/** R14: lifting an active action before its time (an appeal, a mistake) needs its reason. */
export const LiftActionInput = z.object({ reason: longText(5_000).trim().min(1, 'required') });
export type LiftActionInput = z.input<typeof LiftActionInput>;

/**
 * Issue 12 §6: who owns a case (an analyst) or reviews it (a reviewer); `userId: null` leaves it to
 * nobody. An analyst sets the owner, a reviewer the reviewer.
 */
export const AssignmentInput = z.object({
  role: z.enum(['owner', 'reviewer']),
  userId: z.nullable(Id),
});
export type AssignmentInput = z.input<typeof AssignmentInput>;

export const CaseIdParams = z.object({ caseId: Id });
export const ActionParams = z.object({ caseId: Id, actionId: Id });
export const ProposalParams = z.object({ caseId: Id, proposalId: Id });

/** R3: an analyst proposes platform-manipulation enforcement for accounts of the establishing technical signals. */
export const ManipulationProposalInput = z.object({
  accounts: z.array(AccountHandle).min(1, 'manipulation.noAccounts').max(MAX_MANIPULATION_ACCOUNTS),
  basis: longText(5_000).trim().min(1, 'required'),
});
export type ManipulationProposalInput = z.input<typeof ManipulationProposalInput>;

/** R3: a reviewer other than the proposer approves (the suspensions are applied) or rejects it (R18). */
export const ManipulationDecisionInput = z.object({
  outcome: z.enum(['approve', 'reject']),
  rationale: longText(10_000).trim().min(1, 'required'),
});
export type ManipulationDecisionInput = z.input<typeof ManipulationDecisionInput>;

/**
 * R15: what an import found, sent to the case: per account whose visibility limit expired, the
 * expired action and the activity that continues the group's behaviour.
 */
export const ReapplicationProposalsInput = z.object({
  findings: z
    .array(z.object({ actionId: Id, handle: AccountHandle, activity: ContinuationActivity }))
    .min(1)
    .max(MAX_REAPPLICATION_FINDINGS),
});
export type ReapplicationProposalsInput = z.input<typeof ReapplicationProposalsInput>;

/** R15: a reviewer applies a re-application proposal or dismisses it, saying why. */
export const ReapplicationDecisionInput = z.object({
  outcome: z.enum(['apply', 'dismiss']),
  note: longText(5_000).trim().min(1, 'required'),
});
export type ReapplicationDecisionInput = z.input<typeof ReapplicationDecisionInput>;

/** R15: a reviewer turns automatic re-application on or off for the case. */
export const AutoReapplyInput = z.object({ enabled: z.boolean() });
export type AutoReapplyInput = z.input<typeof AutoReapplyInput>;
