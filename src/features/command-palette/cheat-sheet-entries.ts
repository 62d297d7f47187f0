// The cheat sheet's rows: every shortcut of the matcher, by construction, then the keys that a focused
// control handles itself (Enter on a row's link, the palette's arrows, Escape in any dialog).
import { SHORTCUTS, type ShortcutId } from './shortcut-core';

export type CheatSheetAction = ShortcutId | 'open-row' | 'palette-move' | 'palette-run' | 'close';

export interface CheatSheetEntry {
  action: CheatSheetAction;
  /** Alternatives ("or"), each a sequence of keys ("then"). */
  keys: readonly (readonly string[])[];
}

export const CHEAT_SHEET: readonly CheatSheetEntry[] = [
  ...SHORTCUTS.map((shortcut) => ({ action: shortcut.id, keys: [shortcut.keys] })),
  { action: 'open-row', keys: [['Enter']] },
  { action: 'palette-move', keys: [['ArrowDown'], ['ArrowUp']] },
  { action: 'palette-run', keys: [['Enter']] },
  { action: 'close', keys: [['Escape']] },
];
