// R14-R16: account associations and enforcement actions, expiry boundaries and re-application.
import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../api/contract/case';
import { addDaysUtc } from '../engine/schedule';
import { caseIn, createTestBackend, errorBody, T0, type TestBackend } from './backend-test-kit';

const visibility = { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies dogpiles.' };

async function designatedWithAction(kit: TestBackend): Promise<{ doc: CaseDocument; actionId: string }> {
  const designated = await caseIn(kit, 'designated', { withAccount: true });
  const doc = await kit.ok('applyAction', { user: 'rui', params: { caseId: designated.id }, ifMatch: designated.version, body: visibility });
  return { doc, actionId: doc.enforcementActions[0]?.id ?? '' };
}

describe('accounts (R16)', () => {
  it('shows accounts named in signals as suggestions until a person decides them', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated');
    expect(doc.accounts.map(({ handle, status }) => [handle, status])).toEqual([
      ['harbor_one', 'suggested'],
      ['harbor_two', 'suggested'],
    ]);
    const decided = await kit.ok('decideAccount', {
      user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { handle: '@Harbor_One', status: 'rejected', note: 'Fan account quoting the group.' },
    });
    expect(decided.accounts).toEqual([
      { handle: 'Harbor_One', status: 'rejected', basis: [], note: 'Fan account quoting the group.', primaryUseFinding: false, decidedBy: 'ana', decidedAt: T0 },
      { handle: 'harbor_two', status: 'suggested', basis: [], note: '', primaryUseFinding: false, decidedBy: null, decidedAt: null },
    ]);
  });

  it('confirming needs at least one basis', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated');
    const response = await kit.call('decideAccount', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'confirmed', basis: [] },
    });
    expect(response.status).toBe(400);
    expect(errorBody(response).fieldErrors).toEqual([{ path: 'basis', message: 'association.basisRequired' }]);
  });

  it('needs a designation in force', async () => {
    const kit = createTestBackend();
    for (const state of ['draft', 'in_review'] as const) {
      const doc = await caseIn(kit, state);
      const response = await kit.call('decideAccount', {
        params: { caseId: doc.id }, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'confirmed', basis: ['signals'] },
      });
      expect(response.status).toBe(409);
    }
  });

  it('un-associating an account lifts the designation-based actions on it', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    const after = await kit.ok('decideAccount', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'rejected', note: 'Mistaken identity.' },
    });
    expect(after.enforcementActions[0]).toMatchObject({ endedAt: T0, endedReason: 'lifted' });
    const audit = ((await kit.call('caseAudit', { params: { caseId: doc.id } })).body as { items: { type: string }[] }).items;
    expect(audit.slice(0, 2).map((event) => event.type).toSorted()).toEqual(['account.rejected', 'action.ended']);
  });

  it('R18: an analyst cannot end a reviewer’s action by un-associating its account; the case is unchanged', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    const response = await kit.call('decideAccount', {
      user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'rejected', note: 'Not one of them.' },
    });
    expect(response.status).toBe(403);
    expect(errorBody(response).message).toMatch(/only a reviewer may decide that \(R18\)/);
    const after = await kit.ok('getCase', { params: { caseId: doc.id } });
    expect(after.version).toBe(doc.version);
    expect(after.enforcementActions[0]).toMatchObject({ endedAt: null });
  });

  it('R18: an analyst may still un-associate an account no action rests on', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated', { withAccount: true });
    const after = await kit.ok('decideAccount', {
      user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'rejected', note: 'Mistaken identity.' },
    });
    expect(after.accounts.find((account) => account.handle === 'harbor_one')).toMatchObject({ status: 'rejected', decidedBy: 'ana' });
  });
});

