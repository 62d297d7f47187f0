// Loading a file the app needs later (a screen's code, a namespace's texts) that may meet a missing
// network: while the browser is offline the load waits for the network and tries again, so the screen
// shows its "offline" waiting state and appears by itself; a failure while online is tried again a
// few times, then reported (the screen's "could not be loaded" state offers a retry).
import { isOnline, whenOnline } from '../api/client/online-status';

export interface RetryPolicy {
  /** Failures tolerated while online before the error is reported (Infinity: never reported). */
  attempts: number;
  isOnline: () => boolean;
  whenOnline: () => Promise<void>;
  /** Waits before attempt `attempt + 1` after an online failure. */
  pause: (attempt: number) => Promise<void>;
}

export function browserRetryPolicy(attempts: number): RetryPolicy {
  return {
    attempts,
    isOnline,
    whenOnline,
    pause: (attempt) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 10_000))),
  };
}

export async function loadWhenOnline<T>(load: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let onlineFailures = 0; ; ) {
    try {
      return await load();
    } catch (error) {
      if (!policy.isOnline()) {
        await policy.whenOnline();
        continue;
      }
      onlineFailures += 1;
      if (onlineFailures >= policy.attempts) throw error;
      await policy.pause(onlineFailures);
    }
  }
}

/** A screen's code or texts did not arrive; the route boundary shows a retry instead of a crash. */
export class LoadFailedError extends Error {
  /** Loads again what failed, before the screen renders again (texts; code reloads as it renders). */
  readonly reload: () => Promise<void>;

  constructor(what: string, options: { cause?: unknown; reload?: () => Promise<void> } = {}) {
    super(`could not load ${what}`, { cause: options.cause });
    this.name = 'LoadFailedError';
    this.reload = options.reload ?? (() => Promise.resolve());
  }
}

/** Browsers word a failed `import()` differently; Vite's preload helper rethrows theirs. */
export function isLoadFailure(error: unknown): boolean {
  if (error instanceof LoadFailedError) return true;
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script failed|error loading dynamically imported/i.test(error.message)
  );
}
