// R16 in bulk (issue 10 §3): confirm the selected accounts, or every account the list's filter matches,
// with one basis and note; the server applies the rule of one decision to each, as one change of the
// case. The dialog names how many accounts it will confirm before anything is written.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useDecideAccountsInBulk } from '../../api/client/designation-list-queries';
import type { AccountFilter, BulkAccountDecisionResult } from '../../api/contract/designation-lists';
import { AssociationBasis } from '../../api/contract/policy-terms';
import { AccountDecisionInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { AssociationBasisField } from './association-basis-field';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';

const NOTE_MAX_LENGTH = maxLengthOf(AccountDecisionInput.shape.note);

/** What a confirmation in bulk asks: a basis (R16) and a note, the same for every account. */
const BulkConfirmationForm = z.object({
  basis: z.array(AssociationBasis).min(1, 'association.basisRequired'),
  note: AccountDecisionInput.shape.note,
});
type FormInput = z.input<typeof BulkConfirmationForm>;
type FormOutput = z.output<typeof BulkConfirmationForm>;

/** Named accounts (the selection) or every account a filter matches. */
export type BulkTarget = { handles: string[] } | { allMatching: AccountFilter };

export interface BulkAccountDecisionDialogProps {
  caseId: string;
  /** The case version the list was read at: the If-Match. */
  version: number;
  target: BulkTarget;
  /** How many accounts the list says the target holds. */
  count: number;
  onClose: () => void;
  onDone: (result: BulkAccountDecisionResult) => void;
}

export function BulkAccountDecisionDialog({ caseId, version, target, count, onClose, onDone }: BulkAccountDecisionDialogProps) {
  const { t } = useTranslation(['enforcement', 'policy', 'common']);
  const { apiError, fieldError } = useErrorText();
  const decide = useDecideAccountsInBulk(caseId, version);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(BulkConfirmationForm), defaultValues: { basis: [], note: '' } });
  const { control, register, handleSubmit, formState } = form;

  const submit = handleSubmit(async (values) => {
    try {
      onDone(await decide.mutateAsync({ ...target, decision: 'confirmed', basis: values.basis, note: values.note }));
    } catch {
      // Shown from the mutation's state.
    }
  });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="bulk-decision-title" aria-describedby="bulk-decision-intro">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bulk-decision-title">{t('accounts.bulk.title', { count })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText id="bulk-decision-intro">
              {'handles' in target ? t('accounts.bulk.introSelected', { count }) : t('accounts.bulk.introMatching', { count })}
            </DialogContentText>
            <Controller
              control={control}
              name="basis"
              render={({ field }) => (
                <AssociationBasisField value={field.value ?? []} onChange={field.onChange} error={!!formState.errors.basis} />
              )}
            />
            <TextField
              label={t('accounts.note')}
              multiline
              minRows={2}
              {...register('note')}
              error={!!formState.errors.note}
              helperText={
                <FormCharacterCount control={control} name="note" max={NOTE_MAX_LENGTH} helperText={fieldError(formState.errors.note?.message) ?? t('accounts.bulk.noteHelp')} />
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
            {t('accounts.bulk.save', { count })}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
