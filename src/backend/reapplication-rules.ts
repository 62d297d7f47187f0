// R15 (interpretation 2026-12-06) as pure rules: imported activity that shows an associated account
// continuing the designated group's behaviour after its visibility limit expired proposes the limit's
// re-application, citing that activity; a reviewer applies or dismisses the proposal, or, where a
// reviewer has allowed it for the case, the system applies it at once. Either way the re-applied
// action says who applied it (a reviewer or the system), when, on what basis, and until when; a
// reviewer can lift an automatic one (R14) like any other.
import type { z } from 'zod';
import type { ContinuationActivity, ReapplicationProposal } from '../api/contract/case';
import { SYSTEM_ACTOR_ID } from '../api/contract/users';
import type { AutoReapplyInput, ReapplicationDecisionInput, ReapplicationProposalsInput } from '../api/contract/requests';
import { reapplicableLimits } from '../engine/reapplication';
import { ApiFailure, invalidTransition, validationFailure } from './backend-errors';
import { designationInForce, reapplyAction, type EventSpec, type RuleEnv, type Transition } from './case-rules';
import type { StoredCase } from './storage';

/** The basis an automatic re-application records: the activity, in words an auditor can check. */
export function automaticBasis(handle: string, activity: ContinuationActivity): string {
  const first = activity.examples[0];
  const kinds = [...new Set(activity.examples.flatMap((post) => post.matches.map((match) => `${match.kind} ${match.value}`)))].slice(0, 5);
  return (
    `Re-applied automatically (R15): @${handle} continued the group's behaviour after the limit expired — ` +
    `${activity.posts} post(s) from ${activity.firstAt} to ${activity.lastAt} in "${activity.fileName}"` +
    `${first ? `, first ${first.postId}` : ''}; matched: ${kinds.join(', ')}.`
  );
}

/** Applies one proposal's re-application, as `by` (a reviewer, or the system). */
function apply(record: StoredCase, proposal: ReapplicationProposal, note: string, automatic: boolean, env: RuleEnv) {
  const actor = automatic ? { ...env, user: { ...env.user, id: SYSTEM_ACTOR_ID } } : env;
  const justification = automatic ? note : `${note} (R15: ${proposal.activity.posts} post(s) from ${proposal.activity.firstAt} to ${proposal.activity.lastAt} in "${proposal.activity.fileName}".)`;
  const transition = reapplyAction(record, proposal.actionId, { justification }, actor);
  const reapplied = transition.next.enforcementActions.at(-1);
  const decided: ReapplicationProposal = {
    ...proposal,
    decision: {
      outcome: 'applied',
      decidedBy: actor.user.id,
      decidedAt: env.now,
      note,
      reappliedActionId: reapplied?.id ?? null,
      automatic,
    },
  };
  return { next: transition.next, events: transition.events, decided };
}

export function proposeReapplications(record: StoredCase, input: z.output<typeof ReapplicationProposalsInput>, env: RuleEnv): Transition {
  if (!designationInForce(record)) {
    throw invalidTransition('Re-application proposals are for a designation in force (R15).');
  }
  const open = reapplicableLimits(record.enforcementActions, record.accounts, env.now);
  const outside = input.findings.flatMap((finding, index) =>
    open.some((limit) => limit.actionId === finding.actionId && limit.handle.toLowerCase() === finding.handle.toLowerCase())
      ? []
      : [{ path: `findings.${index}`, message: 'reapplication.notReapplicable' }],
  );
  if (outside.length > 0) {
    throw validationFailure(
      'Only an expired visibility limit on a confirmed account, not re-applied yet, can be proposed for re-application (R15).',
      outside,
    );
  }
  const expiredAt = new Map(open.map((limit) => [limit.actionId, limit.expiredAt]));
  const early = input.findings.flatMap((finding, index) =>
    Date.parse(finding.activity.firstAt) > Date.parse(expiredAt.get(finding.actionId) ?? '') ? [] : [{ path: `findings.${index}.activity.firstAt`, message: 'reapplication.beforeExpiry' }],
  );
  if (early.length > 0) throw validationFailure('Re-application rests on activity after the limit expired (R15).', early);

  const automatic = record.autoReapply?.enabled === true;
  let next: StoredCase = record;
  const events: EventSpec[] = [];
  for (const finding of input.findings) {
    // A newer import replaces the activity of a proposal still waiting for the same limit.
    const waiting = next.reapplicationProposals.find((proposal) => proposal.actionId === finding.actionId && proposal.decision === null);
    const proposal: ReapplicationProposal = {
      id: waiting?.id ?? env.newId('proposal'),
      actionId: finding.actionId,
      handle: finding.handle,
      activity: finding.activity,
      proposedBy: env.user.id,
      proposedAt: env.now,
      decision: null,
    };
    events.push({
      type: 'case.reapplication-proposed',
      reason: `@${finding.handle}: ${finding.activity.posts} post(s) after the limit expired, in "${finding.activity.fileName}".`,
      changes: [],
    });
    let stored = proposal;
    if (automatic) {
      const applied = apply(next, proposal, automaticBasis(finding.handle, finding.activity), true, env);
      next = applied.next;
      stored = applied.decided;
      events.push(...applied.events.map((event) => ({ ...event, changes: [] })));
    }
    next = {
      ...next,
      reapplicationProposals: waiting
        ? next.reapplicationProposals.map((candidate) => (candidate.id === waiting.id ? stored : candidate))
        : [...next.reapplicationProposals, stored],
    };
  }
  return { next, events };
}

export function decideReapplication(
  record: StoredCase,
  proposalId: string,
  input: z.output<typeof ReapplicationDecisionInput>,
  env: RuleEnv,
): Transition {
  const proposal = record.reapplicationProposals.find((candidate) => candidate.id === proposalId);
  if (!proposal) throw new ApiFailure('not-found', `No re-application proposal ${proposalId} on this case.`);
  if (proposal.decision) throw invalidTransition(`This proposal was ${proposal.decision.outcome} already.`);
  const replace = (next: StoredCase, decided: ReapplicationProposal): StoredCase => ({
    ...next,
    reapplicationProposals: next.reapplicationProposals.map((candidate) => (candidate.id === proposalId ? decided : candidate)),
  });
  if (input.outcome === 'dismiss') {
    return {
      next: replace(record, {
        ...proposal,
        decision: { outcome: 'dismissed', decidedBy: env.user.id, decidedAt: env.now, note: input.note, reappliedActionId: null, automatic: false },
      }),
      events: [{ type: 'case.reapplication-dismissed', reason: `@${proposal.handle}: ${input.note}` }],
    };
  }
  const applied = apply(record, proposal, input.note, false, env);
  return { next: replace(applied.next, applied.decided), events: applied.events };
}

export function setAutoReapply(record: StoredCase, input: z.output<typeof AutoReapplyInput>, env: RuleEnv): Transition {
  if ((record.autoReapply?.enabled ?? false) === input.enabled) {
    throw invalidTransition(`Automatic re-application is ${input.enabled ? 'on' : 'off'} already.`);
  }
  return {
    next: { ...record, autoReapply: { enabled: input.enabled, setBy: env.user.id, setAt: env.now } },
    events: [
      {
        type: 'case.auto-reapply-set',
        reason: input.enabled
          ? 'Expired visibility limits are re-applied automatically when an import shows the account continuing the behaviour (R15).'
          : 'Re-application proposals wait for a reviewer (R15).',
      },
    ],
  };
}
