// Keyboard-first (issue 15 §5): the shell's one key listener, and the palette and cheat sheet it opens.
// This file is on the first page; the two dialogs (MUI Dialog, the case search, their texts) load the
// first time one is opened.
import { Component, Suspense, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { lazyScreen } from '../../app/lazy-screen';
import type { PaletteCaseTab } from './palette-commands';
import { moveRowFocus } from './row-navigation';
import { GO_TO_PATHS, isGoToShortcut } from './shortcut-core';
import { useGlobalShortcuts } from './use-global-shortcuts';

const ShortcutDialog = lazyScreen(() => import('./shortcut-dialogs').then((m) => m.ShortcutDialog), { texts: ['commandPalette'] });

export interface KeyboardShortcutsProps {
  /** The case page's tabs, in order: the workspace's list, composed in by the app. */
  caseTabs: readonly PaletteCaseTab[];
  /** The screens this person may open (the shell's navigation); shortcuts and commands for others do nothing. */
  allowedPaths: readonly string[];
}

type OpenDialog = 'palette' | 'cheat-sheet' | null;

export function KeyboardShortcuts({ caseTabs, allowedPaths }: KeyboardShortcutsProps) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Each dialog is mounted only while open, so every opening starts afresh (an empty search); closing
  // unmounts it and MUI's focus trap gives the focus back to where it was.
  const [open, setOpen] = useState<OpenDialog>(null);
  const close = () => setOpen(null);

  useGlobalShortcuts((shortcut) => {
    if (shortcut === 'open-palette') {
      setOpen(open === 'palette' ? null : 'palette');
      return true;
    }
    if (open !== null) return false;
    if (isGoToShortcut(shortcut)) {
      const path = GO_TO_PATHS[shortcut];
      if (!allowedPaths.includes(path)) return false;
      if (pathname !== path) void navigate(path);
      return true;
    }
    if (shortcut === 'next-row' || shortcut === 'previous-row') {
      return moveRowFocus(document, shortcut === 'next-row' ? 1 : -1, document.activeElement);
    }
    setOpen('cheat-sheet');
    return true;
  });

  if (open === null) return null;
  return (
    <LoadBoundary onError={close}>
      <Suspense fallback={null}>
        <ShortcutDialog
          // A new dialog for each: the palette gives the focus back before the cheat sheet takes it.
          key={open}
          dialog={open}
          caseTabs={caseTabs}
          allowedPaths={allowedPaths}
          onClose={close}
          onOpenCheatSheet={() => setOpen('cheat-sheet')}
        />
      </Suspense>
    </LoadBoundary>
  );
}

/**
 * A dialog whose code or texts could not load closes instead of taking the shell down with it; the
 * next opening tries again (lazyScreen replaces a failed load).
 */
class LoadBoundary extends Component<{ children: ReactNode; onError: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onError();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
