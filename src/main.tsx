import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { followBrowserOnlineStatus } from './api/client/online-status';
import { appShellWorkerUrl } from './app/app-shell-paths';
import { createI18n } from './app/i18n';
import { AppProviders } from './app/providers';
import { createSessionStore } from './app/session-store';
import { startAppShellWorker } from './app/start-app-shell-worker';
import { AppRoutes, preloadFirstPage } from './app/routes';

/** The mock backend is loaded only in dev and msw-mode builds, so production bundles carry no msw code. */
async function enableMocking(): Promise<void> {
  if (import.meta.env.VITE_MSW !== 'true') return;
  const { startMockBackend } = await import('./mocks/browser');
  // Built, MSW's worker lives inside the app shell's (one scope, one worker); under `vite`, alone.
  await startMockBackend(import.meta.env.DEV ? {} : { workerUrl: appShellWorkerUrl('msw') });
}

followBrowserOnlineStatus();
const sessionStore = createSessionStore();
// The shell's texts load with the mock backend, before the first render; the rest as screens need them.
const { i18n, ready } = createI18n(sessionStore.getState().language);
preloadFirstPage(window.location.pathname, i18n);

void Promise.all([enableMocking(), ready]).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <AppProviders
        sessionStore={sessionStore}
        i18n={i18n}
        // A build with the mock backend has the demo picker; any other talks to the workbench server.
        identity={import.meta.env.VITE_MSW === 'true' ? 'demo-picker' : 'server-session'}
      >
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
  startAppShellWorker();
});
