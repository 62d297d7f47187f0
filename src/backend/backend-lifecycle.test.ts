// R17/R18 lifecycle through the public `handle`: every transition, every refusal, four eyes.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { emptyCaseContent } from '../api/contract/case';
import { addDaysUtc } from '../engine/schedule';
import {
  T0,
  caseIn,
  contentOfDoc,
  createTestBackend,
  errorBody,
  notRecommendedContent,
  NEW_CASE,
  recommendedContent,
  type TestBackend,
} from './backend-test-kit';

async function auditTypes(kit: TestBackend, caseId: string): Promise<string[]> {
  const response = await kit.call('caseAudit', { params: { caseId } });
  return (response.body as { items: { type: string }[] }).items.map((event) => event.type).toReversed();
}

/** Promotes a user to reviewer, as when an analyst changes role: the four-eyes check must still hold. */
function promote(kit: TestBackend, userId: string): void {
  const user = kit.users.find((candidate) => candidate.id === userId);
  if (user) user.roles = ['reviewer'];
}

describe('create', () => {
  it('starts a draft at version 1 with empty content around the new actor', async () => {
    const kit = createTestBackend();
    const response = await kit.call('createCase', { user: 'ana', body: NEW_CASE });
    expect(response.status).toBe(201);
    expect(response.headers.ETag).toBe('"1"');
    const doc = await kit.ok('getCase', { params: { caseId: (response.body as { id: string }).id } });
    expect(doc).toMatchObject({ status: 'draft', version: 1, createdBy: 'ana', createdAt: T0, editorsSinceReview: ['ana'] });
    expect(contentOfDoc(doc)).toEqual(
      emptyCaseContent({ ...NEW_CASE.actor, aliases: [], geographies: [], languages: [], hashtags: [], keywords: [], trendTerms: [] }),
    );
    expect(await auditTypes(kit, doc.id)).toEqual(['case.created']);
  });
});

describe('update', () => {
  it('replaces the content of a draft, bumps the version and records the editor', async () => {
    const kit = createTestBackend();
    const created = await kit.ok('createCase', { user: 'ana', body: NEW_CASE });
    const updated = await kit.ok('updateCase', {
      user: 'ben', params: { caseId: created.id }, ifMatch: 1, body: recommendedContent(),
    });
    expect(updated.version).toBe(2);
    expect(updated.editorsSinceReview).toEqual(['ana', 'ben']);
    expect(updated.updatedBy).toBe('ben');
    expect(contentOfDoc(updated)).toEqual(recommendedContent());
  });

  it.each(['in_review', 'designated'] as const)('is refused with 409 while the case is %s', async (state) => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, state);
    const response = await kit.call('updateCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: recommendedContent() });
    expect(response.status).toBe(409);
    expect(errorBody(response).code).toBe('invalid-transition');
    expect(errorBody(response).message).toMatch(/cannot be edited/);
  });
});

