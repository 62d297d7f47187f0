// What the interface checks before offering a decision. The backend enforces the rule itself
// (R18 four eyes, the engine's R18_fourEyesBlock for both); this only lets the page explain in advance. Whether a decision is an override
// (R8) is the engine's R8_decisionIsOverride, which the backend uses too.
import type { CaseDocument } from '../../api/contract/case';
import { hasRole, type User } from '../../api/contract/users';
import { fourEyesBlock } from '../../engine/four-eyes';

export type DecisionBlock = 'role' | 'submitted' | 'edited';

/** Why this user may not decide this case (R18), every reason that applies. */
export function decisionBlocks(caseDocument: CaseDocument, user: User): DecisionBlock[] {
  const blocks: DecisionBlock[] = [];
  if (!hasRole(user, 'reviewer')) blocks.push('role');
  const authorship = fourEyesBlock(caseDocument, user.id);
  if (authorship) blocks.push(authorship);
  return blocks;
}


/** A designation still in force: a case back in review is then a modification (R17). */
export function isModification(caseDocument: CaseDocument): boolean {
  return caseDocument.designation !== null && caseDocument.designation.withdrawnAt === null;
}
