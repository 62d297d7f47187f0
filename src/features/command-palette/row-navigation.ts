// `j` / `k` in lists: the rows a page marks with `data-keyboard-row` (the case list, the review queue).
//
// Focus moves to the row's first link rather than marking the row `aria-selected`: screen readers
// announce a focused link (its name, "link") in every mode, and Enter on it opens the case natively;
// `aria-selected` on the row of a plain table is announced by few of them (it belongs to grids and
// listboxes, which would need a roving tabindex and arrow keys of their own). The pages highlight the
// row holding the focus (`:focus-within`) so the position shows beyond the link's focus ring.

/** The attribute a page puts on each row that `j` / `k` should visit (written out in the pages: features do not import each other). */
export const ROW_ATTRIBUTE = 'data-keyboard-row';

/**
 * Moves the focus to the next (`1`) or previous (`-1`) row's link; from outside the rows, to the first.
 * Stops at either end. Answers whether the page has rows at all (if not, the key is left alone).
 */
export function moveRowFocus(root: ParentNode, step: 1 | -1, focused: Element | null): boolean {
  const rows = [...root.querySelectorAll<HTMLElement>(`[${ROW_ATTRIBUTE}]`)];
  if (rows.length === 0) return false;
  const current = focused ? rows.findIndex((row) => row.contains(focused)) : -1;
  const next = current === -1 ? 0 : Math.min(Math.max(current + step, 0), rows.length - 1);
  const row = rows[next];
  const target = row?.querySelector<HTMLElement>('a[href]') ?? row;
  if (!target) return false;
  if (target === row && !row.hasAttribute('tabindex')) row.tabIndex = -1;
  target.focus();
  // jsdom has no scrollIntoView.
  target.scrollIntoView?.({ block: 'nearest' });
  return true;
}
