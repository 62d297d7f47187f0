// R19: the append-only audit trail, through the public API.
import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../api/contract/audit';
import { endpoints, type EndpointName } from '../api/contract/endpoints';
import { caseIn, contentOfDoc, createTestBackend, NEW_CASE, T0 } from './backend-test-kit';
import { createMemoryStorage } from './memory-storage';

describe('audit trail (R19)', () => {
  it('writes who, when, what and why for a content update', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const content = contentOfDoc(doc);
    content.actor.name = 'Harbour Watch';
    const signal = content.signals[0];
    if (!signal) throw new Error('fixture has a signal');
    signal.evidenceState = 'corroborated';
    kit.clock.advanceDays(1);
    const updated = await kit.ok('updateCase', { user: 'ben', params: { caseId: doc.id }, ifMatch: doc.version, body: content });
    const [latest] = ((await kit.call('caseAudit', { params: { caseId: doc.id } })).body as { items: AuditEvent[] }).items;
    expect(latest).toMatchObject({
      caseId: doc.id, type: 'case.updated', actorId: 'ben', at: '2026-03-03T09:00:00.000Z', reason: null, caseVersion: updated.version,
      changes: [
        { path: 'actor.name', before: 'Harbor Watch Crew', after: 'Harbour Watch' },
        { path: 'signals[sig-1].evidenceState', before: 'sufficient', after: 'corroborated' },
        { path: 'editorsSinceReview', before: ['ana'], after: ['ana', 'ben'] },
        { path: 'authors', before: ['ana'], after: ['ana', 'ben'] },
      ],
    });
  });

  it('records lifecycle changes as field changes too', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'designated');
    const events = ((await kit.call('caseAudit', { params: { caseId: doc.id } })).body as { items: AuditEvent[] }).items;
    const approved = events.find((event) => event.type === 'case.approved');
    expect(approved?.reason).toBe('Meets the threshold.');
    expect(approved?.changes.map((change) => change.path)).toEqual(
      expect.arrayContaining(['status', 'reviews.0', 'designation', 'editorsSinceReview']),
    );
    expect(approved?.changes.find((change) => change.path === 'status')).toEqual({ path: 'status', before: 'in_review', after: 'designated' });
  });

  it('lists newest first, filters by case, type and actor, with a strictly increasing seq', async () => {
    const kit = createTestBackend();
    const first = await caseIn(kit, 'in_review');
    const second = await kit.ok('createCase', { user: 'ben', body: NEW_CASE });
    const all = ((await kit.call('audit')).body as { items: AuditEvent[] }).items;
    expect(all.map((event) => event.seq)).toEqual([4, 3, 2, 1]);
    expect((((await kit.call('audit', { query: { caseId: second.id } })).body as { items: AuditEvent[] }).items).map((event) => event.type)).toEqual(['case.created']);
    expect((((await kit.call('audit', { query: { type: 'case.submitted' } })).body as { items: AuditEvent[] }).items).map((event) => event.caseId)).toEqual([first.id]);
    expect((((await kit.call('audit', { query: { actorId: 'ben' } })).body as { items: AuditEvent[] }).items)).toHaveLength(1);
    expect((await kit.call('audit', { query: { type: 'case.deleted' } })).status).toBe(400);
    expect((await kit.call('caseAudit', { params: { caseId: 'case-nope' } })).status).toBe(404);
  });

  it('every event parses with the contract and its `at` is the backend clock in UTC', async () => {
    const kit = createTestBackend();
    await caseIn(kit, 'designated', { withAccount: true });
    const events = ((await kit.call('audit')).body as { items: unknown[] }).items;
    for (const event of events) expect(AuditEvent.parse(event).at).toBe(T0);
  });

  it('cannot be edited: no endpoint writes to the trail, the storage has no update or delete, reads are copies', async () => {
    const auditEndpoints = (Object.keys(endpoints) as EndpointName[]).filter((name) => endpoints[name].path.includes('audit'));
    expect(auditEndpoints.map((name) => endpoints[name].method)).toEqual(['GET', 'GET']);
    const storage = createMemoryStorage();
    // appendEvents only appends (a comment, a request ticked off): it cannot change or drop an event.
    expect(Object.keys(storage).toSorted()).toEqual([
      'appendEvents', 'caseAccountsInBatches', 'caseActionsInBatches', 'casesWithRefs', 'getCase', 'isSeeded', 'listAudit', 'listCases', 'putCase',
      'queryAudit', 'queryCaseAccounts', 'queryCaseActions', 'queryCases', 'queryExpiringActions', 'reset', 'seedIfEmpty',
    ]);

    const kit = createTestBackend({ storage });
    await caseIn(kit, 'draft');
    const read = await storage.listAudit();
    const snapshot = structuredClone(read);
    const [event] = read;
    if (event) {
      event.reason = 'tampered';
      event.changes.length = 0;
    }
    expect(await storage.listAudit()).toEqual(snapshot);
  });

  it('a refused write leaves no event behind', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const before = ((await kit.call('audit')).body as { items: AuditEvent[] }).items;
    await kit.call('submitCase', { params: { caseId: doc.id }, ifMatch: doc.version - 1, body: {} });
    await kit.call('decideCase', { user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: { decision: 'approve', rationale: 'x' } });
    await kit.call('updateCase', { user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version, body: contentOfDoc(doc) });
    expect(((await kit.call('audit')).body as { items: AuditEvent[] }).items).toEqual(before);
  });
});
