// The mock backend's storage report (msw mode only): stored records it could not read and set aside
// (issue 14, defect 3). Not in the endpoint table, like the dev reset, because no real server has it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEV_RESET_PATH, DEV_STORAGE_PATH, StorageHealth } from '../contract/storage-health';
import { queryKeys } from './query-keys';

export async function fetchStorageHealth(signal?: AbortSignal): Promise<StorageHealth> {
  const response = await fetch(DEV_STORAGE_PATH, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${DEV_STORAGE_PATH} answered ${response.status}`);
  return StorageHealth.parse(await response.json());
}

/** Read once per page load: the storage checks every record when asked, so later reads find nothing new. */
export function useStorageHealth() {
  return useQuery({
    queryKey: queryKeys.devStorage,
    queryFn: ({ signal }) => fetchStorageHealth(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Replaces this browser's mock data with the demo data, then reads everything again. */
export function useResetDemoData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const response = await fetch(DEV_RESET_PATH, { method: 'POST', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`${DEV_RESET_PATH} answered ${response.status}`);
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
