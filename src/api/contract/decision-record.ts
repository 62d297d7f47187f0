// R19: the decision record of an approved designation, exportable as a statement of reasons:
// the facts, the rules applied, the decision, the actions with their expiry, and the reviewer.
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
  ReviewDecision,
  StoredVerdict,
} from './case';

export const DECISION_RECORD_SCHEMA_VERSION = 1;

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
  /** The rule ids the verdict rested on, plus R8 when the decision overrode it. */
  rulesApplied: z.array(z.string()),
  verdictAtDecision: StoredVerdict,
  /** The approving decision, with its override justification if any (R8). */
  decision: ReviewDecision,
  submittedBy: DecisionRecordPerson.nullable(),
  reviewer: DecisionRecordPerson,
  designation: Designation,
  actions: z.array(EnforcementAction.extend({ activeAtGeneration: z.boolean() })),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;
