// One keydown listener on the document for every shortcut: the matcher decides, `onShortcut` acts.
import { useEffect, useEffectEvent } from 'react';
import { IDLE, matchKey, SEQUENCE_TIMEOUT_MS, type ShortcutId } from './shortcut-core';
import { classifyTarget } from './shortcut-target';

/**
 * `onShortcut` answers whether it acted: when it did, the key's default is prevented (Ctrl-K would
 * otherwise focus the browser's search box); when it did not, the key goes on as if unheard.
 */
export function useGlobalShortcuts(onShortcut: (shortcut: ShortcutId) => boolean, { timeoutMs = SEQUENCE_TIMEOUT_MS } = {}): void {
  const act = useEffectEvent(onShortcut);
  useEffect(() => {
    let state = IDLE;
    const listener = (event: KeyboardEvent) => {
      // A control that handled the key already (a tab list's arrows, a field's Enter) keeps it.
      if (event.defaultPrevented) return;
      const result = matchKey(
        state,
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          isComposing: event.isComposing,
          target: classifyTarget(event.target),
        },
        // The event's own time: the matcher reads no clock.
        event.timeStamp,
        { timeoutMs },
      );
      state = result.state;
      if (result.shortcut && act(result.shortcut)) event.preventDefault();
    };
    // Bubbling, so a focused control's own handler runs first (and can prevent the default).
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [timeoutMs]);
}
