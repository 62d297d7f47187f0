// R15: which expired visibility limits an import watches for continued behaviour. Pure: `now` is passed in.
// One definition for the import (what to look for) and the backend (what it accepts as a proposal).
import type { EnforcementActionType } from './policy-terms';
import { EXPIRING_ACTION_TYPES, isActionActive } from './schedule';

export interface LimitedAccountAction {
  id: string;
  type: EnforcementActionType;
  target: string;
  targetRef: string;
  expiresAt: string | null;
  endedAt: string | null;
  reappliesId: string | null;
}

/** An account's visibility limit that expired by itself and may be re-applied (R15). */
export interface ReapplicableLimit {
  actionId: string;
  handle: string;
  expiredAt: string;
}

/**
 * Limits on accounts that expired (not ended by a person or a withdrawal), were not re-applied yet,
 * and whose account is still a confirmed association (R16): the ones continued behaviour can bring back.
 */
export function reapplicableLimits(
  actions: readonly LimitedAccountAction[],
  accounts: readonly { handle: string; status: string }[],
  now: string,
): ReapplicableLimit[] {
  const confirmed = new Set(accounts.filter((account) => account.status === 'confirmed').map((account) => account.handle.toLowerCase()));
  const reapplied = new Set(actions.flatMap((action) => (action.reappliesId === null ? [] : [action.reappliesId])));
  return actions.flatMap((action) =>
    action.target === 'account' &&
    EXPIRING_ACTION_TYPES.includes(action.type) &&
    action.expiresAt !== null &&
    action.endedAt === null &&
    !isActionActive(action, now) &&
    !reapplied.has(action.id) &&
    confirmed.has(action.targetRef.toLowerCase())
      ? [{ actionId: action.id, handle: action.targetRef, expiredAt: action.expiresAt }]
      : [],
  );
}
