// One import job over the detection client (src/workers/detection-client.ts): the file goes to the
// Web Worker (or runs in this thread where there is none, as in jsdom), progress and cancel come
// back, and the report becomes an ImportOutcome for the page.
import type { DetectorSettings } from '../../engine/detection/settings';
import { createDetectionClient, type DetectionClient } from '../../workers/detection-client';
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
  run: (file: File, settings: DetectorSettings, onProgress: (progress: RunProgress) => void) => ImportJob;
  dispose: () => void;
}

/** The worker starts with the first import, not with the page. */
export function createImportRunner(create: () => DetectionClient = createDetectionClient): ImportRunner {
  let client: DetectionClient | null = null;
  return {
    run(file, settings, onProgress) {
      client ??= create();
      const started = performance.now();
      const job = client.run(
        { kind: 'blob', blob: file },
        {
          settings,
          onProgress: (progress) =>
            onProgress(progress.stage === 'reading' ? { ...progress, totalBytes: progress.totalBytes ?? file.size } : progress),
        },
      );
      const result = job.result.then((outcome): ImportJobResult => {
        switch (outcome.status) {
          case 'done':
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
    },
    dispose() {
      client?.dispose();
      client = null;
    },
  };
}
