// One live stream per browser (issue 12 §7): the tab holding the lock opens it and relays notices to the
// others; when it closes, another tab takes over and catches up. Fakes stand in for Web Locks,
// BroadcastChannel and EventSource.
import { describe, expect, it, vi } from 'vitest';
import type { LiveNotice } from '../../api/contract/live';
import type { EventSourceLike } from './live-stream';
import { connectSharedLiveStream, type SharedStreamEnvironment } from './shared-live-stream';

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

/** Exclusive locks by name, granted in request order; `ifAvailable` answers null when held. */
function fakeLocks(): Pick<LockManager, 'request'> {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  async function request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    if (held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        waiting.set(name, [...(waiting.get(name) ?? []), resolve]);
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      held.delete(name);
      waiting.get(name)?.shift()?.();
    }
  }
  return { request: request as LockManager['request'] };
}

function fakeChannels() {
  const members = new Map<string, Set<BroadcastChannel>>();
  return (name: string) => {
    const listeners = new Set<(event: MessageEvent<unknown>) => void>();
    const channel = {
      postMessage: (data: unknown) => {
        for (const other of members.get(name) ?? []) if (other !== channel) other.dispatchEvent(new MessageEvent('message', { data: structuredClone(data) }));
      },
      addEventListener: (_: string, listener: (event: MessageEvent<unknown>) => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: (event: MessageEvent<unknown>) => void) => listeners.delete(listener),
      dispatchEvent: (event: MessageEvent<unknown>) => {
        for (const listener of listeners) listener(event);
        return true;
      },
      close: () => members.get(name)?.delete(channel),
    } as unknown as BroadcastChannel;
    members.set(name, new Set([...(members.get(name) ?? []), channel]));
    return channel;
  };
}

const NOTICE: LiveNotice = {
  kind: 'case-change', caseId: 'case-1', seq: 3, type: 'case.commented', actorId: 'rui', at: '2026-03-02T09:00:00.000Z', caseVersion: 2,
};

function tab(environment: SharedStreamEnvironment, sources: FakeSource[]) {
  const notices: LiveNotice[] = [];
  const reconnected = vi.fn<() => void>();
  const stop = connectSharedLiveStream('/api/live', { notice: (notice) => notices.push(notice), reconnected, status: () => undefined }, () => {
    const source = new FakeSource();
    sources.push(source);
    return source;
  }, environment);
  return { notices, reconnected, stop };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connectSharedLiveStream (issue 12 §7)', () => {
  it('opens one stream for two tabs and relays its notices to the other; the other takes over when the first closes', async () => {
    const environment: SharedStreamEnvironment = { locks: fakeLocks(), channel: fakeChannels() };
    const sources: FakeSource[] = [];
    const first = tab(environment, sources);
    await settle();
    const second = tab(environment, sources);
    await settle();
    expect(sources).toHaveLength(1);

    sources[0]?.emit('notice', JSON.stringify(NOTICE));
    expect(first.notices).toEqual([NOTICE]);
    expect(second.notices).toEqual([NOTICE]);

    first.stop();
    await settle();
    expect(sources[0]?.closed).toBe(true);
    expect(sources).toHaveLength(2);
    // The new leader catches up once its stream is open: notices may have been missed in between.
    sources[1]?.emit('open');
    expect(second.reconnected).toHaveBeenCalledTimes(1);
    second.stop();
  });

  it('without Web Locks each tab has its own stream', async () => {
    const sources: FakeSource[] = [];
    const environment: SharedStreamEnvironment = { locks: undefined, channel: fakeChannels() };
    tab(environment, sources).stop();
    tab(environment, sources).stop();
    await settle();
    expect(sources).toHaveLength(2);
  });
});
