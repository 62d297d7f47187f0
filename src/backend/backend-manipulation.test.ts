// R3 through the backend rules (the mock and the server call the same): technical coordination with
// sufficient evidence gets enforcement "whatever the harm" and without a designation — proposed by an
// analyst for accounts of the establishing technical signals, decided by another reviewer (R18), a
// permanent suspension per account, audited (R19), not ended by a withdrawal.
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../api/contract/audit';
import type { CaseDocument } from '../api/contract/case';
import { caseIn, createTestBackend, errorBody, manipulationContent, recommendedContent, type TestBackend } from './backend-test-kit';

const PROPOSAL = { accounts: ['@relay_one', 'relay_two', 'RELAY_ONE'], basis: 'One operator runs both accounts from one device.' };

async function propose(kit: TestBackend, doc: CaseDocument, user = 'ben'): Promise<CaseDocument> {
  return kit.ok('proposeManipulationEnforcement', { user, params: { caseId: doc.id }, ifMatch: doc.version, body: PROPOSAL });
}

function decide(kit: TestBackend, doc: CaseDocument, user: string, outcome: 'approve' | 'reject' = 'approve') {
  return kit.call('decideManipulationEnforcement', {
    user, params: { caseId: doc.id, proposalId: doc.manipulationProposals.at(-1)?.id ?? '' }, ifMatch: doc.version,
    body: { outcome, rationale: 'The device link is conclusive.' },
  });
}

async function trailTypes(kit: TestBackend, caseId: string): Promise<string[]> {
  const trail = await kit.call('caseAudit', { user: 'sam', params: { caseId } });
  return (trail.body as AuditPage).items.map((event) => event.type);
}

describe('platform-manipulation enforcement (R3)', () => {
  it('an analyst proposes it on a case that is not recommended; another reviewer approves; each account is suspended permanently', async () => {
    const kit = createTestBackend();
    const draft = await caseIn(kit, 'draft', { content: manipulationContent() });
    const proposed = await propose(kit, draft);
    expect(proposed.manipulationProposals).toEqual([
      expect.objectContaining({ accounts: ['relay_one', 'relay_two'], signalIds: ['sig-tech'], proposedBy: 'ben', decision: null }),
    ]);
    const approved = await decide(kit, proposed, 'sam');
    expect(approved.status).toBe(200);
    const doc = approved.body as CaseDocument;
    expect(doc.designation).toBeNull();
    expect(doc.enforcementActions.map((action) => [action.type, action.targetRef, action.expiresAt, action.appliedBy])).toEqual([
      ['suspend-platform-manipulation', 'relay_one', null, 'sam'],
      ['suspend-platform-manipulation', 'relay_two', null, 'sam'],
    ]);
    expect(doc.manipulationProposals[0]?.decision).toMatchObject({ outcome: 'approve', decidedBy: 'sam', actionIds: doc.enforcementActions.map((action) => action.id) });
    expect((await trailTypes(kit, doc.id)).slice(0, 4)).toEqual(['action.applied', 'action.applied', 'case.manipulation-approved', 'case.manipulation-proposed']);
  });

  it('needs the track, accounts of its signals only, and one proposal at a time', async () => {
    const kit = createTestBackend();
    const noTrack = await caseIn(kit, 'draft', { content: recommendedContent() });
    const refused = await kit.call('proposeManipulationEnforcement', { user: 'ben', params: { caseId: noTrack.id }, ifMatch: noTrack.version, body: PROPOSAL });
    expect(refused.status).toBe(409);
    expect(errorBody(refused).message).toMatch(/no platform-manipulation track \(R3\)/);

    const draft = await caseIn(kit, 'draft', { content: manipulationContent() });
    const outside = await kit.call('proposeManipulationEnforcement', {
      user: 'ben', params: { caseId: draft.id }, ifMatch: draft.version, body: { accounts: ['relay_one', 'harbor_one'], basis: 'x' },
    });
    expect(outside.status).toBe(400);
    expect(errorBody(outside).fieldErrors).toEqual([{ path: 'accounts.1', message: 'manipulation.notInTrack' }]);

    const proposed = await propose(kit, draft);
    const second = await kit.call('proposeManipulationEnforcement', { user: 'ana', params: { caseId: draft.id }, ifMatch: proposed.version, body: PROPOSAL });
    expect(second.status).toBe(409);
  });

  it('four eyes (R18): neither the proposer nor an author of the case decides it', async () => {
    const kit = createTestBackend();
    const draft = await caseIn(kit, 'draft', { content: manipulationContent() });
    const proposed = await propose(kit, draft);
    // Ben proposed; Ana wrote the case. Both become reviewers too.
    for (const id of ['ben', 'ana']) {
      const person = kit.users.find((user) => user.id === id);
      if (person) person.roles = ['analyst', 'reviewer'];
    }
    expect(errorBody(await decide(kit, proposed, 'ben')).message).toMatch(/you proposed this enforcement/);
    expect(errorBody(await decide(kit, proposed, 'ana')).message).toMatch(/Four eyes \(R18\): you created or edited this case/);
    expect((await decide(kit, proposed, 'rui', 'reject')).status).toBe(200);
  });

  it('a rejection applies nothing; an approval after the signals changed is refused; it cannot be applied directly', async () => {
    const kit = createTestBackend();
    const draft = await caseIn(kit, 'draft', { content: manipulationContent() });
    const proposed = await propose(kit, draft);
    // The analyst downgrades the technical signal: the track is gone.
    const content = manipulationContent();
    const technical = content.signals.find((signal) => signal.id === 'sig-tech');
    if (technical) technical.evidenceState = 'corroborated';
    const changed = await kit.ok('updateCase', { user: 'ana', params: { caseId: draft.id }, ifMatch: proposed.version, body: content });
    expect((await decide(kit, changed, 'sam')).status).toBe(409);
    const rejected = (await decide(kit, changed, 'sam', 'reject')).body as CaseDocument;
    expect(rejected.enforcementActions).toEqual([]);
    expect(rejected.manipulationProposals[0]?.decision).toMatchObject({ outcome: 'reject', actionIds: [] });

    const direct = await kit.call('applyAction', {
      user: 'sam', params: { caseId: draft.id }, ifMatch: rejected.version,
      body: { type: 'suspend-platform-manipulation', target: 'account', targetRef: 'relay_one', basis: 'x' },
    });
    expect(direct.status).toBe(409);
  });

  it('withdrawing a designation leaves the R3 suspensions in force; a reviewer can lift one (appeal)', async () => {
    const kit = createTestBackend();
    const designated = await caseIn(kit, 'designated', { content: manipulationContent() });
    const proposed = await propose(kit, designated);
    const approved = (await decide(kit, proposed, 'sam')).body as CaseDocument;
    kit.clock.advanceDays(1);
    const withdrawn = await kit.ok('periodicReview', {
      user: 'sam', params: { caseId: approved.id }, ifMatch: approved.version, body: { outcome: 'withdraw', rationale: 'Harm no longer at threshold.' },
    });
    expect(withdrawn.enforcementActions.every((action) => action.endedAt === null)).toBe(true);
    const [first] = withdrawn.enforcementActions;
    const lifted = await kit.ok('liftAction', {
      user: 'rui', params: { caseId: approved.id, actionId: first?.id ?? '' }, ifMatch: withdrawn.version, body: { reason: 'Appeal upheld: a shared office device.' },
    });
    expect(lifted.enforcementActions[0]).toMatchObject({ endedReason: 'lifted-by-reviewer' });
  });
});
