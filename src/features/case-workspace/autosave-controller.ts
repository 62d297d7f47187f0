// Autosave of the case form (issue 4 §5-§6), free of React so it can be tested with fake timers:
// every change is kept locally at once, sent after a debounce with If-Match = the version it is based
// on, retried with backoff on network errors and 5xx, held while offline, and stopped at a 412 until
// the user resolves the conflict. The status lives in a small vanilla store the UI subscribes to.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError } from '../../api/client/http-client';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { deepEqual } from './content-diff';
import { contentOf, type ValidationResult } from './case-content';
import { LatestWriter } from './latest-writer';
import { draftBaseKey, draftKey, draftSignalsKey, serialiseBase, serialiseDraftWithoutSignals, serialiseSignals, type DraftStorage } from './draft-storage';

export type SaveStatus =
  | 'saved'
  | 'pending'
  | 'saving'
  | 'offline'
  | 'retrying'
  | 'invalid'
  | 'error'
  | 'conflict'
  | 'readonly';

export interface AutosaveState {
  status: SaveStatus;
  /** The server version the next write is based on. */
  baseVersion: number;
  lastSavedAt: number | null;
  /** When the next automatic retry happens (epoch ms). */
  retryAt: number | null;
  error: unknown;
  /** Paths of fields that keep the content from being sent. */
  invalidPaths: string[];
  /** The server's version when a 412 stopped the autosave. */
  conflictVersion: number | null;
  /** False when the local copy could not be written (storage full or blocked). */
  keptLocally: boolean;
  /** Unsent edits were restored from this device when the page opened. */
  restored: boolean;
  /**
   * Counts the times the content was replaced from outside the form (a newer server version adopted,
   * a conflict merged): the form shows the new content afresh each time.
   */
  replaced: number;
}

export interface SaveResult {
  document: CaseDocument;
  version: number;
}

export interface AutosaveOptions {
  caseId: string;
  userId: string;
  content: CaseContent;
  baseVersion: number;
  /** The server's content at `baseVersion`, when known. */
  base: CaseContent | null;
  restored: boolean;
  editable: boolean;
  storage: DraftStorage;
  save: (content: CaseContent, ifMatch: number) => Promise<SaveResult>;
  fetchLatest: () => Promise<CaseDocument>;
  validate: (values: CaseContent) => ValidationResult;
  onSaved?: (document: CaseDocument) => void;
  onConflict?: (document: CaseDocument) => void;
  onRejected?: (error: ApiError) => void;
  isOnline?: () => boolean;
  /** False while the signed-in user is not the one these edits belong to. */
  canSend?: () => boolean;
  debounceMs?: number;
  backoffMs?: (attempt: number) => number;
  now?: () => number;
}

export const AUTOSAVE_DEBOUNCE_MS = 800;

