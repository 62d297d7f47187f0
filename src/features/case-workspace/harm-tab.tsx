// Harm tab (R5-R7), made to fit on a screen (issue 15 §4): the severity matrix with R7's threshold and
// the live verdict beside it, then one sub-tab per category. Every category's form stays mounted (the
// hidden ones too), so values, errors and the fields `focusField` looks for are always there; a jump
// to a field opens its category first (showSectionOf in the workspace context).
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab, { type TabProps } from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { get, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { VerdictChip } from '../../components/case-chips';
import { createLiveVerdictStore, type LiveVerdictState, type LiveVerdictStore } from '../../components/verdict/live-verdict';
import { HARM_CATEGORIES, type HarmCategory, type Severity } from '../../engine/policy-terms';
import { HarmCategoryForm } from './harm-category-form';
import { SEVERITY_COLOR, SeverityMatrix } from './severity-matrix';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

/** Ids of their own: the case editor's top-level tabs are `case-tab-*` and `case-tabpanel`. */
export const harmTabId = (category: HarmCategory) => `harm-category-tab-${category}`;
export const harmPanelId = (category: HarmCategory) => `harm-category-panel-${category}`;

/** Where no panel publishes a verdict (a page without the live panel): a store that never has one. */
const NO_VERDICT: LiveVerdictStore = createLiveVerdictStore();

export function HarmTab() {
  const { t } = useTranslation(['workspace', 'policy']);
  const { sections } = useWorkspace();
  const current = useStore(sections, (s) => s.harmCategory);
  return (
    <Stack spacing={2}>
      <Paper component="section" aria-labelledby="harm-overview" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="harm-overview">
          {t('harm.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('policy:rule.R7')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <Box sx={{ flex: '3 1 420px', minWidth: 0 }}>
            <SeverityMatrix />
          </Box>
          <LiveVerdictBeside />
        </Box>
      </Paper>
      <Box>
        <Tabs
          value={current}
          onChange={(_event, value: HarmCategory) => sections.setState({ harmCategory: value })}
          aria-label={t('harm.categoryTabs')}
          variant="scrollable"
          allowScrollButtonsMobile
          sx={{ borderBottom: 1, borderColor: 'divider' }}
        >
          {HARM_CATEGORIES.map((category) => (
            <CategoryTab key={category} category={category} value={category} />
          ))}
        </Tabs>
        {HARM_CATEGORIES.map((category) => (
          <Box
            key={category}
            role="tabpanel"
            id={harmPanelId(category)}
            aria-labelledby={harmTabId(category)}
            hidden={category !== current}
            sx={{ pt: 2 }}
          >
            <HarmCategoryForm category={category} />
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

/**
 * A category's sub-tab: its name and its severity (a chip in the severity's colour). A category with a
 * field error is marked in the error colour with an icon, and one with a missing input (from the live
 * panel's verdict: R5, R6, R6a) with a warning icon; both are said in the tab's name too.
 * MUI's Tabs passes each tab its props (value, selected, onChange…): all go on to the Tab.
 */
function CategoryTab({ category, ...tabProps }: TabProps & { category: HarmCategory }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const { liveVerdict } = useWorkspace();
  const severity = useWatch<CaseFormValues, `harm.${HarmCategory}.severity`>({ name: `harm.${category}.severity` });
  const { errors } = useFormState<CaseFormValues>({ name: `harm.${category}` });
  const hasErrors = get(errors, `harm.${category}`) !== undefined;
  const missing = useStore(liveVerdict ?? NO_VERDICT, (s) => s.verdict?.missing.some((input) => input.field.startsWith(`harm.${category}.`)) ?? false);
  const severityText = severity ? t(`policy:severity.${severity}`) : t('policy:severity.unrated');
  const name = [
    t('harm.categoryTab', { category: t(`policy:harmCategory.${category}`), severity: severityText }),
    hasErrors ? t('harm.tabHasErrors') : '',
    missing ? t('harm.tabHasMissing') : '',
  ].filter(Boolean).join(' ');
  return (
    <Tab
      {...tabProps}
      id={harmTabId(category)}
      aria-controls={harmPanelId(category)}
      aria-label={name}
      data-errors={hasErrors || undefined}
      data-missing={missing || undefined}
      sx={{ textTransform: 'none', minHeight: 48, ...(hasErrors && { '&, &.Mui-selected': { color: 'error.main' } }) }}
      label={
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
          {hasErrors && <ErrorIcon fontSize="small" color="error" aria-hidden />}
          {!hasErrors && missing && <WarningAmberIcon fontSize="small" color="warning" aria-hidden />}
          {t(`policy:harmCategory.${category}`)}
          <SeverityChip severity={severity} label={severityText} />
        </Box>
      }
    />
  );
}

function SeverityChip({ severity, label }: { severity: Severity | null; label: string }) {
  return <Chip size="small" label={label} color={severity ? SEVERITY_COLOR[severity] : 'default'} variant={severity ? 'filled' : 'outlined'} sx={{ cursor: 'inherit' }} />;
}

interface VerdictGlance {
  outcome: NonNullable<LiveVerdictState['verdict']>['outcome'] | null;
  coordination: boolean;
  threshold: boolean;
  activismCaution: boolean;
  activismBlocks: boolean;
  missing: number;
}

const glance = (s: LiveVerdictState): VerdictGlance => ({
  outcome: s.verdict?.outcome ?? null,
  coordination: s.verdict?.coordination.established ?? false,
  threshold: s.verdict?.threshold.met ?? false,
  activismCaution: s.verdict?.safeguards.activismCaution ?? false,
  activismBlocks: s.verdict?.safeguards.activismBlocks ?? false,
  missing: s.verdict?.missing.length ?? 0,
});

/**
 * The live panel's verdict beside the matrix (R13), as the panel published it (never evaluated again
 * here), with the designation's conditions (R2, R7, R9) met or not: the analyst sees it while rating.
 */
function LiveVerdictBeside() {
  const { t } = useTranslation(['workspace', 'policy']);
  const { liveVerdict } = useWorkspace();
  const verdict = useStore(liveVerdict ?? NO_VERDICT, useShallow(glance));
  if (!liveVerdict) return null;
  return (
    <Box
      component="section"
      aria-labelledby="harm-live-verdict"
      data-testid="harm-live-verdict"
      data-outcome={verdict.outcome ?? undefined}
      sx={{ flex: '1 1 220px', minWidth: 0, border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
    >
      <Typography variant="subtitle1" component="h3" id="harm-live-verdict" sx={{ fontWeight: 700 }}>
        {t('harm.verdictHeading')}
      </Typography>
      {verdict.outcome === null ? (
        <Typography variant="body2" color="text.secondary">{t('harm.verdictPending')}</Typography>
      ) : (
        <Stack spacing={0.75} sx={{ mt: 0.5 }}>
          <Box>
            <VerdictChip outcome={verdict.outcome} />
          </Box>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
            <Condition met={verdict.coordination} text={t(verdict.coordination ? 'harm.verdictCoordinationMet' : 'harm.verdictCoordinationNotMet')} />
            <Condition met={verdict.threshold} text={t(verdict.threshold ? 'harm.verdictThresholdMet' : 'harm.verdictThresholdNotMet')} />
            {verdict.activismCaution && (
              <Condition met={!verdict.activismBlocks} text={t(verdict.activismBlocks ? 'harm.verdictActivismBlocks' : 'harm.verdictActivismClear')} />
            )}
            {verdict.missing > 0 && <Condition met={false} text={t('harm.verdictMissing', { missing: verdict.missing })} />}
          </Box>
          <Typography variant="caption" color="text.secondary">{t('harm.verdictSource')}</Typography>
        </Stack>
      )}
    </Box>
  );
}

function Condition({ met, text }: { met: boolean; text: string }) {
  const Icon = met ? CheckCircleIcon : CancelIcon;
  return (
    <Box component="li" sx={{ display: 'flex', gap: 0.75, alignItems: 'flex-start' }}>
      <Icon fontSize="small" color={met ? 'success' : 'error'} aria-hidden sx={{ mt: 0.125 }} />
      <Typography variant="body2">{text}</Typography>
    </Box>
  );
}
