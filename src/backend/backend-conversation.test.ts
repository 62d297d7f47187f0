// Issue 12 §1-§2 through the backend rules (the mock and the server call the same): comments on a case,
// the conversation built from the trail, and a return's requests ticked off by the analyst.
import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage } from '../api/contract/audit';
import type { ReturnRequestList } from '../api/contract/conversation';
import { caseIn, createTestBackend, errorBody, recommendedContent, type TestBackend } from './backend-test-kit';

async function conversation(kit: TestBackend, caseId: string, user = 'ana'): Promise<AuditEvent[]> {
  const response = await kit.call('caseConversation', { user, params: { caseId } });
  expect(response.status).toBe(200);
  return (response.body as AuditPage).items;
}

async function requests(kit: TestBackend, caseId: string, user = 'ana'): Promise<ReturnRequestList> {
  const response = await kit.call('returnRequests', { user, params: { caseId } });
  expect(response.status).toBe(200);
  return response.body as ReturnRequestList;
}

async function returnedCase(kit: TestBackend) {
  const doc = await caseIn(kit, 'in_review');
  const returned = await kit.ok('decideCase', {
    user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version,
    body: {
      decision: 'return',
      rationale: 'Two things before I can decide.',
      requests: [
        { text: 'Rate the informational harm.', target: 'harm.informational.severity' },
        { text: 'Say where the screenshots come from.', target: null },
      ],
    },
  });
  return returned;
}

describe('comments on a case (issue 12 §1)', () => {
  it('an analyst and a reviewer comment on a case in review; its version stays, so nobody’s edits meet a conflict', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const params = { caseId: doc.id };
    const first = await kit.call('commentOnCase', { user: 'rui', params, body: { text: '  Which source is the screenshot from?  ' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: 'case.commented', actorId: 'rui', reason: 'Which source is the screenshot from?', caseVersion: doc.version });
    await kit.call('commentOnCase', { user: 'ana', params, body: { text: 'From the group’s channel, archived.' } });
    const after = await kit.ok('getCase', { params });
    expect(after.version).toBe(doc.version);
    expect(after.updatedAt).toBe(doc.updatedAt);

    const items = await conversation(kit, doc.id, 'sam');
    expect(items.map((event) => [event.type, event.actorId])).toEqual([
      ['case.commented', 'ana'],
      ['case.commented', 'rui'],
      ['case.submitted', 'ana'],
    ]);
    // The trail has them too (R19).
    const trail = await kit.call('caseAudit', { params, query: { type: 'case.commented' } });
    expect((trail.body as AuditPage).total).toBe(2);
  });

  it('keeps the conversation across decisions: the submission note and each decision’s rationale are in it', async () => {
    const kit = createTestBackend();
    const returned = await returnedCase(kit);
    const params = { caseId: returned.id };
    await kit.call('commentOnCase', { user: 'ana', params, body: { text: 'Rated it, see the evidence.' } });
    const resubmitted = await kit.ok('submitCase', { params, ifMatch: returned.version, body: { note: 'Both requests answered.' } });
    await kit.ok('decideCase', { user: 'sam', params, ifMatch: resubmitted.version, body: { decision: 'approve', rationale: 'Meets R7 now.' } });
    const items = await conversation(kit, returned.id);
    expect(items.map((event) => [event.type, event.reason])).toEqual([
      ['case.approved', 'Meets R7 now.'],
      ['case.submitted', 'Both requests answered.'],
      ['case.commented', 'Rated it, see the evidence.'],
      ['case.returned', 'Two things before I can decide.'],
      ['case.submitted', null],
    ]);
  });

  it('keeps a hostile comment as typed and refuses empty, overlong and NUL text with a field error', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const params = { caseId: doc.id };
    const hostile = '<img src=x onerror=alert(1)> ‮RTL‬ 🙂\nline two';
    const kept = await kit.call('commentOnCase', { params, body: { text: hostile } });
    expect((kept.body as AuditEvent).reason).toBe(hostile);
    for (const [text, message] of [['   ', 'required'], ['x'.repeat(5_001), undefined], ['a\u0000b', 'text.nul']] as const) {
      const refused = await kit.call('commentOnCase', { params, body: { text } });
      expect(refused.status).toBe(400);
      expect(errorBody(refused).fieldErrors[0]).toMatchObject({ path: 'text', ...(message ? { message } : {}) });
    }
    expect((await kit.call('commentOnCase', { params: { caseId: 'case-none' }, body: { text: 'Hello' } })).status).toBe(404);
    expect(await conversation(kit, doc.id)).toHaveLength(1);
  });
});

