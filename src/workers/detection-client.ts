// The facade the UI uses: runs detection jobs in a Web Worker, or in this thread where `Worker`
// does not exist (jsdom, old environments). Both paths speak the same protocol to the same host
// code (detection-runner.ts), so tests of the in-thread path test the worker's logic too.
import type { DetectorSettingsInput } from '../engine/detection/settings';
import { createDetectionHost } from './detection-runner';
import type { ClusterActivity, ClusterActivityLimits } from '../engine/detection/cluster-activity';
import type {
  DetectionErrorCode,
  DetectionJobOptions,
  DetectionJobResult,
  DetectionProgress,
  DetectionRequest,
  DetectionResponse,
  DetectionSource,
} from './detection-runner';

export type { DetectionJobResult, DetectionProgress, DetectionSource } from './detection-runner';

/** The answer to an activity query: never rejects. */
export type ActivityQueryResult =
  | { status: 'done'; activity: ClusterActivity }
  | { status: 'failed'; code: DetectionErrorCode; message: string };

/** Sources that can cross to a worker (an async stream cannot). */
export type TransferableSource = Exclude<DetectionSource, { kind: 'stream' }>;

export interface DetectionRunOptions extends DetectionJobOptions {
  onProgress?: (progress: DetectionProgress) => void;
}

export interface DetectionJob {
  readonly jobId: string;
  /** Always resolves (never rejects): done with the report, cancelled, or failed with a code. */
  readonly result: Promise<DetectionJobResult>;
  cancel(): void;
}

export interface DetectionClient {
  readonly mode: 'worker' | 'in-thread';
  /**
   * Reads, parses and analyses a file. An ArrayBuffer source is transferred to the worker (the
   * caller's buffer is detached). Starting a job cancels the one in progress. `options.watch` (R15)
   * goes to the job, and stays with the parsed file for later `redetect`s.
   */
  run(source: TransferableSource, options?: DetectionRunOptions): DetectionJob;
  /** Runs the detectors again with other settings on the last file this client parsed. */
  redetect(settings: DetectorSettingsInput, options?: { onProgress?: (progress: DetectionProgress) => void }): DetectionJob;
  /**
   * Issue 16 §1: these accounts' posts in the last parsed file, with their co-actions among each
   * other. Answered beside a running job; fails with `no-parsed-file` before the first import.
   */
  activity(accountIds: readonly string[], limits?: Partial<ClusterActivityLimits>): Promise<ActivityQueryResult>;
  /** Ends the worker; jobs still running resolve as cancelled. */
  dispose(): void;
}

