// R17 periodic review of a designation: maintain it, send it back for modification (it returns
// through four-eyes review) or withdraw it, which ends the designation-based actions.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDocument } from '../../api/contract/case';
import { PeriodicReviewInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { DateTime } from '../../components/date-time';
import { isActionActive, isReviewDue } from '../../engine/schedule';
import { usePeriodicReview } from './review-queries';

type PeriodicFormInput = z.input<typeof PeriodicReviewInput>;
type PeriodicFormOutput = z.output<typeof PeriodicReviewInput>;
const OUTCOMES = PeriodicReviewInput.shape.outcome.options;
/** The framework's own actions, which a withdrawal ends; general-Rules actions stay (R14). */
const DESIGNATION_ACTIONS: readonly string[] = ['limit-visibility', 'prevent-recommendations', 'prevent-trends', 'suspend-primary-use'];

export interface PeriodicReviewFormProps {
  caseDocument: CaseDocument;
  now: string;
  /** Only reviewers hold periodic reviews (R18); others see why the form is unavailable. */
  allowed: boolean;
  onReviewed: (reviewed: CaseDocument) => void;
}

export function PeriodicReviewForm({ caseDocument, now, allowed, onReviewed }: PeriodicReviewFormProps) {
  const { t } = useTranslation('review');
  const { apiError, fieldError } = useErrorText();
  const review = usePeriodicReview(caseDocument.id, caseDocument.version);
  const form = useForm<PeriodicFormInput, unknown, PeriodicFormOutput>({
    resolver: zodResolver(PeriodicReviewInput),
    defaultValues: { rationale: '' },
  });
  const { control, register, handleSubmit, formState } = form;
  const outcome = useWatch({ control, name: 'outcome' });
  const designation = caseDocument.designation;
  const endingCount = caseDocument.enforcementActions.filter(
    (action) => DESIGNATION_ACTIONS.includes(action.type) && isActionActive(action, now),
  ).length;

  const submit = handleSubmit(async (values) => {
    try {
      onReviewed(await review.mutateAsync(values));
    } catch {
      // The error is shown from the mutation's state below.
    }
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
            {outcome === 'modify' && <Alert severity="info">{t('periodic.modifyNote')}</Alert>}
            <TextField
              label={t('decision.rationale')}
              required
              multiline
              minRows={3}
              {...register('rationale')}
              error={!!formState.errors.rationale}
              helperText={fieldError(formState.errors.rationale?.message) ?? t('decision.rationaleHelp')}
            />
            <Box>
              <Button type="submit" variant="contained" disabled={!allowed || formState.isSubmitting} aria-describedby={allowed ? undefined : 'periodic-blocked'}>
                {formState.isSubmitting ? t('decision.submitting') : t('periodic.submit')}
              </Button>
            </Box>
          </Stack>
        </Box>
      </form>
    </Paper>
  );
}
