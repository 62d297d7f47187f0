// Who is signed in and what the other people in the trail are called, shared by the review,
// enforcement, submission and audit features.
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SYSTEM_ACTOR_ID } from '../contract/users';
import { useUsers } from './case-queries';
import { callApi } from './http-client';
import { queryKeys } from './query-keys';

/** The identity the backend sees (`GET /api/me`); `data` is undefined until it answers. */
export function useCurrentUser() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }) => (await callApi('me', { signal })).data,
    staleTime: Infinity,
  });
}

/** The server's session (who is signed in, which sign-in it offers); server mode only. */
export function useSignInSession({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.session,
    enabled,
    queryFn: async ({ signal }) => (await callApi('session', { signal })).data,
    staleTime: Infinity,
  });
}

/**
 * Maps a user id to the person's name; falls back to the id for someone not in the directory. An
 * automatic re-application (R15) was applied by the system, which has a name of its own.
 */
export function useUserName(): (userId: string) => string {
  const users = useUsers();
  const { t } = useTranslation('common');
  return useCallback(
    (userId: string) => (userId === SYSTEM_ACTOR_ID ? t('user.system') : (users.data?.find((user) => user.id === userId)?.name ?? userId)),
    [users.data, t],
  );
}
