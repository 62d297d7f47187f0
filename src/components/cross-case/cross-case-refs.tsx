// Issue 16 §4: an account that appears in another case or designation is marked where it appears —
// a small link "in 2 other cases, 1 designation" to the account's page — and the case page lists in
// one panel every account, link and hashtag of the case that other cases name too.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCrossCaseRefs, type CrossCaseRef } from '../../api/client/cross-case-queries';

/** How many accounts the panel lists before "and N more". */
const PANEL_ACCOUNTS = 50;

/** "in 2 other cases, 1 designation", in the reader's language. */
export function useMarkText(): (account: Pick<CrossCaseRef, 'caseCount' | 'designationCount'>) => string {
  const { t } = useTranslation('crossCase');
  return (account) => {
    const cases = t('mark', { count: account.caseCount });
    return account.designationCount > 0 ? t('markDesignations', { cases, count: account.designationCount }) : cases;
  };
}

/** The mark beside one account; nothing when the account appears in no other case. */
export function CrossCaseMark({ account }: { account: CrossCaseRef | undefined }) {
  const { t } = useTranslation('crossCase');
  const markText = useMarkText();
  if (!account) return null;
  const what = markText(account);
  return (
    <Chip
      component={RouterLink}
      to={`/accounts/${encodeURIComponent(account.value)}`}
      clickable
      size="small"
      variant="outlined"
      color={account.designationCount > 0 ? 'error' : 'default'}
      label={what}
      aria-label={t('markLabel', { handle: account.value, what })}
      sx={{ ml: 1, maxWidth: '100%' }}
    />
  );
}

/** The case page's panel: each of the case's accounts, links, hashtags and texts found in other cases, with the first of those cases. */
export function SharedWithOtherCasesPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('crossCase');
  const headingId = useId();
  const query = useCrossCaseRefs(caseId);
  const found = query.data;
  const none = found !== undefined && found.accounts.length + found.links.length + found.hashtags.length + found.texts.length === 0;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2, mt: 2 }}>
      <Typography variant="h6" component="h2" id={headingId}>
        {t('panel.heading')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('panel.intro')}
      </Typography>
      {query.isError && <Alert severity="warning">{t('panel.failed')}</Alert>}
      {none && <Typography variant="body2">{t('panel.none')}</Typography>}
      {found && (
        <>
          <ValueList kind="accounts" values={found.accounts} />
          <ValueList kind="links" values={found.links} />
          <ValueList kind="hashtags" values={found.hashtags} />
          <ValueList kind="texts" values={found.texts} />
        </>
      )}
    </Paper>
  );
}

function ValueList({ kind, values }: { kind: 'accounts' | 'links' | 'hashtags' | 'texts'; values: readonly CrossCaseRef[] }) {
  const { t } = useTranslation('crossCase');
  const markText = useMarkText();
  const headingId = useId();
  if (values.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h3" id={headingId} sx={{ mt: 1 }}>
        {t(`panel.kind.${kind}`)}
      </Typography>
      <Box component="ul" aria-labelledby={headingId} sx={{ m: 0, pl: 2.5 }}>
        {values.slice(0, PANEL_ACCOUNTS).map((entry) => (
          <Box component="li" key={entry.value} sx={{ mb: 0.5, overflowWrap: 'anywhere' }}>
            {kind === 'accounts' ? (
              <Link component={RouterLink} to={`/accounts/${encodeURIComponent(entry.value)}`} sx={{ fontWeight: 600 }}>
                @{entry.value}
              </Link>
            ) : kind === 'texts' ? (
              <Box component="span" sx={{ fontWeight: 600 }}>
                {t('panel.quoted', { text: entry.value })}
              </Box>
            ) : (
              <Box component="span" sx={{ fontWeight: 600 }}>
                {entry.value}
              </Box>
            )}{' '}
            {markText(entry)}:{' '}
            {entry.cases.map((ref, index) => (
              <span key={ref.caseId}>
                {index > 0 && ', '}
                <Link component={RouterLink} to={`/cases/${ref.caseId}`}>
                  {ref.caseName}
                </Link>
                {ref.designated && ` (${t('panel.designated')})`}
              </span>
            ))}
            {entry.caseCount > entry.cases.length && ` ${t('panel.moreCases', { count: entry.caseCount - entry.cases.length })}`}
          </Box>
        ))}
        {values.length > PANEL_ACCOUNTS && (
          <Box component="li" sx={{ listStyle: 'none' }}>
            {t(`panel.more.${kind}`, { count: values.length - PANEL_ACCOUNTS })}
          </Box>
        )}
      </Box>
    </>
  );
}
