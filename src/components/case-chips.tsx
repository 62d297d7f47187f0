import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, VerdictOutcome } from '../engine/policy-terms';

const STATUS_COLOR = {
  draft: 'default',
  in_review: 'info',
  designated: 'error',
  rejected: 'default',
  withdrawn: 'default',
} as const satisfies Record<CaseStatus, string>;

/** A case's status; a draft back with the analyst after a return says "Returned" (issue 12 §2). */
export function StatusChip({ status, returned = false }: { status: CaseStatus; returned?: boolean }) {
  const { t } = useTranslation('policy');
  if (returned && status === 'draft') return <Chip size="small" color="warning" label={t('status.returned')} />;
  return <Chip size="small" color={STATUS_COLOR[status]} label={t(`status.${status}`)} />;
}

const VERDICT_COLOR = {
  recommended: 'error',
  'not-recommended': 'success',
  incomplete: 'warning',
} as const satisfies Record<VerdictOutcome, string>;

export function VerdictChip({ outcome }: { outcome: VerdictOutcome }) {
  const { t } = useTranslation('policy');
  return <Chip size="small" variant="outlined" color={VERDICT_COLOR[outcome]} label={t(`verdict.${outcome}`)} />;
}
