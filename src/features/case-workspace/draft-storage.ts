// The local copy of unsent edits (issue 4 §5): kept per case and user in IndexedDB (localStorage when
// IndexedDB is missing), written on every change, parsed with zod when read back. The signals are
// kept under a key of their own and rewritten only when they change: on a case with 10,000 of them,
// copying them all on every keystroke would be most of the cost of typing. A draft whose shape
// is wrong is discarded with a warning; a draft with values that merely fail validation (an empty
// required field, a `javascript:` link) is kept, because that is exactly what the user was typing.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { CaseContent } from '../../api/contract/case';

export interface DraftStorage {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface CaseDraft {
  caseId: string;
  userId: string;
  /** The server version these edits are based on (sent as If-Match). */
  baseVersion: number;
  content: CaseContent;
  savedAt: string;
}

/** The server's content at `version`, kept so the conflict view knows who changed what. */
export interface DraftBase {
  version: number;
  content: CaseContent;
}

export function draftKey(userId: string, caseId: string): string {
  return `cha.workspace.draft:${userId}:${caseId}`;
}

export function draftBaseKey(userId: string, caseId: string): string {
  return `${draftKey(userId, caseId)}:base`;
}

export function draftSignalsKey(userId: string, caseId: string): string {
  return `${draftKey(userId, caseId)}:signals`;
}

/**
 * The last version an editor of this user saved, with its content (issue 14): the next editor to send
 * (another tab, a remounted editor) reads it first, so it never sends the same edits on the version
 * before. The version has a small key of its own, read before every write; the content only when newer.
 */
export function savedVersionKey(userId: string, caseId: string): string {
  return `${draftKey(userId, caseId)}:saved-version`;
}

export function savedContentKey(userId: string, caseId: string): string {
  return `${draftKey(userId, caseId)}:saved`;
}

/** Every key a case's draft may use, for removal. */
export function draftKeys(userId: string, caseId: string): string[] {
  return [draftKey(userId, caseId), draftSignalsKey(userId, caseId), draftBaseKey(userId, caseId)];
}

const DraftEnvelope = z.object({
  format: z.literal(1),
  caseId: z.string(),
  userId: z.string(),
  baseVersion: z.number().int().min(1),
  content: z.unknown(),
  savedAt: z.string(),
});

const BaseEnvelope = z.object({ format: z.literal(1), version: z.number().int().min(1), content: z.unknown() });
const SignalsEnvelope = z.object({ format: z.literal(1), signals: z.array(z.unknown()) });

/** Issues that mean "a value the user typed is not valid yet", not "this is not a case". */
const VALUE_ISSUES: ReadonlySet<string> = new Set(['too_small', 'too_big', 'invalid_format', 'custom']);

/**
 * Reads stored content: valid content as parsed; content with only value-level issues as stored (the
 * form shows the issues at the fields); anything structurally wrong is `null`.
 */
export function parseStoredContent(raw: unknown): CaseContent | null {
  const parsed = CaseContent.safeParse(raw);
  if (parsed.success) return raw as CaseContent;
  // Only value-level issues: the structure is a CaseContent's, so the stored value is one as typed.
  return parsed.error.issues.every((issue) => VALUE_ISSUES.has(issue.code)) ? (raw as CaseContent) : null;
}

const SavedVersion = z.object({ format: z.literal(1), version: z.number().int().min(1) });

export function serialiseSavedVersion(version: number): unknown {
  return { format: 1, version };
}

/** The version in a saved-version record; null when there is none or it is unreadable. */
export function parseSavedVersion(raw: unknown): number | null {
  const parsed = SavedVersion.safeParse(raw);
  return parsed.success ? parsed.data.version : null;
}

/** A saved-content record (written with serialiseBase); null when missing or unreadable. */
export function parseSavedContent(raw: unknown): DraftBase | null {
  const parsed = BaseEnvelope.safeParse(raw);
  const content = parsed.success ? parseStoredContent(parsed.data.content) : null;
  return parsed.success && content ? { version: parsed.data.version, content } : null;
}

export type DraftReadResult =
  | { kind: 'none' }
  | { kind: 'draft'; draft: CaseDraft; base: DraftBase | null }
  | { kind: 'corrupt' };

export function parseDraft(
  raw: unknown,
  rawBase: unknown,
  expected: { caseId: string; userId: string },
  rawSignals?: unknown,
): DraftReadResult {
  if (raw === undefined || raw === null) return { kind: 'none' };
  const envelope = DraftEnvelope.safeParse(raw);
  if (!envelope.success || envelope.data.caseId !== expected.caseId || envelope.data.userId !== expected.userId) {
    return { kind: 'corrupt' };
  }
  const baseEnvelope = BaseEnvelope.safeParse(rawBase);
  const baseContent = baseEnvelope.success ? parseStoredContent(baseEnvelope.data.content) : null;
  const base = baseEnvelope.success && baseContent && baseEnvelope.data.version === envelope.data.baseVersion
    ? { version: baseEnvelope.data.version, content: baseContent }
    : null;
  // Signals: inside the draft (older format), else under their own key, else unchanged since the base.
  const stored = envelope.data.content;
  const keptSignals = SignalsEnvelope.safeParse(rawSignals);
  const isObject = typeof stored === 'object' && stored !== null;
  const signals = isObject && 'signals' in stored ? undefined : keptSignals.success ? keptSignals.data.signals : base?.content.signals;
  const content = parseStoredContent(isObject && signals !== undefined ? { ...stored, signals } : stored);
  if (!content) return { kind: 'corrupt' };
  return { kind: 'draft', draft: { ...envelope.data, content }, base };
}

export function serialiseDraft(draft: CaseDraft): unknown {
  return { format: 1, ...draft };
}

export function serialiseBase(base: DraftBase): unknown {
  return { format: 1, ...base };
}

/** The draft without its signals (kept under `draftSignalsKey`, rewritten only when they change). */
export function serialiseDraftWithoutSignals(draft: CaseDraft): unknown {
  const { signals: _signals, ...rest } = draft.content;
  return { format: 1, ...draft, content: rest };
}

export function serialiseSignals(signals: CaseContent['signals']): unknown {
  return { format: 1, signals };
}

/** Reads a case's draft; a corrupt one is removed (and reported) so it cannot fail the next load too. */
export async function readDraft(storage: DraftStorage, userId: string, caseId: string): Promise<DraftReadResult> {
  const [raw, rawSignals, rawBase] = await Promise.all(draftKeys(userId, caseId).map((key) => storage.read(key)));
  const result = parseDraft(raw, rawBase, { caseId, userId }, rawSignals);
  if (result.kind === 'corrupt') {
    console.warn(`[workspace] the locally kept draft of case ${caseId} is unreadable and was discarded.`);
    await Promise.all(draftKeys(userId, caseId).map((key) => storage.remove(key)));
  }
  return result;
}

export function memoryDraftStorage(initial: Record<string, unknown> = {}): DraftStorage & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>(Object.entries(initial));
  return {
    entries,
    read: async (key) => structuredClone(entries.get(key)),
    write: async (key, value) => {
      entries.set(key, structuredClone(value));
    },
    remove: async (key) => {
      entries.delete(key);
    },
  };
}

function localStorageDraftStorage(): DraftStorage {
  return {
    read: async (key) => {
      const text = localStorage.getItem(key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return { unreadable: true };
      }
    },
    write: async (key, value) => localStorage.setItem(key, JSON.stringify(value)),
    remove: async (key) => localStorage.removeItem(key),
  };
}

let idbStore: UseStore | null = null;

/** IndexedDB through idb-keyval; localStorage where IndexedDB is missing (old browsers, some test set-ups). */
export function browserDraftStorage(): DraftStorage {
  if (typeof indexedDB === 'undefined') return localStorageDraftStorage();
  idbStore ??= createStore('cha-workspace', 'drafts');
  const store = idbStore;
  return {
    read: (key) => get(key, store),
    write: (key, value) => set(key, value, store),
    remove: (key) => del(key, store),
  };
}
