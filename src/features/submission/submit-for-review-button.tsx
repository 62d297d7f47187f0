// "Submit for review" (R10, R12, R17): the analyst sees what is still missing before the dialog lets
// them submit, and the engine's verdict that will be stored with the submission. Slotted into the
// case page by the app; writes with If-Match so a stale draft is never submitted by accident.
import { zodResolver } from '@hookform/resolvers/zod';
import SendIcon from '@mui/icons-material/Send';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client/http-client';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import type { CaseDocument } from '../../api/contract/case';
import { SubmitInput } from '../../api/contract/requests';
import { hasRole } from '../../api/contract/users';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { VerdictChip } from '../../components/case-chips';
import { DateTime } from '../../components/date-time';
import { useNow } from '../../components/use-now';
import { useReasonText } from '../../components/verdict/use-reason-text';
import { mergeMissing, missingInputFromPath, missingKey, missingPath, previewSubmission, type MissingInput } from './missing-inputs';
import { useSubmitCase } from './submission-queries';

export interface SubmitForReviewButtonProps {
  caseDocument: CaseDocument;
  /** Edits not yet on the server would be left out of the submission: wait for them. */
  unsavedChanges?: boolean;
  /**
   * Fields whose content was refused (labelled by the case page): nothing is being saved until they are
   * corrected, so the button names them, with a way to each, instead of asking the user to wait.
   */
  refusedFields?: readonly { path: string; label: string }[];
  onShowField?: (path: string) => void;
}

export function SubmitForReviewButton({ caseDocument, unsavedChanges = false, refusedFields = [], onShowField }: SubmitForReviewButtonProps) {
  const { t } = useTranslation('submission');
  const me = useCurrentUser();
  const userName = useUserName();
  const [open, setOpen] = useState(false);
  const submission = caseDocument.submission;

  if (caseDocument.status === 'in_review' && submission) {
    return (
      <Typography variant="body2" component="output" data-testid="submitted-for-review">
        {t('inReview', { name: userName(submission.submittedBy) })} <DateTime value={submission.submittedAt} />
      </Typography>
    );
  }
  if (caseDocument.status !== 'draft') return null;
  const analyst = hasRole(me.data, 'analyst');
  const refused = analyst && refusedFields.length > 0;
  const note = me.data && !analyst ? t('analystsOnly') : refused ? t('refused', { count: refusedFields.length }) : unsavedChanges ? t('waitForSave') : null;
  return (
    <Box>
      <Button
        variant="contained"
        startIcon={<SendIcon />}
        onClick={() => setOpen(true)}
        disabled={!analyst || unsavedChanges || refused}
        aria-describedby={note ? 'submit-role-note' : undefined}
      >
        {t('button')}
      </Button>
      {note && (
        <Typography id="submit-role-note" variant="body2" color={refused ? 'error' : 'text.secondary'}>
          {note}
        </Typography>
      )}
      {refused && (
        <Box component="ul" data-testid="submit-refused-fields" sx={{ m: 0, pl: 2.5 }}>
          {refusedFields.map((field) => (
            <Typography component="li" variant="body2" key={field.path}>
              {onShowField ? (
                <Link component="button" type="button" variant="body2" onClick={() => onShowField(field.path)} sx={{ textAlign: 'start' }}>
                  {field.label}
                </Link>
              ) : (
                field.label
              )}
            </Typography>
          ))}
        </Box>
      )}
      {open && <SubmitDialog caseDocument={caseDocument} onClose={() => setOpen(false)} {...(onShowField ? { onShowField } : {})} />}
    </Box>
  );
}

type SubmitFormInput = z.input<typeof SubmitInput>;
const NOTE_MAX_LENGTH = maxLengthOf(SubmitInput.shape.note);
type SubmitFormOutput = z.output<typeof SubmitInput>;

function SubmitDialog({ caseDocument, onClose, onShowField }: { caseDocument: CaseDocument; onClose: () => void; onShowField?: (path: string) => void }) {
  const { t } = useTranslation(['submission', 'policy', 'common']);
  const reasonText = useReasonText();
  const { apiError } = useErrorText();
  const now = useNow();
  const preview = useMemo(() => previewSubmission(caseDocument, now), [caseDocument, now]);
  const submit = useSubmitCase(caseDocument.id, caseDocument.version);
  const [serverMissing, setServerMissing] = useState<MissingInput[]>([]);
  const form = useForm<SubmitFormInput, unknown, SubmitFormOutput>({ resolver: zodResolver(SubmitInput), defaultValues: { note: '' } });
  const missing = mergeMissing(preview.missing, serverMissing);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submit.mutateAsync(values);
      onClose();
    } catch (error) {
      // 400 names the fields still empty on the server's copy: list them with the rest.
      if (error instanceof ApiError && error.code === 'validation') setServerMissing(error.fieldErrors.map((item) => missingInputFromPath(item.path)));
    }
  });

  const label = (input: MissingInput) =>
    input.kind === 'question' ? t(`policy:question.${input.question}`)
      : input.kind === 'rightsRiskAssessment' ? t('rightsRiskAssessment')
        : input.kind === 'engine' ? reasonText(input.key, input.params)
          : input.path;
  const show = (input: MissingInput) => {
    onClose();
    onShowField?.(missingPath(input));
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="submit-dialog-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="submit-dialog-title">{t('title', { name: caseDocument.actor.name })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {missing.length > 0 ? (
              <Alert severity="warning" data-testid="submission-missing">
                <Typography component="h3" variant="subtitle2">
                  {t('missingTitle')}
                </Typography>
                <Box component="ul" sx={{ my: 0.5, pl: 2.5 }}>
                  {missing.map((input) => (
                    <li key={missingKey(input)}>
                      {onShowField ? (
                        <Link component="button" type="button" variant="body2" onClick={() => show(input)} sx={{ textAlign: 'start' }}>
                          {label(input)}
                        </Link>
                      ) : (
                        label(input)
                      )}
                    </li>
                  ))}
                </Box>
                {t('missingHelp')}
              </Alert>
            ) : (
              <Alert severity="success">{t('ready')}</Alert>
            )}
            <Box>
              <Typography variant="body2" component="span" sx={{ mr: 1 }}>
                {t('verdictStored')}
              </Typography>
              <VerdictChip outcome={preview.outcome} />
            </Box>
            <TextField
              label={t('note')}
              helperText={<FormCharacterCount control={form.control} name="note" max={NOTE_MAX_LENGTH} helperText={t('noteHelp')} />}
              multiline
              minRows={2}
              {...form.register('note')}
            />
            {submit.error && !(submit.error instanceof ApiError && submit.error.code === 'validation') && (
              <Alert severity="error" role="alert">
                {apiError(submit.error)}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={missing.length > 0 || form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t('submitting') : t('submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
