// R17 designation record: who approved, when, on which verdict, why, and when it is next reviewed.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserName } from '../../api/client/user-queries';
import type { CaseDocument, Designation } from '../../api/contract/case';
import { VerdictChip } from '../../components/case-chips';
import { DateTime } from '../../components/date-time';
import { isReviewDue } from '../../engine/schedule';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Box component="dt" sx={{ fontWeight: 600 }}>
        {label}
      </Box>
      <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </>
  );
}

export function DesignationRecordCard({ caseDocument, designation, now }: { caseDocument: CaseDocument; designation: Designation; now: string }) {
  const { t } = useTranslation('enforcement');
  const userName = useUserName();
  const approval = caseDocument.reviews.findLast((review) => review.decision === 'approve') ?? null;
  const due = isReviewDue(designation.nextReviewAt, now);
  return (
    <Paper component="section" aria-labelledby="designation-record-title" sx={{ p: 2 }}>
      <Typography id="designation-record-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('record.title')}
      </Typography>
      {designation.withdrawnAt && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('record.withdrawn', { name: userName(designation.withdrawnBy ?? '') })} <DateTime value={designation.withdrawnAt} />
          {designation.withdrawalRationale && ` — ${designation.withdrawalRationale}`}
        </Alert>
      )}
      {caseDocument.status === 'draft' && !designation.withdrawnAt && <Alert severity="info" sx={{ mb: 1 }}>{t('record.modifying')}</Alert>}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 1, m: 0 }}>
        <Row label={t('record.approvedBy')}>{userName(designation.approvedBy)}</Row>
        <Row label={t('record.approvedAt')}>
          <DateTime value={designation.approvedAt} />
        </Row>
        {approval && (
          <Row label={t('record.verdict')}>
            <VerdictChip outcome={approval.verdictAtDecision.outcome} />{' '}
            <Typography component="span" variant="body2">
              {t('record.rules', { rules: approval.verdictAtDecision.ruleIds.join(', ') })}
            </Typography>
          </Row>
        )}
        <Row label={t('record.rationale')}>{designation.rationale}</Row>
        {approval?.override && (
          <Row label={t('record.override')}>
            <Chip size="small" color="warning" label="R8" sx={{ mr: 1 }} />
            {approval.override.justification}
          </Row>
        )}
        <Row label={t('record.lastReviewedAt')}>
          <DateTime value={designation.lastReviewedAt} />
        </Row>
        <Row label={t('record.nextReviewAt')}>
          <DateTime value={designation.nextReviewAt} dateOnly />
          {due && !designation.withdrawnAt && <Chip size="small" color="warning" label={t('record.due')} sx={{ ml: 1 }} />}
        </Row>
        <Row label={t('record.settings')}>
          {t('record.settingsValue', { visibility: caseDocument.settings.visibilityLimitDays, review: caseDocument.settings.reviewIntervalDays })}
        </Row>
      </Box>
    </Paper>
  );
}
