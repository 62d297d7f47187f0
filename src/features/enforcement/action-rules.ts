// What the designation page needs to know about an action at a given instant (R14-R15). Expiry
// itself comes from the engine's schedule, the same arithmetic the backend uses.
import type { CaseDocument, EnforcementAction } from '../../api/contract/case';
import { EXPIRING_ACTION_TYPES, isActionActive } from '../../engine/schedule';

export type ActionState = 'active' | 'expired' | 'ended';

export function actionState(action: EnforcementAction, now: string): ActionState {
  if (isActionActive(action, now)) return 'active';
  return action.endedAt !== null && Date.parse(action.endedAt) <= Date.parse(now) ? 'ended' : 'expired';
}

/** R15: an expired visibility-type action, not yet re-applied, may be re-applied with a justification. */
export function canReapply(action: EnforcementAction, all: readonly EnforcementAction[], now: string): boolean {
  return (
    EXPIRING_ACTION_TYPES.includes(action.type) &&
    actionState(action, now) === 'expired' &&
    !all.some((other) => other.reappliesId === action.id)
  );
}

/** Actions are available while a designation is in force, also while a modification is under way. */
export function designationInForce(caseDocument: CaseDocument): boolean {
  return caseDocument.status !== 'withdrawn' && caseDocument.designation !== null && caseDocument.designation.withdrawnAt === null;
}

/** Associations are decided on a designation in force, but not while a modification awaits review. */
export function associationsOpen(caseDocument: CaseDocument): boolean {
  return designationInForce(caseDocument) && caseDocument.status !== 'in_review';
}
