// Registers the production build's app-shell worker (src/app/app-shell.service-worker.ts) once the
// page has loaded, so its precache downloads do not compete with the first render. A plain
// `register`: the worker takes over by itself (skipWaiting, clients.claim), so workbox-window's update
// handshake would be code for nothing. In msw builds MSW registers the worker; under `vite` there is none.
import { appShellWorkerUrl } from './app-shell-paths';

function register(): void {
  navigator.serviceWorker.register(appShellWorkerUrl('production')).catch((error: unknown) => {
    // Offline use is a bonus: the app works without it.
    console.warn('The app shell could not be installed for offline use', error);
  });
}

export function registerAppShellWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.VITE_MSW === 'true' || !('serviceWorker' in navigator)) return;
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
