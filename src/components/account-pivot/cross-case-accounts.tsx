// Issue 16 §4: an account that appears in another case or designation is marked where it appears —
// a small link "in 2 other cases, 1 designation" to the account's page — and the case page lists all
// such accounts of the case in one panel.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCrossCaseAccounts, type CrossCaseAccount } from '../../api/client/account-pivot-queries';

/** How many accounts the panel lists before "and N more". */
const PANEL_ACCOUNTS = 50;

/** "in 2 other cases, 1 designation", in the reader's language. */
export function useMarkText(): (account: Pick<CrossCaseAccount, 'caseCount' | 'designationCount'>) => string {
  const { t } = useTranslation('accountPivot');
  return (account) => {
    const cases = t('mark', { count: account.caseCount });
    return account.designationCount > 0 ? t('markDesignations', { cases, count: account.designationCount }) : cases;
  };
}

/** The mark beside one account; nothing when the account appears in no other case. */
export function CrossCaseMark({ account }: { account: CrossCaseAccount | undefined }) {
  const { t } = useTranslation('accountPivot');
  const markText = useMarkText();
  if (!account) return null;
  const what = markText(account);
  return (
    <Chip
      component={RouterLink}
      to={`/accounts/${encodeURIComponent(account.handle)}`}
      clickable
      size="small"
      variant="outlined"
      color={account.designationCount > 0 ? 'error' : 'default'}
      label={what}
      aria-label={t('markLabel', { handle: account.handle, what })}
      sx={{ ml: 1, maxWidth: '100%' }}
    />
  );
}

/** The case page's panel: each of the case's accounts found in other cases, with the first of those cases. */
export function CrossCaseAccountsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('accountPivot');
  const headingId = useId();
  const query = useCrossCaseAccounts(caseId);
  const markText = useMarkText();
  const accounts = query.data?.accounts ?? [];
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2, mt: 2 }}>
      <Typography variant="h6" component="h2" id={headingId}>
        {t('panel.heading')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('panel.intro')}
      </Typography>
      {query.isError && <Alert severity="warning">{t('panel.failed')}</Alert>}
      {query.isSuccess && accounts.length === 0 && <Typography variant="body2">{t('panel.none')}</Typography>}
      {accounts.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {accounts.slice(0, PANEL_ACCOUNTS).map((account) => (
            <Box component="li" key={account.handle} sx={{ mb: 0.5, overflowWrap: 'anywhere' }}>
              <Link component={RouterLink} to={`/accounts/${encodeURIComponent(account.handle)}`} sx={{ fontWeight: 600 }}>
                @{account.handle}
              </Link>{' '}
              {markText(account)}:{' '}
              {account.cases.map((ref, index) => (
                <span key={ref.caseId}>
                  {index > 0 && ', '}
                  <Link component={RouterLink} to={`/cases/${ref.caseId}`}>
                    {ref.caseName}
                  </Link>
                  {ref.designated && ` (${t('panel.designated')})`}
                </span>
              ))}
              {account.caseCount > account.cases.length && ` ${t('panel.moreCases', { count: account.caseCount - account.cases.length })}`}
            </Box>
          ))}
          {accounts.length > PANEL_ACCOUNTS && (
            <Box component="li" sx={{ listStyle: 'none' }}>
              {t('panel.more', { count: accounts.length - PANEL_ACCOUNTS })}
            </Box>
          )}
        </Box>
      )}
    </Paper>
  );
}
