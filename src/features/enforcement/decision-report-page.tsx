// The printable decision record (/designations/:caseId/report): the statement of reasons of an
// approved designation laid out for paper (R19). The print stylesheet drops the app's chrome and
// keeps tables and sections whole across pages.
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import GlobalStyles from '@mui/material/GlobalStyles';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { DecisionRecord } from '../../api/contract/decision-record';
import { ASSESSMENT_QUESTION_IDS } from '../../api/contract/case';
import { activitySummary } from '../../components/activity-timeline/activity-summary';
import { DateTime, formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { HARM_CATEGORIES } from '../../engine/policy-terms';
import { useDecisionRecord } from './enforcement-queries';

const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '@page': { margin: '18mm' },
        body: { background: '#fff !important', color: '#000 !important' },
        '.report-no-print': { display: 'none !important' },
        '.report': { fontSize: '11pt', lineHeight: 1.4, maxWidth: 'none !important', padding: '0 !important' },
        '.report *': { color: '#000 !important', background: 'transparent !important', boxShadow: 'none !important' },
        '.report table': { borderCollapse: 'collapse', width: '100%' },
        '.report th, .report td': { border: '1px solid #000', padding: '3pt 5pt', verticalAlign: 'top' },
        '.report tr, .report dl > div': { breakInside: 'avoid' },
        '.report h2, .report h3': { breakAfter: 'avoid' },
      },
    }}
  />
);

