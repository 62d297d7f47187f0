// The whole harm assessment at a glance (R5-R7, issue 15 §4): one row per category, one column per
// severity; the analyst's choice filled in its severity's colour, the rubric's suggestion outlined, and
// R7's threshold drawn over the moderate and high columns ("one high or two moderate") with what it
// says now. The threshold is the engine's (R7_thresholdBreakdown over the ratings R9 counts): this
// component only draws it.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { thresholdBreakdown, type ThresholdBreakdown } from '../../engine/designation-rules';
import { HARM_CATEGORIES, SEVERITIES, type HarmCategory, type Severity } from '../../engine/policy-terms';
import { suggestSeverity } from '../../engine/severity-rubric';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

/**
 * Each severity's palette colour (the matrix's filled cell, the sub-tab's chip). The themes' `main`
 * colours and their contrast text pass WCAG AA in light and dark mode (severity-matrix.test.tsx).
 */
export const SEVERITY_COLOR = {
  none: 'success',
  low: 'info',
  moderate: 'warning',
  high: 'error',
} as const satisfies Record<Severity, 'success' | 'info' | 'warning' | 'error'>;

/** The columns R7 counts in (moderate and high): shaded, with the threshold's line on their left. */
const THRESHOLD_COLUMNS: readonly Severity[] = ['moderate', 'high'];
const thresholdStart = (level: Severity): boolean => level === THRESHOLD_COLUMNS[0];
/** The category column and the severities below the threshold's columns. */
const BEFORE_THRESHOLD = 1 + SEVERITIES.length - THRESHOLD_COLUMNS.length;
const thresholdLine = { borderLeft: '3px solid', borderLeftColor: 'text.primary' } as const;
const thresholdShade = { bgcolor: 'action.hover' } as const;

function thresholdCellSx(level: Severity): SxProps<Theme> {
  if (!THRESHOLD_COLUMNS.includes(level)) return {};
  return thresholdStart(level) ? { ...thresholdShade, ...thresholdLine } : thresholdShade;
}

interface MatrixRowValue {
  category: HarmCategory;
  severity: Severity | null;
  suggested: Severity | null;
  credibleEvidenceItems: number;
}

export function SeverityMatrix() {
  const { t } = useTranslation(['workspace', 'policy']);
  const { focusField } = useWorkspace();
  // The ratings, suggestions and credible-item counts only: typing in a harm form's text re-renders nothing here.
  const rows = useWatch<CaseFormValues, 'harm', CaseFormValues, MatrixRowValue[]>({
    name: 'harm',
    compute: (harm) => HARM_CATEGORIES.map((category) => ({
      category,
      severity: harm[category].severity,
      suggested: suggestSeverity(harm[category].rubric),
      credibleEvidenceItems: harm[category].evidence.filter((item) => item.credibleSource).length,
    })),
  });
  const activismContext = useWatch<CaseFormValues, 'actor.activismContext'>({ name: 'actor.activismContext' });
  // R7 (with R9's count) is the engine's: the same answer the verdict gives for these ratings.
  const threshold = useMemo(() => {
    const severities = {} as Record<HarmCategory, Severity | null>;
    const credible = {} as Record<HarmCategory, number>;
    for (const row of rows) {
      severities[row.category] = row.severity;
      credible[row.category] = row.credibleEvidenceItems;
    }
    return thresholdBreakdown(severities, credible, activismContext);
  }, [rows, activismContext]);

  return (
    <Stack spacing={1} sx={{ minWidth: 0 }}>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-describedby="severity-matrix-legend" data-testid="severity-matrix">
          <caption id="severity-matrix-legend">{t('harm.matrixCaption')}</caption>
          <colgroup span={BEFORE_THRESHOLD} />
          <colgroup span={THRESHOLD_COLUMNS.length} />
          <TableHead>
            <TableRow>
              <TableCell component="td" colSpan={BEFORE_THRESHOLD} sx={{ borderBottom: 'none' }} />
              <TableCell
                component="th"
                scope="colgroup"
                colSpan={THRESHOLD_COLUMNS.length}
                align="center"
                data-testid="threshold-band"
                sx={{ ...thresholdShade, ...thresholdLine, fontWeight: 700, whiteSpace: 'nowrap' }}
              >
                {t('harm.thresholdBand')}
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th" scope="col">{t('harm.matrixCategory')}</TableCell>
              {SEVERITIES.map((severity) => (
                <TableCell key={severity} component="th" scope="col" align="center" sx={thresholdCellSx(severity)}>
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                    <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: `${SEVERITY_COLOR[severity]}.main` }} />
                    {t(`policy:severity.${severity}`)}
                  </Box>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ category, severity, suggested }) => (
              <MatrixRow
                key={category}
                category={category}
                severity={severity}
                suggested={suggested}
                counts={threshold.moderateOrHigher.includes(category)}
                notCounted={threshold.notCounted.includes(category)}
                onOpen={() => focusField(`harm.${category}.severity`)}
              />
            ))}
          </TableBody>
        </Table>
      </Box>
      <ThresholdSummary threshold={threshold} />
    </Stack>
  );
}

