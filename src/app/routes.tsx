// The route table: deep links for every screen. Features are lazy-loaded so the first page stays small;
// the first page itself, the case list, comes with the entry (see preloadFirstPage).
// Rendered by `useRoutes` under a <BrowserRouter> (declarative mode): the app uses no loaders,
// actions or fetchers, and the data router's code is about 16 kB gzip of the first page.
import type { i18n as I18n } from 'i18next';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { CaseListPage } from '../features/cases/case-list-page';
import { useSignInSession } from '../api/client/user-queries';
import { AppShell } from './app-shell';
import { useIdentityMode } from './identity-mode';
import { NotFoundPage } from './not-found-page';
import { lazyScreen } from './lazy-screen';
import { RouteErrorBoundary } from './route-error-page';

const CaseRoute = lazyScreen(() => import('./case-route').then((m) => m.CaseRoute), {
  texts: ['workspace', 'engine', 'submission', 'conversation', 'live', 'caseTimeline', 'crossCase', 'activityTimeline'],
});
const ReviewQueuePage = lazyScreen(() => import('../features/review/review-queue-page').then((m) => m.ReviewQueuePage), {
  texts: ['review'],
});
const ReviewRoute = lazyScreen(() => import('./review-route').then((m) => m.ReviewRoute), {
  texts: ['review', 'engine', 'conversation', 'live', 'caseTimeline', 'crossCase', 'activityTimeline'],
});
const DesignationPage = lazyScreen(() => import('../features/enforcement/designation-page').then((m) => m.DesignationPage), {
  texts: ['enforcement', 'caseTimeline', 'crossCase'],
});
const DecisionReportPage = lazyScreen(() => import('../features/enforcement/decision-report-page').then((m) => m.DecisionReportPage), {
  texts: ['enforcement'],
});
const ImportCasePickerPage = lazyScreen(() =>
  import('../features/activity-import/import-case-picker-page').then((m) => m.ImportCasePickerPage), { texts: ['activityImport'] },
);
const ActivityImportPage = lazyScreen(() =>
  import('../features/activity-import/activity-import-page').then((m) => m.ActivityImportPage), { texts: ['activityImport', 'activityTimeline'] },
);
const AuditPage = lazyScreen(() => import('../features/audit/audit-page').then((m) => m.AuditPage), { texts: ['audit'] });
const AccountPage = lazyScreen(() => import('../features/account-page/account-page').then((m) => m.AccountPage), {
  texts: ['crossCase'],
});
const AdminUsersPage = lazyScreen(() => import('../features/accounts/admin-users-page').then((m) => m.AdminUsersPage), {
  texts: ['accounts'],
});

export const routes: RouteObject[] = [
  {
    // The shell has a boundary of its own around each page; this one is for the shell itself.
    element: (
      <RouteErrorBoundary>
        <AppShell />
      </RouteErrorBoundary>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'cases', element: <CaseListPage /> },
      { path: 'cases/:caseId', element: <CaseRoute /> },
      // Before the generic tab route, so `import` is not taken for a workspace tab.
      { path: 'cases/:caseId/import', element: <ActivityImportPage /> },
      { path: 'cases/:caseId/:tab', element: <CaseRoute /> },
      { path: 'review', element: <ReviewQueuePage /> },
      { path: 'review/:caseId', element: <ReviewRoute /> },
      { path: 'designations/:caseId', element: <DesignationPage /> },
      { path: 'designations/:caseId/report', element: <DecisionReportPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'accounts/:handle', element: <AccountPage /> },
      { path: 'import', element: <ImportCasePickerPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      // The session gate shows the set-password page here, signed in or not (server-session.tsx).
      { path: 'set-password', element: null },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** `/`: the case list, or the users screen for an admin who holds no case role (issue 11). */
function HomeRedirect() {
  const identity = useIdentityMode();
  const session = useSignInSession({ enabled: identity === 'server-session' });
  const roles = session.data?.user?.roles ?? [];
  const adminOnly = identity === 'server-session' && roles.length > 0 && !roles.some((role) => role === 'analyst' || role === 'reviewer');
  return <Navigate to={adminOnly ? '/admin/users' : '/cases'} replace />;
}

export function AppRoutes() {
  return useRoutes(routes);
}

/**
 * The case list is what `/` opens, so its code is part of the entry chunk: one file, no second round
 * trip after the shell renders (measured: 191.3 kB gzip as a lazy route in its own chunks, 186.6 kB in
 * the entry; other routes load its ~6 kB gzip with the entry). Its texts start loading here, with
 * the shell's, when it is the page being opened.
 */
export function preloadFirstPage(pathname: string, i18n: I18n): void {
  if (pathname !== '/' && pathname.replace(/\/$/, '') !== '/cases') return;
  i18n.loadNamespaces('cases').catch(() => undefined);
}