describe('mentions in comments (issue 12 §8)', () => {
  it('keeps the people a comment mentions, once each, and finds the comments mentioning a person in the trail', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const params = { caseId: doc.id };
    const written = await kit.call('commentOnCase', { user: 'ana', params, body: { text: '@Rui Takahashi @Samira Haddad which archive?', mentions: ['rui', 'sam', 'rui'] } });
    expect(written.status).toBe(201);
    expect((written.body as AuditEvent).mentions).toEqual(['rui', 'sam']);
    await kit.call('commentOnCase', { user: 'ana', params, body: { text: 'No one in particular.' } });
    const forRui = await kit.call('audit', { user: 'rui', query: { type: 'case.commented', mentioned: 'rui' } });
    expect((forRui.body as AuditPage).items.map((event) => event.reason)).toEqual(['@Rui Takahashi @Samira Haddad which archive?']);
  });

  it('refuses mentioning someone unknown, without a case role or not written @Name in the text, naming the mention, and writes nothing', async () => {
    const kit = createTestBackend();
    kit.users.push({ id: 'ada', name: 'Ada Admin', roles: ['admin'] });
    const doc = await caseIn(kit, 'draft');
    const params = { caseId: doc.id };
    const refused = await kit.call('commentOnCase', { params, body: { text: 'Hello @Rui Takahashi, @Ada Admin', mentions: ['rui', 'mallory', 'ada', 'sam'] } });
    expect(refused.status).toBe(400);
    expect(errorBody(refused).fieldErrors).toEqual([
      { path: 'mentions.1', message: 'mention.unknown' },
      { path: 'mentions.2', message: 'mention.unknown' },
      // Samira has a case role, but the text does not mention her: nobody reading it would know.
      { path: 'mentions.3', message: 'mention.notInText' },
    ]);
    const tooMany = await kit.call('commentOnCase', { params, body: { text: 'Hello', mentions: Array.from({ length: 21 }, () => 'rui') } });
    expect(tooMany.status).toBe(400);
    expect(await conversation(kit, doc.id)).toHaveLength(0);
  });
});

describe('return with requests (issue 12 §2)', () => {
  it('a return carries requests with ids; the analyst ticks them off and the reviewer sees which are addressed', async () => {
    const kit = createTestBackend();
    const returned = await returnedCase(kit);
    const params = { caseId: returned.id };
    expect(returned.status).toBe('draft');
    const stored = returned.reviews.at(-1)?.requests ?? [];
    expect(stored.map((request) => request.target)).toEqual(['harm.informational.severity', null]);
    const [rating, source] = stored;
    if (!rating || !source) throw new Error('two requests expected');

    const before = await requests(kit, returned.id);
    expect(before).toMatchObject({ returnedBy: 'rui', requests: [{ addressed: false, tickedBy: null }, { addressed: false }] });

    kit.clock.set('2026-03-03T10:00:00.000Z');
    const ticked = await kit.call('tickRequest', { params: { ...params, requestId: rating.id }, body: { addressed: true } });
    expect(ticked.status).toBe(200);
    expect((ticked.body as ReturnRequestList).requests[0]).toMatchObject({ addressed: true, tickedBy: 'ana', tickedAt: '2026-03-03T10:00:00.000Z' });
    // Ticking again changes nothing and records nothing.
    await kit.call('tickRequest', { params: { ...params, requestId: rating.id }, body: { addressed: true } });
    // Reopened, then addressed again by a colleague.
    await kit.call('tickRequest', { params: { ...params, requestId: source.id }, body: { addressed: true } });
    await kit.call('tickRequest', { user: 'ben', params: { ...params, requestId: source.id }, body: { addressed: false } });
    const ticks = (await conversation(kit, returned.id)).filter((event) => event.type.startsWith('case.request-'));
    expect(ticks.map((event) => [event.type, event.actorId, event.reason])).toEqual([
      ['case.request-reopened', 'ben', 'Say where the screenshots come from.'],
      ['case.request-addressed', 'ana', 'Say where the screenshots come from.'],
      ['case.request-addressed', 'ana', 'Rate the informational harm.'],
    ]);
    expect((await kit.ok('getCase', { params })).version).toBe(returned.version);

    const resubmitted = await kit.ok('submitCase', { params, ifMatch: returned.version, body: {} });
    const seenByReviewer = await requests(kit, returned.id, 'sam');
    expect(seenByReviewer.requests.map((request) => [request.text, request.addressed])).toEqual([
      ['Rate the informational harm.', true],
      ['Say where the screenshots come from.', false],
    ]);
    // In review the ticks stand as they were sent.
    const late = await kit.call('tickRequest', { params: { ...params, requestId: source.id }, body: { addressed: true } });
    expect([late.status, errorBody(late).code]).toEqual([409, 'invalid-transition']);

    // A second return starts a fresh list: the first one's ticks do not carry over.
    const again = await kit.ok('decideCase', {
      user: 'sam', params, ifMatch: resubmitted.version,
      body: { decision: 'return', rationale: 'One more.', requests: [{ text: 'Add the second signal.', target: 'signals' }] },
    });
    expect((await requests(kit, again.id)).requests).toMatchObject([{ text: 'Add the second signal.', addressed: false }]);
    const stale = await kit.call('tickRequest', { params: { ...params, requestId: rating.id }, body: { addressed: false } });
    expect(stale.status).toBe(404);
  });

  it('refuses requests on other decisions, with a bad target, or too many; a case never returned has none', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review', { content: recommendedContent() });
    const params = { caseId: doc.id };
    const cases: [unknown, string][] = [
      [{ decision: 'approve', rationale: 'Fine.', requests: [{ text: 'Anything?' }] }, 'request.onlyOnReturn'],
      [{ decision: 'return', rationale: 'No.', requests: [{ text: 'Look here.', target: 'javascript:alert(1)' }] }, 'request.target'],
      [{ decision: 'return', rationale: 'No.', requests: Array.from({ length: 51 }, () => ({ text: 'Again.' })) }, 'request.tooMany'],
      [{ decision: 'return', rationale: 'No.', requests: [{ text: '   ' }] }, 'required'],
    ];
    for (const [body, message] of cases) {
      const refused = await kit.call('decideCase', { user: 'rui', params, ifMatch: doc.version, body });
      expect(refused.status).toBe(400);
      expect(errorBody(refused).fieldErrors.map((error) => error.message)).toContain(message);
    }
    expect(await requests(kit, doc.id)).toEqual({ returnedBy: null, returnedAt: null, requests: [] });
    expect((await kit.call('tickRequest', { params: { ...params, requestId: 'request-1' }, body: { addressed: true } })).status).toBe(404);
  });
});

