// Issue 16 §1: a group's activity on one time axis — the posts per bin with the bursts shaded, a
// swimlane per account with each post as a mark, the co-actions that linked the accounts (R1-R2)
// drawn by colour and by shape — zoomable and pannable by buttons, keys, wheel and drag, with a
// paged table of the same posts as its text alternative. The lanes are virtualised (a group can be
// hundreds of accounts) and a lane draws at most a few hundred marks (the table lists every post).
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CloseIcon from '@mui/icons-material/Close';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import ZoomOutMapIcon from '@mui/icons-material/ZoomOutMap';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTheme, type Theme } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TablePager } from '../table-pager';
import { usePagerState } from '../use-pager-state';
import { visuallyHidden } from '../visually-hidden';
import {
  CO_ACTION_KINDS,
  coActionKinds,
  formatInstant,
  fullView,
  isFullView,
  isoOf,
  marksInView,
  marksToDraw,
  maxCountInView,
  minSpan,
  nearestMark,
  onlyCoActions,
  panView,
  tickLabels,
  timelineRows,
  timeTicks,
  viewPosition,
  viewShowing,
  zoomView,
  type ActivityTimelineModel,
  type CoActionKind,
  type TimelineMark,
  type TimeView,
} from './activity-timeline-model';

type Display = 'chart' | 'table';
const ROWS_PER_PAGE_OPTIONS = [25, 100] as const;
const ROW_HEIGHT = 36;
/** Room an axis label takes, at most: fewer ticks on a narrow plot, so the labels never overlap. */
const TICK_SPACING = 130;
const STRIP_HEIGHT = 44;
const ZOOM_STEP = 1.6;
const PAN_STEP = 0.2;
const LABEL_COLUMN = { xs: '6.5rem', sm: '10rem' };
const SHOWN_BURSTS = 3;

/** The shape of each co-action (and of a post without one), centred on 0,0: told apart without colour. */
const SHAPES: Record<CoActionKind | 'none', string> = {
  none: 'M-3,0a3,3 0 1,0 6,0a3,3 0 1,0 -6,0',
  'same-text': 'M-4.5,-4.5h9v9h-9z',
  'same-link': 'M0,-6L6,0L0,6L-6,0z',
  'same-repost': 'M0,-6L5.5,4.5H-5.5z',
  'reply-burst': 'M0,6L5.5,-4.5H-5.5z',
  synchronised: 'M-2,-6h4v4h4v4h-4v4h-4v-4h-4v-4h4z',
};

export function coActionColour(theme: Theme, kind: CoActionKind | 'none'): string {
  switch (kind) {
    case 'same-text':
      return theme.palette.error.main;
    case 'same-link':
      return theme.palette.info.main;
    case 'same-repost':
      return theme.palette.success.main;
    case 'reply-burst':
      return theme.palette.warning.main;
    case 'synchronised':
      return theme.palette.secondary.main;
    case 'none':
      return theme.palette.text.secondary;
  }
}

/** The co-action a mark is drawn as: the first it has, in CO_ACTION_KINDS order. */
function primaryKind(bits: number): CoActionKind | 'none' {
  return CO_ACTION_KINDS.find((_, index) => (bits & (1 << index)) !== 0) ?? 'none';
}

const percent = (value: number) => `${(value * 100).toFixed(3)}%`;

interface Selection {
  lane: number;
  mark: TimelineMark;
}

/** Everything that belongs to one model: a new model (another cluster, another signal) starts afresh. */
interface ChartState {
  model: ActivityTimelineModel;
  view: TimeView;
  lane: number;
  current: TimelineMark | null;
  selected: Selection | null;
}

const initialState = (model: ActivityTimelineModel): ChartState => ({ model, view: fullView(model), lane: 0, current: null, selected: null });

export interface ActivityTimelineProps {
  model: ActivityTimelineModel;
  headingLevel?: 'h2' | 'h3' | 'h4';
  /** The heading's text ("Activity timeline" when not given). */
  title?: string;
  /** Lanes shown before the lanes scroll. */
  visibleRows?: number;
  /** The reader's own time zone unless given (tests). */
  timeZone?: string;
}

