// The service worker of `--mode msw` builds (Playwright, `npm run preview:msw`): one scope has one
// worker, so the app shell's precache and MSW's mock backend share this one. The precache listener
// comes first and answers the build's files and app navigations; everything else (the API) reaches
// MSW's own, unchanged worker script, imported as MSW ships it (`public/mockServiceWorker.js`, whose
// checksum MSW verifies when it starts).
import type { PrecacheEntry } from 'workbox-precaching';
import { serveAppShell, type AppShellWorkerScope } from './app-shell-worker';

declare const self: AppShellWorkerScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
  importScripts(...urls: string[]): void;
};

// oxlint-disable-next-line no-underscore-dangle -- Workbox's injection point, replaced at build time
serveAppShell(self, self.__WB_MANIFEST);
self.importScripts('/mockServiceWorker.js');
