// One live stream per browser, not per tab (issue 12 §7): a browser keeps about six HTTP/1.1
// connections per server, and a stream per tab would use them up with a handful of tabs open, leaving
// every fetch (the autosave's too) waiting. The tab holding a Web Lock opens the stream and passes
// each notice to the others over a BroadcastChannel; when it closes, the lock passes to another tab,
// which opens the stream and catches up on what it may have missed. Without Web Locks or
// BroadcastChannel (old browsers), each tab has its own stream.
import { LiveNotice } from '../../api/contract/live';
import { connectLiveStream, type LiveStreamHandlers, type OpenEventSource } from './live-stream';

type Relayed = { kind: 'notice'; notice: unknown } | { kind: 'reconnected' } | { kind: 'status'; status: 'open' | 'paused' };

function parseRelayed(data: unknown, handlers: LiveStreamHandlers): void {
  if (typeof data !== 'object' || data === null) return;
  const message = data as Partial<Relayed>;
  if (message.kind === 'notice') {
    const parsed = LiveNotice.safeParse((message as { notice?: unknown }).notice);
    if (parsed.success) handlers.notice(parsed.data);
  } else if (message.kind === 'reconnected') {
    handlers.reconnected();
  } else if (message.kind === 'status') {
    const status = (message as { status?: unknown }).status;
    if (status === 'open' || status === 'paused') handlers.status(status);
  }
}

export interface SharedStreamEnvironment {
  locks: Pick<LockManager, 'request'> | undefined;
  channel: (name: string) => BroadcastChannel | undefined;
}

const browserEnvironment: SharedStreamEnvironment = {
  locks: typeof navigator === 'undefined' ? undefined : navigator.locks,
  channel: (name) => (typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name)),
};

export function connectSharedLiveStream(
  url: string,
  handlers: LiveStreamHandlers,
  open: OpenEventSource,
  environment: SharedStreamEnvironment = browserEnvironment,
): () => void {
  // One leader per stream address: in the mock backend, per demo identity.
  const name = `cha-live-stream:${url}`;
  const channel = environment.channel(name);
  if (!environment.locks || !channel) return connectLiveStream(url, handlers, open);

  const onMessage = (event: MessageEvent<unknown>) => parseRelayed(event.data, handlers);
  channel.addEventListener('message', onMessage);
  // oxlint-disable-next-line require-post-message-target-origin -- a BroadcastChannel has no target origin: it stays within this one
  const relay = (message: Relayed) => channel.postMessage(message);
  const stopped = new AbortController();
  let stopStream: (() => void) | null = null;
  let release: (() => void) | null = null;
  let waited = false;

  const lead = () =>
    new Promise<void>((done) => {
      release = done;
      if (stopped.signal.aborted) {
        done();
        return;
      }
      // A tab that waited for the lock may have missed notices between the old leader and now.
      let caughtUp = !waited;
      stopStream = connectLiveStream(
        url,
        {
          notice: (notice) => {
            handlers.notice(notice);
            relay({ kind: 'notice', notice });
          },
          reconnected: () => {
            handlers.reconnected();
            relay({ kind: 'reconnected' });
          },
          status: (status) => {
            handlers.status(status);
            relay({ kind: 'status', status });
            if (status === 'open' && !caughtUp) {
              caughtUp = true;
              handlers.reconnected();
            }
          },
        },
        open,
      );
    });

  void environment.locks
    .request(name, { ifAvailable: true }, (lock) => (lock ? lead() : undefined))
    .then(() => {
      if (stopped.signal.aborted || release) return undefined;
      waited = true;
      return environment.locks?.request(name, { signal: stopped.signal }, lead);
    })
    .catch(() => undefined /* aborted while waiting: this tab closed its stream before leading */);

  return () => {
    stopped.abort();
    stopStream?.();
    release?.();
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}
