// Server mode's identity in the shell: the gate in front of every page (sign-in when nobody is
// signed in, back to it when the session ends, keeping the address asked for) and the top bar's
// signed-in person with their menu. Set-password links open without a session.
import Typography from '@mui/material/Typography';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { getApiUser, setApiUser, setUnauthenticatedListener } from '../api/client/http-client';
import { queryKeys } from '../api/client/query-keys';
import { useSignInSession } from '../api/client/user-queries';
import type { Session } from '../api/contract/session';
import { useErrorText } from '../components/api-error-text';
import { PageLoading } from '../components/page-loading';

const SignInPage = lazy(() => import('../features/accounts/sign-in-page').then((m) => ({ default: m.SignInPage })));
const SetPasswordPage = lazy(() => import('../features/accounts/set-password-page').then((m) => ({ default: m.SetPasswordPage })));
const UserMenu = lazy(() => import('../features/accounts/user-menu').then((m) => ({ default: m.UserMenu })));

/** Where set-password links land (`/set-password#token=…`). */
export const SET_PASSWORD_PATH = '/set-password';

/** After sign-in or sign-out: nothing cached for the previous person survives, the session is the new one. */
export function adoptSession(queryClient: QueryClient, session: Session): void {
  setApiUser(session.user?.id ?? null);
  // The session first: the gate swaps the pages out before their queries could refetch as nobody.
  queryClient.setQueryData(queryKeys.session, session);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
}

export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSignInSession();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const { apiError } = useErrorText();
  // A request found the session over (expired, revoked, signed out elsewhere): `ended` while the page
  // still knows the person, `shown` once the sign-in page says so (and that what was typed is kept and
  // sent once the person is back), `active` again when they are. A sign-out on purpose says nothing.
  const [sessionEnd, setSessionEnd] = useState<'active' | 'ended' | 'shown'>('active');
  const user = session.data?.user ?? null;
  // Before the pages below render and fetch: they act as the signed-in user.
  if (getApiUser() !== (user?.id ?? null)) setApiUser(user?.id ?? null);

  // A 401 anywhere (a page's query, a decision, the autosave) means the session ended (expired,
  // revoked, signed out in another tab): ask again. A wrong password is a 401 of its own, not an end.
  useEffect(() => {
    setUnauthenticatedListener((endpoint) => {
      if (endpoint === 'session' || endpoint === 'passwordSignIn' || endpoint === 'setPassword') return;
      // Presence (issue 12 §7) is sent the moment someone starts typing: its 401 would swap the page for
      // the sign-in page mid-word. The autosave's next save, after the pause, says the same in its time.
      if (endpoint === 'casePresence') return;
      // Only a session that was there can end; a request made before anyone signed in is no news.
      if (queryClient.getQueryData<Session>(queryKeys.session)?.user) setSessionEnd('ended');
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    });
    return () => setUnauthenticatedListener(null);
  }, [queryClient]);
  // State adjusted while rendering, not in an effect: the notice shows once nobody is signed in, and
  // has done its work when someone is again.
  if (!user && sessionEnd === 'ended') setSessionEnd('shown');
  if (user && sessionEnd === 'shown') setSessionEnd('active');

  if (pathname === SET_PASSWORD_PATH) return <SetPasswordPage />;
  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <Typography role="alert" sx={{ p: 4 }}>
        {apiError(session.error)}
      </Typography>
    );
  }
  if (!user) return <SignInPage session={session.data} ended={sessionEnd !== 'active'} />;
  return children;
}

export function SignedInUser() {
  const session = useSignInSession();
  const user = session.data?.user;
  return user ? <UserMenu user={user} /> : null;
}