export function ActivityTimeline({ model, headingLevel = 'h3', title, visibleRows = 12, timeZone }: ActivityTimelineProps) {
  const { t, i18n } = useTranslation('activityTimeline');
  const headingId = useId();
  const [display, setDisplay] = useState<Display>('chart');
  const [coOnly, setCoOnly] = useState(false);
  const shown = useMemo(() => (coOnly ? onlyCoActions(model) : model), [model, coOnly]);
  const [stored, setStored] = useState<ChartState>(() => initialState(model));
  const state = stored.model === model ? stored : initialState(model);
  const update = useCallback(
    (change: (current: ChartState) => Partial<ChartState>) =>
      setStored((previous) => {
        const base = previous.model === model ? previous : initialState(model);
        return { ...base, ...change(base) };
      }),
    [model],
  );
  const language = i18n.language;
  const empty = model.marks === 0;

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ '--label-width': LABEL_COLUMN, minWidth: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1 }}>
        <Typography variant="subtitle1" component={headingLevel} id={headingId} sx={{ fontWeight: 700 }}>
          {title ?? t('heading')}
        </Typography>
        {!empty && (
          <ToggleButtonGroup size="small" exclusive value={display} onChange={(_, next: Display | null) => next && setDisplay(next)} aria-label={t('view.label')}>
            <ToggleButton value="chart">{t('view.chart')}</ToggleButton>
            <ToggleButton value="table">{t('view.table')}</ToggleButton>
          </ToggleButtonGroup>
        )}
      </Box>
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          {t('noMarks')}
        </Typography>
      ) : (
        <>
          <FormControlLabel control={<Checkbox size="small" checked={coOnly} onChange={(event) => setCoOnly(event.target.checked)} />} label={t('onlyCoActions')} />
          {coOnly && shown.marks === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('noCoActionMarks')}
            </Typography>
          )}
          <Legend />
          {display === 'chart' ? (
            <TimelineChart model={model} shown={shown} state={state} update={update} visibleRows={visibleRows} language={language} timeZone={timeZone} />
          ) : (
            <TimelineTable model={shown} language={language} timeZone={timeZone} />
          )}
          {display === 'chart' && state.selected && (
            <MarkDetails
              selection={state.selected}
              account={model.lanes[state.selected.lane]?.account ?? ''}
              headingLevel={headingLevel === 'h2' ? 'h3' : 'h4'}
              language={language}
              timeZone={timeZone}
              onClose={() => update(() => ({ selected: null }))}
            />
          )}
        </>
      )}
    </Box>
  );
}

/** The shapes once per timeline, referenced by every mark (`<use>`): a mark is one small element. */
function ShapeDefs({ prefix }: { prefix: string }) {
  return (
    <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        {(Object.keys(SHAPES) as (CoActionKind | 'none')[]).map((kind) => (
          <path key={kind} id={`${prefix}-${kind}`} d={SHAPES[kind]} />
        ))}
      </defs>
    </svg>
  );
}

function Swatch({ kind, outlined = false }: { kind: CoActionKind | 'none'; outlined?: boolean }) {
  const theme = useTheme();
  return (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" style={{ flexShrink: 0 }}>
      <path d={SHAPES[kind]} fill={coActionColour(theme, kind)} stroke={outlined ? theme.palette.text.primary : 'none'} strokeWidth={outlined ? 1.5 : 0} />
    </svg>
  );
}

function Legend() {
  const { t } = useTranslation('activityTimeline');
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {t('legendIntro')}
      </Typography>
      <Box component="ul" aria-label={t('legend')} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, listStyle: 'none', m: 0, p: 0, mt: 0.5 }}>
        {CO_ACTION_KINDS.map((kind) => (
          <Box component="li" key={kind} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, typography: 'body2' }}>
            <Swatch kind={kind} />
            {t(`coAction.${kind}`)}
          </Box>
        ))}
        <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, typography: 'body2' }}>
          <Swatch kind="none" />
          {t('noCoAction')}
        </Box>
      </Box>
    </Box>
  );
}

/** "Posts per 5 minutes", "Posts per hour", "Posts per 2 days". */
function perBinLabel(binSeconds: number, t: ReturnType<typeof useTranslation<'activityTimeline'>>['t']): string {
  if (binSeconds % 86_400 === 0) return t('perBin.day', { count: binSeconds / 86_400 });
  if (binSeconds % 3_600 === 0) return t('perBin.hour', { count: binSeconds / 3_600 });
  return t('perBin.minute', { count: Math.max(1, Math.round(binSeconds / 60)) });
}

