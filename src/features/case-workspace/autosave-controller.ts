// Autosave of the case form (issue 4 §5-§6), free of React so it can be tested with fake timers:
// every change is kept locally at once, sent after a debounce with If-Match = the version it is based
// on, retried with backoff on network errors and 5xx, held while offline, and stopped at a 412 until
// the user resolves the conflict. The status lives in a small vanilla store the UI subscribes to.
// The editors of one user and case (other tabs, a remounted editor) send one at a time and share their
// edits (autosave-tabs.ts), so the user never meets a conflict with themselves (issue 14).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError } from '../../api/client/http-client';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { z } from 'zod';
import { applyContentPatch, contentPatch, deepEqual, defaultChoices, diffContent, mergeContent, type PatchEntry } from './content-diff';
import { contentOf, type ValidationResult } from './case-content';
import { LatestWriter } from './latest-writer';
import { SeenValues } from './seen-values';
import { autosaveTabName, runExclusive, type TabHub } from './autosave-tabs';
import {
  draftBaseKey, draftKey, draftSignalsKey, parseSavedContent, parseSavedVersion, parseStoredContent, savedContentKey, savedVersionKey,
  serialiseBase, serialiseDraftWithoutSignals, serialiseSavedVersion, serialiseSignals, type DraftStorage,
} from './draft-storage';

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
  /**
   * The content was replaced from outside the form (another tab's edit, or edits carried over onto a
   * version another editor of this user saved): the form shows it.
   */
  onReplaced?: (content: CaseContent) => void;
  /** Another editor of this user saved a newer version, which this one now builds on. */
  onNewerVersion?: () => void;
  isOnline?: () => boolean;
  /** False while the signed-in user is not the one these edits belong to. */
  canSend?: () => boolean;
  debounceMs?: number;
  backoffMs?: (attempt: number) => number;
  now?: () => number;
}

export const AUTOSAVE_DEBOUNCE_MS = 800;

/** A field name in a patch path: the content's own names only (never `__proto__` or the like). */
const FieldName = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/);
const TabPatchEntry = z.object({
  path: z.array(z.union([FieldName, z.object({ id: z.string().min(1).max(200) })])).min(1).max(8),
  value: z.unknown().optional(),
  absent: z.literal(true).optional(),
  after: z.string().nullable().optional(),
});
/**
 * An edit as one tab tells the others: what changed since the content the tabs last agreed on, so
 * edits made at the same moment in two tabs (in different fields) both survive (issue 14 defect 2).
 */
const TabEdit = z.object({ format: z.literal(2), kind: z.literal('edit'), patch: z.array(TabPatchEntry).min(1) });

function touchesSignals(patch: readonly PatchEntry[]): boolean {
  return patch.some((entry) => entry.path[0] === 'signals');
}

/**
 * Carries the edits made since `base` over onto `theirs` (a newer version saved by another editor of
 * the same user); null when both changed the same value, or nobody knows what changed (no base).
 * Where `theirs` holds a value this editor has already moved on from (`seen`: told or heard among this
 * user's tabs), this editor's value is the later one and is kept, whoever changed what since the base.
 */
export function carryOver(mine: CaseContent, base: CaseContent | null, theirs: CaseContent, seen?: SeenValues): CaseContent | null {
  if (deepEqual(mine, theirs)) return mine;
  const differences = diffContent(mine, theirs, base);
  const choices = defaultChoices(differences);
  for (const difference of differences) {
    if (seen?.has(difference.path, difference.theirs)) choices[difference.key] = 'mine';
    else if (difference.changedBy !== 'mine' && difference.changedBy !== 'theirs') return null;
  }
  return mergeContent(mine, theirs, differences, choices);
}

