// The production build's service worker: the app shell's precache and nothing else (the API is the
// server's). Built by vite-plugin-pwa (injectManifest), which replaces `self.__WB_MANIFEST` with the
// list of the build's files.
import type { PrecacheEntry } from 'workbox-precaching';
import { serveAppShell, type AppShellWorkerScope } from './app-shell-worker';

declare const self: AppShellWorkerScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// oxlint-disable-next-line no-underscore-dangle -- Workbox's injection point, replaced at build time
serveAppShell(self, self.__WB_MANIFEST);