describe('recency of associations at the periodic review (R16, R17)', () => {
  it('a review that keeps the designation must confirm or end each association without recent activity', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    const params = { caseId: doc.id };
    // harbor_one's only signal has no dated window, and it was confirmed 100 days ago.
    kit.clock.advanceDays(100);
    const undecided = await kit.call('periodicReview', { user: 'sam', params, ifMatch: doc.version, body: { outcome: 'maintain', rationale: 'Still active.' } });
    expect(undecided.status).toBe(400);
    expect(errorBody(undecided)).toMatchObject({
      message: expect.stringContaining('@harbor_one') as string,
      fieldErrors: [{ path: 'associations', message: 'review.associationsUndecided' }],
    });

    const kept = await kit.ok('periodicReview', {
      user: 'sam', params, ifMatch: doc.version,
      body: { outcome: 'maintain', rationale: 'Still active.', associations: [{ handle: 'harbor_one', keep: true }] },
    });
    expect(kept.accounts.find((account) => account.handle === 'harbor_one')).toMatchObject({ status: 'confirmed', decidedBy: 'sam', decidedAt: kit.clock.now() });
    expect(kept.enforcementActions.every((action) => action.endedAt === null)).toBe(true);
    // Confirmed at this review: the next review within the period asks nothing of it.
    const again = await kit.call('periodicReview', { user: 'sam', params, ifMatch: kept.version, body: { outcome: 'maintain', rationale: 'Checked again.' } });
    expect(again.status).toBe(200);
  });

  it('ending an association at the review lifts the designation-based actions on its account, with events', async () => {
    const kit = createTestBackend();
    const designated = await caseIn(kit, 'designated', { withAccount: true });
    kit.clock.advanceDays(100);
    // A visibility limit applied today, still in force at the review.
    const doc = await kit.ok('applyAction', { user: 'rui', params: { caseId: designated.id }, ifMatch: designated.version, body: visibility });
    const actionId = doc.enforcementActions[0]?.id;
    const ended = await kit.ok('periodicReview', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { outcome: 'modify', rationale: 'Drop the quiet account.', associations: [{ handle: 'harbor_one', keep: false }] },
    });
    expect(ended.status).toBe('draft');
    expect(ended.accounts.find((account) => account.handle === 'harbor_one')).toMatchObject({ status: 'rejected', decidedBy: 'sam' });
    expect(ended.enforcementActions.find((action) => action.id === actionId)).toMatchObject({ endedReason: 'lifted', endedAt: kit.clock.now() });
    const trail = await kit.call('caseAudit', { user: 'sam', params: { caseId: doc.id } });
    const types = (trail.body as { items: { type: string; reason: string | null }[] }).items.map((event) => event.type);
    expect(types.slice(0, 3)).toEqual(['action.ended', 'account.rejected', 'case.review-modify']);
  });

  it('a withdrawal needs no association decisions; deciding an account that is not associated is refused', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    kit.clock.advanceDays(100);
    const params = { caseId: doc.id };
    const stranger = await kit.call('periodicReview', {
      user: 'sam', params, ifMatch: doc.version,
      body: { outcome: 'maintain', rationale: 'x', associations: [{ handle: 'harbor_one', keep: true }, { handle: 'harbor_two', keep: true }] },
    });
    expect(stranger.status).toBe(400);
    expect(errorBody(stranger).fieldErrors).toEqual([{ path: 'associations.1.handle', message: 'review.notAssociated' }]);
    const withdrawn = await kit.ok('periodicReview', { user: 'sam', params, ifMatch: doc.version, body: { outcome: 'withdraw', rationale: 'Inactive.' } });
    expect(withdrawn.status).toBe('withdrawn');
  });
});

