// The case as the reviewer reads it: everything the analyst wrote, read-only, in the policy's order.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_QUESTION_IDS, type AccountAssociation, type CaseContent, type CoordinationSignal, type HarmEvidenceItem } from '../../api/contract/case';
import { activitySummary } from '../../components/activity-timeline/activity-summary';
import { formatDateTime } from '../../components/date-time';
import { HARM_CATEGORIES } from '../../engine/policy-terms';

/** Issue 16 §1: the timeline's code loads when a reviewer opens one, not with the review page. */
const SignalActivityTimeline = lazy(() => import('../../components/activity-timeline/signal-activity').then((m) => ({ default: m.SignalActivityTimeline })));

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

/** How many accounts a signal line names before "and N more" (a signal may name thousands). */
const SHOWN = 12;
const shortList = (values: readonly string[], more: string) =>
  values.length <= SHOWN ? values.join(', ') : `${values.slice(0, SHOWN).join(', ')} ${more}`;

/** A link the contract already checked to be http(s) (SafeLink), opened apart from the workbench. */
function ExternalLink({ href }: { href: string }) {
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
      {href}
    </Link>
  );
}

/** One harm evidence item as the reviewer needs it: what, where, when, from whom, and which signals it shows (R6a, R9). */
function EvidenceLine({ item, signals }: { item: HarmEvidenceItem; signals: readonly CoordinationSignal[] }) {
  const { t } = useTranslation(['review', 'policy']);
  const named = (item.signalIds ?? [])
    .map((id) => signals.find((signal) => signal.id === id))
    .filter((signal): signal is CoordinationSignal => signal !== undefined);
  return (
    <li>
      {item.description}
      <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
        {t(`policy:observed.${item.observed}`)}
        {item.date && ` · ${item.date}`}
        {item.source.trim() !== '' && ` · ${t('summary.source')}: ${item.source}`}
        {' · '}
        {item.credibleSource ? t('summary.credible') : t('summary.notCredible')}
        {item.link !== '' && (
          <>
            {' · '}
            <ExternalLink href={item.link} />
          </>
        )}
      </Box>
      {named.length > 0 && (
        <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
          {t('summary.showsSignals')}: {named.map((signal) => t(`policy:technique.${signal.technique}`)).join(', ')}
        </Box>
      )}
    </li>
  );
}

/**
 * Issue 16 §1: the activity a detected signal keeps as its evidence (R1-R2): a line with its numbers,
 * and the timeline itself behind a button.
 */
function SignalActivityLine({ activity }: { activity: NonNullable<CoordinationSignal['activity']> }) {
  const { t, i18n } = useTranslation(['review', 'activityTimeline']);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const summary = activitySummary(activity);
  return (
    <Box sx={{ whiteSpace: 'normal' }}>
      {t('summary.activity', {
        count: summary.accounts,
        posts: summary.posts,
        bursts: summary.bursts,
        from: formatDateTime(summary.start, i18n.language),
        to: formatDateTime(summary.end, i18n.language),
      })}{' '}
      <Button size="small" aria-expanded={open} aria-controls={open ? regionId : undefined} onClick={() => setOpen(!open)}>
        {open ? t('summary.hideActivity') : t('summary.showActivity')}
      </Button>
      {open && (
        <Box id={regionId} sx={{ mt: 1, mb: 2 }}>
          <Suspense fallback={<Typography variant="body2">{t('activityTimeline:snapshot.loading')}</Typography>}>
            <SignalActivityTimeline activity={activity} headingLevel="h4" />
          </Suspense>
        </Box>
      )}
    </Box>
  );
}

/** The accounts people have decided on (R16), confirmed first; suggestions wait on the designation record. */
function AccountsSection({ accounts }: { accounts: readonly AccountAssociation[] }) {
  const { t } = useTranslation(['review', 'policy']);
  const decided = accounts.filter((account) => account.status !== 'suggested');
  const confirmed = decided.filter((account) => account.status === 'confirmed').map((account) => `@${account.handle}`);
  const rejected = decided.filter((account) => account.status === 'rejected').map((account) => `@${account.handle}`);
  return (
    <Section id="summary-accounts" title={t('summary.associations')}>
      <Field label={t('summary.confirmed', { count: confirmed.length })}>
        {confirmed.length === 0 ? '—' : shortList(confirmed, t('summary.more', { count: confirmed.length - SHOWN }))}
      </Field>
      <Field label={t('summary.rejected', { count: rejected.length })}>
        {rejected.length === 0 ? '—' : shortList(rejected, t('summary.more', { count: rejected.length - SHOWN }))}
      </Field>
    </Section>
  );
}

export function CaseSummary({ content, accounts }: { content: CaseContent; accounts?: readonly AccountAssociation[] }) {
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
              {harm.evidence.length > 0 && (
                <Box component="ul" sx={{ pl: 2.5, my: 0.5 }} aria-label={t('summary.evidenceOf', { category: t(`policy:harmCategory.${category}`) })}>
                  {harm.evidence.map((item) => (
                    <EvidenceLine key={item.id} item={item} signals={content.signals} />
                  ))}
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
            {' · '}
            {t(`policy:observed.${signal.observed}`)}
            {signal.description && (
              <Box component="span" sx={{ display: 'block' }}>
                {signal.description}
              </Box>
            )}
            {signal.accounts.length > 0 && (
              <Box component="span" sx={{ display: 'block' }}>
                {t('summary.accounts')}: {shortList(signal.accounts.map((handle) => `@${handle}`), t('summary.more', { count: signal.accounts.length - SHOWN }))}
              </Box>
            )}
            {signal.sources.length > 0 && (
              <Box component="span" sx={{ display: 'block' }}>
                {t('summary.sources')}:{' '}
                {signal.sources.map((source, index) => (
                  <span key={source}>
                    {index > 0 && ', '}
                    <ExternalLink href={source} />
                  </span>
                ))}
              </Box>
            )}
            {signal.activity && <SignalActivityLine activity={signal.activity} />}
          </Field>
        ))}
      </Section>
      {accounts && <AccountsSection accounts={accounts} />}
      <Section id="summary-settings" title={t('summary.settings')}>
        <Field label={t('summary.visibilityLimitDays')}>{content.settings.visibilityLimitDays}</Field>
        <Field label={t('summary.reviewIntervalDays')}>{content.settings.reviewIntervalDays}</Field>
      </Section>
    </Paper>
  );
}
