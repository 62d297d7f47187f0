// The palette and the cheat sheet as one lazily loaded module: one chunk to fetch for either (the
// palette opens the cheat sheet), and one dynamic import in the first page's code instead of two.
import { CheatSheetDialog } from './cheat-sheet-dialog';
import { CommandPaletteDialog, type CommandPaletteDialogProps } from './command-palette-dialog';

export interface ShortcutDialogProps extends CommandPaletteDialogProps {
  dialog: 'palette' | 'cheat-sheet';
}

export function ShortcutDialog({ dialog, ...palette }: ShortcutDialogProps) {
  return dialog === 'palette' ? <CommandPaletteDialog {...palette} /> : <CheatSheetDialog onClose={palette.onClose} />;
}