interface ChartProps {
  /** The whole model: the axis and the strip. */
  model: ActivityTimelineModel;
  /** The lanes as filtered. */
  shown: ActivityTimelineModel;
  state: ChartState;
  update: (change: (current: ChartState) => Partial<ChartState>) => void;
  visibleRows: number;
  language: string;
  timeZone: string | undefined;
}

function TimelineChart({ model, shown, state, update, visibleRows, language, timeZone }: ChartProps) {
  const { t } = useTranslation('activityTimeline');
  const theme = useTheme();
  const prefix = `atl${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const helpId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLElement>(null);
  const drag = useRef<{ x: number; width: number; view: TimeView; moved: boolean; pointer: number } | null>(null);
  const justDragged = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  const axisRef = useRef<SVGSVGElement>(null);
  const [plotWidth, setPlotWidth] = useState(0);
  const { view } = state;
  const span = view.to - view.from;
  const { step, ticks } = timeTicks(view, plotWidth > 0 ? Math.min(8, Math.max(2, Math.floor(plotWidth / TICK_SPACING))) : 6);
  const labels = tickLabels(ticks, step, language, timeZone);
  const at = (time: number) => formatInstant(time, language, timeZone);

  // Not compiled by React Compiler (the app does not use it); the virtualizer re-renders this chart itself.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.lanes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 800, height: Math.min(visibleRows, shown.lanes.length) * ROW_HEIGHT },
  });

  // The plot's width sets how many axis labels fit (jsdom has no ResizeObserver: six then).
  useEffect(() => {
    const element = axisRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      if (width > 0) setPlotWidth(Math.round(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const setView = useCallback((next: (current: TimeView) => TimeView) => update((current) => ({ view: next(current.view) })), [update]);

  // The wheel: Ctrl (or ⌘) zooms about the pointer, Shift or a sideways wheel moves in time; a plain
  // wheel scrolls the lanes as usual. A listener of its own: React's wheel handler cannot prevent the page's zoom.
  useEffect(() => {
    const element = figureRef.current;
    if (!element) return undefined;
    const onWheel = (event: WheelEvent) => {
      const plot = event.target instanceof Element ? event.target.closest('[data-plot]') : null;
      if (!plot) return;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const rect = plot.getBoundingClientRect();
        const anchor = rect.width > 0 ? Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) : 0.5;
        setView((current) => zoomView(model, current, event.deltaY < 0 ? 1 / 1.25 : 1.25, anchor));
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        setView((current) => panView(model, current, delta / 600));
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [model, setView]);

  const describeMark = (lane: number, mark: TimelineMark) =>
    t('current', {
      account: shown.lanes[lane]?.account ?? '',
      time: at(mark.t),
      kind: t(`kind.${mark.kind}`),
      coActions: coActionKinds(mark.coActions).map((kind) => t(`coAction.${kind}`)).join(', ') || t('noCoAction'),
    });

  const select = (lane: number, mark: TimelineMark) => {
    update(() => ({ lane, current: mark, selected: { lane, mark } }));
    setAnnouncement(describeMark(lane, mark));
  };

  const zoom = (factor: number) => {
    const next = zoomView(model, view, factor);
    update(() => ({ view: next }));
    setAnnouncement(t('showing', { from: at(next.from), to: at(next.to) }));
  };
  const pan = (fraction: number) => {
    const next = panView(model, view, fraction);
    update(() => ({ view: next }));
    setAnnouncement(t('showing', { from: at(next.from), to: at(next.to) }));
  };
  const reset = () => {
    update(() => ({ view: fullView(model) }));
    setAnnouncement(t('showing', { from: at(model.start), to: at(model.end) }));
  };

  const moveLane = (lane: number) => {
    const next = Math.min(Math.max(lane, 0), shown.lanes.length - 1);
    if (next < 0) return;
    virtualizer.scrollToIndex(next);
    update((current) => ({ lane: next, current: current.lane === next ? current.current : null }));
    const target = shown.lanes[next];
    if (target) setAnnouncement(t('currentLane', { account: target.account, count: target.posts }));
  };

  const stepThrough = (direction: 1 | -1) => {
    const lane = shown.lanes[state.lane];
    if (!lane) return;
    const held = state.current ? lane.marks.indexOf(state.current) : -1;
    const index = held >= 0 ? held + direction : (direction === 1 ? marksInView(lane.marks, view)[0] : marksInView(lane.marks, view)[1] - 1);
    const mark = lane.marks[index];
    if (!mark) {
      setAnnouncement(t('noPostsInLane'));
      return;
    }
    update((current) => ({ current: mark, view: viewShowing(model, current.view, mark.t) }));
    setAnnouncement(describeMark(state.lane, mark));
  };

  const chooseCurrent = () => {
    const lane = shown.lanes[state.lane];
    if (!lane) return;
    const held = state.current && lane.marks.includes(state.current) ? state.current : null;
    const nearest = held ?? lane.marks[nearestMark(lane.marks, (view.from + view.to) / 2)] ?? null;
    if (!nearest || nearest.t < view.from || nearest.t > view.to) {
      setAnnouncement(t('noPostsInLane'));
      return;
    }
    select(state.lane, nearest);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case '+':
      case '=':
        zoom(1 / ZOOM_STEP);
        break;
      case '-':
      case '_':
        zoom(ZOOM_STEP);
        break;
      case '0':
        reset();
        break;
      case 'ArrowLeft':
        if (event.shiftKey) stepThrough(-1);
        else pan(-PAN_STEP);
        break;
      case 'ArrowRight':
        if (event.shiftKey) stepThrough(1);
        else pan(PAN_STEP);
        break;
      case 'ArrowUp':
        moveLane(state.lane - 1);
        break;
      case 'ArrowDown':
        moveLane(state.lane + 1);
        break;
      case 'Home':
        moveLane(0);
        break;
      case 'End':
        moveLane(shown.lanes.length - 1);
        break;
      case 'Enter':
      case ' ':
        chooseCurrent();
        break;
      case 'Escape':
        if (!state.selected) return;
        update(() => ({ selected: null }));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // Dragging moves in time; a press that does not move is a click (a mark's details).
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || !(event.target instanceof Element)) return;
    const plot = event.target.closest('[data-plot]');
    if (!plot) return;
    drag.current = { x: event.clientX, width: plot.getBoundingClientRect().width, view, moved: false, pointer: event.pointerId };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointer !== event.pointerId || current.width <= 0) return;
    const dx = event.clientX - current.x;
    if (!current.moved && Math.abs(dx) < 4) return;
    if (!current.moved) {
      current.moved = true;
      if (typeof event.currentTarget.setPointerCapture === 'function') event.currentTarget.setPointerCapture(event.pointerId);
    }
    const next = panView(model, current.view, -dx / current.width);
    update(() => ({ view: next }));
  };
  const onPointerEnd = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointer !== event.pointerId) return;
    justDragged.current = current.moved;
    drag.current = null;
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (justDragged.current) {
      justDragged.current = false;
      return;
    }
    const target = event.target instanceof Element ? event.target.closest('[data-mark]') : null;
    const [lane, index] = (target?.getAttribute('data-mark') ?? '').split(':').map(Number);
    const mark = lane === undefined || index === undefined ? undefined : shown.lanes[lane]?.marks[index];
    if (lane !== undefined && mark) select(lane, mark);
  };

  const { start: binStart, binSeconds, counts } = model.bins;
  const firstBin = Math.max(0, Math.floor((view.from - binStart) / binSeconds));
  const lastBin = Math.min(counts.length - 1, Math.floor((view.to - binStart) / binSeconds));
  const maxCount = maxCountInView(model, view);
  const burstsInView = model.bursts.filter((burst) => burst.end > view.from && burst.start < view.to);
  const gridLines = ticks.map((tick) => percent(viewPosition(tick, view)));
  const lanesHeight = Math.min(visibleRows, Math.max(1, shown.lanes.length)) * ROW_HEIGHT;
  let inView = 0;
  for (const lane of shown.lanes) {
    const [from, to] = marksInView(lane.marks, view);
    inView += to - from;
  }

  // A few pixels right of the plot: a mark at the view's end is drawn whole.
  const rowGrid = { display: 'grid', gridTemplateColumns: 'var(--label-width) minmax(0, 1fr)', columnGap: '8px', paddingRight: '8px', boxSizing: 'border-box' } as const;

  return (
    <>
      <ShapeDefs prefix={prefix} />
      <Box role="toolbar" aria-label={t('controls')} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, mb: 0.5 }}>
        <IconButton size="small" aria-label={t('zoomIn')} title={t('zoomIn')} onClick={() => zoom(1 / ZOOM_STEP)} disabled={span <= minSpan(model)}>
          <ZoomInIcon fontSize="small" />
        </IconButton>
        <IconButton size="small" aria-label={t('zoomOut')} title={t('zoomOut')} onClick={() => zoom(ZOOM_STEP)} disabled={isFullView(model, view)}>
          <ZoomOutIcon fontSize="small" />
        </IconButton>
        <IconButton size="small" aria-label={t('zoomReset')} title={t('zoomReset')} onClick={reset} disabled={isFullView(model, view)}>
          <ZoomOutMapIcon fontSize="small" />
        </IconButton>
        <IconButton size="small" aria-label={t('earlier')} title={t('earlier')} onClick={() => pan(-PAN_STEP)} disabled={view.from <= model.start}>
          <ChevronLeftIcon fontSize="small" />
        </IconButton>
        <IconButton size="small" aria-label={t('later')} title={t('later')} onClick={() => pan(PAN_STEP)} disabled={view.to >= model.end}>
          <ChevronRightIcon fontSize="small" />
        </IconButton>
        <Typography variant="body2" color="text.secondary" data-testid="activity-view-range" sx={{ ml: 1 }}>
          {t('showing', { from: at(view.from), to: at(view.to) })} · {t('inView', { count: inView })}
        </Typography>
      </Box>
      <Box component="output" sx={visuallyHidden}>
        {announcement}
      </Box>
      {/* Pointer gestures on the drawing; the keyboard path is the focusable lanes list below. */}
      <Box
        component="figure"
        ref={figureRef}
        aria-label={t('chartLabel', { count: model.lanes.length, from: at(model.start), to: at(model.end) })}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onClick={onClick}
        sx={{ m: 0, touchAction: 'pan-y', userSelect: 'none' }}
      >
        <Box sx={rowGrid}>
          <Typography variant="caption" sx={{ alignSelf: 'end', lineHeight: 1.2 }}>
            {perBinLabel(binSeconds, t)}
          </Typography>
          <svg width="100%" height={STRIP_HEIGHT} aria-hidden="true" data-plot="strip" style={{ display: 'block', overflow: 'hidden' }}>
            {burstsInView.map((burst) => {
              const x = Math.max(0, viewPosition(burst.start, view));
              const end = Math.min(1, viewPosition(burst.end, view));
              return (
                <g key={burst.start} data-burst={isoOf(burst.start)}>
                  <rect x={percent(x)} width={percent(Math.max(end - x, 0.003))} y="0" height={STRIP_HEIGHT} fill={theme.palette.warning.main} fillOpacity={0.16} />
                  <rect x={percent(x)} width={percent(Math.max(end - x, 0.003))} y="0" height="3" fill={theme.palette.warning.main} />
                </g>
              );
            })}
            {gridLines.map((x, index) => (
              <line key={ticks[index]} x1={x} x2={x} y1="0" y2={STRIP_HEIGHT} stroke={theme.palette.divider} />
            ))}
            {Array.from({ length: Math.max(0, lastBin - firstBin + 1) }, (_, i) => {
              const index = firstBin + i;
              const count = counts[index] ?? 0;
              if (count === 0) return null;
              const from = binStart + index * binSeconds;
              const x = viewPosition(from, view);
              const width = viewPosition(from + binSeconds, view) - x;
              const height = (count / maxCount) * (STRIP_HEIGHT - 6);
              const bursting = burstsInView.some((burst) => from >= burst.start && from < burst.end);
              return (
                <rect
                  key={index}
                  x={percent(Math.max(0, x))}
                  width={percent(Math.max(0.001, Math.min(width, 1 - Math.max(0, x))))}
                  y={STRIP_HEIGHT - height}
                  height={height}
                  fill={bursting ? theme.palette.error.main : theme.palette.text.secondary}
                  fillOpacity={bursting ? 0.9 : 0.55}
                />
              );
            })}
            <line x1="0" x2="100%" y1={STRIP_HEIGHT - 0.5} y2={STRIP_HEIGHT - 0.5} stroke={theme.palette.divider} />
          </svg>
          <span />
          <svg ref={axisRef} width="100%" height="18" aria-hidden="true" data-plot="axis" style={{ display: 'block', overflow: 'visible' }}>
            {ticks.map((tick, index) => {
              const x = viewPosition(tick, view);
              return (
                <text key={tick} x={percent(x)} y="13" fontSize="11" fill={theme.palette.text.secondary} textAnchor={x < 0.08 ? 'start' : x > 0.92 ? 'end' : 'middle'}>
                  {labels[index]}
                </text>
              );
            })}
          </svg>
        </Box>
        <BurstsLine model={model} language={language} timeZone={timeZone} />
        <Box
          component="section"
          ref={scrollRef}
          tabIndex={0}
          aria-label={t('lanesLabel')}
          aria-describedby={helpId}
          onKeyDown={onKeyDown}
          sx={{
            height: lanesHeight,
            overflowY: 'auto',
            overflowX: 'hidden',
            position: 'relative',
            borderTop: 1,
            borderBottom: 1,
            borderColor: 'divider',
            '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
            '&:focus-visible [data-current="true"]': { backgroundColor: 'action.selected' },
          }}
        >
          <Box component="ul" sx={{ height: virtualizer.getTotalSize(), position: 'relative', m: 0, p: 0, listStyle: 'none' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const lane = shown.lanes[item.index];
              const full = model.lanes[item.index];
              if (!lane) return null;
              const range = marksInView(lane.marks, view);
              const drawn = marksToDraw(lane.marks, range, view);
              const current = state.lane === item.index ? state.current : null;
              const selected = state.selected?.lane === item.index ? state.selected.mark : null;
              const ring = (mark: TimelineMark | null, strong: boolean) =>
                mark && mark.t >= view.from && mark.t <= view.to ? (
                  <circle cx={percent(viewPosition(mark.t, view))} cy={ROW_HEIGHT / 2} r={strong ? 9 : 8} fill="none" stroke={theme.palette.text.primary} strokeWidth={strong ? 2.5 : 1.5} strokeDasharray={strong ? undefined : '3 2'} />
                ) : null;
              return (
                <Box
                  component="li"
                  key={item.key}
                  aria-setsize={shown.lanes.length}
                  aria-posinset={item.index + 1}
                  data-current={state.lane === item.index}
                  data-lane={lane.account}
                  style={{ ...rowGrid, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  sx={{ borderBottom: 1, borderColor: 'divider' }}
                >
                  <Box sx={{ minWidth: 0, alignSelf: 'center', pl: 0.5 }}>
                    <Box component="span" title={`@${lane.account}`} sx={{ display: 'block', typography: 'caption', lineHeight: 1.3, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      @{lane.account}
                    </Box>
                    <Box component="span" sx={{ display: 'block', typography: 'caption', lineHeight: 1.3, color: 'text.secondary', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {full && full.marks.length < full.posts ? t('laneOmitted', { count: full.posts, shown: full.marks.length }) : t('lanePosts', { count: lane.posts })}
                    </Box>
                  </Box>
                  <svg width="100%" height={ROW_HEIGHT} aria-hidden="true" data-plot="lane" style={{ display: 'block', overflow: 'visible', cursor: 'grab' }}>
                    {gridLines.map((x, index) => (
                      <line key={ticks[index]} x1={x} x2={x} y1="0" y2={ROW_HEIGHT} stroke={theme.palette.divider} />
                    ))}
                    {drawn.map((index) => {
                      const mark = lane.marks[index];
                      if (!mark) return null;
                      const kind = primaryKind(mark.coActions);
                      const several = mark.coActions !== 0 && (mark.coActions & (mark.coActions - 1)) !== 0;
                      return (
                        <use
                          key={index}
                          href={`#${prefix}-${kind}`}
                          x={percent(viewPosition(mark.t, view))}
                          y={ROW_HEIGHT / 2}
                          fill={coActionColour(theme, kind)}
                          stroke={several ? theme.palette.text.primary : 'none'}
                          strokeWidth={several ? 1.5 : 0}
                          data-mark={`${item.index}:${index}`}
                          data-co-actions={coActionKinds(mark.coActions).join(' ')}
                          style={{ cursor: 'pointer' }}
                        />
                      );
                    })}
                    {ring(current, false)}
                    {ring(selected, true)}
                  </svg>
                </Box>
              );
            })}
          </Box>
        </Box>
      </Box>
      <Typography id={helpId} variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {t('keysHelp')}
      </Typography>
    </>
  );
}

