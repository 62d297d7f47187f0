// What the interface checks before offering a decision. The backend enforces both rules itself
// (R8 override justification, R18 four eyes); these only let the page explain in advance.
import type { CaseDocument, ReviewDecisionKind } from '../../api/contract/case';
import type { User } from '../../api/contract/users';
import type { VerdictOutcome } from '../../engine/policy-terms';

export type DecisionBlock = 'role' | 'submitted' | 'edited';

/** Why this user may not decide this case (R18), every reason that applies. */
export function decisionBlocks(caseDocument: CaseDocument, user: User): DecisionBlock[] {
  const blocks: DecisionBlock[] = [];
  if (user.role !== 'reviewer') blocks.push('role');
  if (caseDocument.submission?.submittedBy === user.id) blocks.push('submitted');
  else if (caseDocument.editorsSinceReview.includes(user.id)) blocks.push('edited');
  return blocks;
}

/** R8: approving what the engine does not recommend, or rejecting what it does, is an override. */
export function isOverride(decision: ReviewDecisionKind, outcome: VerdictOutcome): boolean {
  if (decision === 'approve') return outcome !== 'recommended';
  if (decision === 'reject') return outcome === 'recommended';
  return false;
}

/** A designation still in force: a case back in review is then a modification (R17). */
export function isModification(caseDocument: CaseDocument): boolean {
  return caseDocument.designation !== null && caseDocument.designation.withdrawnAt === null;
}
