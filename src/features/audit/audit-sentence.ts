// Issue 15 §2: each audit event as a sentence in the reader's language ("Rui Takahashi applied
// “Limit visibility” to @grey_relay_07 until 5 Jan 2027"), built from the event's type, its actor
// and what its changes say (the action applied, the account decided, the person assigned). The
// stored event is read as input: a change that does not have the expected shape gives the plain
// sentence of its type, never an error.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { AuditEvent, FieldChange } from '../../api/contract/audit';
import { BULK_COUNT_PATH } from '../../api/contract/designation-lists';
import { EnforcementActionType, EnforcementTarget } from '../../api/contract/policy-terms';
import { SYSTEM_ACTOR_ID } from '../../api/contract/users';
import { formatDateTime } from '../../components/date-time';

export type SentenceT = TFunction<['audit', 'policy']>;

export interface SentenceContext {
  t: SentenceT;
  userName: (userId: string) => string;
  language: string;
}

/** An action as a change adds it (`enforcementActions[id]`, before null). */
const AddedAction = z.object({
  type: EnforcementActionType,
  target: EnforcementTarget,
  targetRef: z.string(),
  expiresAt: z.string().nullable(),
  appliedBy: z.string(),
});

function addedAction(changes: readonly FieldChange[]) {
  for (const change of changes) {
    if (!/^enforcementActions\[[^\]]+\]$/.test(change.path) || change.before !== null) continue;
    const parsed = AddedAction.safeParse(change.after);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The handle of the account an association event is about (`accounts[handle]…`). */
function accountHandle(changes: readonly FieldChange[]): string | null {
  for (const change of changes) {
    const match = /^accounts\[([^\]]+)\]/.exec(change.path);
    if (match?.[1]) return match[1];
  }
  return null;
}

const changeTo = (changes: readonly FieldChange[], path: string): FieldChange | undefined => changes.find((change) => change.path === path);

export function auditSentence(event: AuditEvent, { t, userName, language }: SentenceContext): string {
  const name = userName(event.actorId);
  switch (event.type) {
    case 'action.applied':
    case 'action.reapplied': {
      const action = addedAction(event.changes);
      if (!action) return t(`sentence.${event.type}`, { name });
      const values = {
        name,
        action: t(`policy:actionShort.${action.type}`),
        target: action.target === 'account' ? `@${action.targetRef}` : `${t(`policy:target.${action.target}`)} ${action.targetRef}`,
        until: action.expiresAt ? formatDateTime(action.expiresAt, language, true) : '',
      };
      if (event.type === 'action.reapplied' && action.appliedBy === SYSTEM_ACTOR_ID) {
        return t('sentence.reappliedAutomatically', values);
      }
      const verb = event.type === 'action.applied' ? 'applied' : 'reapplied';
      return action.expiresAt ? t(`sentence.${verb}Until`, values) : t(`sentence.${verb}NoExpiry`, values);
    }
    case 'account.associated':
    case 'account.rejected': {
      // Issue 10 §3: a bulk decision says how many accounts, not which one.
      const bulk = changeTo(event.changes, BULK_COUNT_PATH)?.after;
      if (typeof bulk === 'number') return t(`sentence.${event.type}.bulk`, { name, count: bulk });
      const handle = accountHandle(event.changes);
      return handle ? t(`sentence.${event.type}.handle`, { name, handle }) : t(`sentence.${event.type}.plain`, { name });
    }
    case 'case.assigned': {
      const owner = changeTo(event.changes, 'ownerId');
      const reviewer = changeTo(event.changes, 'reviewerId');
      if (typeof owner?.after === 'string') return t('sentence.assignedOwner', { name, who: userName(owner.after) });
      if (typeof reviewer?.after === 'string') return t('sentence.assignedReviewer', { name, who: userName(reviewer.after) });
      if (reviewer && reviewer.after === null) return t('sentence.unassignedReviewer', { name });
      return t('sentence.case.assigned', { name });
    }
    case 'case.updated':
      return t('sentence.case.updated', { name, count: event.changes.length });
    case 'case.auto-reapply-set': {
      const enabled = changeTo(event.changes, 'autoReapply.enabled')?.after ?? (changeTo(event.changes, 'autoReapply')?.after as { enabled?: unknown } | null)?.enabled;
      return enabled === true ? t('sentence.autoReapplyOn', { name }) : enabled === false ? t('sentence.autoReapplyOff', { name }) : t('sentence.case.auto-reapply-set', { name });
    }
    default:
      return t(`sentence.${event.type}`, { name });
  }
}
