// Issue 16 §1 and §3: the posts behind a cluster, asked of the detection worker that still holds
// the file this session read (use-activity-import.ts). One query per set of accounts, cached by
// TanStack Query for the life of the import, so switching views does not ask again.
import { useQuery } from '@tanstack/react-query';
import type { ClusterActivity } from '../../engine/detection/cluster-activity';
import type { ActivityQueryResult } from '../../workers/detection-client';

export type ActivityQuery = (accountIds: readonly string[]) => Promise<ActivityQueryResult>;

export type ClusterActivityState =
  | { status: 'unavailable' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; activity: ClusterActivity };

/**
 * The activity of `accountIds` (platform user ids). `scope` names the import (its finish time) and
 * what the accounts are (a cluster id), so a new import or another cluster is a new query.
 * `unavailable` when the file was read in an earlier session (its posts are gone).
 */
export function useClusterActivity(queryActivity: ActivityQuery | null, scope: string, accountIds: readonly string[] | null): ClusterActivityState {
  const enabled = queryActivity !== null && accountIds !== null;
  const query = useQuery({
    queryKey: ['cluster-activity', scope],
    queryFn: async (): Promise<ClusterActivity> => {
      if (queryActivity === null || accountIds === null) throw new Error('No file has been read in this session.');
      const answer = await queryActivity(accountIds);
      if (answer.status === 'failed') throw new Error(answer.message);
      return answer.activity;
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: false,
  });
  if (!enabled) return { status: 'unavailable' };
  if (query.isError) return { status: 'failed', message: query.error.message };
  if (query.data === undefined) return { status: 'loading' };
  return { status: 'ready', activity: query.data };
}
