// One import job over the detection client (src/workers/detection-client.ts): the file goes to the
// Web Worker (or runs in this thread where there is none, as in jsdom), progress and cancel come
// back, and the report becomes an ImportOutcome for the page.
import type { ContinuationWatch } from '../../engine/detection/continuation';
import type { DetectorSettings } from '../../engine/detection/settings';
import { createDetectionClient, type ActivityQueryResult, type DetectionClient, type DetectionJob, type DetectionProgress } from '../../workers/detection-client';
import type { FileErrorCode } from './file-error-alert';
import type { ImportOutcome } from './import-result';
import type { RunProgress } from './import-progress';

export type ImportJobResult =
  | { status: 'done'; outcome: ImportOutcome }
  | { status: 'cancelled' }
  | { status: 'failed'; code: FileErrorCode; message: string };

export interface ImportJob {
  result: Promise<ImportJobResult>;
  cancel: () => void;
}

export interface ImportRunner {
  /** `watch` (R15): the case's accounts whose visibility limit expired; the report lists the posts that continue the group's behaviour. */
  run: (file: File, settings: DetectorSettings, onProgress: (progress: RunProgress) => void, watch?: ContinuationWatch) => ImportJob;
  /** Runs the detectors again on the file the last finished run parsed (the worker keeps its posts and the run's watch). */
  redetect: (settings: DetectorSettings, onProgress: (progress: RunProgress) => void) => ImportJob | null;
  /** Issue 16 §1: accounts' posts and co-actions in the file the last finished run parsed (null before one). */
  activity: (accountIds: readonly string[]) => Promise<ActivityQueryResult> | null;
  dispose: () => void;
}

/** The worker may not know a file's size (text sources); the page does. */
function toRunProgress(progress: DetectionProgress, fileBytes: number): RunProgress {
  return progress.stage === 'reading' ? { ...progress, totalBytes: progress.totalBytes ?? fileBytes } : progress;
}

/** The worker starts with the first import, not with the page. */
export function createImportRunner(create: () => DetectionClient = createDetectionClient): ImportRunner {
  let client: DetectionClient | null = null;
  let lastFile: { name: string; size: number } | null = null;

  const track = (job: DetectionJob, file: { name: string; size: number }): ImportJob => {
    const started = performance.now();
    const result = job.result.then((outcome): ImportJobResult => {
      switch (outcome.status) {
        case 'done':
          lastFile = file;
          return {
            status: 'done',
            outcome: {
              fileName: file.name,
              fileBytes: file.size,
              elapsedMs: Math.round(performance.now() - started),
              finishedAt: new Date().toISOString(),
              report: outcome.report,
            },
          };
        case 'cancelled':
          return { status: 'cancelled' };
        case 'failed':
          return { status: 'failed', code: outcome.code === 'read-failed' ? 'read-failed' : 'worker-failed', message: outcome.message };
      }
    });
    return { result, cancel: () => job.cancel() };
  };

  return {
    run(file, settings, onProgress, watch) {
      client ??= create();
      const job = client.run(
        { kind: 'blob', blob: file },
        { settings, watch, onProgress: (progress) => onProgress(toRunProgress(progress, file.size)) },
      );
      return track(job, { name: file.name, size: file.size });
    },
    redetect(settings, onProgress) {
      if (!client || !lastFile) return null;
      const size = lastFile.size;
      return track(client.redetect(settings, { onProgress: (progress) => onProgress(toRunProgress(progress, size)) }), lastFile);
    },
    activity(accountIds) {
      if (!client || !lastFile) return null;
      return client.activity(accountIds);
    },
    dispose() {
      client?.dispose();
      client = null;
      lastFile = null;
    },
  };
}
