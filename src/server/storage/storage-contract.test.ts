// The one storage contract suite, run against every storage behind the backend's seam: memory, the
// e2e bridge (JSON both ways, like Playwright's exposeFunction), IndexedDB (fake-indexeddb), PGlite
// and PostgreSQL (the cluster the `server` project's global set-up started).
// oxlint-disable-next-line import/no-unassigned-import -- installs the IndexedDB globals idb-keyval uses
import 'fake-indexeddb/auto';
import { afterAll, inject } from 'vitest';
import { createBridgeStorage, createStorageBridgeHost, type SharedStoreCall } from '../../backend/bridge-storage';
import { createIdbStorage } from '../../backend/idb-storage';
import { createMemoryStorage } from '../../backend/memory-storage';
import { EMPTY_SEED, type BackendStorage } from '../../backend/storage';
import { describeStorageContract } from '../../backend/storage-contract-suite';
import { createTestDatabase } from '../testing/postgres-cluster';
import { migrateToCurrent, openSqlDatabase } from './open-storage';
import type { SqlDatabase } from './sql-database';
import { createSqlStorage } from './sql-storage';

const toClose: SqlDatabase[] = [];
afterAll(async () => {
  await Promise.all(toClose.map((db) => db.close()));
});

describeStorageContract('memory', {
  fresh: async () => createMemoryStorage(),
  reopen: async (storage) => storage,
});

const bridges = new WeakMap<BackendStorage, SharedStoreCall>();
describeStorageContract('bridge (e2e shared store)', {
  fresh: async () => {
    const host = createStorageBridgeHost(createMemoryStorage());
    const call: SharedStoreCall = async (op, payload) =>
      JSON.parse(JSON.stringify((await host(op, JSON.parse(JSON.stringify(payload)) as unknown)) ?? null)) as unknown;
    const storage = createBridgeStorage(call);
    bridges.set(storage, call);
    return storage;
  },
  reopen: async (storage) => {
    const call = bridges.get(storage);
    if (!call) throw new Error('not a bridge storage of this suite');
    return createBridgeStorage(call);
  },
});

let idbCounter = 0;
const idbNames = new WeakMap<BackendStorage, string>();
describeStorageContract('IndexedDB', {
  fresh: async () => {
    const dbName = `contract-${(idbCounter += 1)}`;
    const storage = createIdbStorage({ dbName });
    idbNames.set(storage, dbName);
    return storage;
  },
  reopen: async (storage) => createIdbStorage({ dbName: idbNames.get(storage) ?? 'missing' }),
});

/**
 * One database per SQL suite, emptied for each test (reset, then the seeded marker removed), which
 * is much cheaper than a new PGlite or a new PostgreSQL database per test. `reopen` opens a second
 * connection (pool) on PostgreSQL; PGlite is one connection per process, so there it is a second
 * storage over the same instance.
 */
function sqlSubject(open: () => Promise<{ db: SqlDatabase; reopen: () => Promise<SqlDatabase> }>) {
  let home: Promise<{ db: SqlDatabase; reopen: () => Promise<SqlDatabase> }> | null = null;
  const databases = new WeakMap<BackendStorage, () => Promise<SqlDatabase>>();
  return {
    fresh: async () => {
      home ??= open().then(async (opened) => {
        toClose.push(opened.db);
        await migrateToCurrent(opened.db);
        return opened;
      });
      const { db, reopen } = await home;
      const storage = createSqlStorage(db, { allowReset: true });
      await storage.reset(EMPTY_SEED);
      await db.run('DELETE FROM storage_meta');
      databases.set(storage, reopen);
      return storage;
    },
    reopen: async (storage: BackendStorage) => {
      const reopen = databases.get(storage);
      if (!reopen) throw new Error('not a SQL storage of this suite');
      return createSqlStorage(await reopen(), { allowReset: true });
    },
  };
}

describeStorageContract(
  'PGlite',
  sqlSubject(async () => {
    const db = await openSqlDatabase({ dataDir: 'memory://' });
    return { db, reopen: async () => db };
  }),
);

describeStorageContract(
  'PostgreSQL',
  sqlSubject(async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    const db = await openSqlDatabase({ dataDir: '', databaseUrl: url });
    return {
      db,
      reopen: async () => {
        const second = await openSqlDatabase({ dataDir: '', databaseUrl: url });
        toClose.push(second);
        return second;
      },
    };
  }),
);
