// R14: apply one enforcement action to an account, a Tweet or a trend term, with its basis. The
// framework's own actions need a designation in force and a confirmed association; those under the
// general Rules are available on any case, aimed at any account of it. Visibility-type actions get an
// expiry from the case's setting (R15); the form says which.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client/http-client';
import type { CaseDocument } from '../../api/contract/case';
import { EnforcementActionType } from '../../api/contract/policy-terms';
import { ApplyActionInput } from '../../api/contract/requests';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { ACTION_TARGETS, type EnforcementActionType as ActionTypeName } from '../../engine/policy-terms';
import { DESIGNATION_ACTION_TYPES, EXPIRING_ACTION_TYPES, GENERAL_RULES_ACTION_TYPES, generalRulesAccounts, needsDesignation } from '../../engine/schedule';
import { useApplyAction } from './enforcement-queries';

const BASIS_MAX_LENGTH = maxLengthOf(ApplyActionInput.shape.basis);

const ApplyActionForm = ApplyActionInput.superRefine((value, ctx) => {
  if (!ACTION_TARGETS[value.type].includes(value.target)) ctx.addIssue({ code: 'custom', path: ['target'], message: 'action.targetMismatch' });
});
type FormInput = z.input<typeof ApplyActionForm>;
type FormOutput = z.output<typeof ApplyActionForm>;

const EMPTY: FormInput = { type: 'limit-visibility', target: 'account', targetRef: '', basis: '' };
const EMPTY_GENERAL: FormInput = { type: 'require-tweet-removal', target: 'tweet', targetRef: '', basis: '' };

export interface ApplyActionFormProps {
  caseDocument: CaseDocument;
  /** No designation in force: only actions under the general Rules are offered (R14). */
  generalRulesOnly?: boolean;
}