/** The minimal port both a Worker and the in-thread host offer. */
interface Port {
  post(request: DetectionRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface DetectionClientOptions {
  /** Creates the worker; return null to run in this thread. Default: the bundled detection worker when `Worker` exists. */
  createWorker?: () => Worker | null;
  /**
   * Creates the helper worker (helper-thread.ts: the second half of large CSV files, the detectors
   * that read no text); return null for none. Default: another detection worker, unless
   * `createWorker` is given.
   */
  createHelperWorker?: () => Worker | null;
}

function defaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./detection.worker.ts', import.meta.url), { type: 'module', name: 'detection' });
}

let jobCounter = 0;

export function createDetectionClient(options: DetectionClientOptions = {}): DetectionClient {
  const pending = new Map<string, { resolve: (result: DetectionJobResult) => void; onProgress?: (progress: DetectionProgress) => void }>();
  /** Activity queries waiting for their answer (they live beside the one job). */
  const queries = new Map<string, (result: ActivityQueryResult) => void>();
  let disposed = false;

  const onResponse = (response: DetectionResponse): void => {
    const query = queries.get(response.jobId);
    if (query) {
      if (response.type === 'activity') query({ status: 'done', activity: response.activity });
      else if (response.type === 'error') query({ status: 'failed', code: response.code, message: response.message });
      else return;
      queries.delete(response.jobId);
      return;
    }
    const job = pending.get(response.jobId);
    if (!job) return;
    switch (response.type) {
      case 'progress':
        job.onProgress?.(response.progress);
        return;
      case 'result':
        pending.delete(response.jobId);
        job.resolve({ status: 'done', report: response.report });
        return;
      case 'cancelled':
        pending.delete(response.jobId);
        job.resolve({ status: 'cancelled' });
        return;
      case 'error':
        pending.delete(response.jobId);
        job.resolve({ status: 'failed', code: response.code, message: response.message });
        return;
      case 'activity':
        return;
    }
  };

  const failAll = (message: string): void => {
    for (const [id, query] of queries) {
      queries.delete(id);
      query({ status: 'failed', code: 'worker-failed', message });
    }
    for (const [id, job] of pending) {
      pending.delete(id);
      job.resolve({ status: 'failed', code: 'worker-failed', message });
    }
  };

  let worker: Worker | null = null;
  try {
    worker = (options.createWorker ?? defaultWorker)();
  } catch {
    worker = null; // e.g. a CSP that forbids workers: fall back to this thread
  }

  let helper: Worker | null = null;
  let port: Port;
  if (worker) {
    const w = worker;
    try {
      helper = (options.createHelperWorker ?? (options.createWorker ? () => null : defaultWorker))();
    } catch {
      helper = null;
    }
    if (helper) {
      // The two workers talk directly. If the helper fails, the main worker does its work itself.
      const channel = new MessageChannel();
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no target origin
      const helperFailed = (): void => w.postMessage({ type: 'helper-failed' });
      helper.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        helperFailed();
      });
      helper.addEventListener('messageerror', helperFailed);
      helper.postMessage({ type: 'serve-as-helper', port: channel.port2 }, [channel.port2]);
      w.postMessage({ type: 'use-helper', port: channel.port1 }, [channel.port1]);
    }
    w.addEventListener('message', (event: MessageEvent<DetectionResponse>) => onResponse(event.data));
    w.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      failAll(event.message || 'The detection worker stopped.');
    });
    w.addEventListener('messageerror', () => failAll('A message from the detection worker could not be read.'));
    const h = helper;
    port = {
      post: (request, transfer) => w.postMessage(request, transfer),
      terminate: () => {
        w.terminate();
        h?.terminate();
      },
    };
  } else {
    // In-thread: the same host; responses are delivered asynchronously, as from a worker.
    const handle = createDetectionHost((response) => queueMicrotask(() => onResponse(response)));
    port = { post: (request) => handle(request), terminate: () => {} };
  }

  const start = (request: DetectionRequest, onProgress: ((p: DetectionProgress) => void) | undefined, transfer: Transferable[]): DetectionJob => {
    const jobId = request.jobId;
    const result = new Promise<DetectionJobResult>((resolve) => {
      if (disposed) {
        resolve({ status: 'failed', code: 'worker-failed', message: 'The detection client was disposed.' });
        return;
      }
      // Starting a job cancels the one in progress (the host does the same).
      for (const [id, job] of pending) {
        pending.delete(id);
        job.resolve({ status: 'cancelled' });
      }
      pending.set(jobId, { resolve, onProgress });
      try {
        port.post(request, transfer);
      } catch (error) {
        pending.delete(jobId);
        resolve({ status: 'failed', code: 'worker-failed', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return {
      jobId,
      result,
      cancel: () => {
        if (!disposed && pending.has(jobId)) port.post({ type: 'cancel', jobId }, []);
      },
    };
  };

  return {
    mode: worker ? 'worker' : 'in-thread',
    run(source, runOptions = {}) {
      const { onProgress, ...jobOptions } = runOptions;
      const transfer: Transferable[] = source.kind === 'buffer' ? [source.buffer] : [];
      return start({ type: 'start', jobId: `job-${++jobCounter}`, source, options: jobOptions }, onProgress, transfer);
    },
    redetect(settings, redetectOptions = {}) {
      return start({ type: 'redetect', jobId: `job-${++jobCounter}`, settings }, redetectOptions.onProgress, []);
    },
    activity(accountIds, limits) {
      return new Promise<ActivityQueryResult>((resolve) => {
        if (disposed) {
          resolve({ status: 'failed', code: 'worker-failed', message: 'The detection client was disposed.' });
          return;
        }
        const jobId = `query-${++jobCounter}`;
        queries.set(jobId, resolve);
        try {
          port.post({ type: 'activity', jobId, accountIds: [...accountIds], limits }, []);
        } catch (error) {
          queries.delete(jobId);
          resolve({ status: 'failed', code: 'worker-failed', message: error instanceof Error ? error.message : String(error) });
        }
      });
    },
    dispose() {
      if (disposed) return;
      for (const [id, query] of queries) {
        queries.delete(id);
        query({ status: 'failed', code: 'worker-failed', message: 'The detection client was disposed.' });
      }
      for (const [id, job] of pending) {
        port.post({ type: 'cancel', jobId: id }, []); // stops in-thread work; a worker is terminated anyway
        pending.delete(id);
        job.resolve({ status: 'cancelled' });
      }
      disposed = true;
      port.terminate();
    },
  };
}
