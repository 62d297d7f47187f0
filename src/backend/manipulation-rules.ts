// R3, the platform-manipulation track, as pure rules: technical coordination established with
// sufficient evidence is prohibited on its own, "whatever the harm", and "we will always take
// enforcement action, typically permanent suspension". An analyst proposes it for accounts of the
// establishing technical signals; a reviewer who neither proposed it nor wrote the case decides it
// (four eyes, R18); an approval applies a permanent suspension to each account. No designation is
// needed, and a withdrawal does not end these suspensions; a reviewer can lift one (appeal, mistake).
import type { z } from 'zod';
import { pendingManipulationProposal, type EnforcementAction, type ManipulationProposal } from '../api/contract/case';
import type { ManipulationDecisionInput, ManipulationProposalInput } from '../api/contract/requests';
import { isActionActive } from '../engine/schedule';
import { ApiFailure, forbidden, invalidTransition, validationFailure } from './backend-errors';
import { contentOf, fourEyesRefusal, type EventSpec, type RuleEnv, type Transition } from './case-rules';
import type { StoredCase } from './storage';

const R3_ACTION = 'suspend-platform-manipulation';

const plain = (handle: string) => handle.replace(/^@/, '').toLowerCase();

/** The track as the engine sees the case now: its establishing technical signals and their accounts. */
function currentTrack(record: StoredCase, env: RuleEnv): { signalIds: string[]; accounts: string[] } {
  const track = env.evaluate(contentOf(record), { now: env.now }).platformManipulationTrack;
  if (!track) {
    throw invalidTransition(
      'This case has no platform-manipulation track (R3): that needs a technical coordination signal with sufficient evidence.',
    );
  }
  return track;
}

/** The accounts of `wanted` that the track does not name, as field errors at their index. */
function outsideTrack(wanted: readonly string[], track: { accounts: readonly string[] }) {
  const inTrack = new Set(track.accounts.map(plain));
  return wanted.flatMap((handle, index) => (inTrack.has(plain(handle)) ? [] : [{ path: `accounts.${index}`, message: 'manipulation.notInTrack' }]));
}

export function proposeManipulationEnforcement(
  record: StoredCase,
  input: z.output<typeof ManipulationProposalInput>,
  env: RuleEnv,
): Transition {
  const track = currentTrack(record, env);
  // Each account once, in the first spelling given.
  const accounts = input.accounts.filter((handle, index) => input.accounts.findIndex((other) => plain(other) === plain(handle)) === index);
  const outside = outsideTrack(accounts, track);
  if (outside.length > 0) {
    throw validationFailure('Platform-manipulation enforcement is for accounts of the establishing technical signals only (R3).', outside);
  }
  const pending = pendingManipulationProposal(record);
  if (pending) throw invalidTransition(`A platform-manipulation proposal (${pending.id}) waits for a reviewer's decision already.`);
  const proposal: ManipulationProposal = {
    id: env.newId('proposal'),
    accounts,
    basis: input.basis,
    signalIds: track.signalIds,
    proposedBy: env.user.id,
    proposedAt: env.now,
    decision: null,
  };
  return {
    next: { ...record, manipulationProposals: [...record.manipulationProposals, proposal] },
    events: [{ type: 'case.manipulation-proposed', reason: input.basis }],
  };
}

export function decideManipulationEnforcement(
  record: StoredCase,
  proposalId: string,
  input: z.output<typeof ManipulationDecisionInput>,
  env: RuleEnv,
): Transition {
  const proposal = record.manipulationProposals.find((candidate) => candidate.id === proposalId);
  if (!proposal) throw new ApiFailure('not-found', `No platform-manipulation proposal ${proposalId} on this case.`);
  if (proposal.decision) throw invalidTransition(`This proposal was decided already (${proposal.decision.outcome}).`);
  // R18: not the proposer, nor anyone who created, edited or submitted the case.
  if (proposal.proposedBy === env.user.id) {
    throw forbidden('Four eyes (R18): you proposed this enforcement, so another reviewer must decide it.');
  }
  const refusal = fourEyesRefusal(record, env.user.id);
  if (refusal) throw forbidden(refusal);

  const actions: EnforcementAction[] = [];
  const events: EventSpec[] = [];
  if (input.outcome === 'approve') {
    // The signals may have changed since the proposal: the track must still name every account.
    const outside = outsideTrack(proposal.accounts, currentTrack(record, env));
    if (outside.length > 0) {
      throw invalidTransition(
        'The platform-manipulation track no longer names every proposed account (its signals changed): reject this proposal and let the analyst propose again (R3).',
      );
    }
    for (const handle of proposal.accounts) {
      const active = record.enforcementActions.some(
        (action) => action.type === R3_ACTION && plain(action.targetRef) === plain(handle) && isActionActive(action, env.now),
      );
      if (active) continue;
      actions.push({
        id: env.newId('action'),
        type: R3_ACTION,
        target: 'account',
        targetRef: handle,
        basis: `Platform manipulation (R3): ${proposal.basis}`,
        appliedBy: env.user.id,
        appliedAt: env.now,
        expiresAt: null,
        reappliesId: null,
        endedAt: null,
        endedReason: null,
      });
      events.push({ type: 'action.applied', reason: `@${handle}: permanent suspension for platform manipulation (R3).`, changes: [] });
    }
  }
  const decided: ManipulationProposal = {
    ...proposal,
    decision: { outcome: input.outcome, rationale: input.rationale, decidedBy: env.user.id, decidedAt: env.now, actionIds: actions.map((action) => action.id) },
  };
  return {
    next: {
      ...record,
      manipulationProposals: record.manipulationProposals.map((candidate) => (candidate.id === proposalId ? decided : candidate)),
      enforcementActions: [...record.enforcementActions, ...actions],
    },
    events: [{ type: input.outcome === 'approve' ? 'case.manipulation-approved' : 'case.manipulation-rejected', reason: input.rationale }, ...events],
  };
}
