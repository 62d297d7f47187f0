// oxlint-disable-next-line import/no-unassigned-import -- installs the IndexedDB globals idb-keyval uses
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { createTestBackend, T0 } from './backend-test-kit';
import { listingWith } from './case-listing';
import { buildDemoSeed } from './demo-data';
import { createIdbStorage, IDB_SCHEMA_VERSION } from './idb-storage';

let dbCounter = 0;
const freshDb = () => `cha-test-${(dbCounter += 1)}`;

async function demoSeed() {
  return buildDemoSeed({ now: T0, evaluate });
}

// What every storage does (seeding, compare-and-set, the queries, a reload) is the contract suite's,
// run on IndexedDB too (src/server/storage/storage-contract.test.ts); here only what is IndexedDB's own.
describe('IndexedDB storage', () => {
  it('reseeds with a warning when persisted data does not parse', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed, listingWith(evaluate));
    await set(['case', 'case-broken'], { id: 'case-broken', version: 'three' }, createStore(dbName, 'records'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage, seed });
    const response = await kit.call('listCases');
    expect(response.status).toBe(200);
    expect((response.body as { total: number }).total).toBe(6);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('corrupt'));
  });

  it('treats an unknown layout version as corrupt too', async () => {
    const dbName = freshDb();
    const seed = await demoSeed();
    const storage = createIdbStorage({ dbName });
    await storage.reset(seed, listingWith(evaluate));
    await set(['meta', 'schema'], IDB_SCHEMA_VERSION + 1, createStore(dbName, 'records'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kit = createTestBackend({ storage, seed });
    expect((await kit.call('me')).status).toBe(200);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await storage.isSeeded()).toBe(true);
  });
});