function MatrixRow({ category, severity, suggested, counts, notCounted, onOpen }: {
  category: HarmCategory;
  severity: Severity | null;
  suggested: Severity | null;
  /** R7 counts this category's rating toward the threshold (moderate or higher, and R9 counts it). */
  counts: boolean;
  /** R9 leaves this rated category out of R7's count. */
  notCounted: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation(['workspace', 'policy']);
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <Link
          href={`#${fieldId(`harm.${category}.severity`)}`}
          onClick={(event) => {
            event.preventDefault();
            onOpen();
          }}
        >
          {t(`policy:harmCategory.${category}`)}
        </Link>
        {notCounted && (
          <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }} data-testid={`matrix-not-counted-${category}`}>
            {t('harm.matrixNotCounted')}
          </Typography>
        )}
      </TableCell>
      {SEVERITIES.map((level) => {
        const chosen = severity === level;
        const isSuggested = suggested === level;
        const label = [chosen ? t('harm.matrixChosen') : '', isSuggested ? t('harm.matrixSuggested') : ''].filter(Boolean).join(', ');
        const color = SEVERITY_COLOR[level];
        return (
          <TableCell key={level} align="center" data-testid={`matrix-${category}-${level}`} sx={thresholdCellSx(level)}>
            <Box
              component="span"
              sx={{
                display: 'inline-flex', alignItems: 'center', gap: 0.5, minWidth: 72, justifyContent: 'center', borderRadius: 1, px: 1, py: 0.25,
                fontWeight: chosen ? 700 : 400,
                bgcolor: chosen ? `${color}.main` : 'transparent',
                color: chosen ? `${color}.contrastText` : 'text.secondary',
                outline: isSuggested ? '2px dashed' : 'none',
                outlineColor: 'secondary.main',
                outlineOffset: chosen ? 2 : 0,
              }}
            >
              {label || <span aria-hidden>·</span>}
              {chosen && counts && (
                <CheckCircleIcon fontSize="inherit" titleAccess={t('harm.matrixCounts')} data-testid={`matrix-counts-${category}`} />
              )}
            </Box>
          </TableCell>
        );
      })}
    </TableRow>
  );
}

/** What R7 says of the ratings now, in words: met by which categories, or what is still needed. */
function ThresholdSummary({ threshold }: { threshold: ThresholdBreakdown }) {
  const { t, i18n } = useTranslation(['workspace', 'policy']);
  const list = (categories: readonly HarmCategory[]) =>
    categories.length === 0
      ? t('harm.noCategories')
      : new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(categories.map((category) => t(`policy:harmCategory.${category}`)));
  let text: string;
  if (threshold.clause === 'one-high') text = t('harm.thresholdMetHigh', { categories: list(threshold.high) });
  else if (threshold.clause === 'two-moderate') text = t('harm.thresholdMetModerate', { categories: list(threshold.moderateOrHigher) });
  else {
    text = t('harm.thresholdNotMet', {
      categories: list(threshold.moderateOrHigher),
      needed: threshold.margin?.moderateCategoriesNeeded ?? 2,
    });
  }
  const Icon = threshold.met ? CheckCircleIcon : RadioButtonUncheckedIcon;
  return (
    <Box data-testid="threshold-summary" data-met={threshold.met} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <Icon fontSize="small" color={threshold.met ? 'success' : 'action'} aria-hidden sx={{ mt: 0.25 }} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>{text}</Typography>
        {threshold.notCounted.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('harm.thresholdNotCounted', { categories: list(threshold.notCounted) })}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
