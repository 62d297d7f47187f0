// The service worker of `--mode msw` builds (Playwright, `npm run preview:msw`): one scope has one
// worker, so the app shell's precache and MSW's mock backend share this one. The precache listener
// comes first and answers the build's files and app navigations; everything else (the API) reaches
// MSW's own, unchanged worker script, imported as MSW ships it (`public/mockServiceWorker.js`, whose
// checksum MSW verifies when it starts). The precache fills when the page asks, once the app has
// rendered (src/app/start-app-shell-worker.ts).
import { serveAppShell, type AppShellWorkerScope, type PrecacheEntry } from './app-shell-worker';

declare const self: AppShellWorkerScope & {
  __WB_MANIFEST: PrecacheEntry[];
  importScripts(...urls: string[]): void;
};

// oxlint-disable-next-line no-underscore-dangle -- Workbox's injection point, replaced at build time
serveAppShell(self, self.__WB_MANIFEST, 'on-request');
// MSW's worker unregisters itself when its last tab closes, and a reload closes the last tab: alone,
// a clean-up; here, the end of the app shell, racing the reload's own navigation. It then also keeps
// the closed tab's id among its clients, which costs nothing (an unknown tab's requests pass through).
self.addEventListener('message', (event) => {
  if (event.data === 'CLIENT_CLOSED') event.stopImmediatePropagation();
});
self.importScripts('/mockServiceWorker.js');
