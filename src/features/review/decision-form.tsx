// The reviewer's decision (R17-R18): approve, return with comments or reject, each with a written
// rationale; deciding against the engine's verdict at submission needs an override justification (R8).
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
import { Controller, FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/client/http-client';
import { MAX_RETURN_REQUESTS, ReviewDecisionKind, type CaseDocument } from '../../api/contract/case';
import { ReturnRequestInput } from '../../api/contract/conversation';
import { DecisionFields } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import type { VerdictOutcome } from '../../engine/policy-terms';
import { useDecideCase } from './review-queries';
import { decisionIsOverride } from '../../engine/designation-rules';
import { isModification, type DecisionBlock } from './review-rules';
import { ReturnRequestsField } from './return-requests-field';

/** The contract's limits, for the counters and the form's own checks. */
const RATIONALE_MAX_LENGTH = maxLengthOf(DecisionFields.shape.rationale);
const OVERRIDE_MAX_LENGTH = maxLengthOf(DecisionFields.shape.overrideJustification);

function decisionFormSchema(outcome: VerdictOutcome) {
  return DecisionFields.extend({
    overrideJustification: z.string().max(OVERRIDE_MAX_LENGTH),
    // Checked only when they go with the decision: a return (issue 12 §2).
    requests: z.array(z.object({ text: z.string(), target: z.string() })).max(MAX_RETURN_REQUESTS, 'request.tooMany'),
  }).superRefine((value, ctx) => {
    if (value.decision === 'return') {
      // Each request's text by the contract's own rule, so its messages (required, "Too long: at most
      // 1,000 characters") are the server's.
      value.requests.forEach((request, index) => {
        const text = ReturnRequestInput.shape.text.safeParse(request.text);
        if (!text.success) ctx.addIssue({ code: 'custom', path: ['requests', index, 'text'], message: text.error.issues[0]?.message ?? 'required' });
      });
    }
    if (decisionIsOverride(outcome, value.decision) && value.overrideJustification.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['overrideJustification'], message: 'required' });
    }
  });
}
type DecisionFormInput = z.input<ReturnType<typeof decisionFormSchema>>;
type DecisionFormOutput = z.output<ReturnType<typeof decisionFormSchema>>;

export interface DecisionFormProps {
  caseDocument: CaseDocument;
  blocks: DecisionBlock[];
  onDecided: (decided: CaseDocument, decision: ReviewDecisionKind) => void;
  /** A decision picked in the decision bar (narrow screens): chosen here, and the rationale focused. */
  chosen?: ChosenDecision | null;
}

/** `at` tells two picks of the same decision apart, so each one focuses the rationale again. */
export interface ChosenDecision {
  decision: ReviewDecisionKind;
  at: number;
}

export const RATIONALE_INPUT_ID = 'decision-rationale';

