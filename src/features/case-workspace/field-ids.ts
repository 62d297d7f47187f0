// CaseContent dot paths (`harm.physical.severity`) to DOM ids and tabs: the designation panel lists
// missing inputs by path, and `focusField` must find the input that path names.
import { HARM_CATEGORIES, type HarmCategory } from '../../engine/policy-terms';
import type { CaseTab } from './workspace-tabs';

/** The DOM id of the control for a CaseContent path: `harm.physical.severity` -> `field-harm--physical--severity`. */
export function fieldId(path: string): string {
  return `field-${path.replaceAll('.', '--').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Which tab shows the field at `path`. */
export function tabForField(path: string): CaseTab {
  const [head] = path.split('.');
  switch (head) {
    case 'harm':
      return 'harm';
    case 'signals':
      return 'evidence';
    case 'accounts':
      return 'accounts';
    default:
      return 'overview';
  }
}

/** Which harm category's sub-tab shows the field at `path` (`harm.psychological.evidence` -> psychological), or null. */
export function harmCategoryForField(path: string): HarmCategory | null {
  const [head, category] = path.split('.');
  if (head !== 'harm') return null;
  return HARM_CATEGORIES.find((entry) => entry === category) ?? null;
}

/** `a.b.c` -> [`a.b.c`, `a.b`, `a`]: when a path has no control of its own, its nearest ancestor's is used. */
export function pathAndAncestors(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'));
}

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Focuses the control for `path` (or its nearest ancestor's); a group (radios, checkboxes, a segmented
 * control) focuses its checked or pressed control, else its first.
 */
export function focusFieldElement(path: string, root: Document = document): boolean {
  for (const candidate of pathAndAncestors(path)) {
    const element = root.getElementById(fieldId(candidate));
    if (!element) continue;
    const target = element.matches(FOCUSABLE) || (element.tabIndex === -1 && element.hasAttribute('tabindex'))
      ? element
      : (element.querySelector<HTMLElement>('input:checked, button[aria-pressed="true"]:not([disabled])') ?? element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
    target.scrollIntoView?.({ block: 'center' });
    target.focus({ preventScroll: true });
    return root.activeElement === target;
  }
  return false;
}

/**
 * Tries to focus `path` over the next frames: after a tab switch the field mounts a render or two later.
 * Returns a cancel function.
 */
export function scheduleFocus(path: string, attempts = 40): () => void {
  let cancelled = false;
  let left = attempts;
  const tick = () => {
    if (cancelled) return;
    if (focusFieldElement(path) || --left <= 0) return;
    setTimeout(tick, 25);
  };
  setTimeout(tick, 0);
  return () => {
    cancelled = true;
  };
}
