// R3 on the designation record page: the platform-manipulation track as the engine sees the case now,
// an analyst's proposal of permanent suspension for accounts of its establishing technical signals,
// a reviewer's decision on it (four eyes, R18; the backend enforces the same), and the decisions
// taken. Available whatever the harm verdict and whether or not the case is designated.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useUserName } from '../../api/client/user-queries';
import { pendingManipulationProposal, type CaseDocument, type ManipulationProposal } from '../../api/contract/case';
import { ManipulationDecisionInput, ManipulationProposalInput } from '../../api/contract/requests';
import { hasRole, type User } from '../../api/contract/users';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { evaluate } from '../../engine/evaluate';
import { fourEyesBlock } from '../../engine/four-eyes';
import { useDecideManipulation, useProposeManipulation } from './enforcement-queries';

/** The track as the engine sees the case's content now (R3). */
function useTrack(caseDocument: CaseDocument, now: string) {
  return useMemo(() => evaluate(caseDocument, { now }).platformManipulationTrack, [caseDocument, now]);
}

export function ManipulationSection({ caseDocument, me, now }: { caseDocument: CaseDocument; me: User; now: string }) {
  const { t } = useTranslation('enforcement');
  const track = useTrack(caseDocument, now);
  const proposals = caseDocument.manipulationProposals;
  if (!track && proposals.length === 0) return null;
  const pending = pendingManipulationProposal(caseDocument);
  const decided = proposals.filter((proposal) => proposal.decision !== null).toReversed();
  return (
    <Paper component="section" aria-labelledby="manipulation-title" sx={{ p: 2 }} data-testid="manipulation-section">
      <Typography id="manipulation-title" variant="h6" component="h2">
        {t('manipulation.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('manipulation.intro')}
      </Typography>
      {track ? (
        <Typography sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          {t('manipulation.track', { signals: track.signalIds.length, accounts: track.accounts.map((handle) => `@${handle}`).join(', ') })}
        </Typography>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }}>{t('manipulation.noTrack')}</Alert>
      )}
      {pending ? (
        <PendingProposal caseDocument={caseDocument} proposal={pending} me={me} />
      ) : (
        track && hasRole(me, 'analyst') && <ProposeForm caseDocument={caseDocument} accounts={track.accounts} />
      )}
      {decided.length > 0 && <DecidedProposals proposals={decided} />}
    </Paper>
  );
}

function ProposeForm({ caseDocument, accounts }: { caseDocument: CaseDocument; accounts: string[] }) {
  const { t } = useTranslation('enforcement');
  const { fieldError } = useErrorText();
  const propose = useProposeManipulation(caseDocument.id, caseDocument.version);
  const form = useForm<z.input<typeof ManipulationProposalInput>, unknown, z.output<typeof ManipulationProposalInput>>({
    resolver: zodResolver(ManipulationProposalInput),
    defaultValues: { accounts, basis: '' },
  });
  const { control, register, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    try {
      // Only accounts still on the track: its signals may have changed since the form opened.
      await propose.mutateAsync({ ...values, accounts: values.accounts.filter((handle) => accounts.includes(handle)) });
    } catch {
      // Shown from the mutation's error below; what was typed stays.
    }
  });
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="manipulation-propose-title">
      <Typography id="manipulation-propose-title" variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {t('manipulation.proposeTitle')}
      </Typography>
      <Stack spacing={2}>
        <Controller
          control={control}
          name="accounts"
          render={({ field }) => (
            <FormControl component="fieldset" variant="standard" error={Boolean(formState.errors.accounts)}>
              <FormLabel component="legend">{t('manipulation.accountsLegend')}</FormLabel>
              <FormGroup row>
                {accounts.map((handle) => (
                  <FormControlLabel
                    key={handle}
                    label={`@${handle}`}
                    control={
                      <Checkbox
                        checked={field.value.includes(handle)}
                        onChange={(event) => field.onChange(event.target.checked ? [...field.value, handle] : field.value.filter((value) => value !== handle))}
                      />
                    }
                  />
                ))}
              </FormGroup>
              <FormHelperText>{formState.errors.accounts ? t('manipulation.chooseAccount') : t('manipulation.accountsHelp')}</FormHelperText>
            </FormControl>
          )}
        />
        <TextField
          label={t('manipulation.basis')}
          required
          multiline
          minRows={2}
          {...register('basis')}
          error={Boolean(formState.errors.basis)}
          helperText={<FormCharacterCount control={control} name="basis" max={BASIS_MAX_LENGTH} helperText={fieldError(formState.errors.basis?.message)} />}
        />
        {propose.error && <ErrorAlert error={propose.error} />}
        <Box>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('manipulation.propose')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

