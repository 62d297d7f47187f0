// Where a set-password link lands (`/set-password#token=…`): the person chooses a password, the link
// is used up, and they are signed in. The token travels in the fragment, which browsers never send
// to a server, so it appears in no log and no Referer.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, callApi } from '../../api/client/http-client';
import { useErrorText } from '../../components/api-error-text';
import { adoptSession } from '../../app/server-session';
import { PasswordField } from './password-field';
import { accountFieldError } from './password-field-errors';

interface SetPasswordValues {
  password: string;
  confirm: string;
}

function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}

export function SetPasswordPage() {
  const { t } = useTranslation('accounts');
  const { apiError } = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromFragment(globalThis.location?.hash ?? ''));
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<SetPasswordValues>({ defaultValues: { password: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password }) => {
    if (!token) return;
    setFailure(null);
    try {
      const session = (await callApi('setPassword', { body: { token, password } })).data;
      // The link is used up: out of the address bar and the history entry.
      void navigate('/', { replace: true });
      adoptSession(queryClient, session);
    } catch (error) {
      setFailure(error);
    }
  });

  const linkDead = failure instanceof ApiError && failure.code === 'unauthenticated';
  const passwordError = accountFieldError(failure, 'password', t);
  return (
    <Box sx={{ maxWidth: 480, mx: 'auto', p: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('setPassword.title')}
      </Typography>
      {!token ? (
        <Alert severity="error">{t('setPassword.noToken')}</Alert>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('setPassword.intro')}
          </Typography>
          <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'grid', gap: 2 }}>
            <PasswordField
              label={t('setPassword.password')}
              autoComplete="new-password"
              problem={errors.password ? t('password.tooShort') : passwordError}
              {...form.register('password', { required: true, minLength: 12 })}
            />
            <PasswordField
              label={t('setPassword.confirm')}
              autoComplete="new-password"
              problem={errors.confirm ? t('setPassword.mismatch') : undefined}
              {...form.register('confirm', { validate: (value, values) => value === values.password })}
            />
            {failure !== null && passwordError === undefined && (
              <Alert severity="error" role="alert">
                {linkDead ? t('setPassword.invalidLink') : apiError(failure)}
              </Alert>
            )}
            <Button type="submit" variant="contained" disabled={isSubmitting || linkDead}>
              {t('setPassword.submit')}
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}