export function DecisionReportPage() {
  const { t } = useTranslation(['enforcement', 'common']);
  const { caseId = '' } = useParams();
  const record = useDecisionRecord(caseId);
  return (
    <Container maxWidth="md" className="report" sx={{ py: 3 }}>
      {printStyles}
      <Stack direction="row" spacing={2} className="report-no-print" sx={{ alignItems: 'center', mb: 2 }}>
        <Link component={RouterLink} to={`/designations/${caseId}`}>
          {t('report.back')}
        </Link>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!record.data}>
          {t('common:actions.print')}
        </Button>
      </Stack>
      {record.isPending && <PageLoading />}
      {record.error && <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />}
      {record.data && <Report record={record.data} />}
    </Container>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ borderBottom: 1, borderColor: 'divider', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {rows.map(([label, value]) => (
        <Box key={label} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '14rem 1fr' }, columnGap: 2, py: 0.25 }}>
          <Box component="dt" sx={{ fontWeight: 600 }}>
            {label}
          </Box>
          <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  // On a phone a wide table scrolls in its own frame, not the page; printed, it wraps as before.
  return (
    <Box sx={{ overflowX: 'auto', '@media print': { overflowX: 'visible' } }}>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', '& th, & td': { borderBottom: 1, borderColor: 'divider', p: 0.5, textAlign: 'left', verticalAlign: 'top', overflowWrap: 'anywhere' } }}>
        <Box component="caption" sx={{ textAlign: 'left', fontStyle: 'italic', pb: 0.5 }}>
          {caption}
        </Box>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

const text = (value: string) => value.trim() || '—';

function Report({ record }: { record: DecisionRecord }) {
  const { t, i18n } = useTranslation(['enforcement', 'policy']);
  const { designation, decision, facts } = record;
  // Issue 16 §1: the activity a detected signal keeps, as one line of numbers (paper draws no timeline).
  const activityLines = facts.signals.flatMap((signal) => {
    if (!signal.activity) return [];
    const summary = activitySummary(signal.activity);
    return [{
      id: signal.id,
      text: t('report.activity', {
        signal: `${t(`policy:signalKindShort.${signal.kind}`)}: ${t(`policy:technique.${signal.technique}`)}`,
        count: summary.accounts,
        posts: summary.posts,
        bursts: summary.bursts,
        from: formatDateTime(summary.start, i18n.language),
        to: formatDateTime(summary.end, i18n.language),
      }),
    }];
  });
  return (
    <Box component="article" aria-labelledby="report-title">
      <Typography id="report-title" variant="h4" component="h1">
        {t('report.title', { name: record.actor.name })}
      </Typography>
      <Typography variant="body2">
        {t('report.meta', { caseId: record.caseId, version: record.caseVersion, schema: record.schemaVersion })} <DateTime value={record.generatedAt} />
      </Typography>
      {record.modificationInProgress && <Alert severity="info" sx={{ mt: 1 }}>{t('report.modification')}</Alert>}
      {designation && decision && record.verdictAtDecision && (
        <Section title={t('report.decision')}>
          <Facts
            rows={[
              [t('report.status'), t(`policy:status.${record.status}`)],
              [t('report.verdict'), `${t(`policy:verdict.${record.verdictAtDecision.outcome}`)} (${record.rulesApplied.join(', ')})`],
              [t('report.reviewer'), record.reviewer?.name ?? '—'],
              [t('report.decidedAt'), <DateTime key="decided" value={decision.decidedAt} />],
              [t('report.submittedBy'), record.submittedBy?.name ?? '—'],
              [t('report.rationale'), decision.rationale],
              [t('report.override'), decision.override ? decision.override.justification : t('report.noOverride')],
              [t('record.nextReviewAt'), <DateTime key="next" value={designation.nextReviewAt} dateOnly />],
              [t('report.withdrawn'), designation.withdrawnAt ? `${designation.withdrawalRationale ?? ''}` : '—'],
            ]}
          />
        </Section>
      )}
      {record.platformManipulation.length > 0 && (
        <Section title={t('manipulation.title')}>
          <SimpleTable
            caption={t('manipulation.reportCaption')}
            head={[t('manipulation.columns.proposed'), t('manipulation.columns.accounts'), t('manipulation.columns.basis'), t('manipulation.columns.decision'), t('manipulation.columns.rationale')]}
            rows={record.platformManipulation.map((proposal) => [
              <span key="proposed">
                {proposal.proposer.name}, <DateTime value={proposal.proposedAt} />
              </span>,
              proposal.accounts.map((handle) => `@${handle}`).join(', '),
              proposal.basis,
              <span key="decision">
                {proposal.decision ? t(`manipulation.outcome.${proposal.decision.outcome}`) : '—'}, {proposal.decider.name}
                {proposal.decision && (
                  <>
                    , <DateTime value={proposal.decision.decidedAt} />
                  </>
                )}
              </span>,
              proposal.decision?.rationale ?? '—',
            ])}
          />
        </Section>
      )}
      <Section title={t('report.facts')}>
        <Facts
          rows={[
            [t('report.actor'), `${t(`policy:actorKind.${record.actor.kind}`)} — ${record.actor.name}`],
            [t('report.purpose'), text(record.actor.purpose)],
            [t('report.geographies'), record.actor.geographies.join(', ') || '—'],
            ...ASSESSMENT_QUESTION_IDS.map((id): [string, ReactNode] => [t(`policy:question.${id}`), text(facts.questions[id])]),
            [t('report.rights'), text(facts.rightsRiskAssessment)],
          ]}
        />
        <SimpleTable
          caption={t('report.harmCaption')}
          head={[t('report.category'), t('report.severity'), t('report.evidence'), t('report.justification')]}
          rows={HARM_CATEGORIES.map((category) => {
            const harm = facts.harm[category];
            return [t(`policy:harmCategory.${category}`), harm.severity ? t(`policy:severity.${harm.severity}`) : t('policy:severity.unrated'), harm.evidence.length, text(harm.justification)];
          })}
        />
        <SimpleTable
          caption={t('report.signalsCaption')}
          head={[t('report.signal'), t('report.evidenceState'), t('report.strength'), t('report.accounts')]}
          rows={facts.signals.map((signal) => [
            `${t(`policy:signalKindShort.${signal.kind}`)}: ${t(`policy:technique.${signal.technique}`)}`,
            t(`policy:evidenceState.${signal.evidenceState}`),
            t(`policy:strength.${signal.strength}`),
            signal.accounts.length,
          ])}
        />
        {activityLines.length > 0 && (
          <Box component="ul" aria-label={t('report.activityCaption')} sx={{ pl: 2.5, my: 1 }} data-testid="report-activity">
            {activityLines.map((line) => (
              <li key={line.id}>{line.text}</li>
            ))}
          </Box>
        )}
      </Section>
      <Section title={t('report.associated')}>
        <SimpleTable
          caption={t('report.associatedCaption')}
          head={[t('accounts.columns.handle'), t('accounts.columns.basis'), t('accounts.columns.primaryUse'), t('accounts.columns.decided')]}
          rows={facts.associatedAccounts.map((account) => [
            `@${account.handle}`,
            account.basis.map((basis) => t(`policy:associationBasis.${basis}`)).join(', '),
            account.primaryUseFinding ? t('accounts.yes') : '—',
            account.decidedAt ? <DateTime key="at" value={account.decidedAt} dateOnly /> : '—',
          ])}
        />
      </Section>
      <Section title={t('actions.title')}>
        <SimpleTable
          caption={t('report.actionsCaption')}
          head={[t('actions.columns.action'), t('actions.columns.target'), t('actions.columns.basis'), t('actions.columns.applied'), t('actions.columns.expiry'), t('report.activeAtGeneration')]}
          rows={record.actions.map((action) => [
            t(`policy:actionShort.${action.type}`),
            `${t(`policy:target.${action.target}`)}: ${action.targetRef}`,
            action.basis,
            <DateTime key="applied" value={action.appliedAt} />,
            action.expiresAt ? <DateTime key="expires" value={action.expiresAt} /> : t('actions.noExpiryShort'),
            action.activeAtGeneration ? t('actions.state.active') : action.endedAt ? t('actions.state.ended') : t('actions.state.expired'),
          ])}
        />
      </Section>
    </Box>
  );
}
