// The server's storage handle over the in-memory storage, for HTTP tests of what does not depend on
// the database (headers, limits, shutdown). Same shape as `openStorage`'s answer (storage/open-storage.ts),
// which `npm start` uses.
import type { BackendStorage } from '../backend/storage';
import type { IdentityStorage } from '../backend/identity/identity-storage';
import { createMemoryIdentityStorage } from '../backend/identity/memory-identity-storage';
import { createMemoryStorage } from '../backend/memory-storage';

/** An opened database: the backend's storage plus what operations need (readiness, shutdown); `OpenedStorage` or memory. */
export interface ServerStorage {
  storage: BackendStorage;
  /** Accounts, sessions and the directory's trail. */
  identity: IdentityStorage;
  kind: 'memory' | 'pglite' | 'postgres';
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function openMemoryStorage(
  storage: BackendStorage = createMemoryStorage(),
  identity: IdentityStorage = createMemoryIdentityStorage(),
): ServerStorage {
  let closed = false;
  return {
    storage,
    identity,
    kind: 'memory',
    async ping() {
      if (closed) throw new Error('the storage is closed');
    },
    async close() {
      closed = true;
    },
  };
}
