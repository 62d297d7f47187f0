// R15 (interpretation 2026-12-06) through the backend rules (the mock and the server call the same):
// an import whose activity shows an account continuing the behaviour after its visibility limit
// expired proposes the re-application with that activity as its basis; a reviewer applies or
// dismisses it, or the system applies it where a reviewer allowed that for the case; a reviewer can
// lift an automatic one; all of it audited (R19).
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../api/contract/audit';
import type { CaseDocument } from '../api/contract/case';
import { caseIn, createTestBackend, errorBody, type TestBackend } from './backend-test-kit';

/** A designated case whose limit on harbor_one expired a day ago. */
async function expiredLimit(kit: TestBackend): Promise<{ doc: CaseDocument; actionId: string }> {
  const designated = await caseIn(kit, 'designated', { withAccount: true });
  const doc = await kit.ok('applyAction', {
    user: 'rui', params: { caseId: designated.id }, ifMatch: designated.version,
    body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies the campaign.' },
  });
  kit.clock.advanceDays(31);
  return { doc, actionId: doc.enforcementActions[0]?.id ?? '' };
}

function finding(actionId: string, firstAt: string, handle = 'harbor_one') {
  return {
    actionId,
    handle,
    activity: {
      posts: 3, firstAt, lastAt: firstAt, fileName: 'week-12.csv',
      examples: [{ postId: 'p-41', at: firstAt, matches: [{ kind: 'cluster' as const, value: 'cluster-00000000000000aa' }, { kind: 'hashtag' as const, value: '#harbor' }] }],
    },
  };
}

function propose(kit: TestBackend, doc: CaseDocument, findings: ReturnType<typeof finding>[], user = 'ana') {
  return kit.call('proposeReapplications', { user, params: { caseId: doc.id }, ifMatch: doc.version, body: { findings } });
}

async function trailTypes(kit: TestBackend, caseId: string): Promise<string[]> {
  const trail = await kit.call('caseAudit', { user: 'sam', params: { caseId } });
  return (trail.body as AuditPage).items.map((event) => event.type);
}

