// Whether the browser has a network, as TanStack Query's onlineManager sees it: queries pause while
// offline and resume (or refetch, if they failed) when the network returns. Translations and screens
// that wait for the network follow the same signal, so the whole app agrees on "offline".
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * The onlineManager assumes a network until the first `offline` event; a page opened (or reloaded)
 * offline would then send its queries, fail them, and never hear an `online` change to refetch on.
 * This seeds it from `navigator.onLine` and keeps following the browser's events.
 */
export function followBrowserOnlineStatus(): void {
  onlineManager.setEventListener((setOnline) => {
    setOnline(navigator.onLine);
    const online = () => setOnline(true);
    const offline = () => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  });
}

export function isOnline(): boolean {
  return onlineManager.isOnline();
}

/** Settles at once when online, otherwise when the network returns. */
export function whenOnline(): Promise<void> {
  if (onlineManager.isOnline()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = onlineManager.subscribe((online) => {
      if (!online) return;
      unsubscribe();
      resolve();
    });
  });
}

export function useOnline(): boolean {
  return useSyncExternalStore(onlineManager.subscribe, isOnline, isOnline);
}
