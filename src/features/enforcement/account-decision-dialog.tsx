// R16: a person confirms or rejects one suggested account, recording the basis of the association;
// a confirmation may add the R14 finding that the account's primary use is to propagate the activity.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AccountAssociation, CaseDocument } from '../../api/contract/case';
import { AccountDecisionInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { AssociationBasisField } from './association-basis-field';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { useDecideAccount } from './enforcement-queries';

const NOTE_MAX_LENGTH = maxLengthOf(AccountDecisionInput.shape.note);

const AccountDecisionForm = AccountDecisionInput.superRefine((value, ctx) => {
  if (value.status === 'confirmed' && value.basis.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['basis'], message: 'association.basisRequired' });
  }
});
type FormInput = z.input<typeof AccountDecisionForm>;
type FormOutput = z.output<typeof AccountDecisionForm>;

export interface AccountDecisionDialogProps {
  caseDocument: CaseDocument;
  account: AccountAssociation;
  onClose: () => void;
}

export function AccountDecisionDialog({ caseDocument, account, onClose }: AccountDecisionDialogProps) {
  const { t } = useTranslation(['enforcement', 'policy', 'common']);
  const { apiError, fieldError } = useErrorText();
  const decide = useDecideAccount(caseDocument.id, caseDocument.version);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(AccountDecisionForm),
    defaultValues: {
      handle: account.handle,
      status: account.status === 'rejected' ? 'rejected' : 'confirmed',
      basis: account.basis,
      note: account.note,
      primaryUseFinding: account.primaryUseFinding,
    },
  });
  const { control, register, handleSubmit, formState } = form;
  const confirmed = useWatch({ control, name: 'status' }) === 'confirmed';

  const submit = handleSubmit(async (values) => {
    try {
      await decide.mutateAsync({ ...values, primaryUseFinding: values.status === 'confirmed' && values.primaryUseFinding });
      onClose();
    } catch {
      // Shown from the mutation's state.
    }
  });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="account-decision-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="account-decision-title">{t('accounts.dialogTitle', { handle: account.handle })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Controller
              control={control}
              name="status"
              render={({ field }) => (
                <FormControl component="fieldset">
                  <FormLabel component="legend">{t('accounts.decision')}</FormLabel>
                  <RadioGroup row name={field.name} value={field.value} onChange={(event) => field.onChange(event.target.value)}>
                    <FormControlLabel value="confirmed" control={<Radio />} label={t('accounts.confirm')} />
                    <FormControlLabel value="rejected" control={<Radio />} label={t('accounts.reject')} />
                  </RadioGroup>
                </FormControl>
              )}
            />
            <Controller
              control={control}
              name="basis"
              render={({ field }) => (
                <AssociationBasisField value={field.value ?? []} onChange={field.onChange} error={!!formState.errors.basis} disabled={!confirmed} />
              )}
            />
            <Controller
              control={control}
              name="primaryUseFinding"
              render={({ field }) => (
                <FormControl>
                  <FormControlLabel
                    disabled={!confirmed}
                    control={<Checkbox checked={confirmed && (field.value ?? false)} onChange={(event) => field.onChange(event.target.checked)} />}
                    label={t('accounts.primaryUse')}
                  />
                  <FormHelperText>{t('accounts.primaryUseHelp')}</FormHelperText>
                </FormControl>
              )}
            />
            <TextField
              label={t('accounts.note')}
              multiline
              minRows={2}
              {...register('note')}
              error={!!formState.errors.note}
              helperText={
                <FormCharacterCount control={control} name="note" max={NOTE_MAX_LENGTH} helperText={fieldError(formState.errors.note?.message) ?? t('accounts.noteHelp')} />
              }
            />
            {decide.error && (
              <Alert severity="error" role="alert">
                {apiError(decide.error)}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('accounts.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
