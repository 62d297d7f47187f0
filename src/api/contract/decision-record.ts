// R19: the decision record of an approved designation, exportable as a statement of reasons:
// the facts, the rules applied, the decision, the actions with their expiry, and the reviewer. Since
// schema 2 also of the platform-manipulation track's decisions (R3), with or without a designation.
import { z } from 'zod';
import { Id, UtcTimestamp } from './scalars';
import { CaseStatus } from './policy-terms';
import {
  AccountAssociation,
  Actor,
  AssessmentQuestions,
  CoordinationSignal,
  Designation,
  EnforcementAction,
  HarmAssessments,
  ManipulationProposal,
  ReviewDecision,
  StoredVerdict,
} from './case';

export const DECISION_RECORD_SCHEMA_VERSION = 2;

export const DecisionRecordPerson = z.object({ id: Id, name: z.string() });
export type DecisionRecordPerson = z.infer<typeof DecisionRecordPerson>;

export const DecisionRecord = z.object({
  schemaVersion: z.literal(DECISION_RECORD_SCHEMA_VERSION),
  kind: z.literal('cha.decision-record'),
  generatedAt: UtcTimestamp,
  caseId: Id,
  caseVersion: z.number().int().min(1),
  status: CaseStatus,
  /**
   * True while a periodic review's modification is under way: the facts are then the content as of
   * the last review decision, not the draft being edited.
   */
  modificationInProgress: z.boolean(),
  actor: Actor,
  facts: z.object({
    questions: AssessmentQuestions,
    rightsRiskAssessment: z.string(),
    harm: HarmAssessments,
    signals: z.array(CoordinationSignal),
    associatedAccounts: z.array(AccountAssociation),
  }),
  /** The rule ids the verdict rested on, plus R8 when the decision overrode it; R3 for a track decision. */
  rulesApplied: z.array(z.string()),
  /** The designation's part: null when the record holds only platform-manipulation decisions (R3). */
  verdictAtDecision: StoredVerdict.nullable(),
  /** The approving decision, with its override justification if any (R8). */
  decision: ReviewDecision.nullable(),
  submittedBy: DecisionRecordPerson.nullable(),
  reviewer: DecisionRecordPerson.nullable(),
  designation: Designation.nullable(),
  /** R3: the decided platform-manipulation proposals, with who proposed and who decided each. */
  platformManipulation: z.array(ManipulationProposal.extend({ proposer: DecisionRecordPerson, decider: DecisionRecordPerson })),
  /** Every action with a designation; without one, the platform-manipulation suspensions only. */
  actions: z.array(EnforcementAction.extend({ activeAtGeneration: z.boolean() })),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;
