// The server's sign-in page (issue 11): user name and password, and "Sign in with …" when the
// organisation's single sign-on is configured. One message for a wrong name or password (the server
// does not say which); throttling says when to try again. Shown in place of any page while nobody is
// signed in, so the address the person asked for opens once they are in.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiError, callApi } from '../../api/client/http-client';
import type { Session } from '../../api/contract/session';
import { useErrorText } from '../../components/api-error-text';
import { adoptSession } from '../../app/server-session';
import { PasswordField } from './password-field';

interface SignInValues {
  login: string;
  password: string;
}

const SSO_FAILURES = ['sso-failed', 'sso-unavailable', 'sso-no-role', 'sso-disabled'] as const;
type SsoFailure = (typeof SSO_FAILURES)[number];

function ssoFailure(search: string): SsoFailure | null {
  const value = new URLSearchParams(search).get('signInError');
  return SSO_FAILURES.find((failure) => failure === value) ?? null;
}

export function SignInPage({ session, ended }: { session: Session; ended: boolean }) {
  const { t } = useTranslation('accounts');
  const { apiError } = useErrorText();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<SignInValues>({ defaultValues: { login: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const ssoError = ssoFailure(location.search);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      adoptSession(queryClient, (await callApi('passwordSignIn', { body: values })).data);
    } catch (error) {
      setFailure(error);
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  const failureText = (() => {
    if (failure === null) return null;
    if (failure instanceof ApiError && failure.code === 'unauthenticated') return t('signIn.wrong');
    if (failure instanceof ApiError && failure.code === 'rate-limited') {
      return t('signIn.throttled', { count: Math.max(1, Math.ceil((failure.retryAfterMs ?? 60_000) / 60_000)) });
    }
    return apiError(failure);
  })();

  const returnTo = `${location.pathname}${location.search.replace(/([?&])signInError=[^&]*&?/, '$1').replace(/[?&]$/, '')}`;

  return (
    <Box sx={{ maxWidth: 440, mx: 'auto', p: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('signIn.intro')}
      </Typography>
      {ended && <Alert severity="info" sx={{ mb: 2 }}>{t('signIn.expired')}</Alert>}
      {ssoError && <Alert severity="error" sx={{ mb: 2 }}>{t(`signIn.ssoFailed.${ssoError}`)}</Alert>}
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'grid', gap: 2 }}>
        <TextField
          label={t('signIn.login')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={Boolean(errors.login)}
          helperText={errors.login ? t('signIn.required') : undefined}
          {...form.register('login', { required: true })}
        />
        <PasswordField
          label={t('signIn.password')}
          autoComplete="current-password"
          problem={errors.password ? t('signIn.required') : undefined}
          {...form.register('password', { required: true })}
        />
        {failureText && <Alert severity="error" role="alert">{failureText}</Alert>}
        <Button type="submit" variant="contained" disabled={isSubmitting}>
          {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </Box>
      {session.singleSignOn && (
        <>
          <Divider sx={{ my: 3 }}>{t('signIn.or')}</Divider>
          <Button variant="outlined" fullWidth href={`/api/session/sso/start?returnTo=${encodeURIComponent(returnTo)}`}>
            {t('signIn.singleSignOn', { label: session.singleSignOn.label })}
          </Button>
        </>
      )}
    </Box>
  );
}
