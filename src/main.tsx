import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { routes } from './app/routes';

/** The mock backend is loaded only in dev and msw-mode builds, so production bundles carry no msw code. */
async function enableMocking(): Promise<void> {
  if (import.meta.env.VITE_MSW !== 'true') return;
  const { startMockBackend } = await import('./mocks/browser');
  await startMockBackend();
}

const router = createBrowserRouter(routes);

void enableMocking().then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
