// The mock backend's live bus (issue 12 §7): each tab runs its own backend over the one IndexedDB
// store, and they tell each other of writes and presence through a BroadcastChannel, which reaches
// the other tabs of this browser (not the tab that posts). What arrives is parsed: another tab may
// still run an older release.
import { LiveBusMessage, type LiveBus } from '../backend/live-updates';

export const LIVE_BUS_CHANNEL = 'cha-live-updates';

export function broadcastLiveBus(name = LIVE_BUS_CHANNEL): LiveBus | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    // oxlint-disable-next-line require-post-message-target-origin -- a BroadcastChannel has no target origin: it stays within this one
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      const onMessage = (event: MessageEvent<unknown>) => {
        const parsed = LiveBusMessage.safeParse(event.data);
        if (parsed.success) listener(parsed.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
