// jsdom has no media queries of its own: a test says how wide the screen is. A small screen answers
// the `max-width` queries (below a breakpoint), a wide one the `min-width` ones. Undo with
// `vi.unstubAllGlobals()`.
import { vi } from 'vitest';

export function stubScreenWidth(kind: 'small' | 'wide'): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes(kind === 'small' ? 'max-width' : 'min-width'),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }));
}
