// The two decisions on an existing action that need a reason in writing, one dialog:
// - re-apply (R15): an expired visibility limit, when the behaviour continues; a new period starts;
// - lift (R14): an active action ended before its time, on an appeal or for a mistake.
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
import { z } from 'zod';
import type { CaseDocument, EnforcementAction } from '../../api/contract/case';
import { LiftActionInput, ReapplyActionInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { useLiftAction, useReapplyAction } from './enforcement-queries';

export type ActionReasonKind = 'reapply' | 'lift';

/** One text field either way: the re-application's justification or the lift's reason. */
const ReasonForm = z.object({ text: ReapplyActionInput.shape.justification });
/** The re-application's justification and the lift's reason have one limit in the contract; the smaller, should they ever differ. */
const TEXT_MAX_LENGTH = Math.min(maxLengthOf(ReapplyActionInput.shape.justification), maxLengthOf(LiftActionInput.shape.reason));
type FormInput = z.input<typeof ReasonForm>;
type FormOutput = z.output<typeof ReasonForm>;

export interface ActionReasonDialogProps {
  kind: ActionReasonKind;
  caseDocument: CaseDocument;
  action: EnforcementAction;
  onClose: () => void;
}

export function ActionReasonDialog({ kind, caseDocument, action, onClose }: ActionReasonDialogProps) {
  const { t } = useTranslation(['enforcement', 'policy', 'common']);
  const { apiError, fieldError } = useErrorText();
  const reapply = useReapplyAction(caseDocument.id, caseDocument.version);
  const lift = useLiftAction(caseDocument.id, caseDocument.version);
  const mutation = kind === 'reapply' ? reapply : lift;
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(ReasonForm), defaultValues: { text: '' } });
  const { control, register, handleSubmit, formState } = form;
  // Handles always with their @ (issue 15 §8).
  const words = { action: t(`policy:actionShort.${action.type}`), target: action.target === 'account' ? `@${action.targetRef}` : action.targetRef };

  const submit = handleSubmit(async ({ text }) => {
    try {
      if (kind === 'reapply') await reapply.mutateAsync({ actionId: action.id, body: { justification: text } });
      else await lift.mutateAsync({ actionId: action.id, body: LiftActionInput.parse({ reason: text }) });
      onClose();
    } catch {
      // Shown from the mutation's state.
    }
  });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="action-reason-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="action-reason-title">{t(kind === 'reapply' ? 'actions.reapplyTitle' : 'actions.liftTitle', words)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {kind === 'reapply' ? t('actions.reapplyIntro', { days: caseDocument.settings.visibilityLimitDays }) : t('actions.liftIntro')}
          </DialogContentText>
          <TextField
            fullWidth
            required
            multiline
            minRows={3}
            label={t(kind === 'reapply' ? 'actions.justification' : 'actions.liftReason')}
            {...register('text')}
            error={!!formState.errors.text}
            helperText={
              <FormCharacterCount
                control={control}
                name="text"
                max={TEXT_MAX_LENGTH}
                helperText={fieldError(formState.errors.text?.message) ?? t(kind === 'reapply' ? 'actions.justificationHelp' : 'actions.liftReasonHelp')}
              />
            }
          />
          {mutation.error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {apiError(mutation.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" color={kind === 'lift' ? 'warning' : 'primary'} disabled={formState.isSubmitting}>
            {/* No ellipsis here: nothing follows the click but the action itself. */}
            {t(kind === 'reapply' ? 'actions.reapplyConfirm' : 'actions.liftConfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
