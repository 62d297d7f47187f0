// The admin's screen (issue 11): everyone with their roles and status, invitations with a
// single-use set-password link, role changes, disabling and enabling, new password links, and the
// directory's own trail. Every change is the backend's identity rules: last admin kept, sessions
// ended on role change and disabling, each change recorded.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client/http-client';
import type { DirectoryUser, SetPasswordLink } from '../../api/contract/identity';
import { WORKBENCH_ROLES, type WorkbenchRole } from '../../api/contract/users';
import { useErrorText } from '../../components/api-error-text';
import { DateTime, formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { accountFieldError } from './password-field-errors';

const directoryKey = ['admin', 'users'] as const;
const trailKey = ['admin', 'events'] as const;

function useDirectory() {
  return useQuery({ queryKey: directoryKey, queryFn: async ({ signal }) => (await callApi('adminUsers', { signal })).data });
}

type Pending =
  | { kind: 'invite' }
  | { kind: 'roles'; user: DirectoryUser }
  | { kind: 'disable'; user: DirectoryUser }
  | { kind: 'reset'; user: DirectoryUser }
  | { kind: 'link'; link: SetPasswordLink };

export function AdminUsersPage() {
  const { t } = useTranslation(['accounts', 'policy']);
  const directory = useDirectory();
  const [pending, setPending] = useState<Pending | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: directoryKey });
    void queryClient.invalidateQueries({ queryKey: trailKey });
  };
  const enable = useMutation({
    mutationFn: async (userId: string) => (await callApi('enableUser', { params: { userId } })).data,
    onSettled: refresh,
  });

  return (
    <Box sx={{ p: { xs: 2, md: 3 }, maxWidth: 1200 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 2, mb: 1 }}>
        <Typography variant="h4" component="h1">
          {t('admin.title')}
        </Typography>
        <Button variant="contained" onClick={() => setPending({ kind: 'invite' })}>
          {t('admin.invite')}
        </Button>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 800 }}>
        {t('admin.intro')}
      </Typography>
      {directory.isPending && <PageLoading />}
      {directory.isError && <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />}
      {enable.isError && <ErrorAlert error={enable.error} />}
      {directory.data && (
        <TableContainer>
          <Table size="small" aria-label={t('admin.title')}>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('admin.name')}</TableCell>
                <TableCell scope="col">{t('admin.login')}</TableCell>
                <TableCell scope="col">{t('admin.roles')}</TableCell>
                <TableCell scope="col">{t('admin.status')}</TableCell>
                <TableCell scope="col">{t('admin.lastSignIn')}</TableCell>
                <TableCell scope="col">{t('admin.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {directory.data.map((user) => (
                <TableRow key={user.id} data-testid={`user-row-${user.id}`}>
                  <TableCell component="th" scope="row">{user.name}</TableCell>
                  <TableCell>{user.login}</TableCell>
                  <TableCell>{user.roles.map((role) => t(`policy:role.${role}`)).join(', ')}</TableCell>
                  <TableCell>
                    {user.disabled ? t('admin.disabled') : user.singleSignOn ? t('admin.sso') : user.hasPassword ? t('admin.enabled') : t('admin.pending')}
                  </TableCell>
                  <TableCell>{user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : t('admin.never')}</TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                      <Button size="small" onClick={() => setPending({ kind: 'roles', user })} aria-label={`${t('admin.changeRoles')} ${user.name}`}>
                        {t('admin.changeRoles')}
                      </Button>
                      {user.disabled ? (
                        <Button size="small" onClick={() => enable.mutate(user.id)} aria-label={`${t('admin.enable')} ${user.name}`}>
                          {t('admin.enable')}
                        </Button>
                      ) : (
                        <Button size="small" color="warning" onClick={() => setPending({ kind: 'disable', user })} aria-label={`${t('admin.disable')} ${user.name}`}>
                          {t('admin.disable')}
                        </Button>
                      )}
                      {!user.singleSignOn && (
                        <Button size="small" onClick={() => setPending({ kind: 'reset', user })} aria-label={`${t('admin.reset')} ${user.name}`}>
                          {t('admin.reset')}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <DirectoryTrail users={directory.data ?? []} />
      {pending?.kind === 'invite' && <InviteDialog onClose={() => setPending(null)} onInvited={(link) => { refresh(); setPending({ kind: 'link', link }); }} />}
      {pending?.kind === 'roles' && <RolesDialog user={pending.user} onClose={() => setPending(null)} onSaved={() => { refresh(); setPending(null); }} />}
      {(pending?.kind === 'disable' || pending?.kind === 'reset') && (
        <ConfirmDialog
          kind={pending.kind}
          user={pending.user}
          onClose={() => setPending(null)}
          onDone={(link) => {
            refresh();
            setPending(link ? { kind: 'link', link } : null);
          }}
        />
      )}
      {pending?.kind === 'link' && <LinkDialog link={pending.link} onClose={() => setPending(null)} />}
    </Box>
  );
}

function setPasswordUrl(token: string): string {
  return `${globalThis.location?.origin ?? ''}/set-password#token=${token}`;
}

function LinkDialog({ link, onClose }: { link: SetPasswordLink; onClose: () => void }) {
  const { t, i18n } = useTranslation(['accounts', 'common']);
  const titleId = useId();
  const [copied, setCopied] = useState(false);
  const url = setPasswordUrl(link.token);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('admin.linkTitle', { name: link.user.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t('admin.linkHelp', { name: link.user.name, expires: formatDateTime(link.expiresAt, i18n.language) })}
        </DialogContentText>
        <TextField label={t('admin.link')} value={url} fullWidth slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'set-password-link' } }} onFocus={(event) => event.target.select()} />
        <Box component="output" sx={{ display: 'block', mt: 1 }}>{copied ? t('admin.copied') : ''}</Box>
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {t('admin.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {t('common:actions.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface InviteValues {
  login: string;
  name: string;
  roles: WorkbenchRole[];
}

function RoleCheckboxes({ value, onChange, error }: { value: readonly WorkbenchRole[]; onChange: (roles: WorkbenchRole[]) => void; error: boolean }) {
  const { t } = useTranslation(['accounts', 'policy']);
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <FormLabel component="legend" error={error}>{t('admin.roles')}</FormLabel>
      <FormGroup row>
        {WORKBENCH_ROLES.map((role) => (
          <FormControlLabel
            key={role}
            label={t(`policy:role.${role}`)}
            control={
              <Checkbox
                checked={value.includes(role)}
                onChange={(event) => onChange(event.target.checked ? [...value, role] : value.filter((held) => held !== role))}
              />
            }
          />
        ))}
      </FormGroup>
      {error && <FormHelperText error>{t('admin.rolesRequired')}</FormHelperText>}
    </Box>
  );
}

function InviteDialog({ onClose, onInvited }: { onClose: () => void; onInvited: (link: SetPasswordLink) => void }) {
  const { t } = useTranslation(['accounts', 'common']);
  const { apiError } = useErrorText();
  const titleId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<InviteValues>({ defaultValues: { login: '', name: '', roles: ['analyst'] } });
  const roles = useWatch({ control: form.control, name: 'roles' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onInvited((await callApi('createUser', { body: values })).data);
    } catch (error) {
      setFailure(error);
    }
  });
  const loginError = accountFieldError(failure, 'login', t);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('admin.invite')}</DialogTitle>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <TextField label={t('admin.name')} required error={Boolean(errors.name)} {...form.register('name', { required: true, maxLength: 100 })} />
          <TextField
            label={t('admin.login')}
            required
            autoCapitalize="none"
            error={Boolean(errors.login) || loginError !== undefined}
            helperText={loginError ?? t('admin.loginHelp')}
            {...form.register('login', { required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/ })}
          />
          <RoleCheckboxes value={roles} onChange={(next) => form.setValue('roles', next)} error={roles.length === 0} />
          {failure !== null && loginError === undefined && <Alert severity="error" role="alert">{apiError(failure)}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={isSubmitting || roles.length === 0}>
            {t('common:actions.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function RolesDialog({ user, onClose, onSaved }: { user: DirectoryUser; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation(['accounts', 'common']);
  const titleId = useId();
  const [roles, setRoles] = useState<WorkbenchRole[]>(user.roles);
  const save = useMutation({
    mutationFn: async () => (await callApi('changeRoles', { params: { userId: user.id }, body: { roles } })).data,
    onSuccess: onSaved,
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{t('admin.changeRolesOf', { name: user.name })}</DialogTitle>
      <DialogContent>
        <RoleCheckboxes value={roles} onChange={setRoles} error={roles.length === 0} />
        {save.isError && <ErrorAlert error={save.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" disabled={roles.length === 0 || save.isPending} onClick={() => save.mutate()}>
          {t('admin.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ConfirmDialog({ kind, user, onClose, onDone }: {
  kind: 'disable' | 'reset';
  user: DirectoryUser;
  onClose: () => void;
  onDone: (link: SetPasswordLink | null) => void;
}) {
  const { t } = useTranslation(['accounts', 'common']);
  const titleId = useId();
  const act = useMutation({
    mutationFn: async () =>
      kind === 'disable'
        ? { link: null, user: (await callApi('disableUser', { params: { userId: user.id } })).data }
        : { link: (await callApi('resetPassword', { params: { userId: user.id } })).data },
    onSuccess: (result) => onDone(result.link),
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{kind === 'disable' ? t('admin.disable') : t('admin.reset')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{kind === 'disable' ? t('admin.disableConfirm', { name: user.name }) : t('admin.resetConfirm', { name: user.name })}</DialogContentText>
        {act.isError && <ErrorAlert error={act.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" color={kind === 'disable' ? 'warning' : 'primary'} disabled={act.isPending} onClick={() => act.mutate()}>
          {kind === 'disable' ? t('admin.disable') : t('admin.reset')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function DirectoryTrail({ users }: { users: readonly DirectoryUser[] }) {
  const { t, i18n } = useTranslation('accounts');
  const headingId = useId();
  const trail = useQuery({ queryKey: trailKey, queryFn: async ({ signal }) => (await callApi('userEvents', { query: { pageSize: 100 }, signal })).data });
  const nameOf = (id: string | null) => (id === null ? '' : (users.find((user) => user.id === id)?.name ?? id));
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 4 }}>
      <Typography id={headingId} variant="h5" component="h2" gutterBottom>
        {t('admin.trail')}
      </Typography>
      {trail.isError && <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />}
      {trail.data?.items.length === 0 && <Typography color="text.secondary">{t('admin.trailEmpty')}</Typography>}
      <Box component="ol" sx={{ pl: 3, m: 0 }}>
        {trail.data?.items.map((event) => (
          <li key={event.id}>
            <Typography variant="body2">
              {t('admin.eventLine', {
                at: formatDateTime(event.at, i18n.language),
                person: nameOf(event.userId),
                what: t(`admin.event.${event.type}`),
                source: t(`admin.source.${event.source}`, { actor: nameOf(event.actorId) }),
              })}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}
