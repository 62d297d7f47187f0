// What a live notice does to the cached server state (issue 12 §7).
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../../api/client/query-keys';
import type { CaseChangeNotice } from '../../api/contract/live';
import { applyLiveNotice } from './apply-notice';

function cacheWithCase(version: number) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.cases.detail('case-1'), { id: 'case-1', version });
  queryClient.setQueryData(queryKeys.cases.conversation('case-1'), { pages: [] });
  queryClient.setQueryData(queryKeys.cases.list({}), { items: [] });
  const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated ?? false;
  return { queryClient, stale };
}

function change(overrides: Partial<CaseChangeNotice>): CaseChangeNotice {
  return { kind: 'case-change', caseId: 'case-1', seq: 9, type: 'case.updated', actorId: 'ben', at: '2026-03-02T09:00:00.000Z', caseVersion: 4, ...overrides };
}

describe('applyLiveNotice (issue 12 §7)', () => {
  it("another person's save marks the case and the lists stale, so what is on screen reads them again", () => {
    const { queryClient, stale } = cacheWithCase(3);
    applyLiveNotice(queryClient, change({}), 'ana');
    expect(stale(queryKeys.cases.detail('case-1'))).toBe(true);
    expect(stale(queryKeys.cases.list({}))).toBe(true);
  });

  it('a comment refreshes the conversation only: the case is unchanged', () => {
    const { queryClient, stale } = cacheWithCase(3);
    applyLiveNotice(queryClient, change({ type: 'case.commented', caseVersion: 3 }), 'ana');
    expect(stale(queryKeys.cases.conversation('case-1'))).toBe(true);
    expect(stale(queryKeys.cases.detail('case-1'))).toBe(false);
    expect(stale(queryKeys.cases.list({}))).toBe(false);
  });

  it('a version this tab holds already, or a content edit by the same person (their tabs share edits), is not read again', () => {
    const held = cacheWithCase(4);
    applyLiveNotice(held.queryClient, change({}), 'ana');
    expect(held.stale(queryKeys.cases.detail('case-1'))).toBe(false);
    const mine = cacheWithCase(3);
    applyLiveNotice(mine.queryClient, change({ actorId: 'ana' }), 'ana');
    expect(mine.stale(queryKeys.cases.detail('case-1'))).toBe(false);
    expect(mine.stale(queryKeys.cases.list({}))).toBe(true);
  });

  it('anything else the same person did in another tab (a submission) is read again, so this tab is not left on an old version', () => {
    const { queryClient, stale } = cacheWithCase(3);
    applyLiveNotice(queryClient, change({ actorId: 'ana', type: 'case.submitted' }), 'ana');
    expect(stale(queryKeys.cases.detail('case-1'))).toBe(true);
  });

  it('presence updates the case page that shows it, and creates nothing for a case not on screen', () => {
    const { queryClient } = cacheWithCase(3);
    queryClient.setQueryData(queryKeys.cases.presence('case-1'), { caseId: 'case-1', people: [] });
    const people = [{ userId: 'ben', state: 'editing' as const, since: '2026-03-02T09:00:00.000Z' }];
    applyLiveNotice(queryClient, { kind: 'presence', caseId: 'case-1', people }, 'ana');
    applyLiveNotice(queryClient, { kind: 'presence', caseId: 'case-2', people }, 'ana');
    expect(queryClient.getQueryData(queryKeys.cases.presence('case-1'))).toEqual({ caseId: 'case-1', people });
    expect(queryClient.getQueryState(queryKeys.cases.presence('case-2'))).toBeUndefined();
  });
});
