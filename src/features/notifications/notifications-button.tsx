// The bell (issue 12 §8): what concerns the signed-in person — cases returned to them, cases in review
// assigned to them, designations due for periodic review, comments mentioning them — with unread ones
// counted, each a link to
// where they act on it. Loaded apart from the first page (the app shell imports it lazily).
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import { hasRole, type User } from '../../api/contract/users';
import { useNow } from '../../components/use-now';
import {
  byNewest,
  mentionQuery,
  notificationQueries,
  toMentionNotification,
  toNotification,
  unreadCount,
  type CaseNotificationKind,
  type WorkbenchNotification,
} from './notification-rules';
import { useReadNotifications } from './read-notifications';

/** How often the bell asks for news anyway: live updates (issue 12 §7) bring them sooner. */
const REFRESH_MS = 60_000;

function kindsFor(user: User): CaseNotificationKind[] {
  return [...(hasRole(user, 'analyst') ? (['returned'] as const) : []), ...(hasRole(user, 'reviewer') ? (['assigned', 'due', 'manipulation'] as const) : [])];
}

function useNotifications(user: User): WorkbenchNotification[] {
  const now = useNow();
  const queries = notificationQueries(user.id, now);
  const kinds = kindsFor(user);
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: queryKeys.cases.list(queries[kind]),
      queryFn: async ({ signal }: { signal: AbortSignal }) => (await callApi('listCases', { query: queries[kind], signal })).data,
      refetchInterval: REFRESH_MS,
    })),
  });
  const mentionsQuery = mentionQuery(user.id);
  const mentions = useQuery({
    queryKey: queryKeys.audit(mentionsQuery),
    queryFn: async ({ signal }) => (await callApi('audit', { query: mentionsQuery, signal })).data,
    refetchInterval: REFRESH_MS,
    enabled: mentionsPeople(user),
  });
  return byNewest([
    ...kinds.flatMap((kind, index) => (results[index]?.data?.items ?? []).map((row) => toNotification(kind, row))),
    // A person who mentions themselves needs no telling.
    ...(mentions.data?.items ?? []).filter((event) => event.actorId !== user.id).map(toMentionNotification),
  ]);
}

/** Who can be mentioned: the people with a case role (the backend's rule for a mention). */
function mentionsPeople(user: User): boolean {
  return hasRole(user, 'analyst') || hasRole(user, 'reviewer');
}

export function NotificationsButton() {
  const me = useCurrentUser();
  if (!me.data || kindsFor(me.data).length === 0) return null;
  return <Bell user={me.data} />;
}

function Bell({ user }: { user: User }) {
  const { t } = useTranslation('notifications');
  const notifications = useNotifications(user);
  const userName = useUserName();
  const [read, markRead] = useReadNotifications(user.id);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const unread = unreadCount(notifications, read);
  return (
    <>
      <IconButton
        aria-label={t('button', { count: unread })}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="notifications-button"
      >
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('title') } }}>
        {notifications.length === 0 && (
          <MenuItem disabled>
            <Typography variant="body2">{t('empty')}</Typography>
          </MenuItem>
        )}
        {notifications.map((notification) => {
          const isRead = read.has(notification.key);
          return (
            <MenuItem
              key={notification.key}
              component={RouterLink}
              to={notification.to}
              onClick={() => {
                markRead([notification.key]);
                setAnchor(null);
              }}
              sx={{ whiteSpace: 'normal', maxWidth: 360, fontWeight: isRead ? 400 : 700 }}
              data-unread={!isRead}
            >
              <ListItemText
                primary={
                  notification.kind === 'mentioned'
                    ? t('kind.mentioned', { name: userName(notification.actorId ?? ''), excerpt: notification.excerpt ?? '' })
                    : t(`kind.${notification.kind}`, { name: notification.caseName })
                }
                secondary={isRead ? undefined : t('unread')}
                slotProps={{ primary: { sx: { fontWeight: 'inherit', overflowWrap: 'anywhere' } } }}
              />
            </MenuItem>
          );
        })}
        {unread > 0 && (
          <MenuItem
            onClick={() => {
              markRead(notifications.map((notification) => notification.key));
              setAnchor(null);
            }}
          >
            <Typography variant="button" color="primary">
              {t('markAllRead')}
            </Typography>
          </MenuItem>
        )}
      </Menu>
    </>
  );
}