/** 1 s, 2 s, 4 s … up to 30 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempt - 1), 30_000);
}

type Callback = 'onSaved' | 'onConflict' | 'onRejected' | 'onReplaced' | 'onNewerVersion';

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
  /** The other tabs of this user and case, while connected. */
  private tabs: { post: (data: unknown) => void; leave: () => void } | null = null;
  /**
   * The content as the other tabs last heard it from this one, with their edits put on: what the next
   * patch this tab tells them is taken against.
   */
  private agreed: CaseContent;
  /** An edit not told to the other tabs yet; whether its signals changed. */
  private unshared: { signalsChanged: boolean } | null = null;
  private shareTimer: ReturnType<typeof setTimeout> | null = null;
  /** The values this editor's fields passed through among this user's tabs (see carryOver). */
  private readonly seen = new SeenValues();
  private readonly name: string;
  private readonly options: Required<Omit<AutosaveOptions, Callback>> & Pick<AutosaveOptions, Callback>;

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
    this.agreed = options.content;
    this.base = options.base;
    this.name = autosaveTabName(options.userId, options.caseId);
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
    const signalsChanged = changedPath === undefined || changedPath === 'signals' || changedPath.startsWith('signals.');
    this.keepLocally(signalsChanged);
    this.share(signalsChanged);
    this.pendAndSchedule();
  }

  /**
   * Joins the other editors of this user and case (other tabs): each edit is told to them, theirs are
   * taken in. Returns the leave function.
   */
  connectTabs(hub: TabHub): () => void {
    const tabs = hub.join(this.name, (data) => this.receive(data));
    this.tabs = tabs;
    return () => {
      this.shareNow();
      tabs.leave();
      if (this.tabs === tabs) this.tabs = null;
    };
  }

  /**
   * The page is being hidden or closed: tell the other tabs the last edit now (a timer may never run
   * again) and send what waits for the debounce.
   */
  handOver(): void {
    this.shareNow();
    if (this.state.status === 'pending') void this.flush();
  }

  private pendAndSchedule(): void {
    const { status } = this.state;
    if (status === 'conflict' || status === 'retrying' || status === 'saving') return;
    const next = this.options.isOnline() ? 'pending' : 'offline';
    // Typing on in the same state changes no state: no new object, so no subscriber re-renders.
    if (status !== next || this.state.error !== null) this.store.setState({ status: next, error: null });
    this.schedule(this.options.debounceMs);
  }

  /**
   * Another tab's edit: the same user's, so its changes are put onto this tab's content (this tab's
   * own edits elsewhere stay), kept locally and sent (by whichever tab comes first).
   */
  private receive(data: unknown): void {
    if (!this.editable) return;
    const edit = TabEdit.safeParse(data);
    if (!edit.success) return;
    const patch = edit.data.patch as PatchEntry[];
    const patched = applyContentPatch(this.values, patch);
    const signalsChanged = touchesSignals(patch);
    // Validated as a whole; the signals only when the patch touched them (they can be large).
    if (!parseStoredContent(signalsChanged ? patched : { ...patched, signals: [] })) {
      console.warn(`[workspace] an edit of case ${this.options.caseId} from another tab was unreadable and was ignored.`);
      return;
    }
    this.values = patched;
    this.agreed = applyContentPatch(this.agreed, patch);
    this.remember(patch);
    this.revision += 1;
    this.keepLocally(signalsChanged);
    this.replace(patched);
    this.pendAndSchedule();
  }

  private replace(content: CaseContent): void {
    this.store.setState({ replaced: this.state.replaced + 1 });
    this.options.onReplaced?.(content);
  }

  /** Tells the other tabs the latest content in a task of its own (a copy of it, like the local draft). */
  private share(signalsChanged: boolean): void {
    if (!this.tabs) return;
    this.unshared = { signalsChanged: signalsChanged || (this.unshared?.signalsChanged ?? false) };
    this.shareTimer ??= setTimeout(() => this.shareNow(), 0);
  }

  private shareNow(): void {
    if (this.shareTimer !== null) clearTimeout(this.shareTimer);
    this.shareTimer = null;
    const pending = this.unshared;
    this.unshared = null;
    if (!pending || !this.tabs) return;
    // Unchanged signals are not compared (they can be large): the agreed ones are taken as this tab's.
    const from = pending.signalsChanged ? this.agreed : { ...this.agreed, signals: this.values.signals };
    const patch = contentPatch(from, this.values);
    this.agreed = this.values;
    if (patch.length === 0) return;
    this.remember(patch);
    this.tabs.post({ format: 2, kind: 'edit', patch });
  }

  private remember(patch: readonly PatchEntry[]): void {
    for (const entry of patch) this.seen.add(entry.path, entry.absent ? undefined : entry.value);
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
    // Every tab adopts the server's version itself: nothing of it is told to the others.
    this.agreed = this.base;
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
    this.shareNow();
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
    if (!this.sendable()) return;
    if (!this.options.isOnline()) {
      this.store.setState({ status: 'offline', retryAt: null });
      return;
    }
    this.store.setState({ status: 'saving', invalidPaths: [], retryAt: null });
    // One editor of this user and case sends at a time; the next one first takes in what it saved.
    this.inFlight = runExclusive(this.name, async () => {
      await this.catchUp();
      const checked = this.sendable();
      if (!checked) return;
      // What this write carries is told to the other tabs first: an editor that types on meanwhile
      // then knows the saved values as ones it has moved on from (carryOver).
      this.shareNow();
      await this.write(checked, this.revision);
    });
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.state.status === 'pending') this.schedule(this.options.debounceMs);
  }

  /** The content to send; null (with the status saying why) when it is invalid or what the server holds. */
  private sendable(): CaseContent | null {
    const checked = this.options.validate(this.values);
    if (!checked.ok) {
      this.store.setState({ status: 'invalid', invalidPaths: checked.paths, retryAt: null });
      return null;
    }
    if (this.base && deepEqual(checked.content, this.base)) {
      // Nothing differs from the server (e.g. typed and undone, or sent by another editor): no write.
      this.markSaved();
      return null;
    }
    return checked.content;
  }

  /**
   * Another editor of this user and case (another tab, or this tab's editor before a remount) may have
   * saved a newer version, very likely with these very edits: build on it, so they are not sent again
   * on the version before (a 412 from oneself, issue 14). Where both changed the same value, nothing
   * is carried over and the server's 412 opens the conflict view.
   */
  private async catchUp(): Promise<void> {
    const { userId, caseId, storage } = this.options;
    try {
      const version = parseSavedVersion(await storage.read(savedVersionKey(userId, caseId)));
      if (version === null || version <= this.state.baseVersion) return;
      const saved = parseSavedContent(await storage.read(savedContentKey(userId, caseId)));
      if (!saved || saved.version !== version) return;
      const carried = carryOver(this.values, this.base, saved.content, this.seen);
      if (!carried) return;
      this.base = saved.content;
      this.store.setState({ baseVersion: saved.version });
      this.baseWriter.write(serialiseBase(saved));
      if (carried !== this.values) {
        this.values = carried;
        this.revision += 1;
        this.replace(carried);
      }
      this.keepLocally();
      this.options.onNewerVersion?.();
    } catch {
      // Unreadable local storage: the server still guards the version (412).
    }
  }

  private async write(content: CaseContent, sentRevision: number): Promise<void> {
    try {
      const result = await this.options.save(content, this.state.baseVersion);
      this.attempt = 0;
      this.base = contentOf(result.document);
      this.baseWriter.write(serialiseBase({ version: result.version, content: this.base }));
      await this.recordSaved(result.version, this.base);
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
      await this.fail(error, content);
    }
  }

  /** Tells the next editor to send (still inside the lock) which version this one saved, and with what. */
  private async recordSaved(version: number, content: CaseContent): Promise<void> {
    const { userId, caseId, storage } = this.options;
    try {
      await storage.write(savedContentKey(userId, caseId), serialiseBase({ version, content }));
      await storage.write(savedVersionKey(userId, caseId), serialiseSavedVersion(version));
    } catch {
      this.store.setState({ keptLocally: false });
    }
  }

  private markSaved(): void {
    this.dropDraft();
    this.store.setState({ status: 'saved', invalidPaths: [], retryAt: null, error: null, restored: false });
  }

  private async fail(error: unknown, sent: CaseContent): Promise<void> {
    if (error instanceof ApiError && error.code === 'precondition-failed') {
      try {
        const latest = await this.options.fetchLatest();
        if (this.adoptOwnWrite(latest, sent)) return;
        if (this.buildOnUnchangedContent(latest)) return;
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

  /**
   * A 412 whose newer version holds what this editor sent (or holds now): its own write landed after
   * all — its answer was lost (a network failure after the server committed) or came too late (a
   * deadline). It is built on instead of shown as a conflict with oneself.
   */
  private adoptOwnWrite(latest: CaseDocument, sent: CaseContent): boolean {
    const server = contentOf(latest);
    const holdsNow = deepEqual(server, this.values);
    if (!holdsNow && !deepEqual(server, sent)) return false;
    this.attempt = 0;
    this.base = server;
    this.baseWriter.write(serialiseBase({ version: latest.version, content: server }));
    this.store.setState({ baseVersion: latest.version, lastSavedAt: this.options.now(), error: null, restored: false });
    this.options.onSaved?.(latest);
    if (holdsNow) {
      this.markSaved();
    } else {
      // Typed on since: that goes next, on the version the write made.
      this.keepLocally();
      this.store.setState({ status: 'pending' });
      this.schedule(this.options.debounceMs);
    }
    return true;
  }

  /**
   * A 412 whose newer version holds nothing this editor has not got: the content is unchanged (someone
   * assigned the case, decided an account: issue 12 §6), or it changed only to values this user's own
   * tabs told each other (a tab that closed mid-write, its save landed but unrecorded). No conflict to
   * show: the edits go again on that version. Another person's value still opens the conflict view.
   */
  private buildOnUnchangedContent(latest: CaseDocument): boolean {
    const server = contentOf(latest);
    if (!this.base) return false;
    const differences = diffContent(this.values, server, this.base);
    if (differences.some((difference) => difference.changedBy !== 'mine' && !this.seen.has(difference.path, difference.theirs))) return false;
    this.base = server;
    this.baseWriter.write(serialiseBase({ version: latest.version, content: server }));
    this.store.setState({ baseVersion: latest.version, status: 'pending', error: null });
    // Pending: the write that met the 412 schedules the next one when it ends (send()).
    this.keepLocally();
    return true;
  }

  private retryLater(error: unknown): void {
    if (!this.options.isOnline()) {
      this.store.setState({ status: 'offline', error, retryAt: null });
      return;
    }
    this.attempt += 1;
    // Never sooner than the server asked (429 and 503 may say how long to wait).
    const asked = error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0;
    const delay = Math.max(this.options.backoffMs(this.attempt), asked);
    this.store.setState({ status: 'retrying', error, retryAt: this.options.now() + delay });
    this.schedule(delay);
  }
}
