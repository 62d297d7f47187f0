// The request pipeline: routing, identity (401), roles (403), field-level validation (400) and
// optimistic concurrency (428/412), each answered as the contract's ApiErrorBody.
import { describe, expect, it, vi } from 'vitest';
import { caseIn, createTestBackend, errorBody, NEW_CASE, recommendedContent } from './backend-test-kit';
import { createBackend, MalformedJsonBody, parseIfMatch, parseJsonBody } from './backend';
import { evaluate } from '../engine/evaluate';
import { createMemoryStorage } from './memory-storage';
import { EMPTY_SEED } from './storage';

describe('routing', () => {
  it('answers 404 for an unknown path or method, and for an unknown case', async () => {
    const kit = createTestBackend();
    const unknown = await kit.backend.handle({ method: 'GET', path: '/api/nothing', query: {}, headers: {}, userId: 'ana', body: undefined });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not-found' } });
    const wrongMethod = await kit.backend.handle({ method: 'DELETE', path: '/api/cases', query: {}, headers: {}, userId: 'ana', body: undefined });
    expect(wrongMethod.status).toBe(404);
    const missing = await kit.call('getCase', { params: { caseId: 'case-nope' } });
    expect(missing.status).toBe(404);
    expect(errorBody(missing).message).toMatch(/case-nope/);
  });

  it('tolerates a trailing slash and decodes path parameters', async () => {
    const kit = createTestBackend();
    const created = await kit.ok('createCase', { body: NEW_CASE });
    const response = await kit.backend.handle({
      method: 'GET', path: `/api/cases/${encodeURIComponent(created.id)}/`, query: {}, headers: {}, userId: 'rui', body: undefined,
    });
    expect(response.status).toBe(200);
  });
});

describe('session', () => {
  it('says who is signed in and which sign-in this backend offers', async () => {
    const kit = createTestBackend();
    expect((await kit.call('session', { user: null })).body).toEqual({ user: null, signIn: 'demo-picker', singleSignOn: null });
    expect((await kit.call('session', { user: 'rui' })).body).toEqual({
      user: { id: 'rui', name: 'Rui Takahashi', roles: ['reviewer'] }, signIn: 'demo-picker', singleSignOn: null,
    });
  });

  it('has no accounts where the demo picker is the identity: password sign-in is 404, nothing to keep', async () => {
    const kit = createTestBackend();
    const response = await kit.call('passwordSignIn', { user: null, body: { login: 'sam', password: 'a long enough password' } });
    expect(response).toMatchObject({ status: 404, body: { code: 'not-found' } });
    expect(response.session).toBeUndefined();
    const signedOut = await kit.call('signOut', { user: 'sam' });
    expect(signedOut).toMatchObject({ status: 200, session: null, body: { user: null, signIn: 'demo-picker' } });
  });
});

describe('identity and roles', () => {
  it('401 without a user or with an unknown user; the user list stays open (it feeds the sign-in picker)', async () => {
    const kit = createTestBackend();
    for (const user of [null, 'mallory', '']) {
      const response = await kit.call('listCases', { user });
      expect(response.status).toBe(401);
      expect(errorBody(response).code).toBe('unauthenticated');
    }
    expect((await kit.call('listUsers', { user: null })).status).toBe(200);
    expect((await kit.call('me', { user: 'sam' })).body).toEqual({ id: 'sam', name: 'Samira Haddad', roles: ['reviewer'] });
  });

  it('takes the user the adapter names, never an X-User-Id header (a server must not trust one)', async () => {
    const kit = createTestBackend();
    const forged = await kit.backend.handle({
      method: 'GET', path: '/api/me', query: {}, headers: { 'x-user-id': 'rui' }, userId: null, body: undefined,
    });
    expect(forged).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    const asBen = await kit.backend.handle({
      method: 'GET', path: '/api/me', query: {}, headers: { 'x-user-id': 'rui' }, userId: 'ben', body: undefined,
    });
    expect(asBen.body).toMatchObject({ id: 'ben' });
  });

  it('403 with the needed role named when the role does not fit (R18)', async () => {
    const kit = createTestBackend();
    const asReviewer = await kit.call('createCase', { user: 'rui', body: NEW_CASE });
    expect(asReviewer.status).toBe(403);
    expect(errorBody(asReviewer).message).toMatch(/analyst role/);
    const doc = await caseIn(kit, 'in_review');
    const asAnalyst = await kit.call('decideCase', {
      user: 'ben', params: { caseId: doc.id }, ifMatch: doc.version, body: { decision: 'approve', rationale: 'x' },
    });
    expect(asAnalyst.status).toBe(403);
    expect(errorBody(asAnalyst).message).toMatch(/reviewer role/);
  });

  it('checks identity before validating, so strangers learn nothing about the shapes', async () => {
    const kit = createTestBackend();
    const response = await kit.call('createCase', { user: null, body: { nonsense: true } });
    expect(response.status).toBe(401);
  });
});

