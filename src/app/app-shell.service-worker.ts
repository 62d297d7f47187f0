// The production build's service worker: the app shell's precache and nothing else (the API is the
// server's). Built by vite-plugin-pwa (injectManifest), which replaces `self.__WB_MANIFEST` with the
// list of the build's files.
import { serveAppShell, type AppShellWorkerScope, type PrecacheEntry } from './app-shell-worker';

declare const self: AppShellWorkerScope & { __WB_MANIFEST: PrecacheEntry[] };

// oxlint-disable-next-line no-underscore-dangle -- Workbox's injection point, replaced at build time
serveAppShell(self, self.__WB_MANIFEST);
