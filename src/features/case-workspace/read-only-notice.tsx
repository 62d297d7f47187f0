// Why this case cannot be edited (R17, R18), and what happens to edits kept on this device.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../engine/policy-terms';

export function ReadOnlyNotice({ status, analyst, strandedDraft, onDiscard }: {
  status: CaseStatus;
  /** Whether the person holds the analyst role (R18: only analysts edit). */
  analyst: boolean;
  strandedDraft: boolean;
  onDiscard: () => void;
}) {
  const { t } = useTranslation(['workspace', 'policy']);
  const [discarded, setDiscarded] = useState(false);
  const reason = !analyst ? t('readOnly.role') : t(`readOnly.status.${status === 'draft' ? 'in_review' : status}`);
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('readOnly.title', { status: t(`policy:status.${status}`) })} {reason}
      </Alert>
      {strandedDraft && !discarded && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                onDiscard();
                setDiscarded(true);
              }}
            >
              {t('readOnly.discard')}
            </Button>
          }
        >
          {t('readOnly.stranded')}
        </Alert>
      )}
    </>
  );
}