describe('submit', () => {
  it('refuses an incomplete case (R13), naming every missing input the engine reports: questions (R12), rights (R10), ratings (R5), signals (R2)', async () => {
    const kit = createTestBackend();
    const created = await kit.ok('createCase', { body: NEW_CASE });
    const response = await kit.call('submitCase', { params: { caseId: created.id }, ifMatch: 1, body: {} });
    expect(response.status).toBe(400);
    expect(errorBody(response).message).toMatch(/^The assessment is incomplete \(R13\): \d+ inputs are missing/);
    const fields = errorBody(response).fieldErrors;
    expect(fields).toEqual(expect.arrayContaining([
      { path: 'questions.identifiableGroup', message: 'missing.R12.question' },
      { path: 'questions.risksOfApplying', message: 'missing.R12.question' },
      { path: 'rightsRiskAssessment', message: 'missing.R10.rightsRiskAssessment' },
      { path: 'harm.physical.severity', message: 'missing.R5.severity' },
      { path: 'signals', message: 'missing.R2.signals' },
    ]));
  });

  it('treats whitespace-only answers as missing', async () => {
    const kit = createTestBackend();
    const content = recommendedContent();
    content.questions.risksOfApplying = '   \n';
    const doc = await caseIn(kit, 'draft', { content });
    const response = await kit.call('submitCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: {} });
    expect(errorBody(response).fieldErrors).toEqual([{ path: 'questions.risksOfApplying', message: 'missing.R12.question' }]);
  });

  it('refuses a rating without its evidence (R6a) at submission; the case stays a draft', async () => {
    const kit = createTestBackend();
    const content = recommendedContent();
    content.harm.physical.evidence = [];
    const doc = await caseIn(kit, 'draft', { content });
    const response = await kit.call('submitCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: {} });
    expect(response.status).toBe(400);
    expect(errorBody(response).fieldErrors).toEqual([{ path: 'harm.physical.evidence', message: 'missing.R6a.evidence' }]);
    expect((await kit.ok('getCase', { params: { caseId: doc.id } })).status).toBe('draft');
  });

  it('refuses to approve a case that is incomplete now, even as an override (R8); return and reject stay open', async () => {
    // An engine that finds an input missing once the case is in review (as a rule added since would).
    let incompleteNow = false;
    const kit = createTestBackend({
      evaluate: (content, options) => {
        const verdict = evaluate(content, options);
        return incompleteNow ? { ...verdict, outcome: 'incomplete' } : verdict;
      },
    });
    const doc = await caseIn(kit, 'in_review');
    incompleteNow = true;
    const params = { caseId: doc.id };
    const approve = await kit.call('decideCase', {
      user: 'sam', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Approve anyway.', overrideJustification: 'Override.' },
    });
    expect(approve.status).toBe(409);
    expect(errorBody(approve).message).toMatch(/incomplete \(R13\): a designation cannot be approved, even as an override \(R8\)/);
    const returned = await kit.ok('decideCase', { user: 'sam', params, ifMatch: doc.version, body: { decision: 'return', rationale: 'Add the evidence.' } });
    expect(returned.status).toBe('draft');
  });

  it('stores the submission with the engine verdict of that moment and moves to in_review', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const submitted = await kit.ok('submitCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: { note: 'Ready.' } });
    expect(submitted.status).toBe('in_review');
    expect(submitted.submission).toMatchObject({
      submittedBy: 'ana',
      submittedAt: T0,
      verdict: { outcome: 'recommended', platformManipulationTrack: false },
      contentAtSubmission: recommendedContent(),
    });
    expect(submitted.submission?.verdict.ruleIds).toContain('R13');
    const audit = await kit.call('caseAudit', { params: { caseId: doc.id } });
    expect((audit.body as { items: { type: string; reason: string }[] }).items[0]).toMatchObject({ type: 'case.submitted', reason: 'Ready.' });
  });

  it('refuses a second submission (409)', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const response = await kit.call('submitCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: {} });
    expect(response.status).toBe(409);
  });
});

describe('decide', () => {
  it('approve: designates, sets the review schedule and resets four-eyes bookkeeping', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    kit.clock.advanceDays(1);
    const approved = await kit.ok('decideCase', {
      user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { decision: 'approve', rationale: 'Meets the threshold.' },
    });
    const now = addDaysUtc(T0, 1);
    expect(approved.status).toBe('designated');
    expect(approved.designation).toEqual({
      approvedBy: 'rui', approvedAt: now, firstApprovedAt: now, rationale: 'Meets the threshold.', lastReviewedAt: now,
      nextReviewAt: addDaysUtc(now, 90), withdrawnAt: null, withdrawnBy: null, withdrawalRationale: null,
    });
    expect(approved.editorsSinceReview).toEqual([]);
    expect(approved.contentAtLastReview).toEqual(contentOfDoc(doc));
    expect(approved.reviews).toEqual([
      {
        decision: 'approve', decidedBy: 'rui', decidedAt: now, rationale: 'Meets the threshold.', override: null,
        verdictAtDecision: doc.submission?.verdict, requests: [],
      },
    ]);
    expect(await auditTypes(kit, doc.id)).toEqual(['case.created', 'case.updated', 'case.submitted', 'case.approved']);
  });

  it('return: back to draft with the comments; the analyst can edit again', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const returned = await kit.ok('decideCase', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { decision: 'return', rationale: 'Add the second source.' },
    });
    expect(returned.status).toBe('draft');
    expect(returned.reviews.at(-1)).toMatchObject({ decision: 'return', rationale: 'Add the second source.', override: null });
    await kit.ok('updateCase', { params: { caseId: doc.id }, ifMatch: returned.version, body: recommendedContent() });
  });

  it('reject: final; nothing more can change the case', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review', { content: notRecommendedContent() });
    const rejected = await kit.ok('decideCase', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version, body: { decision: 'reject', rationale: 'Harm too low.' },
    });
    expect(rejected.status).toBe('rejected');
    const params = { caseId: doc.id };
    const attempts = await Promise.all([
      kit.call('updateCase', { params, ifMatch: rejected.version, body: recommendedContent() }),
      kit.call('submitCase', { params, ifMatch: rejected.version, body: {} }),
      kit.call('decideCase', { user: 'rui', params, ifMatch: rejected.version, body: { decision: 'approve', rationale: 'x', overrideJustification: 'y' } }),
      kit.call('periodicReview', { user: 'rui', params, ifMatch: rejected.version, body: { outcome: 'maintain', rationale: 'x' } }),
    ]);
    expect(attempts.map((response) => response.status)).toEqual([409, 409, 409, 409]);
  });

  it('R8: approving a case that is not recommended needs an override justification', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review', { content: notRecommendedContent() });
    expect(doc.submission?.verdict.outcome).toBe('not-recommended');
    const params = { caseId: doc.id };
    const refused = await kit.call('decideCase', {
      user: 'rui', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Threats are credible.' },
    });
    expect(refused.status).toBe(400);
    expect(errorBody(refused).fieldErrors).toEqual([{ path: 'overrideJustification', message: 'required' }]);
    const blank = await kit.call('decideCase', {
      user: 'rui', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Threats are credible.', overrideJustification: '  ' },
    });
    expect(blank.status).toBe(400);

    const approved = await kit.ok('decideCase', {
      user: 'rui', params, ifMatch: doc.version,
      body: { decision: 'approve', rationale: 'Threats are credible.', overrideJustification: 'A single credible threat outweighs the rubric here.' },
    });
    expect(approved.reviews.at(-1)?.override).toEqual({ justification: 'A single credible threat outweighs the rubric here.' });
    const audit = ((await kit.call('caseAudit', { params })).body as { items: { type: string; reason: string; caseVersion: number }[] }).items;
    expect(audit.slice(0, 2).map((event) => event.type)).toEqual(['case.override', 'case.approved']);
    expect(audit[0]).toMatchObject({ reason: 'A single credible threat outweighs the rubric here.', caseVersion: approved.version });
  });

  it('R8: rejecting a recommended case is an override too; returning never is', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const params = { caseId: doc.id };
    const refused = await kit.call('decideCase', { user: 'rui', params, ifMatch: doc.version, body: { decision: 'reject', rationale: 'No.' } });
    expect(errorBody(refused).fieldErrors).toEqual([{ path: 'overrideJustification', message: 'required' }]);
    const returned = await kit.ok('decideCase', { user: 'rui', params, ifMatch: doc.version, body: { decision: 'return', rationale: 'More.' } });
    expect(returned.reviews.at(-1)?.override).toBeNull();
  });

  it('refuses to decide a case that is not in review (409)', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const response = await kit.call('decideCase', {
      user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: { decision: 'approve', rationale: 'x' },
    });
    expect(response.status).toBe(409);
  });
});

