// R17 periodic review of a designation: maintain it, send it back for modification (it returns
// through four-eyes review) or withdraw it, which ends the designation-based actions: confirmed in a
// dialog that names what it ends. Keeping it confirms or ends each association without recent
// activity (R16).
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseDocument, EnforcementAction } from '../../api/contract/case';
import { PeriodicReviewInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { DateTime, formatDateTime } from '../../components/date-time';
import { associationsToReview, lastActivity } from '../../engine/association-recency';
import { DESIGNATION_ACTION_TYPES, endedByWithdrawal, isActionActive, isReviewDue } from '../../engine/schedule';
import { usePeriodicReview } from './review-queries';

/**
 * The form: the request's outcome and rationale, and a choice per association without recent
 * activity, required unless the designation is withdrawn (the backend checks the same, R16).
 */
const PeriodicReviewFields = z
  .object({
    outcome: PeriodicReviewInput.shape.outcome,
    rationale: PeriodicReviewInput.shape.rationale,
    associations: z.array(z.object({ handle: z.string(), choice: z.enum(['keep', 'end']).optional() })),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'withdraw') return;
    value.associations.forEach((association, index) => {
      if (!association.choice) ctx.addIssue({ code: 'custom', path: ['associations', index, 'choice'], message: 'required' });
    });
  });
type PeriodicFormInput = z.input<typeof PeriodicReviewFields>;
type PeriodicFormOutput = z.output<typeof PeriodicReviewFields>;
const OUTCOMES = PeriodicReviewInput.shape.outcome.options;
const RATIONALE_MAX_LENGTH = maxLengthOf(PeriodicReviewInput.shape.rationale);

function requestOf(values: PeriodicFormOutput): PeriodicReviewInput {
  return {
    outcome: values.outcome,
    rationale: values.rationale,
    associations: values.outcome === 'withdraw' ? [] : values.associations.map(({ handle, choice }) => ({ handle, keep: choice === 'keep' })),
  };
}

export interface PeriodicReviewFormProps {
  caseDocument: CaseDocument;
  now: string;
  /** Only reviewers hold periodic reviews (R18); others see why the form is unavailable. */
  allowed: boolean;
  onReviewed: (reviewed: CaseDocument) => void;
}

