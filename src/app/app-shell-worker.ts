// The app shell's offline half, run inside a service worker: the build's files (code, translations in
// every language, index.html) are downloaded into a cache of this build when the worker installs and
// answered from it from then on; a navigation to a screen of the app gets the cached index.html.
// Nothing else is touched: no runtime caching, so API answers are never stored and always come from
// the server (or MSW) or fail. The list of files is Workbox's (vite-plugin-pwa's injectManifest);
// the caching is ours, in parallel: Workbox's precache downloads one file at a time (workbox#2528), and
// in msw builds every new browser context waits for the install before MSW answers (README).
import { FILL_REQUEST, isAppRoute } from './app-shell-paths';

/** One file of the build, as vite-plugin-pwa lists it (`revision` only for files without a hash). */
export type PrecacheEntry = string | { url: string; revision?: string | null };

/** What the worker uses of its global scope (the project's DOM lib types `self` as a Window). */
export interface AppShellWorkerScope {
  location: Location;
  caches: CacheStorage;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  fetch(request: Request): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerLifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
}

export interface WorkerMessageEvent extends WorkerLifecycleEvent {
  readonly data: unknown;
}

export interface WorkerLifecycleEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerFetchEvent extends WorkerLifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

const CACHE_PREFIX = 'app-shell-';

/** The cache of one build: named by the file list, so a new build fills a new cache (FNV-1a). */
export function appShellCacheName(manifest: readonly PrecacheEntry[]): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(manifest)) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `${CACHE_PREFIX}${hash.toString(36)}`;
}

/** The build file (absolute URL) a request may be answered with, or null: the network's. */
export function appShellFileFor(
  request: { url: string; method: string; mode: string },
  origin: string,
  files: ReadonlySet<string>,
): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return null;
  if (request.mode === 'navigate') return isAppRoute(url.pathname) ? `${origin}/index.html` : null;
  const file = `${origin}${url.pathname}`;
  return files.has(file) ? file : null;
}

/**
 * When the build's files are downloaded. `install`: before the worker takes over (production: the
 * worker registers after the page has loaded, nobody waits, and a failed download leaves the previous
 * build in charge). `on-request`: when a page asks (FILL_REQUEST), for msw builds: MSW waits for the
 * worker to activate before the app renders, and every e2e browser context is a first visit, so the
 * download waits until the app has rendered and the page is idle instead of slowing every start
 * (measured: 2.7 s to a ready mock backend without it, 5 s with it in front or beside).
 */
export type CacheFill = 'install' | 'on-request';

/**
 * Installs the precache and its fetch listener. Call it before any other script adds a fetch
 * listener (MSW's, in msw builds): what this listener answers, it answers alone.
 */
export function serveAppShell(scope: AppShellWorkerScope, manifest: readonly PrecacheEntry[], fill: CacheFill = 'install'): void {
  const origin = scope.location.origin;
  const cacheName = appShellCacheName(manifest);
  const index = `${origin}/index.html`;
  const files = new Set(manifest.map((entry) => new URL(typeof entry === 'string' ? entry : entry.url, `${origin}/`).href));

  let filling: Promise<void> | null = null;
  /** Downloads what is missing; index.html last, so a cached index.html means a complete shell. */
  const fillCache = (): Promise<void> => {
    filling ??= (async () => {
      const cache = await scope.caches.open(cacheName);
      if (await cache.match(index)) return;
      // `reload`: past the HTTP cache, so index.html is this build's.
      const request = (url: string) => new Request(url, { cache: url === index ? 'reload' : 'default' });
      await cache.addAll([...files].filter((url) => url !== index).map(request));
      await cache.add(request(index));
    })().finally(() => {
      filling = null;
    });
    return filling;
  };

  if (fill === 'on-request') {
    scope.addEventListener('message', (event) => {
      if (event.data === FILL_REQUEST) event.waitUntil(fillCache());
    });
  }

  scope.addEventListener('install', (event) => {
    // A new build takes over at once, and takes the open tabs with it: their next screen or language
    // comes from the new build's files.
    event.waitUntil(fill === 'install' ? fillCache().then(() => scope.skipWaiting()) : scope.skipWaiting());
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const names = await scope.caches.keys();
        await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName).map((name) => scope.caches.delete(name)));
        await scope.clients.claim();
      })(),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const file = appShellFileFor(event.request, origin, files);
    if (!file) return;
    const request = event.request;
    event.respondWith(
      (async () => {
        const cached = await (await scope.caches.open(cacheName)).match(file);
        // Not cached (yet, or cleared by the browser): the network, as without this worker.
        return cached ?? scope.fetch(request);
      })(),
    );
    // Answered: a later listener (MSW's) must not answer too (a second respondWith throws).
    event.stopImmediatePropagation();
  });
}
