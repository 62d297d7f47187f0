// The server's storage handle over the in-memory storage, for HTTP tests of what does not depend on
// the database (headers, limits, shutdown). Same shape as `openStorage`'s answer (storage/open-storage.ts),
// which `npm start` uses.
import type { BackendStorage } from '../backend/storage';
import { createMemoryStorage } from '../backend/memory-storage';

/** An opened database: the backend's storage plus what operations need (readiness, shutdown); `OpenedStorage` or memory. */
export interface ServerStorage {
  storage: BackendStorage;
  kind: 'memory' | 'pglite' | 'postgres';
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function openMemoryStorage(storage: BackendStorage = createMemoryStorage()): ServerStorage {
  let closed = false;
  return {
    storage,
    kind: 'memory',
    async ping() {
      if (closed) throw new Error('the storage is closed');
    },
    async close() {
      closed = true;
    },
  };
}
