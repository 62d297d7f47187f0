// The mock backend in the browser (dev and `--mode msw` builds): MSW's service worker in front of
// the rules module, persisted in IndexedDB so a reload keeps the data, or in the e2e harness's
// shared store when Playwright exposes one, so several contexts act as users of one server.
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { evaluate } from '../engine/evaluate';
import { createBackend, randomId, type Backend } from '../backend/backend';
import { createBridgeStorage, sharedStoreFromWindow } from '../backend/bridge-storage';
import { buildDemoSeed } from '../backend/demo-data';
import { createIdbStorage } from '../backend/idb-storage';
import { createMemoryStorage } from '../backend/memory-storage';
import { createHandlers } from './handlers';
import { broadcastLiveBus } from './live-bus';

/** What Playwright reaches for to inject faults: `__chaMsw.worker.use(__chaMsw.http.put(...))`. */
export interface MockBackendHandle {
  worker: SetupWorker;
  http: typeof http;
  HttpResponse: typeof HttpResponse;
  backend: Backend;
}

declare global {
  interface Window {
    __chaMsw?: MockBackendHandle;
  }
}

/** Read per request, so Playwright's clock API moves expiry and review dates. */
const now = (): string => new Date().toISOString();

/**
 * `workerUrl`: the service worker script holding MSW's worker. The app passes its app-shell worker
 * in built msw mode (the precache and MSW share the one scope); MSW's own script by default.
 */
export async function startMockBackend({ workerUrl = '/mockServiceWorker.js' } = {}): Promise<MockBackendHandle> {
  const shared = sharedStoreFromWindow();
  // Memory only as a last resort (no IndexedDB, e.g. some private modes): data then ends with the tab.
  const storage = shared
    ? createBridgeStorage(shared)
    : typeof indexedDB === 'undefined'
      ? createMemoryStorage()
      : createIdbStorage();
  const liveBus = broadcastLiveBus();
  const backend = createBackend({
    storage,
    now,
    evaluate,
    newId: randomId,
    seed: () => buildDemoSeed({ now: now(), evaluate }),
    // The other tabs of this browser hear of this tab's writes and presence (issue 12 §7).
    ...(liveBus ? { liveBus } : {}),
  });
  const worker = setupWorker(...createHandlers(backend));
  await worker.start({ onUnhandledRequest: 'bypass', serviceWorker: { url: workerUrl }, quiet: true });
  const handle: MockBackendHandle = { worker, http, HttpResponse, backend };
  // oxlint-disable-next-line no-underscore-dangle -- the name is the e2e harness's contract
  window.__chaMsw = handle;
  return handle;
}