describe('actions (R14)', () => {
  it('actions under the general Rules need no designation: Tweet removal on a draft, suspension of an account its signals name (R14)', async () => {
    const kit = createTestBackend();
    const draft = await caseIn(kit, 'draft');
    const framework = await kit.call('applyAction', {
      user: 'sam', params: { caseId: draft.id }, ifMatch: draft.version,
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
    });
    expect(framework.status).toBe(409);
    expect(errorBody(framework).message).toMatch(/general Rules still allow/);
    const removal = await kit.ok('applyAction', {
      user: 'sam', params: { caseId: draft.id }, ifMatch: draft.version,
      body: { type: 'require-tweet-removal', target: 'tweet', targetRef: '1790000000000000001', basis: 'Violent threat (Twitter Rules: violence).' },
    });
    const suspended = await kit.ok('applyAction', {
      user: 'sam', params: { caseId: draft.id }, ifMatch: removal.version,
      body: { type: 'suspend-severe-violations', target: 'account', targetRef: '@Harbor_Two', basis: 'Repeated targeted harassment.' },
    });
    expect(suspended.enforcementActions.map((action) => [action.type, action.targetRef, action.expiresAt])).toEqual([
      ['require-tweet-removal', '1790000000000000001', null],
      ['suspend-severe-violations', 'Harbor_Two', null],
    ]);
    const stranger = await kit.call('applyAction', {
      user: 'sam', params: { caseId: draft.id }, ifMatch: suspended.version,
      body: { type: 'suspend-severe-violations', target: 'account', targetRef: 'someone_else', basis: 'x' },
    });
    expect(stranger.status).toBe(400);
    expect(errorBody(stranger).fieldErrors).toEqual([{ path: 'targetRef', message: 'action.accountNotInCase' }]);
  });

  it('a reviewer lifts an active action with a reason: ended now, the reason kept and in the audit trail', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    const actionId = doc.enforcementActions[0]?.id ?? '';
    const missing = await kit.call('liftAction', { user: 'sam', params: { caseId: doc.id, actionId }, ifMatch: doc.version, body: { reason: '  ' } });
    expect(missing.status).toBe(400);
    const after = await kit.ok('liftAction', {
      user: 'sam', params: { caseId: doc.id, actionId }, ifMatch: doc.version, body: { reason: 'Appeal upheld: a parody account.' },
    });
    expect(after.enforcementActions[0]).toMatchObject({ endedAt: T0, endedReason: 'lifted-by-reviewer', endedNote: 'Appeal upheld: a parody account.' });
    const audit = ((await kit.call('caseAudit', { params: { caseId: doc.id } })).body as { items: { type: string; actorId: string; reason: string | null }[] }).items;
    expect(audit[0]).toMatchObject({ type: 'action.ended', actorId: 'sam', reason: 'Appeal upheld: a parody account.' });
    const again = await kit.call('liftAction', {
      user: 'sam', params: { caseId: doc.id, actionId }, ifMatch: after.version, body: { reason: 'Twice.' },
    });
    expect(again.status).toBe(409);
    expect(errorBody(again).message).toMatch(/nothing to lift/);
    const unknown = await kit.call('liftAction', { user: 'sam', params: { caseId: doc.id, actionId: 'action-none' }, ifMatch: after.version, body: { reason: 'x' } });
    expect(unknown.status).toBe(404);
  });

  it('applies an action with who, when, basis and the per-case expiry', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    expect(doc.enforcementActions).toEqual([
      {
        id: expect.any(String) as string, type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies dogpiles.',
        appliedBy: 'rui', appliedAt: T0, expiresAt: addDaysUtc(T0, 30), reappliesId: null, endedAt: null, endedReason: null,
      },
    ]);
  });

  it('uses the case setting for the visibility period and no expiry for suspensions', async () => {
    const kit = createTestBackend();
    const designated = await caseIn(kit, 'designated', { withAccount: true });
    const params = { caseId: designated.id };
    // Settings are content: change them through a modification, then act.
    let doc = await kit.ok('periodicReview', { user: 'sam', params, ifMatch: designated.version, body: { outcome: 'modify', rationale: 'Shorter limit.' } });
    doc = await kit.ok('updateCase', { user: 'ben', params, ifMatch: doc.version, body: { ...doc, settings: { visibilityLimitDays: 7, reviewIntervalDays: 90 } } });
    doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body: { ...visibility, target: 'tweet', targetRef: '42' } });
    doc = await kit.ok('applyAction', {
      user: 'rui', params, ifMatch: doc.version, body: { type: 'suspend-severe-violations', target: 'account', targetRef: 'harbor_one', basis: 'Repeated threats.' },
    });
    expect(doc.enforcementActions.map((action) => action.expiresAt)).toEqual([addDaysUtc(T0, 7), null]);
  });

  it('account targets must be confirmed associations', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated');
    const response = await kit.call('applyAction', { user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: visibility });
    expect(response.status).toBe(400);
    expect(errorBody(response).fieldErrors).toEqual([{ path: 'targetRef', message: 'action.accountNotConfirmed' }]);
  });

  it('a primary-use suspension needs the primary-use finding on the account', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated', { withAccount: true });
    const params = { caseId: doc.id };
    const body = { type: 'suspend-primary-use', target: 'account', targetRef: 'harbor_one', basis: 'Exists to dogpile.' };
    const refused = await kit.call('applyAction', { user: 'rui', params, ifMatch: doc.version, body });
    expect(refused.status).toBe(400);
    expect(errorBody(refused).message).toMatch(/primary use/);
    const found = await kit.ok('decideAccount', {
      user: 'sam', params, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'confirmed', basis: ['recent-behaviour'], primaryUseFinding: true },
    });
    const applied = await kit.ok('applyAction', { user: 'rui', params, ifMatch: found.version, body });
    expect(applied.enforcementActions[0]?.type).toBe('suspend-primary-use');
  });

  it('refuses mismatched targets, duplicates of an active action, and acting without a designation', async () => {
    const kit = createTestBackend();
    const { doc } = await designatedWithAction(kit);
    const params = { caseId: doc.id };
    const mismatch = await kit.call('applyAction', {
      user: 'rui', params, ifMatch: doc.version, body: { type: 'prevent-trends', target: 'account', targetRef: 'harbor_one', basis: 'x' },
    });
    expect(errorBody(mismatch).fieldErrors).toEqual([{ path: 'target', message: 'action.targetMismatch' }]);
    const duplicate = await kit.call('applyAction', { user: 'rui', params, ifMatch: doc.version, body: visibility });
    expect(duplicate.status).toBe(409);
    const draft = await caseIn(kit, 'draft');
    const noDesignation = await kit.call('applyAction', {
      user: 'rui', params: { caseId: draft.id }, ifMatch: draft.version, body: { ...visibility, target: 'tweet', targetRef: '1' },
    });
    expect(noDesignation.status).toBe(409);
  });
});

