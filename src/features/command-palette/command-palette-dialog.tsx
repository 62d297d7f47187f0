// The command palette (Ctrl-K / Cmd-K): go to a case by name, create one, go to a screen, switch the
// case's tab, change the language. A combobox over a listbox (the ARIA pattern of a search with
// suggestions): the focus stays in the text field, the arrow keys move the highlighted option
// (aria-activedescendant), Enter runs it, Escape closes.
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import InputBase from '@mui/material/InputBase';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../components/visually-hidden';
import { KeySequence } from './key-sequence';
import type { PaletteCaseTab, PaletteCommand } from './palette-commands';
import { PALETTE_ATTRIBUTE } from './shortcut-target';
import { usePaletteCommands } from './use-palette-commands';

/** The palette opens with the focus in its field (MUI's focus trap then leaves it there, and restores it on close). */
const focusOnMount = (input: HTMLInputElement | null) => input?.focus();

export interface CommandPaletteDialogProps {
  caseTabs: readonly PaletteCaseTab[];
  allowedPaths: readonly string[];
  onClose: () => void;
  onOpenCheatSheet: () => void;
}

export function CommandPaletteDialog({ caseTabs, allowedPaths, onClose, onOpenCheatSheet }: CommandPaletteDialogProps) {
  const { t } = useTranslation('commandPalette');
  const [term, setTerm] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const baseId = useId();
  const search = term.trim();
  const { groups, options, searching, groupLabel } = usePaletteCommands({ search, caseTabs, allowedPaths, onClose, onOpenCheatSheet });
  // The highlighted option stays put while results arrive; when it leaves the list, the first one is.
  const activeIndex = Math.max(0, options.findIndex((option) => option.id === activeId));
  const active = options[activeIndex];
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const listboxId = `${baseId}-listbox`;

  useEffect(() => {
    // jsdom has no scrollIntoView.
    document.getElementById(`${baseId}-option-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [baseId, activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveId(options[(activeIndex + step + options.length) % options.length]?.id ?? null);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      active?.run();
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={`${baseId}-title`}
      fullWidth
      maxWidth="sm"
      {...{ [PALETTE_ATTRIBUTE]: '' }}
      sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}
      slotProps={{ paper: { sx: { mt: { xs: 2, sm: '10vh' } } } }}
    >
      <DialogTitle id={`${baseId}-title`} sx={visuallyHidden}>
        {t('palette.title')}
      </DialogTitle>
      <Box sx={{ px: 2, py: 1.5 }}>
        <InputBase
          fullWidth
          inputRef={focusOnMount}
          value={term}
          placeholder={t('palette.placeholder')}
          onChange={(event) => {
            setTerm(event.target.value);
            setActiveId(null);
          }}
          onKeyDown={onKeyDown}
          sx={{ fontSize: '1.125rem' }}
          inputProps={{
            role: 'combobox',
            'aria-label': t('palette.inputLabel'),
            'aria-autocomplete': 'list',
            'aria-expanded': options.length > 0,
            'aria-controls': options.length > 0 ? listboxId : undefined,
            'aria-activedescendant': active ? optionId(activeIndex) : undefined,
            autoComplete: 'off',
            spellCheck: false,
          }}
        />
      </Box>
      <Divider />
      <Box component="output" sx={{ ...visuallyHidden, display: 'block' }}>
        {searching ? t('palette.searching') : t('palette.results', { count: options.length })}
      </Box>
      {options.length > 0 ? (
        // A combobox's popup is a listbox of options (the ARIA pattern): a native <select> cannot keep the focus in a text field.
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
        <Box role="listbox" id={listboxId} aria-label={t('palette.listLabel')} sx={{ maxHeight: '60vh', overflowY: 'auto', py: 1 }}>
          {groups.map(({ group, options: grouped }) => (
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- groups of a listbox (ARIA's grouped listbox)
            <Box component="ul" role="group" key={group} aria-labelledby={`${baseId}-group-${group}`} sx={{ listStyle: 'none', m: 0, p: 0 }}>
              <Typography
                component="li"
                role="presentation"
                id={`${baseId}-group-${group}`}
                variant="overline"
                color="text.secondary"
                sx={{ display: 'block', px: 2, pt: 1, lineHeight: 2 }}
              >
                {groupLabel(group)}
              </Typography>
              {grouped.map((command) => {
                const position = options.indexOf(command);
                return (
                  <PaletteOption
                    key={command.id}
                    id={optionId(position)}
                    command={command}
                    active={position === activeIndex}
                    currentLabel={t('palette.current')}
                    onPoint={() => setActiveId(command.id)}
                  />
                );
              })}
            </Box>
          ))}
        </Box>
      ) : (
        <Typography sx={{ px: 2, py: 2 }} color="text.secondary">
          {searching ? t('palette.searching') : t('palette.noMatch', { term: search })}
        </Typography>
      )}
    </Dialog>
  );
}

function PaletteOption({ id, command, active, currentLabel, onPoint }: {
  id: string;
  command: PaletteCommand;
  active: boolean;
  currentLabel: string;
  onPoint: () => void;
}) {
  return (
    // The keyboard works on the combobox (the focus never leaves it); the pointer picks an option directly.
    <Box
      component="li"
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an option of the combobox's listbox
      role="option"
      id={id}
      aria-selected={active}
      onMouseMove={active ? undefined : onPoint}
      onClick={command.run}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        px: 2,
        py: 1,
        cursor: 'pointer',
        borderLeft: 3,
        borderColor: active ? 'primary.main' : 'transparent',
        bgcolor: active ? 'action.selected' : undefined,
      }}
    >
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography component="span" sx={{ display: 'block' }}>
          <span lang={command.lang}>{command.label}</span>
          {command.current && ' '}
          {command.current && (
            <Typography component="span" variant="body2" color="text.secondary">
              ({currentLabel})
            </Typography>
          )}
        </Typography>
        {command.description && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
            {command.description}
          </Typography>
        )}
      </Box>
      {/* The same keys work from anywhere; the cheat sheet reads them out, here they are a visual hint. */}
      {command.keys && <KeySequence keys={command.keys} aria-hidden />}
    </Box>
  );
}
