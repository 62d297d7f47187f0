// R15 on the import page: an import into a designated case found accounts whose visibility limit
// expired and which continue the group's behaviour. A fresh import sends them to the case at once
// (each becomes a re-application proposal, or is re-applied by the system where a reviewer allowed
// that); an import restored from this browser's storage offers to send them again instead, since it
// may have been sent already.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCaseWrite } from '../../api/client/case-write';
import { callApi } from '../../api/client/http-client';
import type { CaseDocument } from '../../api/contract/case';
import type { ContinuationFinding } from '../../api/contract/continuation';
import { useErrorText } from '../../components/api-error-text';
import { actionableFindings } from './continuation-watch';
import type { ImportOutcome } from './import-result';

function useProposeReapplications(caseDocument: CaseDocument) {
  return useCaseWrite(caseDocument.id, async ({ findings, fileName }: { findings: ContinuationFinding[]; fileName: string }) =>
    (
      await callApi('proposeReapplications', {
        params: { caseId: caseDocument.id },
        ifMatch: caseDocument.version,
        body: {
          findings: findings.map(({ actionId, handle, posts, firstAt, lastAt, examples }) => ({
            actionId,
            handle,
            activity: { posts, firstAt, lastAt, examples, fileName },
          })),
        },
      })
    ).data,
  );
}

/** Render it with `key` set per import: what it found is fixed when its results are first shown. */
export function ReapplicationNotice({ caseDocument, outcome, restored }: { caseDocument: CaseDocument; outcome: ImportOutcome; restored: boolean }) {
  const { t } = useTranslation('activityImport');
  const { apiError } = useErrorText();
  // What was re-applicable when the results were shown: the proposal itself changes the case (an
  // automatic re-application leaves nothing to re-apply), and the notice must still say what it did.
  const [findings] = useState(() => actionableFindings(caseDocument, outcome.report.continuations, new Date().toISOString()));
  const propose = useProposeReapplications(caseDocument);
  const sent = useRef(false);
  const { mutate } = propose;
  const send = () => mutate({ findings, fileName: outcome.fileName });

  useEffect(() => {
    // Once per fresh import; a restored one may have been sent before.
    if (restored || findings.length === 0 || sent.current) return;
    sent.current = true;
    mutate({ findings, fileName: outcome.fileName });
  }, [restored, findings, mutate, outcome.fileName]);

  if (findings.length === 0) return null;
  const designationLink = (
    <Link component={RouterLink} to={`/designations/${encodeURIComponent(caseDocument.id)}`}>
      {t('reapplication.toDesignation')}
    </Link>
  );
  if (propose.isSuccess) {
    const automatic = propose.data.autoReapply?.enabled === true;
    return (
      <Alert severity="success" sx={{ mb: 2 }} data-testid="reapplication-notice">
        {t(automatic ? 'reapplication.reapplied' : 'reapplication.proposed', { count: findings.length })} {designationLink}
      </Alert>
    );
  }
  if (propose.error) {
    return (
      <Alert
        severity="error"
        sx={{ mb: 2 }}
        data-testid="reapplication-notice"
        action={
          <Button color="inherit" size="small" onClick={send}>
            {t('reapplication.retry')}
          </Button>
        }
      >
        {t('reapplication.failed', { count: findings.length })} {apiError(propose.error)}
      </Alert>
    );
  }
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      data-testid="reapplication-notice"
      action={
        restored && !propose.isPending ? (
          <Button color="inherit" size="small" onClick={send}>
            {t('reapplication.send', { count: findings.length })}
          </Button>
        ) : undefined
      }
    >
      {t(propose.isPending ? 'reapplication.sending' : 'reapplication.found', { count: findings.length })}
    </Alert>
  );
}
