// Which notifications a person has read, kept on this device per person (localStorage), parsed on
// the way in like every persisted value. At most the last 500 keys are kept.
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod/mini';

const MAX_KEYS = 500;
const ReadKeys = z.array(z.string().check(z.maxLength(300))).check(z.maxLength(MAX_KEYS * 2));

function storageKey(userId: string): string {
  return `cha.notifications.read:${userId}`;
}

const listeners = new Set<() => void>();
const EMPTY: ReadonlySet<string> = new Set();
const cache = new Map<string, { raw: string | null; keys: ReadonlySet<string> }>();

function readKeys(userId: string): ReadonlySet<string> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(storageKey(userId));
  } catch {
    return EMPTY;
  }
  const cached = cache.get(userId);
  if (cached && cached.raw === raw) return cached.keys;
  let keys: ReadonlySet<string> = EMPTY;
  if (raw !== null) {
    try {
      const parsed = ReadKeys.safeParse(JSON.parse(raw));
      keys = parsed.success ? new Set(parsed.data) : EMPTY;
    } catch {
      keys = EMPTY;
    }
  }
  cache.set(userId, { raw, keys });
  return keys;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('cha.notifications.read:')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The read keys of `userId` and a way to mark keys read (other tabs follow through the storage event). */
export function useReadNotifications(userId: string): [ReadonlySet<string>, (keys: readonly string[]) => void] {
  const read = useSyncExternalStore(subscribe, () => readKeys(userId), () => EMPTY);
  const markRead = useCallback(
    (keys: readonly string[]) => {
      const next = [...new Set([...readKeys(userId), ...keys])].slice(-MAX_KEYS);
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Storage full or blocked: the marks last as long as the page (the cache answers for the
        // unchanged stored text).
        const raw = cache.get(userId)?.raw ?? null;
        cache.set(userId, { raw, keys: new Set(next) });
      }
      for (const listener of listeners) listener();
    },
    [userId],
  );
  return [read, markRead];
}
