// The browser's end of the live stream (issue 12 §7): one EventSource per tab, each event parsed, and
// reconnection. The browser reconnects by itself after a dropped connection; when it gives up (the
// server refused: signed out, or restarting) this opens a new one after a growing pause. A reconnect
// after a drop is reported, because notices sent meanwhile were missed.
import { LIVE_EVENT, LiveNotice } from '../../api/contract/live';

export interface LiveStreamHandlers {
  notice: (notice: LiveNotice) => void;
  /** Connected again after a drop: what was sent meanwhile was missed. */
  reconnected: () => void;
  status: (status: 'open' | 'paused') => void;
}

/** What the stream needs of EventSource (a fake one in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

export type OpenEventSource = (url: string) => EventSourceLike;

const CLOSED = 2;
export const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000] as const;

export function connectLiveStream(url: string, handlers: LiveStreamHandlers, open: OpenEventSource, timers = globalThis): () => void {
  let source: EventSourceLike | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let dropped = false;
  let stopped = false;

  function connect(): void {
    const current = open(url);
    source = current;
    current.addEventListener('open', () => {
      failures = 0;
      handlers.status('open');
      if (dropped) handlers.reconnected();
      dropped = false;
    });
    current.addEventListener(LIVE_EVENT, (event) => {
      if (typeof event.data !== 'string') return;
      try {
        const parsed = LiveNotice.safeParse(JSON.parse(event.data));
        if (parsed.success) handlers.notice(parsed.data);
      } catch {
        // Not JSON: a notice of a release this page does not know; the next reload reads it all.
      }
    });
    current.addEventListener('error', () => {
      dropped = true;
      // Still CONNECTING: the browser reconnects by itself in a moment, nothing to tell anyone yet.
      if (current.readyState !== CLOSED || stopped) return;
      // The browser gave up on this one (refused, or the server is away): try again, less often each time.
      handlers.status('paused');
      current.close();
      const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 60_000;
      failures += 1;
      retry = timers.setTimeout(connect, wait);
    });
  }

  connect();
  return () => {
    stopped = true;
    timers.clearTimeout(retry);
    source?.close();
  };
}
