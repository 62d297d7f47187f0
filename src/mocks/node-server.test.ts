// The MSW adapters end to end under Node: the app's own HTTP client against the node server.
import { API_UNDER_ORIGIN } from './handlers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { ApiError, callApi, setApiUser } from '../api/client/http-client';
import { DEMO_CASE_IDS, DEMO_EXPIRED_ACTION_ID } from '../backend/demo-data';
import { resetMockBackend, server, setMockNow } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  setMockNow('2026-03-02T09:00:00.000Z');
  await resetMockBackend();
  setApiUser('ana');
});
afterEach(() => {
  server.resetHandlers();
  setMockNow(null);
  setApiUser(null);
});
afterAll(() => server.close());

describe('MSW node server', () => {
  it('serves the seeded demo cases through the typed client', async () => {
    const { data } = await callApi('listCases', { query: { sort: 'priority', dir: 'desc' } });
    expect(data.total).toBe(6);
    expect(data.items.map((row) => row.id)).toContain(DEMO_CASE_IDS.inReviewGroup);
    // R11: a safety-band case ranks ahead of informational-only ones.
    expect(data.items[0]?.priorityBand).toBe('safety');
  });

  it('returns the version as ETag and enforces If-Match over HTTP', async () => {
    const { data, version } = await callApi('getCase', { params: { caseId: DEMO_CASE_IDS.draftCampaign } });
    expect(version).toBe(data.version);
    const saved = await callApi('updateCase', {
      params: { caseId: data.id }, ifMatch: data.version, body: { ...data, rightsRiskAssessment: 'Assessed.' },
    });
    expect(saved.version).toBe(data.version + 1);
    const stale = await callApi('updateCase', { params: { caseId: data.id }, ifMatch: data.version, body: data }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({ status: 412, code: 'precondition-failed', currentVersion: data.version + 1 });
    const missing = await callApi('updateCase', { params: { caseId: data.id }, body: data }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 428, code: 'precondition-required' });
  });

  it('answers 401 without a user and 403 for the wrong role, as ApiErrorBody', async () => {
    setApiUser(null);
    await expect(callApi('me')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    setApiUser('rui');
    await expect(callApi('createCase', { body: { actor: { kind: 'group', name: 'X', purpose: '', activismContext: false } } }))
      .rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('re-applies the expired demo visibility limit (R15)', async () => {
    setApiUser('rui');
    const { data } = await callApi('getCase', { params: { caseId: DEMO_CASE_IDS.designatedMovement } });
    const result = await callApi('reapplyAction', {
      params: { caseId: data.id, actionId: DEMO_EXPIRED_ACTION_ID }, ifMatch: data.version,
      body: { justification: 'Still amplifying target lists.' },
    });
    expect(result.data.enforcementActions.at(-1)).toMatchObject({ reappliesId: DEMO_EXPIRED_ACTION_ID, appliedBy: 'rui' });
  });

  it('exports the decision record of a designated case', async () => {
    const { data } = await callApi('decisionRecord', { params: { caseId: DEMO_CASE_IDS.designatedMovement } });
    expect(data).toMatchObject({ kind: 'cha.decision-record', reviewer: { id: 'rui', name: 'Rui Takahashi' }, submittedBy: { id: 'ana' } });
    expect(data.facts.associatedAccounts.map((account) => account.handle).toSorted()).toEqual(['grey_relay_07', 'meridian_echo', 'meridian_signal']);
    await expect(callApi('decisionRecord', { params: { caseId: DEMO_CASE_IDS.draftCampaign } })).rejects.toMatchObject({ status: 409 });
  });

  it('lets a test override one request (fault injection), then falls back to the backend', async () => {
    server.use(http.get('*/api/cases', () => HttpResponse.json({ code: 'server-error', message: 'boom', fieldErrors: [] }, { status: 500 }), { once: true }));
    await expect(callApi('listCases')).rejects.toMatchObject({ status: 500, retryable: true });
    await expect(callApi('listCases')).resolves.toMatchObject({ data: { total: 6 } });
  });

  it('answers JSON 404 for unknown /api paths and 400 for malformed JSON', async () => {
    const unknown = await fetch('http://localhost/api/nothing-here', { headers: { 'X-User-Id': 'ana' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not-found' });
    const malformed = await fetch('http://localhost/api/cases', {
      method: 'POST', headers: { 'X-User-Id': 'ana', 'Content-Type': 'application/json' }, body: '{"actor":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'validation', fieldErrors: [{ path: '', message: 'body.invalidJson' }] });
  });

  it('resets to the demo data through POST /api/dev/reset', async () => {
    await callApi('createCase', { body: { actor: { kind: 'group', name: 'Extra', purpose: '', activismContext: false } } });
    expect((await callApi('listCases')).data.total).toBe(7);
    const reset = await fetch('http://localhost/api/dev/reset', { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await callApi('listCases')).data.total).toBe(6);
  });
});

describe('the /api catch-all', () => {
  it('answers unknown paths under the origin’s /api with a JSON 404, and leaves /src/api/… (Vite modules) alone', () => {
    expect(API_UNDER_ORIGIN.test('http://localhost:5173/api/nope')).toBe(true);
    expect(API_UNDER_ORIGIN.test('http://localhost:5173/api')).toBe(true);
    expect(API_UNDER_ORIGIN.test('http://localhost:5173/src/api/client/user-queries.ts')).toBe(false);
    expect(API_UNDER_ORIGIN.test('http://localhost:5173/apiary')).toBe(false);
  });
});
