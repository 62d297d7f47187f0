// Builds the R19 statement of reasons for a case whose designation was approved.
import type { DecisionRecord } from '../api/contract/decision-record';
import { DECISION_RECORD_SCHEMA_VERSION } from '../api/contract/decision-record';
import type { User } from '../api/contract/users';
import { isActionActive } from '../engine/schedule';
import { invalidTransition } from './backend-errors';
import { contentOf } from './case-rules';
import type { StoredCase } from './storage';

export function buildDecisionRecord(record: StoredCase, users: readonly User[], now: string): DecisionRecord {
  const approval = record.reviews.toReversed().find((review) => review.decision === 'approve');
  if (!record.designation || !approval) {
    throw invalidTransition('This case has no approved designation, so there is no decision record to export.');
  }
  const person = (id: string) => ({ id, name: users.find((user) => user.id === id)?.name ?? id });
  const modificationInProgress = record.status === 'draft' || record.status === 'in_review';
  const facts = modificationInProgress && record.contentAtLastReview ? record.contentAtLastReview : contentOf(record);
  const rulesApplied = [...approval.verdictAtDecision.ruleIds];
  if (approval.override && !rulesApplied.includes('R8')) rulesApplied.push('R8');
  return {
    schemaVersion: DECISION_RECORD_SCHEMA_VERSION,
    kind: 'cha.decision-record',
    generatedAt: now,
    caseId: record.id,
    caseVersion: record.version,
    status: record.status,
    modificationInProgress,
    actor: facts.actor,
    facts: {
      questions: facts.questions,
      rightsRiskAssessment: facts.rightsRiskAssessment,
      harm: facts.harm,
      signals: facts.signals,
      associatedAccounts: record.accounts.filter((account) => account.status === 'confirmed'),
    },
    rulesApplied,
    verdictAtDecision: approval.verdictAtDecision,
    decision: approval,
    submittedBy: record.submission ? person(record.submission.submittedBy) : null,
    reviewer: person(approval.decidedBy),
    designation: record.designation,
    actions: record.enforcementActions.map((action) => ({ ...action, activeAtGeneration: isActionActive(action, now) })),
  };
}