describe('re-application proposed by imported activity (R15)', () => {
  it('an import proposes it; a reviewer re-applies the limit with the activity in its basis, for a new period', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await expiredLimit(kit);
    const proposed = (await propose(kit, doc, [finding(actionId, kit.clock.now())])).body as CaseDocument;
    expect(proposed.reapplicationProposals).toEqual([
      expect.objectContaining({ actionId, handle: 'harbor_one', proposedBy: 'ana', decision: null }),
    ]);
    expect(proposed.enforcementActions).toHaveLength(1);

    const applied = await kit.ok('decideReapplication', {
      user: 'sam', params: { caseId: doc.id, proposalId: proposed.reapplicationProposals[0]?.id ?? '' }, ifMatch: proposed.version,
      body: { outcome: 'apply', note: 'Posting the campaign’s hashtag again within a day of the expiry.' },
    });
    const successor = applied.enforcementActions[1];
    expect(successor).toMatchObject({ reappliesId: actionId, appliedBy: 'sam', targetRef: 'harbor_one', endedAt: null });
    expect(successor?.basis).toMatch(/^Posting the campaign’s hashtag again.*R15: 3 post\(s\) from .* in "week-12\.csv"/);
    expect(Date.parse(successor?.expiresAt ?? '') - Date.parse(kit.clock.now())).toBe(30 * 86_400_000);
    expect(applied.reapplicationProposals[0]?.decision).toMatchObject({ outcome: 'applied', decidedBy: 'sam', reappliedActionId: successor?.id, automatic: false });
    expect((await trailTypes(kit, doc.id)).slice(0, 2)).toEqual(['action.reapplied', 'case.reapplication-proposed']);
  });

  it('where a reviewer allowed it, the system re-applies at once, says so, and a reviewer can lift it (undo)', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await expiredLimit(kit);
    const allowed = await kit.ok('setAutoReapply', { user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: { enabled: true } });
    expect(allowed.autoReapply).toEqual({ enabled: true, setBy: 'rui', setAt: kit.clock.now() });

    const proposed = (await propose(kit, allowed, [finding(actionId, kit.clock.now())])).body as CaseDocument;
    const successor = proposed.enforcementActions[1];
    expect(successor).toMatchObject({ reappliesId: actionId, appliedBy: 'system' });
    expect(successor?.basis).toMatch(/^Re-applied automatically \(R15\): @harbor_one continued .* 3 post\(s\) .* "week-12\.csv", first p-41; matched: cluster cluster-00000000000000aa, hashtag #harbor\.$/);
    expect(proposed.reapplicationProposals[0]?.decision).toMatchObject({ outcome: 'applied', decidedBy: 'system', automatic: true, reappliedActionId: successor?.id });
    expect((await trailTypes(kit, doc.id)).slice(0, 3)).toEqual(['action.reapplied', 'case.reapplication-proposed', 'case.auto-reapply-set']);

    const lifted = await kit.ok('liftAction', {
      user: 'sam', params: { caseId: doc.id, actionId: successor?.id ?? '' }, ifMatch: proposed.version, body: { reason: 'The posts quote the campaign to criticise it.' },
    });
    expect(lifted.enforcementActions[1]).toMatchObject({ endedReason: 'lifted-by-reviewer', endedNote: 'The posts quote the campaign to criticise it.' });
  });

  it('a dismissal keeps the limit expired and says why; a decided proposal is not decided twice', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await expiredLimit(kit);
    const proposed = (await propose(kit, doc, [finding(actionId, kit.clock.now())])).body as CaseDocument;
    const proposalId = proposed.reapplicationProposals[0]?.id ?? '';
    const dismissed = await kit.ok('decideReapplication', {
      user: 'sam', params: { caseId: doc.id, proposalId }, ifMatch: proposed.version, body: { outcome: 'dismiss', note: 'Unrelated posts.' },
    });
    expect(dismissed.enforcementActions).toHaveLength(1);
    expect(dismissed.reapplicationProposals[0]?.decision).toMatchObject({ outcome: 'dismissed', decidedBy: 'sam', note: 'Unrelated posts.' });
    const again = await kit.call('decideReapplication', {
      user: 'sam', params: { caseId: doc.id, proposalId }, ifMatch: dismissed.version, body: { outcome: 'apply', note: 'x' },
    });
    expect(again.status).toBe(409);
  });

  it('a newer import replaces the activity of a proposal still waiting for the same limit', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await expiredLimit(kit);
    const first = (await propose(kit, doc, [finding(actionId, kit.clock.now())])).body as CaseDocument;
    kit.clock.advanceDays(2);
    const second = (await propose(kit, first, [{ ...finding(actionId, kit.clock.now()), activity: { ...finding(actionId, kit.clock.now()).activity, fileName: 'week-13.csv' } }])).body as CaseDocument;
    expect(second.reapplicationProposals).toHaveLength(1);
    expect(second.reapplicationProposals[0]).toMatchObject({ id: first.reapplicationProposals[0]?.id, activity: { fileName: 'week-13.csv' } });
  });

  it('refuses what R15 does not allow: an active limit, an unconfirmed account, activity from before the expiry, no designation', async () => {
    const kit = createTestBackend();
    const designated = await caseIn(kit, 'designated', { withAccount: true });
    const active = await kit.ok('applyAction', {
      user: 'rui', params: { caseId: designated.id }, ifMatch: designated.version,
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
    });
    const stillActive = await propose(kit, active, [finding(active.enforcementActions[0]?.id ?? '', kit.clock.now())]);
    expect(stillActive.status).toBe(400);
    expect(errorBody(stillActive).fieldErrors).toEqual([{ path: 'findings.0', message: 'reapplication.notReapplicable' }]);

    const { doc, actionId } = await expiredLimit(kit);
    const early = await propose(kit, doc, [finding(actionId, '2020-01-01T00:00:00.000Z')]);
    expect(early.status).toBe(400);
    expect(errorBody(early).fieldErrors).toEqual([{ path: 'findings.0.activity.firstAt', message: 'reapplication.beforeExpiry' }]);

    const ended = await kit.ok('decideAccount', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { handle: 'harbor_one', status: 'rejected', basis: ['signals'], note: 'Not one of theirs.', primaryUseFinding: false },
    });
    expect((await propose(kit, ended, [finding(actionId, kit.clock.now())])).status).toBe(400);

    const draft = await caseIn(kit, 'draft');
    const noDesignation = await propose(kit, draft, [finding(actionId, kit.clock.now())]);
    expect(noDesignation.status).toBe(409);
  });

  it('only a reviewer turns automatic re-application on or off, and each change is audited', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated', { withAccount: true });
    expect((await kit.call('setAutoReapply', { user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: { enabled: true } })).status).toBe(403);
    const on = await kit.ok('setAutoReapply', { user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version, body: { enabled: true } });
    expect((await kit.call('setAutoReapply', { user: 'sam', params: { caseId: doc.id }, ifMatch: on.version, body: { enabled: true } })).status).toBe(409);
    const off = await kit.ok('setAutoReapply', { user: 'rui', params: { caseId: doc.id }, ifMatch: on.version, body: { enabled: false } });
    expect(off.autoReapply).toMatchObject({ enabled: false, setBy: 'rui' });
    expect((await trailTypes(kit, doc.id)).slice(0, 2)).toEqual(['case.auto-reapply-set', 'case.auto-reapply-set']);
  });
});