/** The bursts in words under the strip (the shading's text alternative). */
function BurstsLine({ model, language, timeZone }: { model: ActivityTimelineModel; language: string; timeZone: string | undefined }) {
  const { t } = useTranslation('activityTimeline');
  if (model.bursts.length === 0) {
    return (
      <Typography variant="caption" color="text.secondary" component="p" sx={{ my: 0.5 }}>
        {t('noBursts')}
      </Typography>
    );
  }
  const items = model.bursts
    .slice(0, SHOWN_BURSTS)
    .map((burst) => t('burstItem', { from: formatInstant(burst.start, language, timeZone), to: formatInstant(burst.end, language, timeZone), count: burst.posts }));
  if (model.bursts.length > SHOWN_BURSTS) items.push(t('moreBursts', { count: model.bursts.length - SHOWN_BURSTS }));
  return (
    <Typography variant="caption" component="p" data-testid="activity-bursts" sx={{ my: 0.5 }}>
      {t('bursts', { count: model.bursts.length, list: items.join('; ') })}
    </Typography>
  );
}

function MarkDetails({ selection, account, headingLevel, language, timeZone, onClose }: {
  selection: Selection;
  account: string;
  headingLevel: 'h3' | 'h4';
  language: string;
  timeZone: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('activityTimeline');
  const headingId = useId();
  const { mark } = selection;
  const kinds = coActionKinds(mark.coActions);
  const rows: [string, ReactNode][] = [
    [t('details.account'), `@${account}`],
    [t('details.time'), <time key="time" dateTime={isoOf(mark.t)}>{formatInstant(mark.t, language, timeZone)}</time>],
    [t('details.kind'), t(`kind.${mark.kind}`)],
    [
      t('details.coActions'),
      kinds.length === 0 ? t('none') : (
        <Box component="span" key="co" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 1 }}>
          {kinds.map((kind) => (
            <Box component="span" key={kind} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              <Swatch kind={kind} />
              {t(`coAction.${kind}`)}
            </Box>
          ))}
        </Box>
      ),
    ],
    [t('details.excerpt'), mark.excerpt ?? (mark.post === null ? t('details.notKept') : t('none'))],
    [t('details.post'), mark.post ?? t('details.notKept')],
  ];
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 1, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2" component={headingLevel} id={headingId}>
          {t('details.heading')}
        </Typography>
        <IconButton size="small" aria-label={t('details.close')} title={t('details.close')} onClick={onClose}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Box>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5, typography: 'body2' }}>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ fontWeight: 600 }}>
              {label}
            </Box>
            <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function TimelineTable({ model, language, timeZone }: { model: ActivityTimelineModel; language: string; timeZone: string | undefined }) {
  const { t } = useTranslation('activityTimeline');
  const rows = useMemo(() => timelineRows(model), [model]);
  const withText = useMemo(() => rows.some((row) => row.mark.excerpt !== null), [rows]);
  const withPost = useMemo(() => rows.some((row) => row.mark.post !== null), [rows]);
  const { page, rowsPerPage, pagerProps } = usePagerState(ROWS_PER_PAGE_OPTIONS);
  const lastPage = Math.max(0, Math.ceil(rows.length / rowsPerPage) - 1);
  const current = Math.min(page, lastPage);
  const pageRows = rows.slice(current * rowsPerPage, (current + 1) * rowsPerPage);
  return (
    <>
      {/* Scrolls sideways on a phone: a region that takes the focus, so the keyboard can scroll it. */}
      <Box component="section" tabIndex={0} aria-label={t('view.table')} sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('heading')}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('column.time')}</TableCell>
              <TableCell component="th" scope="col">{t('column.account')}</TableCell>
              <TableCell component="th" scope="col">{t('column.kind')}</TableCell>
              <TableCell component="th" scope="col">{t('column.coActions')}</TableCell>
              {withText && <TableCell component="th" scope="col">{t('column.excerpt')}</TableCell>}
              {withPost && <TableCell component="th" scope="col">{t('column.post')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {pageRows.map((row, index) => (
              <TableRow key={`${row.lane}:${row.mark.t}:${row.mark.post ?? index}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={isoOf(row.mark.t)}>{formatInstant(row.mark.t, language, timeZone)}</time>
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>@{row.account}</TableCell>
                <TableCell>{t(`kind.${row.mark.kind}`)}</TableCell>
                <TableCell>{coActionKinds(row.mark.coActions).map((kind) => t(`coAction.${kind}`)).join(', ') || t('none')}</TableCell>
                {withText && <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 160 }}>{row.mark.excerpt ?? ''}</TableCell>}
                {withPost && <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.mark.post ?? ''}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {rows.length > ROWS_PER_PAGE_OPTIONS[0] && (
        <TablePager count={rows.length} {...pagerProps} page={current} />
      )}
    </>
  );
}
