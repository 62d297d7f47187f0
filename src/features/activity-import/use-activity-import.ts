// The import's life on this page: idle -> running (progress) -> done | cancelled | failed, with the
// last finished import of the case restored from IndexedDB. The work itself runs in the detection
// worker (through its client), so nothing here blocks the page.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ContinuationWatch } from '../../engine/detection/continuation';
import type { DetectorSettings } from '../../engine/detection/settings';
import type { FileErrorCode } from './file-error-alert';
import type { ImportOutcome } from './import-result';
import type { RunProgress } from './import-progress';
import type { ActivityQueryResult } from '../../workers/detection-client';
import { createImportRunner, type ImportJob, type ImportRunner } from './import-runner';
import { clearLastImport, loadLastImport, saveLastImport } from './last-import-storage';

const PROGRESS_INTERVAL_MS = 100;

export type ImportRunState =
  | { status: 'idle' }
  | { status: 'running'; progress: RunProgress }
  | { status: 'cancelled' }
  | { status: 'failed'; code: FileErrorCode; message: string };

export interface ActivityImport {
  run: ImportRunState;
  /** The finished import shown on the page (this session's, or the one kept from before). */
  outcome: ImportOutcome | null;
  restored: boolean;
  /** `watch` (R15): what a designated case's import looks for besides coordination. */
  start: (file: File, settings: DetectorSettings, watch?: ContinuationWatch | null) => void;
  /** Detects again with other settings on the file already read (this session's import only). */
  redetect: (settings: DetectorSettings) => void;
  /** True when the shown result was read in this session, so `redetect` has its posts. */
  canRedetect: boolean;
  /**
   * Issue 16 §1: these accounts' posts and co-actions in the file this session read; null when the
   * shown result was kept from before (its posts are gone with the worker).
   */
  queryActivity: ((accountIds: readonly string[]) => Promise<ActivityQueryResult>) | null;
  /** False until the import kept in this browser (if any) has been looked up. */
  storageChecked: boolean;
  cancel: () => void;
  forget: () => void;
}

export function useActivityImport(caseId: string): ActivityImport {
  const [run, setRun] = useState<ImportRunState>({ status: 'idle' });
  const [outcome, setOutcome] = useState<{ caseId: string; value: ImportOutcome; restored: boolean } | null>(null);
  /** The case whose stored import has been looked up (found or not). */
  const [checkedCaseId, setCheckedCaseId] = useState<string | null>(null);
  const job = useRef<ImportJob | null>(null);
  const runner = useRef<ImportRunner | null>(null);

  useEffect(() => {
    let live = true;
    void loadLastImport(caseId).then((stored) => {
      if (!live) return;
      startTransition(() => {
        // A fresh import started meanwhile wins over the stored one.
        if (stored) setOutcome((current) => current ?? { caseId, value: stored, restored: true });
        setCheckedCaseId(caseId);
      });
    });
    return () => {
      live = false;
      job.current?.cancel();
      job.current = null;
      // Leaving the page ends the worker and frees the posts it holds.
      runner.current?.dispose();
      runner.current = null;
    };
  }, [caseId]);

  /** Follows one job: throttled progress, then the outcome, a cancellation or a failure. */
  const track = useCallback(
    (launch: (onProgress: (progress: RunProgress) => void) => ImportJob | null, initial: RunProgress) => {
      job.current?.cancel();
      // A transition: the click's task stays short, React renders the running state in slices.
      startTransition(() => setRun({ status: 'running', progress: initial }));
      // At most one progress render per PROGRESS_INTERVAL_MS: the worker may report far more often.
      let pending: RunProgress | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        timer = null;
        if (pending && job.current === current) setRun({ status: 'running', progress: pending });
        pending = null;
      };
      const current = launch((progress) => {
        pending = progress;
        timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
      });
      job.current = current;
      if (!current) {
        setRun({ status: 'failed', code: 'worker-failed', message: 'no parsed file' });
        return;
      }
      void current.result.then((result) => {
        if (timer !== null) clearTimeout(timer);
        if (job.current !== current) return;
        job.current = null;
        switch (result.status) {
          case 'done':
            // The results are the biggest render of the page: as a transition React renders them in
            // slices between frames instead of one long task (the progress bar stays until then).
            startTransition(() => {
              setRun({ status: 'idle' });
              setOutcome({ caseId, value: result.outcome, restored: false });
            });
            void saveLastImport(caseId, result.outcome);
            break;
          case 'cancelled':
            setRun({ status: 'cancelled' });
            break;
          case 'failed':
            setRun({ status: 'failed', code: result.code, message: result.message });
            break;
        }
      });
    },
    [caseId],
  );

  const start = useCallback(
    (file: File, settings: DetectorSettings, watch?: ContinuationWatch | null) => {
      runner.current ??= createImportRunner();
      const current = runner.current;
      track((onProgress) => current.run(file, settings, onProgress, watch ?? undefined), { stage: 'reading', bytes: 0, totalBytes: file.size, rows: 0, skipped: 0 });
    },
    [track],
  );

  const redetect = useCallback(
    (settings: DetectorSettings) => {
      const current = runner.current;
      if (!current) return;
      track((onProgress) => current.redetect(settings, onProgress), { stage: 'detecting', phase: 'prepare', done: 0, total: 1 });
    },
    [track],
  );

  const cancel = useCallback(() => {
    const current = job.current;
    if (!current) return;
    job.current = null;
    current.cancel();
    setRun({ status: 'cancelled' });
  }, []);

  const forget = useCallback(() => {
    setOutcome(null);
    void clearLastImport(caseId);
  }, [caseId]);

  const queryActivityOfRunner = useCallback((accountIds: readonly string[]): Promise<ActivityQueryResult> => {
    const answer = runner.current?.activity(accountIds) ?? null;
    return answer ?? Promise.resolve({ status: 'failed', code: 'no-parsed-file', message: 'No file has been read in this session.' });
  }, []);

  const shown = outcome && outcome.caseId === caseId ? outcome : null;
  const restored = shown?.restored ?? false;
  const canRedetect = shown !== null && !restored;
  return {
    run, outcome: shown?.value ?? null, restored, start, redetect, canRedetect,
    queryActivity: canRedetect ? queryActivityOfRunner : null,
    storageChecked: checkedCaseId === caseId, cancel, forget,
  };
}