type DecisionFields = z.input<typeof ManipulationDecisionInput>;
const BASIS_MAX_LENGTH = maxLengthOf(ManipulationProposalInput.shape.basis);
const RATIONALE_MAX_LENGTH = maxLengthOf(ManipulationDecisionInput.shape.rationale);

function PendingProposal({ caseDocument, proposal, me }: { caseDocument: CaseDocument; proposal: ManipulationProposal; me: User }) {
  const { t } = useTranslation('enforcement');
  const { fieldError } = useErrorText();
  const userName = useUserName();
  const decide = useDecideManipulation(caseDocument.id, caseDocument.version);
  const form = useForm<DecisionFields, unknown, z.output<typeof ManipulationDecisionInput>>({
    resolver: zodResolver(ManipulationDecisionInput),
    defaultValues: { rationale: '' },
  });
  const { control, register, handleSubmit, formState } = form;
  // R18 as the backend applies it: not the proposer, nor anyone who wrote or submitted the case.
  const blocked = proposal.proposedBy === me.id
    ? t('manipulation.proposerBlocked')
    : fourEyesBlock(caseDocument, me.id)
      ? t('manipulation.authorBlocked')
      : null;
  const submit = handleSubmit(async (values) => {
    try {
      await decide.mutateAsync({ proposalId: proposal.id, body: values });
    } catch {
      // Shown from the mutation's error below.
    }
  });
  return (
    <Box data-testid="manipulation-pending">
      <Typography variant="subtitle1" component="h3">
        {t('manipulation.pending', { name: userName(proposal.proposedBy) })} <DateTime value={proposal.proposedAt} />
      </Typography>
      <Typography sx={{ overflowWrap: 'anywhere' }}>{t('manipulation.pendingAccounts', { accounts: proposal.accounts.map((handle) => `@${handle}`).join(', ') })}</Typography>
      <Typography component="blockquote" sx={{ m: 0, my: 1, pl: 1.5, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {proposal.basis}
      </Typography>
      {!hasRole(me, 'reviewer') ? (
        <Typography variant="body2" color="text.secondary">{t('manipulation.waiting')}</Typography>
      ) : blocked ? (
        <Alert severity="warning" data-testid="manipulation-blocked">{blocked}</Alert>
      ) : (
        <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('manipulation.decisionLegend')}>
          <Stack spacing={2}>
            <Controller
              control={control}
              name="outcome"
              render={({ field }) => (
                <FormControl component="fieldset" variant="standard" error={Boolean(formState.errors.outcome)}>
                  <FormLabel component="legend">{t('manipulation.decisionLegend')}</FormLabel>
                  <RadioGroup name={field.name} value={field.value ?? ''} onChange={(event) => field.onChange(event.target.value)}>
                    <FormControlLabel value="approve" control={<Radio />} label={t('manipulation.approve')} />
                    <FormControlLabel value="reject" control={<Radio />} label={t('manipulation.reject')} />
                  </RadioGroup>
                  {formState.errors.outcome && <FormHelperText>{fieldError('required')}</FormHelperText>}
                </FormControl>
              )}
            />
            <TextField
              label={t('manipulation.rationale')}
              required
              multiline
              minRows={2}
              {...register('rationale')}
              error={Boolean(formState.errors.rationale)}
              helperText={
                <FormCharacterCount
                  control={control}
                  name="rationale"
                  max={RATIONALE_MAX_LENGTH}
                  helperText={fieldError(formState.errors.rationale?.message) ?? t('manipulation.rationaleHelp')}
                />
              }
            />
            {decide.error && <ErrorAlert error={decide.error} />}
            <Box>
              <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
                {t('manipulation.decide')}
              </Button>
            </Box>
          </Stack>
        </Box>
      )}
    </Box>
  );
}

function DecidedProposals({ proposals }: { proposals: ManipulationProposal[] }) {
  const { t } = useTranslation('enforcement');
  const userName = useUserName();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3">
        {t('manipulation.history')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {proposals.map((proposal) =>
          proposal.decision ? (
            <Box component="li" key={proposal.id} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid="manipulation-decided">
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Chip size="small" color={proposal.decision.outcome === 'approve' ? 'error' : 'default'} label={t(`manipulation.outcome.${proposal.decision.outcome}`)} />
                <Typography variant="body2">
                  {t('manipulation.decidedBy', { outcome: t(`manipulation.outcome.${proposal.decision.outcome}`), name: userName(proposal.decision.decidedBy) })}{' '}
                  <DateTime value={proposal.decision.decidedAt} /> · {t('manipulation.proposedBy', { name: userName(proposal.proposedBy) })}
                </Typography>
              </Stack>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {t('manipulation.pendingAccounts', { accounts: proposal.accounts.map((handle) => `@${handle}`).join(', ') })}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {proposal.decision.rationale}
              </Typography>
            </Box>
          ) : null,
        )}
      </Box>
    </Box>
  );
}
