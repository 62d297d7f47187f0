// Where a key press happened, as the shortcut matcher needs to know it: typing in a field, working in a
// dialog or a menu (their letters are typeahead), in the palette, or on the page.
import type { TargetKind } from './shortcut-core';

/** Marks the palette's dialog: key presses inside it are the palette's, not another dialog's. */
export const PALETTE_ATTRIBUTE = 'data-command-palette';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
const DIALOG = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], [role="menu"], [role="listbox"]';

export function classifyTarget(target: EventTarget | null): TargetKind {
  // `closest` rather than `instanceof Element`: the element may come from another window (a frame).
  if (!target || typeof (target as Partial<Element>).closest !== 'function') return 'page';
  const element = target as Element;
  if (element.closest(`[${PALETTE_ATTRIBUTE}]`)) return 'palette';
  if (element.closest(EDITABLE)) return 'editable';
  if (element.closest(DIALOG)) return 'dialog';
  return 'page';
}
