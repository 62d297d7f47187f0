import { describe, expect, it, vi } from 'vitest';
import { isLoadFailure, LoadFailedError, loadWhenOnline, type RetryPolicy } from './load-when-online';

/** A network switch the test flips; pauses resolve at once (no timed tests). */
function network(online: boolean) {
  const waiting: Array<() => void> = [];
  const policy: RetryPolicy = {
    attempts: 3,
    isOnline: () => online,
    whenOnline: () => (online ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    pause: vi.fn<(attempt: number) => Promise<void>>(async () => undefined),
  };
  return {
    policy,
    goOnline: () => {
      online = true;
      waiting.splice(0).forEach((resolve) => resolve());
    },
  };
}

describe('loadWhenOnline', () => {
  it('offline, waits for the network instead of failing, then loads', async () => {
    const net = network(false);
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue('texts');
    let settled = false;
    const result = loadWhenOnline(load, net.policy).finally(() => (settled = true));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(settled).toBe(false);

    net.goOnline();
    await expect(result).resolves.toBe('texts');
    expect(load).toHaveBeenCalledTimes(2);
    expect(net.policy.pause).not.toHaveBeenCalled();
  });

  it('online, tries again after a pause and reports the failure after the last attempt', async () => {
    const net = network(true);
    const failure = new TypeError('Failed to fetch dynamically imported module: /assets/audit-page.js');
    const load = vi.fn<() => Promise<string>>().mockRejectedValue(failure);
    await expect(loadWhenOnline(load, net.policy)).rejects.toBe(failure);
    expect(load).toHaveBeenCalledTimes(3);
    expect(net.policy.pause).toHaveBeenCalledTimes(2);
  });
});

describe('isLoadFailure', () => {
  it('knows a failed import in each browser’s words, and nothing else', () => {
    expect(isLoadFailure(new LoadFailedError('a screen'))).toBe(true);
    expect(isLoadFailure(new TypeError('Failed to fetch dynamically imported module: https://x/a.js'))).toBe(true);
    expect(isLoadFailure(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isLoadFailure(new TypeError('error loading dynamically imported module'))).toBe(true);
    expect(isLoadFailure(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isLoadFailure(new Error('boom'))).toBe(false);
  });
});
