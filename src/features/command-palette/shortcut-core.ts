// The keyboard shortcuts as data, and the matcher that turns key presses into them (issue 15 §5).
// Pure: the time of each key press is passed in and nothing here reads a clock or the document, so
// sequences and their timeout are tested with plain numbers. Where the event came from is described by
// `classifyTarget` (shortcut-target.ts) before it gets here.

/** What a shortcut does; the shell maps each one to an action (keyboard-shortcuts.tsx). */
export type ShortcutId = 'open-palette' | 'go-cases' | 'go-review' | 'go-audit' | 'next-row' | 'previous-row' | 'cheat-sheet';

/** `mod+k` is Ctrl-K or Cmd-K; every other entry is a sequence of plain keys (`event.key`). */
export const MOD_K = 'mod+k';

export interface Shortcut {
  id: ShortcutId;
  keys: readonly string[];
}

/** Every shortcut the matcher knows; the cheat sheet lists these (and the keys a focused control handles itself). */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'open-palette', keys: [MOD_K] },
  { id: 'go-cases', keys: ['g', 'c'] },
  { id: 'go-review', keys: ['g', 'r'] },
  { id: 'go-audit', keys: ['g', 'a'] },
  { id: 'next-row', keys: ['j'] },
  { id: 'previous-row', keys: ['k'] },
  { id: 'cheat-sheet', keys: ['?'] },
];

/** The screen each `g` shortcut opens; the palette's "Go to" commands show the same keys. */
export const GO_TO_PATHS = { 'go-cases': '/cases', 'go-review': '/review', 'go-audit': '/audit' } as const satisfies Partial<Record<ShortcutId, string>>;
export type GoToShortcut = keyof typeof GO_TO_PATHS;

export function isGoToShortcut(shortcut: ShortcutId): shortcut is GoToShortcut {
  return Object.hasOwn(GO_TO_PATHS, shortcut);
}

/** How long the second key of a sequence may wait for the first. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * Where a key press happened: a text field or other form control (`editable`), a dialog or menu that
 * is not the palette (`dialog`), the palette itself, or the page.
 */
export type TargetKind = 'page' | 'editable' | 'dialog' | 'palette';

/** The parts of a keydown event the matcher reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: TargetKind;
  /** An input method is composing text (e.g. a Japanese IME): the key is part of the text. */
  isComposing?: boolean;
}

export interface MatcherState {
  /** The keys of an unfinished sequence (`['g']`), oldest first. */
  pending: readonly string[];
  /** When the last of them was pressed (same clock as `now`). */
  at: number;
}

export const IDLE: MatcherState = { pending: [], at: 0 };

export interface MatchResult {
  state: MatcherState;
  /** The shortcut this press completed, if any. */
  shortcut: ShortcutId | null;
}

/** Keys that are only held for another key (Shift for `?`): they neither extend nor break a sequence. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'OS']);

export interface MatchOptions {
  timeoutMs?: number;
  shortcuts?: readonly Shortcut[];
}

const startsWith = (keys: readonly string[], prefix: readonly string[]) =>
  prefix.length <= keys.length && prefix.every((key, index) => keys[index] === key);

/**
 * One key press through the matcher: the next state and the shortcut it completed. `now` is the
 * press's time in milliseconds (the event's `timeStamp`).
 */
export function matchKey(state: MatcherState, press: KeyPress, now: number, options: MatchOptions = {}): MatchResult {
  const { timeoutMs = SEQUENCE_TIMEOUT_MS, shortcuts = SHORTCUTS } = options;
  const none = (next: MatcherState = IDLE): MatchResult => ({ state: next, shortcut: null });
  if (press.isComposing) return none();

  // Ctrl-K / Cmd-K: from the page, or from the palette (to close it); never while typing elsewhere.
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k') {
    const open = shortcuts.find((shortcut) => shortcut.keys.length === 1 && shortcut.keys[0] === MOD_K);
    return open && (press.target === 'page' || press.target === 'palette') ? { state: IDLE, shortcut: open.id } : none();
  }
  // Everything else only on the page, unmodified (Shift is part of the character: `?`).
  if (press.target !== 'page' || press.ctrlKey || press.metaKey || press.altKey) return none();
  if (MODIFIER_KEYS.has(press.key)) return none(state);

  const fresh = state.pending.length > 0 && now - state.at <= timeoutMs ? state.pending : [];
  for (const candidate of fresh.length > 0 ? [[...fresh, press.key], [press.key]] : [[press.key]]) {
    const done = shortcuts.find((shortcut) => shortcut.keys.length === candidate.length && startsWith(shortcut.keys, candidate));
    if (done) return { state: IDLE, shortcut: done.id };
    // A started sequence (`g`) waits for its next key.
    if (shortcuts.some((shortcut) => startsWith(shortcut.keys, candidate))) return none({ pending: candidate, at: now });
  }
  return none();
}
