// The case as the reviewer reads it: everything the analyst wrote, read-only, in the policy's order.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_QUESTION_IDS, type CaseContent } from '../../api/contract/case';
import { HARM_CATEGORIES } from '../../engine/policy-terms';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Box component="dt" sx={{ fontWeight: 600, mt: 1 }}>
        {label}
      </Box>
      <Box component="dd" sx={{ ml: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} sx={{ mt: 2 }}>
      <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {title}
      </Typography>
      <Box component="dl" sx={{ my: 0 }}>
        {children}
      </Box>
    </Box>
  );
}

const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join(', '));

export function CaseSummary({ content }: { content: CaseContent }) {
  const { t } = useTranslation(['review', 'policy']);
  const text = (value: string) => (value.trim() === '' ? t('summary.notAnswered') : value);
  const { actor } = content;
  return (
    <Paper component="section" aria-labelledby="case-summary-title" sx={{ p: 2 }}>
      <Typography id="case-summary-title" variant="h6" component="h2">
        {t('summary.title')}
      </Typography>
      <Section id="summary-actor" title={t('summary.actor')}>
        <Field label={t('summary.kind')}>{t(`policy:actorKind.${actor.kind}`)}</Field>
        <Field label={t('summary.purpose')}>{text(actor.purpose)}</Field>
        <Field label={t('summary.aliases')}>{list(actor.aliases)}</Field>
        <Field label={t('summary.geographies')}>{list(actor.geographies)}</Field>
        <Field label={t('summary.languages')}>{list(actor.languages)}</Field>
        <Field label={t('summary.hashtags')}>{list([...actor.hashtags, ...actor.keywords, ...actor.trendTerms])}</Field>
        <Field label={t('summary.activism')}>{actor.activismContext ? t('summary.yes') : t('summary.no')}</Field>
      </Section>
      <Section id="summary-questions" title={t('summary.questions')}>
        {ASSESSMENT_QUESTION_IDS.map((id) => (
          <Field key={id} label={t(`policy:question.${id}`)}>
            {text(content.questions[id])}
          </Field>
        ))}
        <Field label={t('summary.rights')}>{text(content.rightsRiskAssessment)}</Field>
      </Section>
      <Section id="summary-harm" title={t('summary.harm')}>
        {HARM_CATEGORIES.map((category) => {
          const harm = content.harm[category];
          return (
            <Field key={category} label={t(`policy:harmCategory.${category}`)}>
              {t('summary.severity')}: {harm.severity ? t(`policy:severity.${harm.severity}`) : t('policy:severity.unrated')}
              {' · '}
              {t('summary.evidenceCount', { count: harm.evidence.length })}
              {harm.policyAreas.length > 0 && ` · ${harm.policyAreas.map((area) => t(`policy:policyArea.${area}`)).join(', ')}`}
              {harm.justification.trim() !== '' && (
                <Box component="span" sx={{ display: 'block' }}>
                  {t('summary.justification')}: {harm.justification}
                </Box>
              )}
            </Field>
          );
        })}
      </Section>
      <Section id="summary-signals" title={t('summary.signals')}>
        {content.signals.length === 0 && <Field label="—">{t('summary.noSignals')}</Field>}
        {content.signals.map((signal) => (
          <Field key={signal.id} label={`${t(`policy:signalKindShort.${signal.kind}`)} · ${t(`policy:technique.${signal.technique}`)}`}>
            {t(`policy:evidenceState.${signal.evidenceState}`)} · {t(`policy:strength.${signal.strength}`)} ·{' '}
            {t('summary.accountCount', { count: signal.accounts.length })}
            {signal.description && (
              <Box component="span" sx={{ display: 'block' }}>
                {signal.description}
              </Box>
            )}
          </Field>
        ))}
      </Section>
      <Section id="summary-settings" title={t('summary.settings')}>
        <Field label={t('summary.visibilityLimitDays')}>{content.settings.visibilityLimitDays}</Field>
        <Field label={t('summary.reviewIntervalDays')}>{content.settings.reviewIntervalDays}</Field>
      </Section>
    </Paper>
  );
}
