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
