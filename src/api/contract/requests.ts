// Request and list shapes for the endpoints beyond plain case CRUD (R17-R18 review, R14-R16 enforcement).
import { z } from 'zod';
import { AccountHandle, Id, longText, shortText } from './primitives';
import {
  ActorKind,
  AssociationBasis,
  CaseStatus,
  EnforcementActionType,
  EnforcementTarget,
  PriorityBand,
} from './policy-terms';
import { CaseSummary, ReviewDecisionKind } from './case';

export const CaseListQuery = z.object({
  status: CaseStatus.optional(),
  actorKind: ActorKind.optional(),
  priorityBand: PriorityBand.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['priority', 'updatedAt', 'name', 'submittedAt', 'nextReviewAt']).default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

export const CaseListResponse = z.object({
  items: z.array(CaseSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CaseListResponse = z.infer<typeof CaseListResponse>;

/** R12/R10 must be answered before this is accepted. */
export const SubmitInput = z.object({ note: longText(5_000).default('') });
export type SubmitInput = z.input<typeof SubmitInput>;

/** R8/R18: a reviewer's decision; going against the verdict needs an override justification. */
export const DecisionInput = z.object({
  decision: ReviewDecisionKind,
  rationale: longText(10_000).trim().min(1, 'required'),
  overrideJustification: longText(10_000).trim().nullable().default(null),
});
export type DecisionInput = z.input<typeof DecisionInput>;

/** R17: periodic review outcomes. */
export const PeriodicReviewInput = z.object({
  outcome: z.enum(['maintain', 'modify', 'withdraw']),
  rationale: longText(10_000).trim().min(1, 'required'),
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

export const CaseIdParams = z.object({ caseId: Id });
export const ActionParams = z.object({ caseId: Id, actionId: Id });
