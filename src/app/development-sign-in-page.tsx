// The development-only sign-in page (server mode, until real sign-in lands): pick one of the demo
// users, no password, and the server keeps you signed in with a signed session cookie. Said plainly
// on the page, so nobody mistakes it for real authentication.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/client/case-queries';
import { callApi } from '../api/client/http-client';
import type { SignInMethod } from '../api/contract/session';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/page-loading';
import { adoptSession } from './server-session';

export function DevelopmentSignInPage({ signIn }: { signIn: SignInMethod }) {
  const { t } = useTranslation(['common', 'policy']);
  const users = useUsers();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const choose = async (userId: string) => {
    setPending(userId);
    setError(null);
    try {
      adoptSession(queryClient, (await callApi('signIn', { body: { userId } })).data);
    } catch (caught) {
      setError(caught);
      setPending(null);
    }
  };

  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', p: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.title')}
      </Typography>
      {signIn !== 'development' ? (
        <Alert severity="info">{t('signIn.none')}</Alert>
      ) : (
        <>
          <Alert severity="warning" sx={{ mb: 3 }}>
            {t('signIn.warning')}
          </Alert>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('signIn.choose')}
          </Typography>
          {users.isPending && <PageLoading />}
          {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
            {(users.data ?? []).map((user) => (
              <li key={user.id}>
                <Button
                  variant="outlined"
                  fullWidth
                  disabled={pending !== null}
                  onClick={() => void choose(user.id)}
                  sx={{ justifyContent: 'space-between', textTransform: 'none' }}
                >
                  <span>{t('signIn.asUser', { name: user.name })}</span>
                  <span>{t(`policy:role.${user.role}`)}</span>
                </Button>
              </li>
            ))}
          </Box>
          {error !== null && (
            <Box sx={{ mt: 2 }}>
              <ErrorAlert error={error} />
            </Box>
          )}
        </>
      )}
    </Box>
  );
}
