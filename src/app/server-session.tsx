// Server mode's identity in the shell: the gate in front of every page (sign-in when nobody is
// signed in, back to it when the session ends) and the top bar's "signed in as" with sign-out.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callApi, getApiUser, setApiUser } from '../api/client/http-client';
import { queryKeys } from '../api/client/query-keys';
import { useSignInSession } from '../api/client/user-queries';
import type { Session } from '../api/contract/session';
import { useErrorText } from '../components/api-error-text';
import { PageLoading } from '../components/page-loading';

const DevelopmentSignInPage = lazy(() =>
  import('./development-sign-in-page').then((m) => ({ default: m.DevelopmentSignInPage })),
);

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
  const { apiError } = useErrorText();
  const user = session.data?.user ?? null;
  // Before the pages below render and fetch: they act as the signed-in user.
  if (getApiUser() !== (user?.id ?? null)) setApiUser(user?.id ?? null);

  // A 401 anywhere means the session ended (expired, signed out in another tab): ask again.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        if (error instanceof ApiError && error.status === 401 && event.query.queryKey[0] !== queryKeys.session[0]) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.session });
        }
      }),
    [queryClient],
  );

  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <Typography role="alert" sx={{ p: 4 }}>
        {apiError(session.error)}
      </Typography>
    );
  }
  if (!user) return <DevelopmentSignInPage signIn={session.data.signIn} />;
  return children;
}

export function SignedInUser() {
  const { t } = useTranslation(['common', 'policy']);
  const session = useSignInSession();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const user = session.data?.user;
  if (!user) return null;
  const signOut = async () => {
    setFailed(false);
    try {
      adoptSession(queryClient, (await callApi('signOut')).data);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2" data-testid="signed-in-user">
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {t('user.label')}
        </Box>{' '}
        <strong>{user.name}</strong> · {t(`policy:role.${user.role}`)}
      </Typography>
      <Button color="inherit" size="small" variant="outlined" onClick={() => void signOut()}>
        {t('user.signOut')}
      </Button>
      {failed && (
        <Typography variant="body2" role="alert" color="error">
          {t('error.network')}
        </Typography>
      )}
    </Box>
  );
}
