// Renders UI the way the app does (real providers, real router, real HTTP client against the MSW
// node server), with a fresh query client and session per test.
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { ApiError } from '../api/client/http-client';
import { createI18n } from '../app/i18n';
import { resources } from '../app/i18n-resources';
import { AppProviders } from '../app/providers';
import type { IdentityMode } from '../app/identity-mode';
import { createSessionStore } from '../app/session-store';
import type { Language } from '../i18n/locale-shape';

export interface RenderOptions {
  /** The URL to start at. */
  route?: string;
  /** Route table; defaults to a single catch-all route rendering `ui`. */
  routes?: RouteObject[];
  userId?: string;
  language?: Language;
  /** The demo picker by default; `server-session` renders the app as it runs against the server. */
  identity?: IdentityMode;
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: (count, error) => error instanceof ApiError && error.retryable && count < 1, retryDelay: 1, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}): RenderResult & {
  user: ReturnType<typeof userEvent.setup>;
  router: ReturnType<typeof createMemoryRouter>;
  queryClient: QueryClient;
} {
  localStorage.clear();
  const queryClient = createTestQueryClient();
  const sessionStore = createSessionStore({ userId: options.userId ?? 'ana', language: options.language ?? 'en' });
  const { i18n } = createI18n(options.language ?? 'en', { resources });
  const router = createMemoryRouter(options.routes ?? [{ path: '*', element: ui }], {
    initialEntries: [options.route ?? '/'],
  });
  const user = userEvent.setup();
  const result = render(
    <AppProviders queryClient={queryClient} sessionStore={sessionStore} i18n={i18n} identity={options.identity ?? 'demo-picker'}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, user, router, queryClient };
}