export function ApplyActionFormView({ caseDocument, generalRulesOnly = false }: ApplyActionFormProps) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const { apiError, fieldError } = useErrorText();
  const apply = useApplyAction(caseDocument.id, caseDocument.version);
  const [applied, setApplied] = useState<ActionTypeName | null>(null);
  const empty = generalRulesOnly ? EMPTY_GENERAL : EMPTY;
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(ApplyActionForm), defaultValues: empty });
  const { control, register, handleSubmit, formState, setValue, setError, reset } = form;
  const type = useWatch({ control, name: 'type' });
  const target = useWatch({ control, name: 'target' });
  const designationAction = needsDesignation(type);
  const confirmed = caseDocument.accounts.filter((account) => account.status === 'confirmed');
  const caseAccounts = designationAction ? [] : generalRulesAccounts(caseDocument.signals, caseDocument.accounts);

  const submit = handleSubmit(async (values) => {
    setApplied(null);
    try {
      await apply.mutateAsync(values);
      setApplied(values.type);
      reset({ ...empty, type: values.type, target: values.target });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation') {
        for (const item of error.fieldErrors) setError(item.path as FieldPath<FormInput>, { message: item.message });
      }
    }
  });

  const refError = (message: string | undefined) =>
    message === 'action.accountNotConfirmed' ? t('actions.accountNotConfirmed')
      : message === 'action.primaryUseFindingRequired' ? t('actions.primaryUseRequired')
        : message === 'action.accountNotInCase' ? t('actions.accountNotInCase')
          : fieldError(message);

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby="apply-action-title" sx={{ mt: 2 }}>
      <Typography id="apply-action-title" variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {t('actions.applyTitle')}
      </Typography>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Controller
            control={control}
            name="type"
            render={({ field }) => (
              <TextField
                select
                label={t('actions.type')}
                value={field.value}
                onChange={(event) => {
                  const next = EnforcementActionType.parse(event.target.value);
                  field.onChange(next);
                  const allowed = ACTION_TARGETS[next];
                  if (!allowed.includes(target)) setValue('target', allowed[0] ?? 'account');
                  setValue('targetRef', '');
                }}
                sx={{ minWidth: 280 }}
              >
                {!generalRulesOnly && <ListSubheader>{t('actions.groupFramework')}</ListSubheader>}
                {!generalRulesOnly &&
                  DESIGNATION_ACTION_TYPES.map((value) => (
                    <MenuItem key={value} value={value}>
                      {t(`policy:actionShort.${value}`)}
                    </MenuItem>
                  ))}
                <ListSubheader>{t('actions.groupGeneral')}</ListSubheader>
                {GENERAL_RULES_ACTION_TYPES.map((value) => (
                  <MenuItem key={value} value={value}>
                    {t(`policy:actionShort.${value}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
          <Controller
            control={control}
            name="target"
            render={({ field }) => (
              <TextField
                select
                label={t('actions.target')}
                value={field.value}
                onChange={(event) => {
                  field.onChange(event.target.value);
                  setValue('targetRef', '');
                }}
                error={!!formState.errors.target}
                helperText={formState.errors.target ? t('actions.targetMismatch') : undefined}
                sx={{ minWidth: 180 }}
              >
                {ACTION_TARGETS[type].map((value) => (
                  <MenuItem key={value} value={value}>
                    {t(`policy:target.${value}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
          {target === 'account' ? (
            <Controller
              control={control}
              name="targetRef"
              render={({ field }) => (
                <TextField
                  select
                  label={designationAction ? t('actions.account') : t('actions.caseAccount')}
                  value={field.value}
                  onChange={(event) => field.onChange(event.target.value)}
                  error={!!formState.errors.targetRef}
                  helperText={
                    refError(formState.errors.targetRef?.message) ??
                    (designationAction
                      ? confirmed.length === 0 ? t('actions.noConfirmed') : t('actions.accountHelp')
                      : caseAccounts.length === 0 ? t('actions.noCaseAccount') : t('actions.caseAccountHelp'))
                  }
                  sx={{ minWidth: 240 }}
                >
                  {caseAccounts.map((handle) => (
                    <MenuItem key={handle} value={handle}>
                      @{handle}
                    </MenuItem>
                  ))}
                  {designationAction && confirmed.map((account) => {
                    const lacksFinding = type === 'suspend-primary-use' && !account.primaryUseFinding;
                    return (
                      <MenuItem key={account.handle} value={account.handle} disabled={lacksFinding}>
                        @{account.handle}
                        {lacksFinding ? ` (${t('actions.noFinding')})` : ''}
                      </MenuItem>
                    );
                  })}
                </TextField>
              )}
            />
          ) : (
            <TextField
              label={target === 'tweet' ? t('actions.tweetId') : t('actions.trendTerm')}
              {...register('targetRef')}
              error={!!formState.errors.targetRef}
              helperText={
                refError(formState.errors.targetRef?.message) ??
                (target === 'trend-term' && caseDocument.actor.trendTerms.length > 0
                  ? t('actions.knownTrendTerms', { terms: caseDocument.actor.trendTerms.join(', ') })
                  : undefined)
              }
              sx={{ minWidth: 240 }}
            />
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {/* The policy's wording has no full stop of its own: one before the expiry's sentence. */}
          {t(`policy:action.${type}`)}.{' '}
          {EXPIRING_ACTION_TYPES.includes(type)
            ? t('actions.expiresAfter', { days: caseDocument.settings.visibilityLimitDays })
            : t('actions.noExpiry')}
        </Typography>
        <TextField
          label={t('actions.basis')}
          required
          multiline
          minRows={2}
          {...register('basis')}
          error={!!formState.errors.basis}
          helperText={
            <FormCharacterCount control={control} name="basis" max={BASIS_MAX_LENGTH} helperText={fieldError(formState.errors.basis?.message) ?? t('actions.basisHelp')} />
          }
        />
        {apply.error && !(apply.error instanceof ApiError && apply.error.code === 'validation') && (
          <Alert severity="error" role="alert">
            {apiError(apply.error)}
          </Alert>
        )}
        <Box aria-live="polite">{applied && <Alert severity="success">{t('actions.applied', { action: t(`policy:actionShort.${applied}`) })}</Alert>}</Box>
        <Box>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('actions.apply')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
