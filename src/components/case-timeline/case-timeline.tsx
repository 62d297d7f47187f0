// Issue 16 §2: the case timeline — signal windows, harm evidence dates, decisions, enforcement with its
// expiry and re-applications, and periodic reviews on one axis, as a chart or as a table of the same
// entries (the chart's text alternative, and what a keyboard or screen-reader user reads).
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme, type Theme } from '@mui/material/styles';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserName } from '../../api/client/user-queries';
import { DateTime, formatDateTime } from '../date-time';
import { TablePager } from '../table-pager';
import { usePagerState } from '../use-pager-state';
import { axisPosition, axisTicks, buildCaseTimeline, laneMarks, TIMELINE_LANES, type TimelineItem, type TimelineLane, type TimelineSource } from './case-timeline-model';

type View = 'chart' | 'table';
const ROWS_PER_PAGE_OPTIONS = [25, 100] as const;
/** A lane's row: a bar is 10 px high with 4 px between rows. */
const ROW_HEIGHT = 14;
const LANE_PADDING = 7;

export function CaseTimeline({ source, now, headingLevel = 'h2' }: { source: TimelineSource; now: string; headingLevel?: 'h2' | 'h3' }) {
  const { t, i18n } = useTranslation('caseTimeline');
  const headingId = useId();
  const [view, setView] = useState<View>('chart');
  const timeline = useMemo(() => buildCaseTimeline(source, now), [source, now]);
  const describe = useDescribeItem();
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1 }}>
        <Typography variant="h6" component={headingLevel} id={headingId}>
          {t('heading')}
        </Typography>
        {timeline.domain && (
          <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, next: View | null) => next && setView(next)} aria-label={t('view.label')}>
            <ToggleButton value="chart">{t('view.chart')}</ToggleButton>
            <ToggleButton value="table">{t('view.table')}</ToggleButton>
          </ToggleButtonGroup>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {timeline.domain ? t('intro') : t('empty')}
      </Typography>
      {timeline.domain &&
        (view === 'chart' ? (
          <TimelineChart
            items={timeline.items}
            domain={timeline.domain}
            now={now}
            describe={describe}
            label={t('chartLabel', {
              count: timeline.items.length,
              from: formatDateTime(timeline.domain.start, i18n.language, true),
              to: formatDateTime(timeline.domain.end, i18n.language, true),
            })}
          />
        ) : (
          <TimelineTable items={timeline.items} describe={describe} />
        ))}
    </Paper>
  );
}

/** One entry in words, in the reader's language: the table's "What" and the chart mark's hover text. */
function useDescribeItem(): (item: TimelineItem) => string {
  const { t } = useTranslation(['caseTimeline', 'policy']);
  const userName = useUserName();
  return useCallback(
    (item: TimelineItem) => {
      switch (item.what) {
        case 'signal':
          return t('what.signal', { technique: t(`policy:technique.${item.technique}`), count: item.accounts });
        case 'harm-evidence':
          return t('what.harmEvidence', { category: t(`policy:harmCategory.${item.category}`), description: excerpt(item.description) });
        case 'submitted':
          return t('what.submitted', { name: userName(item.by) });
        case 'decision':
          return t(`what.decision.${item.decision}`, { name: userName(item.by) });
        case 'designated':
          return t('what.designated', { name: userName(item.by) });
        case 'withdrawn':
          return item.by === null ? t('what.withdrawnUnknown') : t('what.withdrawn', { name: userName(item.by) });
        case 'actions': {
          const base = t('what.actions', { type: t(`policy:actionShort.${item.type}`), count: item.count });
          return item.reapplied ? `${base}, ${t('what.reapplied')}` : base;
        }
        case 'periodic-review-done':
          return t('what.reviewDone');
        case 'periodic-review-due':
          return item.overdue ? t('what.reviewOverdue') : t('what.reviewDue');
      }
    },
    [t, userName],
  );
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function laneColour(theme: Theme, item: TimelineItem): string {
  switch (item.lane) {
    case 'signals':
      return theme.palette.info.main;
    case 'harm':
      return theme.palette.error.main;
    case 'decisions':
      return theme.palette.primary.main;
    case 'enforcement':
      return theme.palette.warning.main;
    case 'reviews':
      return item.what === 'periodic-review-due' && item.overdue ? theme.palette.error.main : theme.palette.success.main;
  }
}

const percent = (value: number) => `${(value * 100).toFixed(3)}%`;

/** The axis labels: day and month, with the year on the first label and where the year changes. */
function tickTexts(ticks: readonly string[], language: string): string[] {
  const dayMonth = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const withYear = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return ticks.map((tick, index) => {
    const year = tick.slice(0, 4);
    const previous = index > 0 ? ticks[index - 1]?.slice(0, 4) : null;
    return (year === previous ? dayMonth : withYear).format(new Date(tick));
  });
}

/**
 * The chart: a lane per track, marks placed by percentage so the SVG follows the width of its column
 * without measuring it. To assistive technology it is a figure whose label says what the table holds,
 * with the lanes' names; the drawing itself is hidden from it. Each mark's words show on hover.
 */
function TimelineChart({ items, domain, now, describe, label }: {
  items: readonly TimelineItem[];
  domain: { start: string; end: string };
  now: string;
  describe: (item: TimelineItem) => string;
  label: string;
}) {
  const { t, i18n } = useTranslation('caseTimeline');
  const theme = useTheme();
  const nowAt = axisPosition(now, domain);
  // Fewer labels on a phone, where five dates do not fit side by side.
  const narrow = useMediaQuery(theme.breakpoints.down('sm'));
  const ticks = axisTicks(domain, narrow ? 3 : 5);
  const tickLabels = tickTexts(ticks, i18n.language);
  const lanes = TIMELINE_LANES.map((lane) => ({ lane, ...laneMarks(items, lane) })).filter(({ marks }) => marks.length > 0);
  return (
    <Box component="figure" aria-label={label} sx={{ m: 0,  display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: '12rem minmax(0, 1fr)' }, columnGap: 2, rowGap: 0.5 }}>
      {lanes.map(({ lane, marks, rows, hidden }) => {
        const height = rows * ROW_HEIGHT + 2 * LANE_PADDING;
        return (
          <LaneRow key={lane} lane={lane} hidden={hidden}>
            <svg width="100%" height={height} aria-hidden="true" style={{ display: 'block', overflow: 'visible' }}>
              <line x1="0" x2="100%" y1={height - 1} y2={height - 1} stroke={theme.palette.divider} />
              <line x1={percent(nowAt)} x2={percent(nowAt)} y1="0" y2={height} stroke={theme.palette.text.secondary} strokeDasharray="2 2" />
              {marks.map(({ item, row }) => (
                <Mark
                  key={item.key}
                  item={item}
                  domain={domain}
                  middle={LANE_PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2}
                  colour={laneColour(theme, item)}
                  title={`${describe(item)} · ${formatDateTime(item.start, i18n.language)}${item.end ? ` – ${formatDateTime(item.end, i18n.language)}` : ''}`}
                />
              ))}
            </svg>
          </LaneRow>
        );
      })}
      <Box sx={{ display: { xs: 'none', sm: 'block' } }} />
      <svg width="100%" height="20" aria-hidden="true" style={{ display: 'block', overflow: 'visible' }}>
        {ticks.map((tick, index) => {
          const at = axisPosition(tick, domain);
          return (
            <text key={tick} x={percent(at)} y="14" fontSize="11" fill={theme.palette.text.secondary} textAnchor={at < 0.06 ? 'start' : at > 0.94 ? 'end' : 'middle'}>
              {tickLabels[index]}
            </text>
          );
        })}
        <text x={percent(nowAt)} y="-2" fontSize="11" fontWeight="700" fill={theme.palette.text.primary} textAnchor={nowAt > 0.94 ? 'end' : nowAt < 0.06 ? 'start' : 'middle'}>
          {t('now')}
        </text>
      </svg>
    </Box>
  );
}

