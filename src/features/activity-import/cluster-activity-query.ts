// Issue 16 §1 and §3: the posts behind a cluster, asked of the detection worker that still holds
// the file this session read (use-activity-import.ts). One query per set of accounts, cached by
// TanStack Query for the life of the import, so switching views does not ask again, and adding the
// cluster to the board reuses the answer the Activity view already has.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ClusterActivity } from '../../engine/detection/cluster-activity';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { ActivityQueryResult } from '../../workers/detection-client';

export type ActivityQuery = (accountIds: readonly string[]) => Promise<ActivityQueryResult>;

export type ClusterActivityState =
  | { status: 'unavailable' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; activity: ClusterActivity };

const NO_FILE = 'No file has been read in this session.';

export function clusterActivityKey(scope: string): readonly unknown[] {
  return ['cluster-activity', scope];
}

function clusterActivityOptions(queryActivity: ActivityQuery | null, scope: string, accountIds: readonly string[] | null) {
  return {
    queryKey: clusterActivityKey(scope),
    queryFn: async (): Promise<ClusterActivity> => {
      if (queryActivity === null || accountIds === null) throw new Error(NO_FILE);
      const answer = await queryActivity(accountIds);
      if (answer.status === 'failed') throw new Error(answer.message);
      return answer.activity;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: false,
  } as const;
}

/**
 * The activity of `accountIds` (platform user ids). `scope` names the import (its finish time) and
 * what the accounts are (a cluster id), so a new import or another cluster is a new query.
 * `unavailable` when the file was read in an earlier session (its posts are gone).
 */
export function useClusterActivity(queryActivity: ActivityQuery | null, scope: string, accountIds: readonly string[] | null): ClusterActivityState {
  const enabled = queryActivity !== null && accountIds !== null;
  const query = useQuery({ ...clusterActivityOptions(queryActivity, scope, accountIds), enabled });
  if (!enabled) return { status: 'unavailable' };
  if (query.isError) return { status: 'failed', message: query.error.message };
  if (query.data === undefined) return { status: 'loading' };
  return { status: 'ready', activity: query.data };
}

// A cluster's scope: its id (derived from its accounts) and which detection run it came from. Each
// run (an import, or detecting again with other settings, which changes the co-action windows) makes
// new cluster objects, so the object itself says which run: numbered here, never compared by value.
const runNumbers = new WeakMap<CoordinationCluster, number>();
let runCounter = 0;

export function clusterActivityScope(cluster: CoordinationCluster): string {
  let number = runNumbers.get(cluster);
  if (number === undefined) {
    number = ++runCounter;
    runNumbers.set(cluster, number);
  }
  return `${cluster.id}#${number}`;
}

export function clusterAccountIds(cluster: CoordinationCluster): string[] {
  return cluster.accounts.map((account) => account.id);
}

/**
 * The cluster's activity for a caller outside React's render (adding it to the board): the cached
 * answer when the Activity view already has it, else asked of the worker; null when there is no
 * file to ask (an import kept from an earlier session) or the worker could not answer.
 */
export async function fetchClusterActivity(queryClient: QueryClient, queryActivity: ActivityQuery | null, cluster: CoordinationCluster): Promise<ClusterActivity | null> {
  const scope = clusterActivityScope(cluster);
  const cached = queryClient.getQueryData<ClusterActivity>(clusterActivityKey(scope));
  if (cached !== undefined) return cached;
  if (queryActivity === null) return null;
  try {
    return await queryClient.fetchQuery(clusterActivityOptions(queryActivity, scope, clusterAccountIds(cluster)));
  } catch {
    return null;
  }
}

/** Whether `fetchClusterActivity` can answer for this cluster without the worker being asked in vain. */
export function clusterActivityAvailable(queryClient: QueryClient, queryActivity: ActivityQuery | null, cluster: CoordinationCluster): boolean {
  return queryActivity !== null || queryClient.getQueryData(clusterActivityKey(clusterActivityScope(cluster))) !== undefined;
}
