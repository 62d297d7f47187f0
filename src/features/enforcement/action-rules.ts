// What the designation page needs to know about an action at a given instant (R14-R15). Expiry
// itself comes from the engine's schedule, the same arithmetic the backend uses.
import { designationInForce, type CaseDocument, type EnforcementAction } from '../../api/contract/case';
import { actionStateAt } from '../../api/contract/designation-lists';
import { EXPIRING_ACTION_TYPES } from '../../engine/schedule';

export type ActionState = 'active' | 'expired' | 'ended';

/** The state the page shows; one definition with the CSV export's `stateAtExport` (the contract's). */
export function actionState(action: EnforcementAction, now: string): ActionState {
  return actionStateAt(action, now);
}

/**
 * R15: an expired visibility-type action, not yet re-applied, may be re-applied with a justification;
 * `reapplied`: the ids of the actions some action re-applies.
 */
export function canReapply(action: EnforcementAction, reapplied: ReadonlySet<string>, now: string): boolean {
  return EXPIRING_ACTION_TYPES.includes(action.type) && actionState(action, now) === 'expired' && !reapplied.has(action.id);
}

/** R14: any action still in force may be lifted by a reviewer, with a reason (appeal, mistake). */
export function canLift(action: EnforcementAction, now: string): boolean {
  return actionState(action, now) === 'active';
}

/** Actions are available while a designation is in force, also while a modification is under way. */
export { designationInForce };

/** Associations are decided on a designation in force, but not while a modification awaits review. */
export function associationsOpen(caseDocument: CaseDocument): boolean {
  return designationInForce(caseDocument) && caseDocument.status !== 'in_review';
}
