// A return's requests (issue 12 §2): on the case page the analyst sees "Returned — N requests", goes
// to each field a request points at and ticks it off; on the reviewer's page the same list says which
// requests were addressed. The ticks are events of the trail, not edits of the case.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserName } from '../../api/client/user-queries';
import type { CaseDocument } from '../../api/contract/case';
import { latestReturn, type ReturnRequestState } from '../../api/contract/conversation';
import { formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { useReturnRequests, useTickRequest } from './conversation-queries';

export interface ReturnRequestsProps {
  caseDocument: CaseDocument;
  /** The analyst, while the case is back with them. */
  canTick: boolean;
  /** Leads to the field a request points at (the case page); absent where there is no form. */
  onShowField?: (path: string) => void;
}

export function ReturnRequests({ caseDocument, canTick, onShowField }: ReturnRequestsProps) {
  const { t, i18n } = useTranslation('conversation');
  const userName = useUserName();
  const requested = latestReturn(caseDocument)?.requests ?? [];
  const states = useReturnRequests(caseDocument.id, requested.length > 0);
  const tick = useTickRequest(caseDocument.id);
  // A tick shows at once, before the server answers; when it settles the server's state shows (a
  // refused tick is thereby taken back).
  const [ticking, setTicking] = useState<Readonly<Record<string, boolean>>>({});
  if (requested.length === 0) return null;
  const known: ReturnRequestState[] =
    states.data?.requests ?? requested.map((request) => ({ ...request, addressed: false, tickedBy: null, tickedAt: null }));
  const requests = known.map((request) => ({ ...request, addressed: ticking[request.id] ?? request.addressed }));
  const setAddressed = (requestId: string, addressed: boolean) => {
    setTicking((current) => ({ ...current, [requestId]: addressed }));
    tick.mutate(
      { requestId, addressed },
      {
        onSettled: () =>
          setTicking((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== requestId))),
      },
    );
  };
  const done = requests.filter((request) => request.addressed).length;
  const withAnalyst = caseDocument.status === 'draft';
  const tickable = canTick && withAnalyst;
  const titleId = `return-requests-${caseDocument.id}`;
  return (
    <Alert severity={withAnalyst ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="return-requests" aria-labelledby={titleId}>
      <AlertTitle id={titleId}>
        {withAnalyst
          ? `${t('requests.title', { count: requests.length })} · ${t('requests.progress', { done, count: requests.length })}`
          : t('requests.reviewerTitle', { done, count: requests.length })}
      </AlertTitle>
      {withAnalyst && tickable && <Typography variant="body2">{t('requests.intro')}</Typography>}
      {states.error && <ErrorAlert error={states.error} onRetry={() => void states.refetch()} />}
      {tick.error && <ErrorAlert error={tick.error} />}
      <Box component="ul" aria-label={t('requests.listLabel')} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
        {requests.map((request) => (
          <Box component="li" key={request.id} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
            {tickable ? (
              <FormControlLabel
                sx={{ mr: 0, minWidth: 0 }}
                control={
                  <Checkbox
                    checked={request.addressed}
                    // Until the server's ticks are known, a click could only guess what it changes.
                    disabled={tick.isPending || !states.data}
                    onChange={(event) => setAddressed(request.id, event.target.checked)}
                  />
                }
                label={<Typography sx={{ overflowWrap: 'anywhere' }}>{request.text}</Typography>}
              />
            ) : (
              <Typography sx={{ overflowWrap: 'anywhere' }}>
                <Box component="strong">{request.addressed ? t('requests.addressed') : t('requests.notAddressed')}:</Box> {request.text}
              </Typography>
            )}
            {request.target && onShowField && (
              <Button size="small" onClick={() => onShowField(request.target ?? '')} aria-label={`${t('requests.goTo')}: ${request.text}`}>
                {t('requests.goTo')}
              </Button>
            )}
            {request.addressed && request.tickedBy && request.tickedAt && (
              <Typography variant="caption" color="text.secondary">
                {t('requests.tickedBy', { name: userName(request.tickedBy), when: formatDateTime(request.tickedAt, i18n.language) })}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
    </Alert>
  );
}
