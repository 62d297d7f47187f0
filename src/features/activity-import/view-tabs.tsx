// The clusters / network switch: a WAI-ARIA tab list (arrow keys, Home and End move the focus,
// Enter or Space or a click selects), drawn like MUI's Tabs. Not MUI's Tabs itself: it measures its
// tabs with getBoundingClientRect after every render to place its sliding indicator, and mounted
// with the import results that forced the style and layout of the whole results section inside
// one task (the 50-90 ms tasks the import bench traced). Here the indicator is a border: nothing
// is measured.
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

export interface ViewTab<T extends string> {
  value: T;
  label: string;
  /** The element id (the panel's aria-labelledby points here). */
  id: string;
}

export function ViewTabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
  panelId,
}: {
  tabs: readonly ViewTab<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  panelId: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = refs.current.findIndex((element) => element === document.activeElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    refs.current[next]?.focus();
  };
  return (
    <Box role="tablist" aria-label={label} onKeyDown={onKeyDown} sx={{ display: 'flex', borderBottom: 1, borderColor: 'divider', mb: 2 }}>
      {tabs.map((tab, index) => {
        const selected = tab.value === value;
        return (
          <ButtonBase
            key={tab.value}
            ref={(element: HTMLButtonElement | null) => {
              refs.current[index] = element;
            }}
            role="tab"
            id={tab.id}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => {
              if (!selected) onChange(tab.value);
            }}
            sx={(theme) => ({
              ...theme.typography.button,
              minHeight: 48,
              minWidth: 90,
              px: 2,
              py: 1.5,
              mb: '-1px',
              color: selected ? 'primary.main' : 'text.secondary',
              borderBottom: 2,
              borderColor: selected ? 'primary.main' : 'transparent',
              '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
            })}
          >
            {tab.label}
          </ButtonBase>
        );
      })}
    </Box>
  );
}
