// Every provider the app needs, created per instance so tests get fresh state (no global mocks).
import CssBaseline from '@mui/material/CssBaseline';
// @mui/system's provider is the one @mui/material's wraps for a theme without CSS variables (ours); the
// wrapper also brings the CSS-variables provider and its colour-scheme script (about 3 kB gzip).
import { ThemeProvider } from '@mui/system';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiError, setApiIdentityTransport, setApiUser } from '../api/client/http-client';
import { IdentityModeContext, type IdentityMode } from './identity-mode';
import { createSessionStore, SessionStoreContext, useSession, type SessionState } from './session-store';
import { createAppTheme } from './theme';
import type { StoreApi } from 'zustand';
import type { i18n as I18n } from 'i18next';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Retry only what may succeed later (network, 5xx); a 4xx is an answer.
        retry: (failureCount, error) => error instanceof ApiError && error.retryable && failureCount < 2,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export interface AppProvidersProps {
  children: ReactNode;
  /** Created by the caller: lazily loading in the app, with every resource in tests. */
  i18n: I18n;
  queryClient?: QueryClient;
  sessionStore?: StoreApi<SessionState>;
  /** The demo picker (mock backend, tests) unless the app runs against the workbench server. */
  identity?: IdentityMode;
}

export function AppProviders({ children, queryClient, sessionStore, i18n, identity = 'demo-picker' }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [store] = useState(() => {
    const created = sessionStore ?? createSessionStore();
    setApiIdentityTransport(identity === 'demo-picker' ? 'demo-header' : 'session-cookie');
    // Server mode: the signed session names the user (the shell's session gate sets it).
    if (identity === 'server-session') {
      setApiUser(null);
      return created;
    }
    // The demo identity is set before the first request and follows every switch.
    setApiUser(created.getState().userId);
    created.subscribe((state, previous) => {
      if (state.userId !== previous.userId) {
        setApiUser(state.userId);
        // A first fetch still in flight was sent as the previous person, and invalidating would only
        // wait for its answer (who they are, their cases): cancel it, then read everything again.
        void client.cancelQueries().then(() => client.invalidateQueries());
      }
    });
    return created;
  });
  return (
    <IdentityModeContext.Provider value={identity}>
      <SessionStoreContext.Provider value={store}>
        <QueryClientProvider client={client}>
          <LocalisedTheme i18n={i18n}>{children}</LocalisedTheme>
        </QueryClientProvider>
      </SessionStoreContext.Provider>
    </IdentityModeContext.Provider>
  );
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The system's "reduce motion" setting, followed while the app runs. */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

function LocalisedTheme({ children, i18n }: { children: ReactNode; i18n: I18n }) {
  const language = useSession((s) => s.language);
  const colorMode = useSession((s) => s.colorMode);
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => createAppTheme(colorMode, reducedMotion), [colorMode, reducedMotion]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        {children}
      </ThemeProvider>
    </I18nextProvider>
  );
}
