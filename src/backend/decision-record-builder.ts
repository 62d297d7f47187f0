// Builds the R19 statement of reasons for a case whose designation was approved, or on which a
// platform-manipulation proposal was approved (R3), designation or not.
import type { DecisionRecord } from '../api/contract/decision-record';
import { DECISION_RECORD_SCHEMA_VERSION } from '../api/contract/decision-record';
import type { User } from '../api/contract/users';
import { isActionActive } from '../engine/schedule';
import { invalidTransition } from './backend-errors';
import { contentOf } from './case-rules';
import type { StoredCase } from './storage';

export function buildDecisionRecord(record: StoredCase, users: readonly User[], now: string): DecisionRecord {
  const approval = record.reviews.toReversed().find((review) => review.decision === 'approve');
  const designated = record.designation !== null && approval !== undefined;
  const decided = record.manipulationProposals.filter((proposal) => proposal.decision !== null);
  const r3Approved = decided.filter((proposal) => proposal.decision?.outcome === 'approve');
  if (!designated && r3Approved.length === 0) {
    throw invalidTransition(
      'This case has no approved designation and no approved platform-manipulation enforcement (R3), so there is no decision record to export.',
    );
  }
  const person = (id: string) => ({ id, name: users.find((user) => user.id === id)?.name ?? id });
  const modificationInProgress = designated && (record.status === 'draft' || record.status === 'in_review');
  const facts = modificationInProgress && record.contentAtLastReview ? record.contentAtLastReview : contentOf(record);
  const rulesApplied = approval && designated ? [...approval.verdictAtDecision.ruleIds] : [];
  if (approval?.override && designated && !rulesApplied.includes('R8')) rulesApplied.push('R8');
  if (r3Approved.length > 0 && !rulesApplied.includes('R3')) rulesApplied.push('R3');
  const r3ActionIds = new Set(r3Approved.flatMap((proposal) => proposal.decision?.actionIds ?? []));
  const actions = designated ? record.enforcementActions : record.enforcementActions.filter((action) => r3ActionIds.has(action.id));
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
    verdictAtDecision: designated && approval ? approval.verdictAtDecision : null,
    decision: designated && approval ? approval : null,
    submittedBy: designated && record.submission ? person(record.submission.submittedBy) : null,
    reviewer: designated && approval ? person(approval.decidedBy) : null,
    designation: designated ? record.designation : null,
    platformManipulation: decided.map((proposal) => ({
      ...proposal,
      proposer: person(proposal.proposedBy),
      decider: person(proposal.decision?.decidedBy ?? ''),
    })),
    actions: actions.map((action) => ({ ...action, activeAtGeneration: isActionActive(action, now) })),
  };
}
