// One lane of the evidence board (e.g. technical, on-platform): a virtualised list of signal cards
// that accepts dropped cards, and scrolls to and focuses a card moved here by keyboard.
import Paper from '@mui/material/Paper';
import { styled } from '@mui/material/styles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationSignal } from '../../api/contract/case';
import type { Lane, LaneContent, LaneId } from './board-model';
import { useBoardStore } from './board-store';
import { CARD_HEIGHT, SIGNAL_DRAG_TYPE, SignalCard, signalCardStyles } from './signal-card';

const GAP = 8;
const LANE_HEIGHT = 560;

/** The lane's scroll box carries the cards' CSS once (see signalCardStyles). */
const LaneScroll = styled('div')(({ theme }) => ({ overflowY: 'auto', contain: 'strict', ...signalCardStyles(theme) }));

export interface SignalLaneProps {
  lane: Lane;
  content: LaneContent;
  signals: readonly CoordinationSignal[];
  readOnly: boolean;
  onEdit: (signalId: string) => void;
  onRemove: (signalId: string) => void;
  onMove: (signalId: string, lane: LaneId) => void;
}

export function SignalLane({ lane, content, signals, readOnly, onEdit, onRemove, onMove }: SignalLaneProps) {
  const { t } = useTranslation(['workspace', 'policy']);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dragOver, setDragOver] = useState(false);
  const focusRequest = useBoardStore((s) => s.focusRequest);
  const clearFocusRequest = useBoardStore((s) => s.clearFocusRequest);
  const { shown } = content;

  // Not compiled by React Compiler (the app does not use it); the virtualizer re-renders this lane itself.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + GAP,
    getItemKey: (index) => signals[shown[index] ?? -1]?.id ?? index,
    overscan: 4,
    initialRect: { width: 280, height: LANE_HEIGHT },
  });

  // A card moved here by keyboard: bring it into view, then give it focus (its Move button).
  useEffect(() => {
    if (!focusRequest) return;
    const position = shown.findIndex((index) => signals[index]?.id === focusRequest.signalId);
    if (position < 0) return;
    virtualizer.scrollToIndex(position, { align: 'center' });
    let tries = 20;
    const attempt = () => {
      const button = scrollRef.current?.querySelector<HTMLElement>(`[data-signal-id="${CSS.escape(focusRequest.signalId)}"] [data-move-button]`);
      if (button) {
        button.focus();
        clearFocusRequest();
      } else if (--tries > 0) {
        setTimeout(attempt, 16);
      }
    };
    attempt();
  }, [focusRequest, shown, signals, virtualizer, clearFocusRequest]);

  const accepts = (event: DragEvent) => !readOnly && event.dataTransfer.types.includes(SIGNAL_DRAG_TYPE);
  const headingId = `lane-${lane.id.replace(':', '-')}`;
  const title = t('board.laneTitle', { kind: t(`policy:signalKindShort.${lane.kind}`), observed: t(`policy:observed.${lane.observed}`) });
  const totalSize = virtualizer.getTotalSize();

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      data-lane={lane.id}
      variant="outlined"
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(event) => {
        setDragOver(false);
        if (!accepts(event)) return;
        event.preventDefault();
        const signalId = event.dataTransfer.getData(SIGNAL_DRAG_TYPE);
        if (signalId) onMove(signalId, lane.id);
      }}
      sx={{ p: 1, minWidth: 0, bgcolor: dragOver ? 'action.hover' : 'background.default', outline: dragOver ? '2px dashed' : 'none', outlineColor: 'primary.main' }}
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" id={headingId} sx={{ fontWeight: 700 }}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid={`lane-count-${lane.id}`}>
          {shown.length === content.total
            ? t('board.laneCount', { count: content.total })
            : t('board.laneCountFiltered', { shown: shown.length, total: content.total })}
        </Typography>
      </Stack>
      {shown.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>
          {content.total === 0 ? t('board.laneEmpty') : t('board.laneFilteredOut')}
        </Typography>
      ) : (
        // Inline styles, not `sx`: per-item values would mint a CSS class for every scroll offset.
        <LaneScroll ref={scrollRef} data-lane-scroll style={{ height: Math.min(LANE_HEIGHT, totalSize) }}>
          <ul aria-labelledby={headingId} style={{ height: totalSize, position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const signal = signals[shown[item.index] ?? -1];
              if (!signal) return null;
              return (
                <li
                  key={item.key}
                  aria-setsize={shown.length}
                  aria-posinset={item.index + 1}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: CARD_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <SignalCard signal={signal} readOnly={readOnly} onEdit={onEdit} onRemove={onRemove} onMove={onMove} />
                </li>
              );
            })}
          </ul>
        </LaneScroll>
      )}
    </Paper>
  );
}
