// One import job: file -> parse -> detect -> ImportOutcome, with progress and cancel.
// TEMPORARY: runs the engine in this thread, time-sliced between chunks, until the detection
// worker's client (src/workers/detection-client.ts) lands; then this module only adapts that client.
import { createActivityParser } from '../../engine/detection/activity-parser';
import { detectCoordinationSteps } from '../../engine/detection/detect-coordination';
import type { DetectionOutcome } from '../../engine/detection/detect-coordination';
import type { DetectorSettings } from '../../engine/detection/settings';
import type { FileErrorCode } from './file-error-alert';
import { IMPORT_LIMITS } from './format-sniff';
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

const CHUNK_BYTES = 256 * 1024;

class Cancelled extends Error {}

/** Gives the event loop a turn: input and paint between chunks. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function runImport(file: File, settings: DetectorSettings, onProgress: (progress: RunProgress) => void): ImportJob {
  let cancelled = false;
  const started = performance.now();
  const check = () => {
    if (cancelled) throw new Cancelled();
  };

  const work = async (): Promise<ImportJobResult> => {
    const parser = createActivityParser({ maxBytes: IMPORT_LIMITS.maxBytes, maxRows: IMPORT_LIMITS.maxRows });
    const decoder = new TextDecoder('utf-8');
    for (let offset = 0; offset < file.size && !parser.stopped; offset += CHUNK_BYTES) {
      let bytes: ArrayBuffer;
      try {
        bytes = await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer();
      } catch (error) {
        return { status: 'failed', code: 'read-failed', message: error instanceof Error ? error.message : String(error) };
      }
      check();
      parser.push(decoder.decode(bytes, { stream: true }), bytes.byteLength);
      const { rows, skipped } = parser.progress;
      onProgress({ stage: 'reading', bytes: Math.min(file.size, offset + bytes.byteLength), totalBytes: file.size, rows, skipped });
      await pause();
      check();
    }
    parser.push(decoder.decode(), 0);
    const parsed = parser.end();
    let detection: DetectionOutcome | null = null;
    if (parsed.fatal === null) {
      const steps = detectCoordinationSteps(parsed.store, settings);
      for (;;) {
        const next = steps.next();
        if (next.done) {
          detection = next.value;
          break;
        }
        onProgress({ stage: 'detecting', phase: next.value.phase, done: next.value.done, total: next.value.total });
        await pause();
        check();
      }
    }
    onProgress({ stage: 'finishing' });
    return {
      status: 'done',
      outcome: {
        fileName: file.name,
        fileBytes: file.size,
        format: parsed.format,
        fatal: parsed.fatal,
        issues: parsed.issues,
        issueCount: parsed.issueCount,
        rowsRead: parsed.rowsRead,
        rowsImported: parsed.rowsImported,
        rowsSkipped: parsed.rowsSkipped,
        truncated: parsed.truncated,
        notes: parsed.notes,
        runs: detection?.runs ?? [],
        clusters: detection?.clusters ?? [],
        elapsedMs: Math.round(performance.now() - started),
        finishedAt: new Date().toISOString(),
      },
    };
  };

  const result = work().catch((error: unknown): ImportJobResult => {
    if (error instanceof Cancelled) return { status: 'cancelled' };
    return { status: 'failed', code: 'worker-failed', message: error instanceof Error ? error.message : String(error) };
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
}
