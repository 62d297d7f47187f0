import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../contract/endpoints');
  vi.resetModules();
});

describe('callApi', () => {
  it('reports an unreachable server when the endpoint table cannot load (offline before its first use)', async () => {
    vi.resetModules();
    vi.doMock('../contract/endpoints', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { ApiError, callApi } = await import('./http-client');
    const failure: unknown = await callApi('getCase', { params: { caseId: 'case-1' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'network', status: 0, retryable: true });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('a 429 (too many writes)', () => {
  it('is worth retrying, after the time the server asked for (Retry-After in seconds or as a date)', async () => {
    const { ApiError, callApi, parseRetryAfter } = await import('./http-client');
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ code: 'rate-limited', message: 'Too many writes; try again in 7 seconds.', fieldErrors: [] }), {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
      }),
    );
    const failure: unknown = await callApi('getCase', { params: { caseId: 'case-1' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 429, code: 'rate-limited', retryable: true, retryAfterMs: 7_000 });
    fetchSpy.mockRestore();

    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(parseRetryAfter('Sun, 06 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 06 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    // A 4xx that is an answer stays one.
    expect(new ApiError({ status: 400, code: 'validation', message: 'bad' }).retryable).toBe(false);
  });
});

describe('a 401 (the session is over)', () => {
  it('tells the unauthenticated listener which endpoint met it, whatever called (a query, a write, the autosave)', async () => {
    const { callApi, setUnauthenticatedListener } = await import('./http-client');
    const heard: string[] = [];
    setUnauthenticatedListener((endpoint) => heard.push(endpoint));
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      new Response(JSON.stringify({ code: 'unauthenticated', message: 'Sign in first.', fieldErrors: [] }), { status: 401, headers: { 'Content-Type': 'application/json' } }),
    );
    await callApi('submitCase', { params: { caseId: 'case-1' }, ifMatch: 3, body: {} }).catch(() => undefined);
    await callApi('getCase', { params: { caseId: 'case-1' } }).catch(() => undefined);
    fetchSpy.mockResolvedValue(new Response(JSON.stringify({ code: 'forbidden', message: 'No.', fieldErrors: [] }), { status: 403 }));
    await callApi('getCase', { params: { caseId: 'case-1' } }).catch(() => undefined);
    expect(heard).toEqual(['submitCase', 'getCase']);
    setUnauthenticatedListener(null);
    fetchSpy.mockRestore();
  });
});