describe('four eyes (R18)', () => {
  it('the submitter cannot approve, even after becoming a reviewer', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    promote(kit, 'ana');
    const response = await kit.call('decideCase', {
      user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Mine.' },
    });
    expect(response.status).toBe(403);
    expect(errorBody(response).message).toMatch(/you submitted this case/);
  });

  it('someone who edited the case cannot approve; a different reviewer can', async () => {
    const kit = createTestBackend();
    const created = await kit.ok('createCase', { user: 'ana', body: NEW_CASE });
    const params = { caseId: created.id };
    const edited = await kit.ok('updateCase', { user: 'ben', params, ifMatch: 1, body: recommendedContent() });
    const submitted = await kit.ok('submitCase', { user: 'ana', params, ifMatch: edited.version, body: {} });
    promote(kit, 'ben');
    const refused = await kit.call('decideCase', { user: 'ben', params, ifMatch: submitted.version, body: { decision: 'approve', rationale: 'x' } });
    expect(refused.status).toBe(403);
    expect(errorBody(refused).message).toMatch(/created or edited this case at some point in its history/);
    const approved = await kit.ok('decideCase', { user: 'sam', params, ifMatch: submitted.version, body: { decision: 'approve', rationale: 'Fine.' } });
    expect(approved.status).toBe('designated');
  });

  it('counts edits at any time (R18, 2026-12-06): an editor before a return still may not decide after it', async () => {
    const kit = createTestBackend();
    const created = await kit.ok('createCase', { user: 'ana', body: NEW_CASE });
    const params = { caseId: created.id };
    let doc = await kit.ok('updateCase', { user: 'ben', params, ifMatch: 1, body: recommendedContent() });
    doc = await kit.ok('submitCase', { user: 'ana', params, ifMatch: doc.version, body: {} });
    doc = await kit.ok('decideCase', { user: 'rui', params, ifMatch: doc.version, body: { decision: 'return', rationale: 'Tighten.' } });
    expect(doc.editorsSinceReview).toEqual([]);
    const analyst = { id: 'kim', name: 'Kim Larsen', roles: ['analyst' as const] };
    kit.users.push(analyst);
    doc = await kit.ok('updateCase', { user: 'kim', params, ifMatch: doc.version, body: recommendedContent() });
    doc = await kit.ok('submitCase', { user: 'kim', params, ifMatch: doc.version, body: {} });
    promote(kit, 'ben');
    expect(doc.authors.toSorted()).toEqual(['ana', 'ben', 'kim']);
    const refused = await kit.call('decideCase', { user: 'ben', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Now fine.' } });
    expect(refused.status).toBe(403);
    expect(errorBody(refused).message).toMatch(/at some point in its history/);
    // The creator, who has since become a reviewer, is an author too.
    promote(kit, 'ana');
    expect((await kit.call('decideCase', { user: 'ana', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Mine.' } })).status).toBe(403);
    const approved = await kit.ok('decideCase', { user: 'sam', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Now fine.' } });
    expect(approved.status).toBe('designated');
  });

  it('also guards return and reject, not only approve', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    promote(kit, 'ana');
    for (const decision of ['return', 'reject'] as const) {
      const response = await kit.call('decideCase', {
        user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: { decision, rationale: 'x', overrideJustification: 'y' },
      });
      expect(response.status).toBe(403);
    }
  });
});

describe('periodic review (R17)', () => {
  it('maintain: records the review and schedules the next one', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated');
    kit.clock.advanceDays(91);
    const maintained = await kit.ok('periodicReview', {
      user: 'sam', params: { caseId: doc.id }, ifMatch: doc.version, body: { outcome: 'maintain', rationale: 'Still active.' },
    });
    const now = addDaysUtc(T0, 91);
    expect(maintained.status).toBe('designated');
    expect(maintained.designation).toMatchObject({ approvedBy: 'rui', lastReviewedAt: now, nextReviewAt: addDaysUtc(now, 90) });
    expect(await auditTypes(kit, doc.id)).toContain('case.review-maintained');
  });

  it('modify: back to draft with the designation and its actions in force, then re-approved by four eyes', async () => {
    const kit = createTestBackend();
    let doc = await caseIn(kit, 'designated', { withAccount: true });
    const params = { caseId: doc.id };
    const designatedAt = doc.designation?.approvedAt;
    doc = await kit.ok('applyAction', {
      user: 'rui', params, ifMatch: doc.version,
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
    });
    doc = await kit.ok('periodicReview', { user: 'sam', params, ifMatch: doc.version, body: { outcome: 'modify', rationale: 'Add the new hashtag.' } });
    expect(doc.status).toBe('draft');
    expect(doc.designation?.withdrawnAt).toBeNull();
    expect(doc.enforcementActions[0]?.endedAt).toBeNull();

    const content = contentOfDoc(doc);
    content.actor.hashtags = ['#HarborWatch', '#HarborWatch2'];
    doc = await kit.ok('updateCase', { user: 'ben', params, ifMatch: doc.version, body: content });
    // Still in force while modified: accounts can be decided and actions applied.
    doc = await kit.ok('decideAccount', {
      user: 'ben', params, ifMatch: doc.version, body: { handle: 'harbor_two', status: 'confirmed', basis: ['signals'] },
    });
    doc = await kit.ok('submitCase', { user: 'ben', params, ifMatch: doc.version, body: {} });
    const rejectModification = await kit.call('decideCase', {
      user: 'rui', params, ifMatch: doc.version, body: { decision: 'reject', rationale: 'No.', overrideJustification: 'x' },
    });
    expect(rejectModification.status).toBe(409);
    kit.clock.advanceDays(3);
    doc = await kit.ok('decideCase', { user: 'rui', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Modification fine.' } });
    expect(doc.status).toBe('designated');
    // The re-approval is the latest approval; the date the actor was first designated stays (R19).
    expect(doc.designation).toMatchObject({
      approvedBy: 'rui', approvedAt: addDaysUtc(T0, 3), firstApprovedAt: designatedAt, rationale: 'Modification fine.',
    });
    expect(doc.actor.hashtags).toEqual(['#HarborWatch', '#HarborWatch2']);
  });

  it('withdraw: ends the designation and every active designation-based action, not general-Rules ones', async () => {
    const kit = createTestBackend();
    let doc = await caseIn(kit, 'designated', { withAccount: true });
    const params = { caseId: doc.id };
    doc = await kit.ok('decideAccount', {
      user: 'sam', params, ifMatch: doc.version,
      body: { handle: 'harbor_two', status: 'confirmed', basis: ['signals'], primaryUseFinding: true },
    });
    const apply = async (type: string, target: string, targetRef: string) => {
      doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body: { type, target, targetRef, basis: 'Basis.' } });
    };
    await apply('limit-visibility', 'account', 'harbor_one');
    await apply('prevent-recommendations', 'tweet', '1234567890');
    await apply('prevent-trends', 'trend-term', 'HarborWatch');
    await apply('suspend-primary-use', 'account', 'harbor_two');
    await apply('require-tweet-removal', 'tweet', '1234567891');
    await apply('suspend-severe-violations', 'account', 'harbor_one');
    kit.clock.advanceDays(2);
    doc = await kit.ok('periodicReview', { user: 'sam', params, ifMatch: doc.version, body: { outcome: 'withdraw', rationale: 'Inactive for months.' } });
    const now = addDaysUtc(T0, 2);
    expect(doc.status).toBe('withdrawn');
    expect(doc.designation).toMatchObject({ withdrawnAt: now, withdrawnBy: 'sam', withdrawalRationale: 'Inactive for months.' });
    const ended = Object.fromEntries(doc.enforcementActions.map((action) => [action.type, [action.endedAt, action.endedReason]]));
    expect(ended).toEqual({
      'limit-visibility': [now, 'withdrawn'],
      'prevent-recommendations': [now, 'withdrawn'],
      'prevent-trends': [now, 'withdrawn'],
      'suspend-primary-use': [now, 'withdrawn'],
      'require-tweet-removal': [null, null],
      'suspend-severe-violations': [null, null],
    });
    const audit = ((await kit.call('caseAudit', { params })).body as { items: { type: string; caseVersion: number }[] }).items;
    expect(audit.filter((event) => event.caseVersion === doc.version).map((event) => event.type).toSorted()).toEqual(
      ['action.ended', 'action.ended', 'action.ended', 'action.ended', 'case.withdrawn'],
    );
    const after = await kit.call('applyAction', {
      user: 'rui', params, ifMatch: doc.version, body: { type: 'limit-visibility', target: 'tweet', targetRef: '1', basis: 'x' },
    });
    expect(after.status).toBe(409);
  });

  it('is only for designated cases (409 otherwise)', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const response = await kit.call('periodicReview', {
      user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: { outcome: 'maintain', rationale: 'x' },
    });
    expect(response.status).toBe(409);
  });
});