describe('expiry and re-application (R15)', () => {
  it('is active until the instant of expiry, exclusive; re-apply is refused before and allowed from then', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await designatedWithAction(kit);
    const params = { caseId: doc.id, actionId };
    const body = { justification: 'Continues the behaviour.' };
    kit.clock.set(new Date(Date.parse(addDaysUtc(T0, 30)) - 1).toISOString());
    const early = await kit.call('reapplyAction', { user: 'rui', params, ifMatch: doc.version, body });
    expect(early.status).toBe(409);
    expect(errorBody(early).message).toMatch(/still active/);
    // The duplicate guard follows expiry too: while active, a second identical action is refused.
    expect((await kit.call('applyAction', { user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: visibility })).status).toBe(409);

    const expiry = addDaysUtc(T0, 30);
    kit.clock.set(expiry);
    const again = await kit.ok('reapplyAction', { user: 'sam', params, ifMatch: doc.version, body });
    expect(again.enforcementActions[1]).toMatchObject({
      type: 'limit-visibility', targetRef: 'harbor_one', basis: 'Continues the behaviour.', appliedBy: 'sam', appliedAt: expiry,
      expiresAt: addDaysUtc(expiry, 30), reappliesId: actionId, endedAt: null,
    });
    expect(again.enforcementActions[0]).toEqual(doc.enforcementActions[0]);
    const audit = ((await kit.call('caseAudit', { params: { caseId: doc.id } })).body as { items: { type: string; reason: string }[] }).items;
    expect(audit[0]).toMatchObject({ type: 'action.reapplied', reason: 'Continues the behaviour.' });
  });

  it('re-applies each expired action once, only expiring types, only known actions', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await designatedWithAction(kit);
    const caseId = doc.id;
    let current = await kit.ok('applyAction', {
      user: 'rui', params: { caseId }, ifMatch: doc.version, body: { type: 'require-tweet-removal', target: 'tweet', targetRef: '99', basis: 'Threat.' },
    });
    const removalId = current.enforcementActions[1]?.id ?? '';
    kit.clock.advanceDays(31);
    const body = { justification: 'Again.' };
    current = await kit.ok('reapplyAction', { user: 'rui', params: { caseId, actionId }, ifMatch: current.version, body });
    const twice = await kit.call('reapplyAction', { user: 'rui', params: { caseId, actionId }, ifMatch: current.version, body });
    expect(twice.status).toBe(409);
    expect(errorBody(twice).message).toMatch(/already re-applied/);
    const nonExpiring = await kit.call('reapplyAction', { user: 'rui', params: { caseId, actionId: removalId }, ifMatch: current.version, body });
    expect(nonExpiring.status).toBe(409);
    const unknown = await kit.call('reapplyAction', { user: 'rui', params: { caseId, actionId: 'action-nope' }, ifMatch: current.version, body });
    expect(unknown.status).toBe(404);
  });

  it('refuses to re-apply after withdrawal: the designation is no longer in force', async () => {
    const kit = createTestBackend();
    const { doc, actionId } = await designatedWithAction(kit);
    kit.clock.advanceDays(40);
    const withdrawn = await kit.ok('periodicReview', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version, body: { outcome: 'withdraw', rationale: 'Dormant.' },
    });
    // Already expired, so withdrawal did not need to end it.
    expect(withdrawn.enforcementActions[0]?.endedAt).toBeNull();
    const response = await kit.call('reapplyAction', {
      user: 'rui', params: { caseId: doc.id, actionId }, ifMatch: withdrawn.version, body: { justification: 'x' },
    });
    expect(response.status).toBe(409);
  });
});