describe('validation (400 with field errors)', () => {
  it('refuses a NUL character in text, a signal or a link alike: PostgreSQL cannot store one (the mock answers as the server does)', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const content = recommendedContent();
    content.questions.identifiableGroup = 'Yes\u0000';
    const signal = content.signals[0];
    if (!signal) throw new Error('fixture has a signal');
    signal.description = '\u0000';
    content.harm.physical.evidence = [{ id: 'ev-nul', description: 'x', observed: 'on-platform', date: null, source: '', link: 'https://example.org/\u0000', credibleSource: false }];
    const response = await kit.call('updateCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: content });
    expect(response.status).toBe(400);
    expect(errorBody(response).fieldErrors.filter((error) => error.message === 'text.nul').map((error) => error.path).toSorted()).toEqual([
      'harm.physical.evidence.0.link', 'questions.identifiableGroup', 'signals.0.description',
    ]);
  });

  it('puts zod messages at dot paths of the body', async () => {
    const kit = createTestBackend();
    const response = await kit.call('createCase', { body: { actor: { kind: 'group', name: '   ', purpose: '', activismContext: false } } });
    expect(response.status).toBe(400);
    expect(errorBody(response)).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'actor.name', message: 'required' }] });
  });

  it('reports every broken field, including nested list items', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const content = recommendedContent();
    const signal = content.signals[0];
    if (!signal) throw new Error('fixture has a signal');
    signal.sources = ['javascript:alert(1)'];
    content.harm.physical.evidence = [{ ...content.harm.physical.evidence[0]!, link: 'data:text/html,hi' }];
    const response = await kit.call('updateCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: content });
    expect(errorBody(response).fieldErrors).toEqual([
      { path: 'harm.physical.evidence.0.link', message: 'link.httpOnly' },
      { path: 'signals.0.sources.0', message: 'link.httpOnly' },
    ]);
  });

  it('refuses duplicate item ids, which the audit trail and the UI address items by', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const content = recommendedContent();
    content.signals = [...content.signals, ...content.signals];
    const response = await kit.call('updateCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: content });
    expect(errorBody(response).fieldErrors).toEqual([{ path: 'signals.1.id', message: 'id.duplicate' }]);
  });

  it('validates query and path parameters, naming the part', async () => {
    const kit = createTestBackend();
    const badPage = await kit.call('listCases', { query: { page: '0' } });
    expect(errorBody(badPage).fieldErrors[0]?.path).toBe('query.page');
    const badStatus = await kit.call('listCases', { query: { status: 'archived' } });
    expect(errorBody(badStatus).fieldErrors[0]?.path).toBe('query.status');
    const unknownParam = await kit.call('getCase', { params: { caseId: 'x' }, query: { debug: '1' } });
    expect(unknownParam.status).toBe(400);
    const badId = await kit.call('getCase', { params: { caseId: 'no spaces allowed' } });
    expect(errorBody(badId).fieldErrors).toEqual([{ path: 'params.caseId', message: 'invalid id' }]);
  });

  it('answers 400 for a body that is not JSON, and treats an empty body as {}', async () => {
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody('{"a":')).toBeInstanceOf(MalformedJsonBody);
    const kit = createTestBackend();
    const malformed = await kit.call('createCase', { body: parseJsonBody('{"actor":') });
    expect(errorBody(malformed).fieldErrors).toEqual([{ path: '', message: 'body.invalidJson' }]);
    const doc = await caseIn(kit, 'draft');
    const submitted = await kit.call('submitCase', { params: { caseId: doc.id }, ifMatch: doc.version, body: undefined });
    expect(submitted.status).toBe(200);
  });
});

describe('versions (412 / 428)', () => {
  it('428 when a write carries no usable If-Match', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    for (const ifMatch of [undefined, '*', 'abc']) {
      const response = await kit.call('updateCase', { params: { caseId: doc.id }, body: recommendedContent(), ...(ifMatch ? { ifMatch } : {}) });
      expect(response.status).toBe(428);
      expect(errorBody(response).code).toBe('precondition-required');
    }
  });

  it('412 with currentVersion when the version is stale; nothing is written', async () => {
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const response = await kit.call('updateCase', { params: { caseId: doc.id }, ifMatch: doc.version - 1, body: recommendedContent() });
    expect(response.status).toBe(412);
    expect(errorBody(response)).toMatchObject({ code: 'precondition-failed', currentVersion: doc.version });
    expect((await kit.ok('getCase', { params: { caseId: doc.id } })).version).toBe(doc.version);
  });

  it('accepts strong and weak ETag forms, and every write bumps the version by exactly one', async () => {
    expect(parseIfMatch('"7"')).toBe(7);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch('"7", "8"')).toBeNull();
    const kit = createTestBackend();
    const doc = await caseIn(kit, 'draft');
    const response = await kit.call('updateCase', { params: { caseId: doc.id }, ifMatch: `W/"${doc.version}"`, body: recommendedContent() });
    expect(response.headers.ETag).toBe(`"${doc.version + 1}"`);
  });

  it('two backend instances on one store: the compare-and-set lets only one of two racing writes in', async () => {
    const storage = createMemoryStorage();
    const a = createTestBackend({ storage });
    const b = createTestBackend({ storage });
    const doc = await caseIn(a, 'draft');
    const results = await Promise.all([
      a.call('updateCase', { user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: recommendedContent() }),
      b.call('updateCase', { user: 'ben', params: { caseId: doc.id }, ifMatch: doc.version, body: recommendedContent() }),
    ]);
    expect(results.map((response) => response.status).toSorted()).toEqual([200, 412]);
    const audit = await a.call('caseAudit', { params: { caseId: doc.id } });
    expect((audit.body as { items: { caseVersion: number }[] }).items.filter((event) => event.caseVersion === doc.version + 1)).toHaveLength(1);
  });
});

describe('failures', () => {
  it('answers 500 server-error (and logs) when something unexpected breaks', async () => {
    const backend = createBackend({
      storage: { ...createMemoryStorage(), queryCases: () => Promise.reject(new Error('disk on fire')) },
      now: () => '2026-03-02T09:00:00.000Z',
      evaluate,
      newId: (kind) => `${kind}-1`,
      seed: async () => EMPTY_SEED,
    });
    // Expected here: silence the set-up's "console.error fails the test" spy for this one call.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await backend.handle({ method: 'GET', path: '/api/cases', query: {}, headers: {}, userId: 'ana', body: undefined });
    expect(response).toMatchObject({ status: 500, body: { code: 'server-error' } });
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
