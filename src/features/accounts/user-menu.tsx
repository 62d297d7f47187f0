// The signed-in person in the top bar (server mode): name and roles, and a menu to change the
// password, sign out, or sign out on every device (issue 11).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import type { User } from '../../api/contract/users';
import { useErrorText } from '../../components/api-error-text';
import { adoptSession } from '../../app/server-session';
import { PasswordField } from './password-field';
import { accountFieldError } from './password-field-errors';

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation(['accounts', 'policy']);
  const queryClient = useQueryClient();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  const [failed, setFailed] = useState(false);
  const roles = user.roles.map((role) => t(`policy:role.${role}`)).join(', ');

  const end = async (endpoint: 'signOut' | 'signOutEverywhere') => {
    setAnchor(null);
    setFailed(false);
    try {
      adoptSession(queryClient, (await callApi(endpoint)).data);
    } catch {
      setFailed(true);
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Button
        color="inherit"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={t('menu.label', { name: user.name })}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: 'none' }}
      >
        <Typography variant="body2" component="span" data-testid="signed-in-user">
          <strong>{user.name}</strong> · {roles}
        </Typography>
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
        >
          {t('menu.changePassword')}
        </MenuItem>
        <MenuItem onClick={() => void end('signOut')}>{t('menu.signOut')}</MenuItem>
        <MenuItem onClick={() => void end('signOutEverywhere')}>{t('menu.signOutEverywhere')}</MenuItem>
      </Menu>
      {failed && (
        <Typography variant="body2" role="alert" color="error">
          {t('menu.failed')}
        </Typography>
      )}
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </Box>
  );
}

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
}

function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['accounts', 'common']);
  const { apiError } = useErrorText();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ChangePasswordValues>({ defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const session = (await callApi('changePassword', { body: values })).data;
      queryClient.setQueryData(queryKeys.session, session);
      setDone(true);
    } catch (error) {
      setFailure(error);
    }
  });
  const currentError = accountFieldError(failure, 'currentPassword', t);
  const newError = accountFieldError(failure, 'newPassword', t);

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{t('changePassword.title')}</DialogTitle>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          {done ? (
            <Box component="output">{t('changePassword.done')}</Box>
          ) : (
            <>
              <PasswordField
                label={t('changePassword.current')}
                autoComplete="current-password"
                problem={errors.currentPassword ? t('password.required') : currentError}
                {...form.register('currentPassword', { required: true })}
              />
              <PasswordField
                label={t('changePassword.next')}
                autoComplete="new-password"
                problem={errors.newPassword ? t('password.tooShort') : newError}
                hint={t('changePassword.help')}
                {...form.register('newPassword', { required: true, minLength: 12 })}
              />
              {failure !== null && currentError === undefined && newError === undefined && (
                <Typography role="alert" color="error">
                  {apiError(failure)}
                </Typography>
              )}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.close')}</Button>
          {!done && (
            <Button type="submit" variant="contained" disabled={isSubmitting}>
              {t('changePassword.submit')}
            </Button>
          )}
        </DialogActions>
      </Box>
    </Dialog>
  );
}