export function DecisionForm({ caseDocument, blocks, onDecided, chosen = null }: DecisionFormProps) {
  const { t } = useTranslation(['review', 'policy', 'common']);
  const { apiError, fieldError } = useErrorText();
  const outcome = caseDocument.submission?.verdict.outcome ?? 'incomplete';
  const decide = useDecideCase(caseDocument.id, caseDocument.version);
  const form = useForm<DecisionFormInput, unknown, DecisionFormOutput>({
    resolver: zodResolver(decisionFormSchema(outcome)),
    defaultValues: { rationale: '', overrideJustification: '', requests: [] },
  });
  const { control, register, handleSubmit, formState, setError } = form;
  const decision = useWatch({ control, name: 'decision' });
  const override = decision !== undefined && decisionIsOverride(outcome, decision);
  const modification = isModification(caseDocument);
  const blocked = blocks.length > 0;
  const { setValue } = form;
  useEffect(() => {
    if (!chosen) return;
    setValue('decision', chosen.decision, { shouldDirty: true });
    // Focusing the field brings the form into view, below the case on a narrow screen.
    document.getElementById(RATIONALE_INPUT_ID)?.focus();
  }, [chosen, setValue]);

  const submit = handleSubmit(async (values) => {
    try {
      const decided = await decide.mutateAsync({
        decision: values.decision,
        rationale: values.rationale,
        overrideJustification: decisionIsOverride(outcome, values.decision) ? values.overrideJustification : null,
        requests:
          values.decision === 'return'
            ? values.requests.map((request) => ({ text: request.text.trim(), target: request.target === '' ? null : request.target }))
            : [],
      });
      onDecided(decided, values.decision);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation') {
        for (const item of error.fieldErrors) setError(item.path as FieldPath<DecisionFormInput>, { message: item.message });
      }
    }
  });

  const refused = decide.error instanceof ApiError && decide.error.code === 'forbidden';
  return (
    <Paper component="section" aria-labelledby="decision-title" sx={{ p: 2 }}>
      <Typography id="decision-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('decision.title')}
      </Typography>
      {blocked && (
        <Alert severity="warning" id="decision-blocked" sx={{ mb: 2 }} data-testid="four-eyes-explanation">
          <strong>{t('fourEyes.title')}</strong>
          {blocks.map((block) => (
            <Box key={block} component="span" sx={{ display: 'block' }}>
              {t(`fourEyes.${block}`)}
            </Box>
          ))}
        </Alert>
      )}
      {decide.error && !(decide.error instanceof ApiError && decide.error.code === 'validation') && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="decision-error">
          {refused && <strong>{t('fourEyes.refusedTitle')} </strong>}
          {apiError(decide.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Box component="fieldset" disabled={blocked} sx={{ border: 0, p: 0, m: 0 }}>
          <Stack spacing={2}>
            <Controller
              control={control}
              name="decision"
              render={({ field }) => (
                <FormControl error={!!formState.errors.decision} component="fieldset" variant="standard">
                  <FormLabel component="legend">{t('decision.legend')}</FormLabel>
                  <RadioGroup name={field.name} value={field.value ?? ''} onChange={(event) => field.onChange(event.target.value)}>
                    {ReviewDecisionKind.options.map((kind) => (
                      <FormControlLabel
                        key={kind}
                        value={kind}
                        disabled={blocked || (kind === 'reject' && modification)}
                        control={<Radio />}
                        label={t(`decision.options.${kind}`)}
                      />
                    ))}
                  </RadioGroup>
                  {modification && <FormHelperText>{t('decision.modificationNoReject')}</FormHelperText>}
                  {formState.errors.decision && <FormHelperText>{t('decision.chooseOne')}</FormHelperText>}
                </FormControl>
              )}
            />
            <TextField
              id={RATIONALE_INPUT_ID}
              label={decision === 'return' ? t('decision.comments') : t('decision.rationale')}
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
            {decision === 'return' && (
              <FormProvider {...form}>
                <ReturnRequestsField />
              </FormProvider>
            )}
            {override && (
              <Box>
                <Alert severity="info" sx={{ mb: 1 }} data-testid="override-notice">
                  {t('decision.override.explain', {
                    verdict: t(`policy:verdict.${outcome}`),
                    decision: t(`decision.options.${decision}`),
                  })}
                </Alert>
                <TextField
                  fullWidth
                  label={t('decision.override.justification')}
                  required
                  multiline
                  minRows={3}
                  {...register('overrideJustification')}
                  error={!!formState.errors.overrideJustification}
                  helperText={
                    <FormCharacterCount
                      control={control}
                      name="overrideJustification"
                      max={OVERRIDE_MAX_LENGTH}
                      helperText={fieldError(formState.errors.overrideJustification?.message) ?? t('decision.override.help')}
                    />
                  }
                />
              </Box>
            )}
            <Box>
              <Button
                type="submit"
                variant="contained"
                disabled={blocked || formState.isSubmitting}
                aria-describedby={blocked ? 'decision-blocked' : undefined}
              >
                {formState.isSubmitting ? t('decision.submitting') : t('decision.submit')}
              </Button>
            </Box>
          </Stack>
        </Box>
      </form>
    </Paper>
  );
}
