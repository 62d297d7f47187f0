// R15: an expired visibility limit may be re-applied when the behaviour continues; the justification
// is recorded and a new period starts.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDocument, EnforcementAction } from '../../api/contract/case';
import { ReapplyActionInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { useReapplyAction } from './enforcement-queries';

type FormInput = z.input<typeof ReapplyActionInput>;
type FormOutput = z.output<typeof ReapplyActionInput>;

export interface ReapplyActionDialogProps {
  caseDocument: CaseDocument;
  action: EnforcementAction;
  onClose: () => void;
}

export function ReapplyActionDialog({ caseDocument, action, onClose }: ReapplyActionDialogProps) {
  const { t } = useTranslation(['enforcement', 'policy', 'common']);
  const { apiError, fieldError } = useErrorText();
  const reapply = useReapplyAction(caseDocument.id, caseDocument.version);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(ReapplyActionInput), defaultValues: { justification: '' } });
  const { register, handleSubmit, formState } = form;

  const submit = handleSubmit(async (body) => {
    try {
      await reapply.mutateAsync({ actionId: action.id, body });
      onClose();
    } catch {
      // Shown from the mutation's state.
    }
  });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="reapply-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reapply-title">
          {t('actions.reapplyTitle', { action: t(`policy:actionShort.${action.type}`), target: action.targetRef })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('actions.reapplyIntro', { days: caseDocument.settings.visibilityLimitDays })}</DialogContentText>
          <TextField
            fullWidth
            required
            multiline
            minRows={3}
            label={t('actions.justification')}
            {...register('justification')}
            error={!!formState.errors.justification}
            helperText={fieldError(formState.errors.justification?.message) ?? t('actions.justificationHelp')}
          />
          {reapply.error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {apiError(reapply.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('actions.reapply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
