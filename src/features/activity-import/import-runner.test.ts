import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTOR_SETTINGS } from '../../engine/detection/settings';
import type { DetectionClient, DetectionJobResult, DetectionProgress } from '../../workers/detection-client';
import { createImportRunner } from './import-runner';
import type { RunProgress } from './import-progress';

function stubClient(result: DetectionJobResult, progress: DetectionProgress[] = []): DetectionClient {
  return {
    mode: 'in-thread',
    run(_source, options) {
      for (const p of progress) options?.onProgress?.(p);
      return { jobId: 'job-1', result: Promise.resolve(result), cancel: () => undefined };
    },
    redetect: () => {
      throw new Error('not used');
    },
    activity: () => Promise.resolve({ status: 'failed', code: 'no-parsed-file', message: 'not used' }),
    dispose: () => undefined,
  };
}

describe('createImportRunner', () => {
  const file = new File(['x'], 'posts.csv');

  it('fills in the file size where the worker does not know it', async () => {
    const seen: RunProgress[] = [];
    const runner = createImportRunner(() => stubClient({ status: 'cancelled' }, [{ stage: 'reading', bytes: 1, totalBytes: null, rows: 0, skipped: 0 }]));
    await runner.run(file, DEFAULT_DETECTOR_SETTINGS, (p) => seen.push(p)).result;
    expect(seen).toEqual([{ stage: 'reading', bytes: 1, totalBytes: 1, rows: 0, skipped: 0 }]);
  });

  it.each([
    ['read-failed', 'read-failed'],
    ['internal', 'worker-failed'],
    ['worker-failed', 'worker-failed'],
  ] as const)('reports a %s failure as %s', async (code, expected) => {
    const runner = createImportRunner(() => stubClient({ status: 'failed', code, message: 'boom' }));
    expect(await runner.run(file, DEFAULT_DETECTOR_SETTINGS, () => undefined).result).toEqual({ status: 'failed', code: expected, message: 'boom' });
  });
});
