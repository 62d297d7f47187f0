// The engine's verdict, with every reason and the rule it rests on: shared by the live designation
// panel and the reviewer's view. It renders what `evaluate` returned and derives nothing itself.
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerdictOutcome } from '../../engine/policy-terms';
import type { Verdict } from '../../engine/verdict';
import { HarmSummary } from './harm-summary';
import { RuleChip } from './rule-chip';
import { useReasonText } from './use-reason-text';
import { useVerdictAnnouncement } from './use-verdict-announcement';
import { visuallyHidden } from '../visually-hidden';

const OUTCOME_SEVERITY = { recommended: 'error', 'not-recommended': 'success', incomplete: 'warning' } as const satisfies Record<
  VerdictOutcome,
  'error' | 'success' | 'warning'
>;

export interface VerdictViewProps {
  verdict: Verdict;
  /** Heading of the panel; the live panel's by default. */
  title?: string;
  /** When given, missing inputs are links that jump to their field. */
  onFocusField?: ((path: string) => void) | undefined;
  /** Announce changes of verdict in a live region (only where the verdict changes as the user types). */
  live?: boolean;
}

export const VerdictView = memo(function VerdictView({ verdict, title, onFocusField, live = false }: VerdictViewProps) {
  const { t } = useTranslation(['engine', 'policy']);
  const reasonText = useReasonText();
  const announced = useVerdictAnnouncement(verdict.outcome);
  const unmet = verdict.reasons.filter((reason) => !reason.met);
  const met = verdict.reasons.filter((reason) => reason.met);

  return (
    <Paper
      component="aside"
      aria-labelledby="designation-panel-title"
      variant="outlined"
      data-testid="designation-panel"
      data-outcome={verdict.outcome}
      sx={{ p: 2 }}
    >
      <Typography id="designation-panel-title" variant="h6" component="h2" gutterBottom>
        {title ?? t('engine:panel.title')}
      </Typography>
      {live && (
        <Box component="output" aria-live="polite" sx={visuallyHidden}>
          {announced ? t('engine:panel.announce', { verdict: t(`policy:verdict.${announced}`) }) : ''}
        </Box>
      )}

      <Alert severity={OUTCOME_SEVERITY[verdict.outcome]} icon={false} sx={{ mb: 2 }} data-testid="verdict-outcome">
        <AlertTitle sx={{ mb: 0.5 }}>{t(`policy:verdict.${verdict.outcome}`)}</AlertTitle>
        <Stack
          component="ul"
          direction="row"
          sx={{ flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}
          aria-label={t('engine:panel.rulesApplied')}
        >
          {verdict.ruleIds.map((rule) => (
            <li key={rule}>
              <RuleChip rule={rule} />
            </li>
          ))}
        </Stack>
      </Alert>

      {verdict.platformManipulationTrack && (
        <Alert severity="error" variant="outlined" sx={{ mb: 2 }} data-testid="platform-manipulation-track">
          <AlertTitle>
            {t('engine:panel.trackTitle')} <RuleChip rule="R3" color="error" />
          </AlertTitle>
          {t('engine:panel.trackBody', {
            signals: verdict.platformManipulationTrack.signalIds.length,
            accounts: verdict.platformManipulationTrack.accounts.length,
          })}
        </Alert>
      )}

      {verdict.safeguards.activismCaution && (
        <Alert severity={verdict.safeguards.activismBlocks ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="activism-caution">
          <AlertTitle>
            {t('engine:panel.activismTitle')} <RuleChip rule="R9" />
          </AlertTitle>
          {verdict.safeguards.activismBlocks ? t('engine:panel.activismBlocks') : t('engine:panel.activismCaution')}
        </Alert>
      )}

      <Section title={t('engine:panel.threshold')}>
        <Typography variant="body2" data-testid="threshold">
          {verdict.threshold.met
            ? t(verdict.threshold.clause === 'one-high' ? 'engine:panel.thresholdOneHigh' : 'engine:panel.thresholdTwoModerate')
            : verdict.threshold.margin
              ? t('engine:panel.thresholdMargin', { count: verdict.threshold.margin.moderateCategoriesNeeded })
              : t('engine:panel.thresholdNotMet')}{' '}
          <RuleChip rule="R7" color={verdict.threshold.met ? 'success' : 'default'} />
        </Typography>
      </Section>

      <Section title={t('engine:panel.harm')}>
        <HarmSummary harm={verdict.harm} />
      </Section>

      <Section title={t('engine:panel.priority')}>
        <Typography variant="body2">
          {t(`policy:priorityBand.${verdict.priorityBand}`)} · {t('engine:panel.priorityValue', { value: verdict.priority })}{' '}
          <RuleChip rule="R11" />
        </Typography>
      </Section>

      {verdict.missing.length > 0 && (
        <Section title={t('engine:panel.missing', { count: verdict.missing.length })}>
          <List dense disablePadding data-testid="missing-inputs">
            {verdict.missing.map((item) => (
              <ListItem key={`${item.key}:${item.field}`} disableGutters sx={{ gap: 1, alignItems: 'flex-start' }}>
                <RuleChip rule={item.rule} color="warning" />
                {onFocusField ? (
                  <Link component="button" type="button" variant="body2" sx={{ textAlign: 'left' }} onClick={() => onFocusField(item.field)}>
                    {reasonText(item.key, item.params)}
                  </Link>
                ) : (
                  <Typography variant="body2">{reasonText(item.key, item.params)}</Typography>
                )}
              </ListItem>
            ))}
          </List>
        </Section>
      )}

      {unmet.length > 0 && (
        <Section title={t('engine:panel.unmet', { count: unmet.length })}>
          <ReasonList reasons={unmet} reasonText={reasonText} />
        </Section>
      )}
      <Section title={t('engine:panel.met', { count: met.length })}>
        <ReasonList reasons={met} reasonText={reasonText} />
      </Section>

      <Section title={t('engine:panel.actions')}>
        {verdict.availableActions.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('engine:panel.noActions')} <RuleChip rule="R14" />
          </Typography>
        ) : (
          <List dense disablePadding>
            {verdict.availableActions.map((action) => (
              <ListItem key={action} disableGutters>
                <Typography variant="body2">{t(`policy:actionShort.${action}`)}</Typography>
              </ListItem>
            ))}
          </List>
        )}
      </Section>
    </Paper>
  );
});

function ReasonList({ reasons, reasonText }: { reasons: Verdict['reasons']; reasonText: ReturnType<typeof useReasonText> }) {
  return (
    <List dense disablePadding>
      {reasons.map((reason, index) => (
        <ListItem key={`${reason.key}:${reason.field ?? ''}:${index}`} disableGutters sx={{ gap: 1, alignItems: 'flex-start' }}>
          {reason.met ? (
            <CheckCircleIcon fontSize="small" color="success" aria-hidden sx={{ mt: 0.25 }} />
          ) : (
            <CancelIcon fontSize="small" color="error" aria-hidden sx={{ mt: 0.25 }} />
          )}
          <RuleChip rule={reason.rule} />
          <Typography variant="body2">{reasonText(reason.key, reason.params)}</Typography>
        </ListItem>
      ))}
    </List>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 1.5 }}>
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

