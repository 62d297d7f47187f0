// A shortcut's keys as the keyboard shows them: `<kbd>` per key, "then" between the keys of a sequence,
// Ctrl or ⌘ for `mod+k` depending on the platform.
import Box from '@mui/material/Box';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../components/visually-hidden';
import { MOD_K } from './shortcut-core';

const KBD_SX = {
  display: 'inline-block',
  minWidth: '1.6em',
  px: 0.75,
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: 'action.hover',
  fontFamily: 'monospace',
  fontSize: '0.85rem',
  lineHeight: 1.6,
  textAlign: 'center',
} as const;

/** Apple keyboards say ⌘ where others say Ctrl. */
function isApplePlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
}

export function KeySequence({ keys, 'aria-hidden': hidden }: { keys: readonly string[]; 'aria-hidden'?: boolean }) {
  const { t } = useTranslation('commandPalette');
  return (
    <Box component="span" aria-hidden={hidden} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, whiteSpace: 'nowrap' }}>
      {keys.map((key, index) => (
        <Fragment key={`${index}-${key}`}>
          {index > 0 && (
            <Box component="span" sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
              {` ${t('cheatSheet.andThen')} `}
            </Box>
          )}
          <Key name={key} />
        </Fragment>
      ))}
    </Box>
  );
}

function Key({ name }: { name: string }) {
  const { t } = useTranslation('commandPalette');
  if (name === MOD_K) {
    // Nested <kbd>: a combination of keys pressed together (HTML's own convention).
    return (
      <kbd>
        <Box component="kbd" sx={KBD_SX}>{isApplePlatform() ? t('cheatSheet.keys.cmd') : t('cheatSheet.keys.ctrl')}</Box>
        {' + '}
        <Box component="kbd" sx={KBD_SX}>K</Box>
      </kbd>
    );
  }
  if (name === 'ArrowUp' || name === 'ArrowDown') {
    return (
      <Box component="kbd" sx={KBD_SX}>
        <span aria-hidden>{name === 'ArrowUp' ? '↑' : '↓'}</span>
        <Box component="span" sx={visuallyHidden}>{name === 'ArrowUp' ? t('cheatSheet.keys.up') : t('cheatSheet.keys.down')}</Box>
      </Box>
    );
  }
  const label = name === 'Enter' ? t('cheatSheet.keys.enter') : name === 'Escape' ? t('cheatSheet.keys.escape') : name;
  return <Box component="kbd" sx={KBD_SX}>{label}</Box>;
}
