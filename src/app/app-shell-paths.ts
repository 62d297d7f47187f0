// What the app-shell service worker may answer from its precache, kept apart from the worker so the
// route table's test, the worker and the build share one list. Pure: the worker bundle imports it.

/**
 * The first path segment of every screen in routes.tsx (`/` redirects to `/cases`). A navigation to
 * one of these gets the precached index.html; any other navigation (the API, a server page such as a
 * sign-in, a file) goes to the network untouched. routes.test.ts fails when a route is missing here.
 */
export const APP_ROUTE_SEGMENTS = ['cases', 'review', 'designations', 'accounts', 'audit', 'import', 'admin', 'set-password'] as const;

/** Requests under this prefix are the server's: never cached, never answered with index.html. */
export const API_PREFIX = '/api/';

/** True for a path the single-page app renders itself, so index.html may answer its navigation. */
export function isAppRoute(pathname: string): boolean {
  if (pathname === '/' || pathname === '/index.html') return true;
  if (pathname.startsWith(API_PREFIX)) return false;
  const [first = ''] = pathname.slice(1).split('/');
  return APP_ROUTE_SEGMENTS.some((segment) => segment === first);
}

/**
 * The worker scripts, one name per build mode: a production build and a `--mode msw` build served on
 * the same origin (both use `vite preview`'s port) then replace each other instead of one being taken
 * for the other (MSW would keep a production worker that cannot answer its messages).
 */
export const APP_SHELL_WORKER_SOURCES = {
  production: 'app-shell.service-worker.ts',
  msw: 'msw-app-shell.service-worker.ts',
} as const;

export function appShellWorkerUrl(mode: keyof typeof APP_SHELL_WORKER_SOURCES): string {
  return `/${APP_SHELL_WORKER_SOURCES[mode].replace(/\.ts$/, '.js')}`;
}

/** What a page of an msw build posts to the worker once the app has rendered: download the shell now. */
export const FILL_REQUEST = 'app-shell:fill';
