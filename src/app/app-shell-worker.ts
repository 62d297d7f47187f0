// The app shell's offline half, run inside a service worker: the build's files (code, translations,
// index.html) are precached when the worker installs, answered from that cache from then on, and a
// navigation to a screen of the app gets the cached index.html. Nothing else is touched: no runtime
// caching, so API answers are never stored and always come from the server (or MSW) or fail.
import { PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { Route, Router } from 'workbox-routing';
import { isAppRoute } from './app-shell-paths';

/** What the worker uses of its global scope (the project's DOM lib types `self` as a Window). */
export interface AppShellWorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerLifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
}

export interface WorkerLifecycleEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerFetchEvent extends WorkerLifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

/**
 * Installs the precache and its fetch listener. Call it before any other script adds a fetch
 * listener (MSW's, in msw builds): what this listener answers, it answers alone.
 */
export function serveAppShell(scope: AppShellWorkerScope, manifest: ReadonlyArray<PrecacheEntry | string>): void {
  const precache = new PrecacheController();
  // Adds the install (download everything) and activate (drop files of older builds) listeners.
  precache.precache([...manifest]);

  const router = new Router();
  router.registerRoute(new PrecacheRoute(precache));
  router.registerRoute(
    new Route(
      ({ request, url }) => request.mode === 'navigate' && url.origin === scope.location.origin && isAppRoute(url.pathname),
      precache.createHandlerBoundToURL('/index.html'),
    ),
  );

  scope.addEventListener('fetch', (event) => {
    const response = router.handleRequest({ event, request: event.request });
    if (!response) return;
    event.respondWith(response);
    // Answered: a later listener (MSW's) must not answer too (a second respondWith throws).
    event.stopImmediatePropagation();
  });

  // A new build takes over at once, and takes the open tabs with it: their next screen or language
  // then comes from the new build's files. (Pages of the old build that load a file the new build
  // no longer has get the network, and the screen's "could not load" state if that fails.)
  scope.addEventListener('install', () => void scope.skipWaiting());
  scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
}