/** 1 s, 2 s, 4 s … up to 30 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempt - 1), 30_000);
}

export class CaseAutosave {
  readonly store: StoreApi<AutosaveState>;
  private values: CaseContent;
  private base: CaseContent | null;
  private editable: boolean;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  /** Counts changes, so a write knows whether the user typed on while it was under way. */
  private revision = 0;
  private readonly draft: LatestWriter;
  private readonly signalsWriter: LatestWriter;
  private readonly baseWriter: LatestWriter;
  /** The signals under the draft's signals key are the current ones. */
  private signalsKept = false;
  private readonly options: Required<Omit<AutosaveOptions, 'onSaved' | 'onConflict' | 'onRejected'>> &
    Pick<AutosaveOptions, 'onSaved' | 'onConflict' | 'onRejected'>;

  constructor(options: AutosaveOptions) {
    this.options = {
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
      canSend: () => true,
      debounceMs: AUTOSAVE_DEBOUNCE_MS,
      backoffMs: defaultBackoff,
      now: () => Date.now(),
      ...options,
    };
    this.values = options.content;
    this.base = options.base;
    this.editable = options.editable;
    const keep = (ok: boolean) => {
      if (this.store.getState().keptLocally !== ok) this.store.setState({ keptLocally: ok });
    };
    this.draft = new LatestWriter(options.storage, draftKey(options.userId, options.caseId), keep);
    this.signalsWriter = new LatestWriter(options.storage, draftSignalsKey(options.userId, options.caseId), keep);
    this.baseWriter = new LatestWriter(options.storage, draftBaseKey(options.userId, options.caseId), keep);
    this.store = createStore<AutosaveState>()(() => ({
      status: !options.editable ? 'readonly' : options.restored ? 'pending' : 'saved',
      baseVersion: options.baseVersion,
      lastSavedAt: null,
      retryAt: null,
      error: null,
      invalidPaths: [],
      conflictVersion: null,
      keptLocally: true,
      restored: options.restored,
      replaced: 0,
    }));
    if (options.restored && options.base) this.baseWriter.write(serialiseBase({ version: options.baseVersion, content: options.base }));
  }

  get state(): AutosaveState {
    return this.store.getState();
  }

  /** The content the next write will carry (the latest form values). */
  get current(): CaseContent {
    return this.values;
  }

  /** The server's content at the base version, when known (for the conflict view). */
  get baseContent(): CaseContent | null {
    return this.base;
  }

  /**
   * A form change: kept locally at once, sent after the debounce. `changedPath` (the form's name of
   * the changed field) lets the local copy skip rewriting the signals when they did not change.
   */
  change(values: CaseContent, changedPath?: string): void {
    if (!this.editable) return;
    // A form reset to what the server holds (or a no-op event) changes nothing worth a write.
    if (this.state.status === 'saved' && this.base && deepEqual(values, this.base)) return;
    this.values = values;
    this.revision += 1;
    this.keepLocally(changedPath === undefined || changedPath === 'signals' || changedPath.startsWith('signals.'));
    const { status } = this.state;
    if (status === 'conflict' || status === 'retrying' || status === 'saving') return;
    const next = this.options.isOnline() ? 'pending' : 'offline';
    // Typing on in the same state changes no state: no new object, so no subscriber re-renders.
    if (status !== next || this.state.error !== null) this.store.setState({ status: next, error: null });
    this.schedule(this.options.debounceMs);
  }

  /** Send now (on leaving the page, "retry now", coming back online). */
  flush(): Promise<void> {
    this.clearTimer();
    return this.send();
  }

  setOnline(online: boolean): void {
    if (!this.editable) return;
    const { status } = this.state;
    if (online) {
      if (status === 'offline' || status === 'retrying') void this.flush();
    } else if (status === 'pending' || status === 'retrying') {
      this.clearTimer();
      this.store.setState({ status: 'offline', retryAt: null });
    }
  }

  setEditable(editable: boolean): void {
    if (editable === this.editable) return;
    this.editable = editable;
    this.clearTimer();
    this.store.setState({ status: editable ? 'saved' : 'readonly' });
  }

  /** The user merged their edits with the server's version: base on that version and send. */
  resolveConflict(merged: CaseContent, server: CaseDocument): Promise<void> {
    this.base = contentOf(server);
    this.values = merged;
    this.revision += 1;
    this.store.setState({ baseVersion: server.version, conflictVersion: null, status: 'pending', error: null, replaced: this.state.replaced + 1 });
    this.baseWriter.write(serialiseBase({ version: server.version, content: this.base }));
    this.keepLocally();
    return this.flush();
  }

  /** Adopts a newer server version while nothing is unsent (someone else saved; the case changed state). */
  rebase(server: CaseDocument): boolean {
    const { status, baseVersion } = this.state;
    if ((status !== 'saved' && status !== 'readonly') || server.version <= baseVersion) return false;
    this.base = contentOf(server);
    this.values = this.base;
    this.store.setState({ baseVersion: server.version, replaced: this.state.replaced + 1 });
    return true;
  }

  /** Drops the local copy and stops (the case is no longer editable and the user chose to discard). */
  discardLocal(): void {
    this.clearTimer();
    this.dropDraft();
    this.baseWriter.remove();
  }

  dispose(): void {
    this.clearTimer();
  }

  private keepLocally(signalsChanged = true): void {
    this.draft.write(
      serialiseDraftWithoutSignals({
        caseId: this.options.caseId,
        userId: this.options.userId,
        baseVersion: this.state.baseVersion,
        content: this.values,
        savedAt: new Date(this.options.now()).toISOString(),
      }),
    );
    if (signalsChanged || !this.signalsKept) {
      this.signalsWriter.write(serialiseSignals(this.values.signals));
      this.signalsKept = true;
    }
  }

  private dropDraft(): void {
    this.draft.remove();
    this.signalsWriter.remove();
    this.signalsKept = false;
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async send(): Promise<void> {
    if (!this.editable || this.state.status === 'conflict') return;
    if (this.inFlight) {
      // The running write re-checks the values when it ends.
      await this.inFlight;
      return;
    }
    if (!this.options.canSend()) return;
    const checked = this.options.validate(this.values);
    if (!checked.ok) {
      this.store.setState({ status: 'invalid', invalidPaths: checked.paths, retryAt: null });
      return;
    }
    if (this.base && deepEqual(checked.content, this.base)) {
      // Nothing differs from the server (e.g. typed and undone): no write, no new version.
      this.markSaved();
      return;
    }
    if (!this.options.isOnline()) {
      this.store.setState({ status: 'offline', retryAt: null });
      return;
    }
    this.store.setState({ status: 'saving', invalidPaths: [], retryAt: null });
    this.inFlight = this.write(checked.content, this.revision);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.state.status === 'pending') this.schedule(this.options.debounceMs);
  }

  private async write(content: CaseContent, sentRevision: number): Promise<void> {
    try {
      const result = await this.options.save(content, this.state.baseVersion);
      this.attempt = 0;
      this.base = contentOf(result.document);
      this.baseWriter.write(serialiseBase({ version: result.version, content: this.base }));
      this.store.setState({ baseVersion: result.version, lastSavedAt: this.options.now(), error: null, restored: false });
      this.options.onSaved?.(result.document);
      if (this.revision === sentRevision) {
        this.markSaved();
      } else {
        // Typed on while the write was under way: keep that too, based on the new version.
        this.keepLocally();
        this.store.setState({ status: 'pending' });
      }
    } catch (error) {
      await this.fail(error);
    }
  }

  private markSaved(): void {
    this.dropDraft();
    this.store.setState({ status: 'saved', invalidPaths: [], retryAt: null, error: null, restored: false });
  }

  private async fail(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.code === 'precondition-failed') {
      try {
        const latest = await this.options.fetchLatest();
        // The server's version goes to its owner (the query cache) before the view that shows it opens.
        this.options.onConflict?.(latest);
        this.store.setState({ status: 'conflict', conflictVersion: latest.version, error });
      } catch (fetchError) {
        this.retryLater(fetchError);
      }
      return;
    }
    if (error instanceof ApiError && error.retryable) {
      this.retryLater(error);
      return;
    }
    // A 4xx is an answer, not a hiccup: show it and wait for the next change or "retry".
    if (error instanceof ApiError) this.options.onRejected?.(error);
    this.store.setState({ status: 'error', error, retryAt: null });
  }

  private retryLater(error: unknown): void {
    if (!this.options.isOnline()) {
      this.store.setState({ status: 'offline', error, retryAt: null });
      return;
    }
    this.attempt += 1;
    const delay = this.options.backoffMs(this.attempt);
    this.store.setState({ status: 'retrying', error, retryAt: this.options.now() + delay });
    this.schedule(delay);
  }
}