export function PeriodicReviewForm({ caseDocument, now, allowed, onReviewed }: PeriodicReviewFormProps) {
  const { t, i18n } = useTranslation('review');
  const { apiError, fieldError } = useErrorText();
  const review = usePeriodicReview(caseDocument.id, caseDocument.version);
  // The accounts as they were when the form opened: each choice stays with the account it was made
  // for, even if the case changes meanwhile (live updates); the backend asks again for any new one.
  const [toReview] = useState(() => associationsToReview(caseDocument, now));
  const form = useForm<PeriodicFormInput, unknown, PeriodicFormOutput>({
    resolver: zodResolver(PeriodicReviewFields),
    defaultValues: { rationale: '', associations: toReview.map((handle) => ({ handle })) },
  });
  const { control, register, handleSubmit, formState } = form;
  const outcome = useWatch({ control, name: 'outcome' });
  const designation = caseDocument.designation;
  const ending = endedByWithdrawal(caseDocument.enforcementActions, now);
  const endingCount = ending.length;
  // A withdrawal waits here for the reviewer's confirmation, with what it will end.
  const [confirming, setConfirming] = useState<PeriodicFormOutput | null>(null);

  const record = async (values: PeriodicFormOutput) => {
    try {
      onReviewed(await review.mutateAsync(requestOf(values)));
    } catch {
      // The error is shown from the mutation's state below.
    }
  };
  const submit = handleSubmit(async (values) => {
    // R17: withdrawal ends the designation-based actions at once; ask once more, naming them.
    if (values.outcome === 'withdraw') setConfirming(values);
    else await record(values);
  });

  return (
    <Paper component="section" aria-labelledby="periodic-title" sx={{ p: 2 }}>
      <Typography id="periodic-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('periodic.title')}
      </Typography>
      {designation && (
        <Typography sx={{ mb: 1 }}>
          {isReviewDue(designation.nextReviewAt, now) ? t('periodic.dueSince') : t('periodic.nextReview')}{' '}
          <DateTime value={designation.nextReviewAt} dateOnly />
        </Typography>
      )}
      {!allowed && (
        <Alert severity="warning" id="periodic-blocked" sx={{ mb: 2 }}>
          {t('fourEyes.role')}
        </Alert>
      )}
      {review.error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {apiError(review.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Box component="fieldset" disabled={!allowed} sx={{ border: 0, p: 0, m: 0 }}>
          <Stack spacing={2}>
            <Controller
              control={control}
              name="outcome"
              render={({ field }) => (
                <FormControl error={!!formState.errors.outcome} component="fieldset" variant="standard">
                  <FormLabel component="legend">{t('periodic.legend')}</FormLabel>
                  <RadioGroup name={field.name} value={field.value ?? ''} onChange={(event) => field.onChange(event.target.value)}>
                    {OUTCOMES.map((value) => (
                      <FormControlLabel key={value} value={value} control={<Radio />} label={t(`periodic.options.${value}`)} disabled={!allowed} />
                    ))}
                  </RadioGroup>
                  {formState.errors.outcome && <FormHelperText>{t('decision.chooseOne')}</FormHelperText>}
                </FormControl>
              )}
            />
            {outcome === 'withdraw' && <Alert severity="warning">{t('periodic.withdrawWarning', { count: endingCount })}</Alert>}
            {outcome !== 'withdraw' && toReview.length > 0 && (
              <FormControl component="fieldset" variant="standard" data-testid="recency-review">
                <FormLabel component="legend">{t('periodic.recency.legend')}</FormLabel>
                <FormHelperText sx={{ mx: 0 }}>{t('periodic.recency.help', { days: caseDocument.settings.reviewIntervalDays })}</FormHelperText>
                {toReview.map((handle, index) => {
                  const activity = lastActivity(handle, caseDocument.signals);
                  const error = formState.errors.associations?.[index]?.choice;
                  return (
                    <Controller
                      key={handle}
                      control={control}
                      name={`associations.${index}.choice`}
                      render={({ field }) => (
                        <FormControl component="fieldset" variant="standard" error={Boolean(error)} sx={{ mt: 1.5 }}>
                          <FormLabel component="legend" sx={{ overflowWrap: 'anywhere' }}>
                            @{handle} ·{' '}
                            {activity ? t('periodic.recency.lastActivity', { date: formatDateTime(activity.at, i18n.language, true) }) : t('periodic.recency.noActivity')}
                          </FormLabel>
                          <RadioGroup row name={field.name} value={field.value ?? ''} onChange={(event) => field.onChange(event.target.value)}>
                            <FormControlLabel value="keep" control={<Radio />} label={t('periodic.recency.keep')} disabled={!allowed} />
                            <FormControlLabel value="end" control={<Radio />} label={t('periodic.recency.end')} disabled={!allowed} />
                          </RadioGroup>
                          {error && <FormHelperText>{t('periodic.recency.choose')}</FormHelperText>}
                        </FormControl>
                      )}
                    />
                  );
                })}
              </FormControl>
            )}
            {outcome === 'modify' && <Alert severity="info">{t('periodic.modifyNote')}</Alert>}
            <TextField
              label={t('decision.rationale')}
              required
              multiline
              minRows={3}
              {...register('rationale')}
              error={!!formState.errors.rationale}
              helperText={
                <FormCharacterCount
                  control={control}
                  name="rationale"
                  max={RATIONALE_MAX_LENGTH}
                  helperText={fieldError(formState.errors.rationale?.message) ?? t('decision.rationaleHelp')}
                />
              }
            />
            <Box>
              <Button type="submit" variant="contained" disabled={!allowed || formState.isSubmitting} aria-describedby={allowed ? undefined : 'periodic-blocked'}>
                {formState.isSubmitting ? t('decision.submitting') : t('periodic.submit')}
              </Button>
            </Box>
          </Stack>
        </Box>
      </form>
      {confirming && (
        <WithdrawConfirmDialog
          actorName={caseDocument.actor.name}
          ending={ending}
          generalRulesStaying={caseDocument.enforcementActions.filter((action) => isActionActive(action, now)).length - endingCount}
          rationale={confirming.rationale}
          pending={review.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            await record(confirming);
            setConfirming(null);
          }}
        />
      )}
    </Paper>
  );
}

function WithdrawConfirmDialog({ actorName, ending, generalRulesStaying, rationale, pending, onCancel, onConfirm }: {
  actorName: string;
  ending: readonly EnforcementAction[];
  generalRulesStaying: number;
  rationale: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation(['review', 'policy', 'common']);
  // By kind, in R14's order.
  const byType = DESIGNATION_ACTION_TYPES.map((type) => ({ type, count: ending.filter((action) => action.type === type).length })).filter(
    (entry) => entry.count > 0,
  );
  const titleId = 'withdraw-confirm-title';
  return (
    <Dialog open onClose={pending ? undefined : onCancel} fullWidth maxWidth="sm" aria-labelledby={titleId} aria-describedby="withdraw-confirm-ends">
      <DialogTitle id={titleId}>{t('periodic.withdrawDialog.title', { name: actorName })}</DialogTitle>
      <DialogContent>
        <DialogContentText id="withdraw-confirm-ends">
          {ending.length > 0 ? t('periodic.withdrawDialog.ends', { count: ending.length }) : t('periodic.withdrawDialog.endsNone')}
        </DialogContentText>
        {byType.length > 0 && (
          <Box component="ul" aria-label={t('periodic.withdrawDialog.endingList')} sx={{ mt: 1, mb: 2, pl: 3 }} data-testid="withdraw-ending">
            {byType.map(({ type, count }) => (
              <li key={type}>{t('periodic.withdrawDialog.actionCount', { action: t(`policy:actionShort.${type}`), count })}</li>
            ))}
          </Box>
        )}
        {generalRulesStaying > 0 && <DialogContentText sx={{ mb: 2 }}>{t('periodic.withdrawDialog.generalStay', { count: generalRulesStaying })}</DialogContentText>}
        <Typography variant="subtitle2" component="p">{t('periodic.withdrawDialog.rationale')}</Typography>
        <Typography component="blockquote" sx={{ m: 0, mt: 0.5, pl: 1.5, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {rationale}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" color="error" disabled={pending} onClick={() => void onConfirm()}>
          {pending
            ? t('periodic.withdrawDialog.withdrawing')
            : ending.length > 0
              ? t('periodic.withdrawDialog.confirm', { count: ending.length })
              : t('periodic.withdrawDialog.confirmNone')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