function LaneRow({ lane, hidden, children }: { lane: TimelineLane; hidden: number; children: React.ReactNode }) {
  const { t } = useTranslation('caseTimeline');
  return (
    <>
      <Typography variant="caption" sx={{ alignSelf: 'center', lineHeight: 1.2 }}>
        {t(`lane.${lane}`)}
        {hidden > 0 && (
          <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
            {t('moreInTable', { count: hidden })}
          </Box>
        )}
      </Typography>
      {children}
    </>
  );
}

function Mark({ item, domain, middle, colour, title }: { item: TimelineItem; domain: { start: string; end: string }; middle: number; colour: string; title: string }) {
  const start = axisPosition(item.start, domain);
  if (item.end === null) {
    return (
      <circle cx={percent(start)} cy={middle} r="5" fill={colour} data-testid={`timeline-mark-${item.key}`}>
        <title>{title}</title>
      </circle>
    );
  }
  const end = axisPosition(item.end, domain);
  const dashed = item.what === 'actions' && item.reapplied;
  return (
    <rect
      x={percent(start)}
      width={percent(Math.max(end - start, 0.004))}
      y={middle - 5}
      height="10"
      rx="3"
      fill={colour}
      fillOpacity={item.what === 'actions' && item.until === 'running' ? 0.55 : 0.85}
      stroke={dashed ? colour : 'none'}
      strokeDasharray={dashed ? '3 2' : undefined}
      data-testid={`timeline-mark-${item.key}`}
    >
      <title>{title}</title>
    </rect>
  );
}

function TimelineTable({ items, describe }: { items: readonly TimelineItem[]; describe: (item: TimelineItem) => string }) {
  const { t } = useTranslation('caseTimeline');
  const { page, rowsPerPage, pagerProps } = usePagerState(ROWS_PER_PAGE_OPTIONS);
  const shown = items.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  return (
    <>
      {/* Scrolls sideways on a phone: a region that takes the focus, so the keyboard can scroll it. */}
      <Box component="section" tabIndex={0} aria-label={t('view.table')} sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('heading')}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('column.when')}</TableCell>
              <TableCell component="th" scope="col">{t('column.until')}</TableCell>
              <TableCell component="th" scope="col">{t('column.lane')}</TableCell>
              <TableCell component="th" scope="col">{t('column.what')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((item) => (
              <TableRow key={item.key}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <DateTime value={item.start} dateOnly={item.lane === 'harm'} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {item.end && (
                    <>
                      {item.what === 'actions' && `${t(`what.until.${item.until}`)} `}
                      <DateTime value={item.end} />
                    </>
                  )}
                </TableCell>
                <TableCell>{t(`lane.${item.lane}`)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{describe(item)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {items.length > ROWS_PER_PAGE_OPTIONS[0] && (
        <TablePager count={items.length} {...pagerProps} />
      )}
    </>
  );
}
