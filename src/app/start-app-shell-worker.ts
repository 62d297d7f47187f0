// Starts the app shell's offline half once the app has rendered, so its downloads do not compete with
// the first render. Production: registers the worker (src/app/app-shell.service-worker.ts) after the
// page's load event; a plain `register`, since the worker takes over by itself (skipWaiting,
// clients.claim) and workbox-window's update handshake would be code for nothing. msw builds: MSW has
// registered the worker (it holds MSW's), which downloads the shell when the page is idle and asks.
// Under `vite` (dev) there is no app-shell worker.
import { appShellWorkerUrl, FILL_REQUEST } from './app-shell-paths';

function register(): void {
  navigator.serviceWorker.register(appShellWorkerUrl('production')).catch((error: unknown) => {
    // Offline use is a bonus: the app works without it.
    console.warn('The app shell could not be installed for offline use', error);
  });
}

function askForFill(): void {
  navigator.serviceWorker.controller?.postMessage(FILL_REQUEST);
}

export function startAppShellWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (import.meta.env.VITE_MSW === 'true') {
    if ('requestIdleCallback' in window) requestIdleCallback(askForFill, { timeout: 5_000 });
    else setTimeout(askForFill, 1_000);
    return;
  }
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