describe('assignment (issue 12 §6)', () => {
  it('a case is owned by its creator; an analyst takes it over and a reviewer takes the review, each an audited change', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    expect([doc.ownerId, doc.reviewerId]).toEqual(['ana', null]);
    const params = { caseId: doc.id };
    const owned = await kit.ok('assignCase', { user: 'ben', params, ifMatch: doc.version, body: { role: 'owner', userId: 'ben' } });
    const reviewed = await kit.ok('assignCase', { user: 'rui', params, ifMatch: owned.version, body: { role: 'reviewer', userId: 'rui' } });
    expect([reviewed.ownerId, reviewed.reviewerId]).toEqual(['ben', 'rui']);
    const trail = (await kit.call('caseAudit', { params, query: { type: 'case.assigned' } })).body as AuditPage;
    expect(trail.items.map((event) => [event.actorId, event.changes])).toEqual([
      ['rui', [{ path: 'reviewerId', before: null, after: 'rui' }]],
      ['ben', [{ path: 'ownerId', before: 'ana', after: 'ben' }]],
    ]);
    // "My cases" and "Assigned to me".
    const mine = await kit.call('listCases', { user: 'ben', query: { ownerId: 'ben' } });
    expect((mine.body as { items: { id: string; ownerId: string | null }[] }).items.map((row) => [row.id, row.ownerId])).toEqual([[doc.id, 'ben']]);
    const assigned = await kit.call('listCases', { user: 'rui', query: { reviewerId: 'rui' } });
    expect((assigned.body as { total: number }).total).toBe(1);
    // Left to nobody again.
    const unassigned = await kit.ok('assignCase', { user: 'sam', params, ifMatch: reviewed.version, body: { role: 'reviewer', userId: null } });
    expect(unassigned.reviewerId).toBeNull();
  });

  it('refuses an owner who is no analyst, a reviewer who wrote the case (R18), someone unknown, the wrong caller and a change of nothing', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'in_review');
    const params = { caseId: doc.id };
    const ana = kit.users.find((user) => user.id === 'ana');
    if (ana) ana.roles = ['analyst', 'reviewer'];
    const refusals: [string, unknown, number, string][] = [
      ['ben', { role: 'owner', userId: 'rui' }, 400, 'assign.role'],
      ['rui', { role: 'reviewer', userId: 'ana' }, 400, 'assign.fourEyes'],
      ['rui', { role: 'reviewer', userId: 'nobody' }, 400, 'assign.unknown'],
      ['ben', { role: 'reviewer', userId: 'rui' }, 403, ''],
      ['rui', { role: 'owner', userId: 'ben' }, 403, ''],
      ['ana', { role: 'owner', userId: 'ana' }, 409, ''],
    ];
    for (const [user, body, status, message] of refusals) {
      const refused = await kit.call('assignCase', { user, params, ifMatch: doc.version, body });
      expect(refused.status).toBe(status);
      expect(errorBody(refused).fieldErrors.map((error) => error.message)).toEqual(message ? [message] : []);
    }
    expect((await kit.ok('getCase', { params })).version).toBe(doc.version);
  });
});
