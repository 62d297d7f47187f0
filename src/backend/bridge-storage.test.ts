// @vitest-environment jsdom
// (jsdom: the bridge is found on `window`, where Playwright exposes it.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { contentOfDoc, createTestBackend, errorBody, NEW_CASE, recommendedContent, T0 } from './backend-test-kit';
import {
  createBridgeStorage,
  createStorageBridgeHost,
  sharedStoreFromWindow,
  STORAGE_OPS,
  type SharedStoreCall,
} from './bridge-storage';
import { buildDemoSeed, DEMO_CASE_IDS } from './demo-data';
import { createMemoryStorage } from './memory-storage';

/** What Playwright's exposeFunction does: JSON across the boundary, both ways. */
function viaJson(host: (op: string, payload: unknown) => Promise<unknown>): SharedStoreCall {
  return async (op, payload) => {
    const result = await host(op, JSON.parse(JSON.stringify(payload)) as unknown);
    return JSON.parse(JSON.stringify(result ?? null)) as unknown;
  };
}

/** Plays the harness's part: expose (or remove) the shared-store function on the window. */
function exposeSharedStore(call: SharedStoreCall | undefined): void {
  // oxlint-disable-next-line no-underscore-dangle -- the name is the e2e harness's contract
  window.__chaSharedStore = call;
}

const emptyAnswer: SharedStoreCall = async () => null;

afterEach(() => exposeSharedStore(undefined));

describe('bridge storage', () => {
  it('lets two backends (two browser contexts) share one Node-side store', async () => {
    const call = viaJson(createStorageBridgeHost(createMemoryStorage()));
    const alice = createTestBackend({ storage: createBridgeStorage(call) });
    const bob = createTestBackend({ storage: createBridgeStorage(call) });
    const created = await alice.ok('createCase', { user: 'ana', body: NEW_CASE });
    const seen = await bob.ok('getCase', { user: 'ben', params: { caseId: created.id } });
    expect(seen).toEqual(created);

    // Both edit version 1 at once: the store's compare-and-set lets exactly one win.
    const [first, second] = await Promise.all([
      alice.call('updateCase', { user: 'ana', params: { caseId: created.id }, ifMatch: 1, body: recommendedContent() }),
      bob.call('updateCase', { user: 'ben', params: { caseId: created.id }, ifMatch: 1, body: recommendedContent() }),
    ]);
    expect([first.status, second.status].toSorted()).toEqual([200, 412]);
    const loser = first.status === 412 ? first : second;
    expect(errorBody(loser).currentVersion).toBe(2);
    const audit = await bob.call('caseAudit', { params: { caseId: created.id } });
    expect((audit.body as { total: number }).total).toBe(2);
  });

  it('is picked up from window.__chaSharedStore when the harness exposes it', () => {
    expect(sharedStoreFromWindow()).toBeNull();
    exposeSharedStore(emptyAnswer);
    expect(sharedStoreFromWindow()).toBe(emptyAnswer);
  });

  it('host side: refuses unknown operations and payloads that break the protocol', async () => {
    const host = createStorageBridgeHost(createMemoryStorage());
    expect(STORAGE_OPS).toEqual([
      'isSeeded', 'seedIfEmpty', 'getCase', 'listCases', 'putCase', 'queryCases', 'queryAudit', 'appendEvents', 'queryExpiringActions', 'casesWithRefs',
      'queryCaseAccounts', 'queryCaseActions', 'listAudit', 'reset',
    ]);
    await expect(host('dropEverything', {})).rejects.toThrow(/unknown shared-store op/);
    await expect(host('getCase', { id: 42 })).rejects.toThrow(/expected string/);
    await expect(host('putCase', { record: { id: 'x' }, expectedVersion: null, events: [] })).rejects.toThrow(/expected/);
  });

  it('browser side: an answer that does not parse fails that request (500) and drops nothing', async () => {
    const seed = await buildDemoSeed({ now: T0, evaluate });
    const host = createStorageBridgeHost(createMemoryStorage());
    let poisoned = true;
    const call: SharedStoreCall = async (op, payload) => {
      if (op === 'queryCases' && poisoned) {
        poisoned = false;
        return { items: [{ id: 'not a case' }], total: 1 };
      }
      return viaJson(host)(op, payload);
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage: createBridgeStorage(call), seed });
    const params = { caseId: DEMO_CASE_IDS.draftCampaign };
    const before = await kit.ok('getCase', { params });
    const draft = await kit.ok('updateCase', { params, ifMatch: before.version, body: { ...contentOfDoc(before), rightsRiskAssessment: 'Kept.' } });
    const failed = await kit.call('listCases', { user: 'rui' });
    expect(failed.status).toBe(500);
    expect(errorBody(failed).message).toContain('Nothing was deleted');
    expect(error).toHaveBeenCalled();
    // Issue 14, defect 3: the backend used to reseed here, dropping every change and the audit trail.
    const again = await kit.call('listCases', { user: 'rui' });
    expect(again.status).toBe(200);
    expect((await kit.ok('getCase', { params: { caseId: draft.id } })).rightsRiskAssessment).toBe('Kept.');
  });
});
