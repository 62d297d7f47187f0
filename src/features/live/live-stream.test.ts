// The browser's end of the live stream (issue 12 §7) against a fake EventSource: notices parsed, junk
// dropped, a reconnect after a drop reported (notices were missed), and a refused stream retried later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveNotice } from '../../api/contract/live';
import { connectLiveStream, RETRY_MS, type EventSourceLike } from './live-stream';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  readonly listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

const COMMENT: LiveNotice = {
  kind: 'case-change', caseId: 'case-1', seq: 7, type: 'case.commented', actorId: 'rui', at: '2026-03-02T09:00:00.000Z', caseVersion: 3,
};

function harness() {
  const sources: FakeEventSource[] = [];
  const notices: LiveNotice[] = [];
  const statuses: string[] = [];
  const reconnected = vi.fn<() => void>();
  const stop = connectLiveStream(
    '/api/live?as=ana',
    { notice: (notice) => notices.push(notice), reconnected, status: (status) => statuses.push(status) },
    (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
  );
  const latest = () => {
    const source = sources.at(-1);
    if (!source) throw new Error('no source');
    return source;
  };
  return { sources, notices, statuses, reconnected, stop, latest };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('connectLiveStream (issue 12 §7)', () => {
  it('delivers each well-formed notice and drops what does not parse', () => {
    const h = harness();
    h.latest().emit('open');
    h.latest().emit('notice', JSON.stringify(COMMENT));
    h.latest().emit('notice', '{"kind":"case-change","caseId":"<script>"}');
    h.latest().emit('notice', 'not json');
    expect(h.notices).toEqual([COMMENT]);
    expect(h.statuses).toEqual(['open']);
  });

  it('reports a reconnect after a drop the browser recovered from, without saying it was paused', () => {
    const h = harness();
    h.latest().emit('open');
    h.latest().emit('error');
    h.latest().emit('open');
    expect(h.reconnected).toHaveBeenCalledTimes(1);
    expect(h.statuses).toEqual(['open', 'open']);
  });

  it('opens a new stream after a pause when the browser gave up (the server refused or is away), and stops when told', () => {
    const h = harness();
    h.latest().readyState = 2;
    h.latest().emit('error');
    expect(h.statuses).toEqual(['paused']);
    expect(h.sources).toHaveLength(1);
    vi.advanceTimersByTime(RETRY_MS[0]);
    expect(h.sources).toHaveLength(2);
    h.latest().emit('open');
    expect(h.reconnected).toHaveBeenCalledTimes(1);

    h.stop();
    expect(h.latest().closed).toBe(true);
    vi.advanceTimersByTime(120_000);
    expect(h.sources).toHaveLength(2);
  });
});
