// R15 on the designation record page: re-application proposals that imports made (an account whose
// visibility limit expired continues the group's behaviour), each with the activity it rests on; a
// reviewer re-applies or dismisses each, and decides whether the system may re-apply by itself. An
// automatic re-application shows in the actions list as applied by the system, and is lifted there.
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useUserName } from '../../api/client/user-queries';
import type { CaseDocument, ContinuationActivity, ReapplicationProposal } from '../../api/contract/case';
import { ReapplicationDecisionInput } from '../../api/contract/requests';
import { hasRole, type User } from '../../api/contract/users';
import { useErrorText } from '../../components/api-error-text';
import { FormCharacterCount, maxLengthOf } from '../../components/character-count';
import { DateTime, formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { useDecideReapplication, useSetAutoReapply } from './enforcement-queries';

export function ReapplicationSection({ caseDocument, me }: { caseDocument: CaseDocument; me: User }) {
  const { t } = useTranslation('enforcement');
  const proposals = caseDocument.reapplicationProposals;
  const open = proposals.filter((proposal) => proposal.decision === null);
  const decided = proposals.filter((proposal) => proposal.decision !== null).toReversed();
  const reviewer = hasRole(me, 'reviewer');
  return (
    <Paper component="section" aria-labelledby="reapplication-title" sx={{ p: 2 }} data-testid="reapplication-section">
      <Typography id="reapplication-title" variant="h6" component="h2">
        {t('reapplication.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('reapplication.intro')}
      </Typography>
      <AutoReapplySwitch caseDocument={caseDocument} reviewer={reviewer} />
      {proposals.length === 0 && <Typography sx={{ mt: 1 }}>{t('reapplication.none')}</Typography>}
      {open.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle1" component="h3">
            {t('reapplication.openTitle')}
          </Typography>
          <Stack spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {open.map((proposal) => (
              <Box component="li" key={proposal.id} data-testid="reapplication-open" sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
                <ProposalFacts caseDocument={caseDocument} proposal={proposal} />
                {reviewer ? (
                  <DecisionForm caseDocument={caseDocument} proposal={proposal} />
                ) : (
                  <Typography variant="body2" color="text.secondary">{t('reapplication.waiting')}</Typography>
                )}
              </Box>
            ))}
          </Stack>
        </Box>
      )}
      {decided.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle1" component="h3">
            {t('reapplication.decidedTitle')}
          </Typography>
          <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {decided.map((proposal) => (
              <Box component="li" key={proposal.id} data-testid="reapplication-decided" sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
                <DecidedFacts caseDocument={caseDocument} proposal={proposal} />
              </Box>
            ))}
          </Stack>
        </Box>
      )}
    </Paper>
  );
}

function AutoReapplySwitch({ caseDocument, reviewer }: { caseDocument: CaseDocument; reviewer: boolean }) {
  const { t, i18n } = useTranslation('enforcement');
  const userName = useUserName();
  const setAuto = useSetAutoReapply(caseDocument.id, caseDocument.version);
  const setting = caseDocument.autoReapply;
  const enabled = setting?.enabled ?? false;
  return (
    <Box>
      <FormControlLabel
        control={
          <Switch
            checked={enabled}
            disabled={!reviewer || setAuto.isPending}
            onChange={(event) => setAuto.mutate(event.target.checked)}
            slotProps={{ input: { 'aria-describedby': 'auto-reapply-state' } }}
          />
        }
        label={t('reapplication.autoLabel')}
      />
      <Typography id="auto-reapply-state" variant="body2" color="text.secondary" data-testid="auto-reapply-state">
        {enabled && setting
          ? t('reapplication.autoOn', { date: formatDateTime(setting.setAt, i18n.language), name: userName(setting.setBy) })
          : t('reapplication.autoOff')}
        {!reviewer && ` ${t('reapplication.autoReviewerOnly')}`}
      </Typography>
      {setAuto.error && <ErrorAlert error={setAuto.error} />}
    </Box>
  );
}

/** The expired limit a proposal names, and when it expired. */
function expiredLimitOf(caseDocument: CaseDocument, proposal: ReapplicationProposal) {
  return caseDocument.enforcementActions.find((action) => action.id === proposal.actionId) ?? null;
}

function ActivityFacts({ activity }: { activity: ContinuationActivity }) {
  const { t, i18n } = useTranslation('enforcement');
  return (
    <>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {t('reapplication.activity', {
          count: activity.posts,
          first: formatDateTime(activity.firstAt, i18n.language),
          last: formatDateTime(activity.lastAt, i18n.language),
          file: activity.fileName,
        })}
      </Typography>
      <Box component="ul" aria-label={t('reapplication.examplesLabel')} sx={{ pl: 2, my: 0.5 }}>
        {activity.examples.map((post) => (
          <Box component="li" key={post.postId} sx={{ overflowWrap: 'anywhere' }}>
            <Typography variant="body2" component="span">
              {post.postId} · <DateTime value={post.at} />{' '}
            </Typography>
            {post.matches.map((match) => (
              <Chip key={`${match.kind}:${match.value}`} size="small" variant="outlined" sx={{ mr: 0.5, maxWidth: '100%' }} label={t(`reapplication.match.${match.kind}`, { value: match.value })} />
            ))}
          </Box>
        ))}
      </Box>
    </>
  );
}

function ProposalFacts({ caseDocument, proposal }: { caseDocument: CaseDocument; proposal: ReapplicationProposal }) {
  const { t } = useTranslation('enforcement');
  const userName = useUserName();
  const limit = expiredLimitOf(caseDocument, proposal);
  return (
    <Box>
      <Typography sx={{ fontWeight: 'medium' }}>
        {t('reapplication.proposal', { handle: proposal.handle })} {limit?.expiresAt ? <DateTime value={limit.expiresAt} /> : '—'}
      </Typography>
      <ActivityFacts activity={proposal.activity} />
      <Typography variant="body2" color="text.secondary">
        {t('reapplication.proposedBy', { name: userName(proposal.proposedBy) })} <DateTime value={proposal.proposedAt} />
      </Typography>
    </Box>
  );
}

function DecidedFacts({ caseDocument, proposal }: { caseDocument: CaseDocument; proposal: ReapplicationProposal }) {
  const { t } = useTranslation('enforcement');
  const userName = useUserName();
  const decision = proposal.decision;
  if (!decision) return null;
  const outcome = decision.automatic ? 'automatic' : decision.outcome;
  return (
    <Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" color={decision.outcome === 'applied' ? 'warning' : 'default'} label={t(`reapplication.outcome.${outcome}`)} />
        <Typography variant="body2">
          {t('reapplication.decidedBy', { name: userName(decision.decidedBy) })} <DateTime value={decision.decidedAt} />
        </Typography>
      </Stack>
      <ProposalFacts caseDocument={caseDocument} proposal={proposal} />
      {!decision.automatic && (
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {decision.note}
        </Typography>
      )}
    </Box>
  );
}

const NoteFields = ReapplicationDecisionInput.pick({ note: true });
const NOTE_MAX_LENGTH = maxLengthOf(NoteFields.shape.note);

function DecisionForm({ caseDocument, proposal }: { caseDocument: CaseDocument; proposal: ReapplicationProposal }) {
  const { t } = useTranslation('enforcement');
  const { fieldError } = useErrorText();
  const decide = useDecideReapplication(caseDocument.id, caseDocument.version);
  const form = useForm<z.input<typeof NoteFields>, unknown, z.output<typeof NoteFields>>({
    resolver: zodResolver(NoteFields),
    defaultValues: { note: '' },
  });
  const { control, register, handleSubmit, formState } = form;
  const decideWith = (outcome: 'apply' | 'dismiss') =>
    handleSubmit(async ({ note }) => {
      try {
        await decide.mutateAsync({ proposalId: proposal.id, body: { outcome, note } });
      } catch {
        // Shown from the mutation's error below; the note stays.
      }
    });
  const noteId = `reapplication-note-${proposal.id}`;
  return (
    <Box component="form" noValidate aria-label={t('reapplication.decisionLabel', { handle: proposal.handle })} onSubmit={(event) => void decideWith('apply')(event)} sx={{ mt: 1 }}>
      <Stack spacing={1}>
        <TextField
          id={noteId}
          label={t('reapplication.note')}
          required
          multiline
          minRows={2}
          {...register('note')}
          error={Boolean(formState.errors.note)}
          helperText={<FormCharacterCount control={control} name="note" max={NOTE_MAX_LENGTH} helperText={fieldError(formState.errors.note?.message)} />}
        />
        {decide.error && <ErrorAlert error={decide.error} />}
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" color="warning" disabled={formState.isSubmitting}>
            {t('reapplication.apply')}
          </Button>
          <Button type="button" disabled={formState.isSubmitting} onClick={(event) => void decideWith('dismiss')(event)}>
            {t('reapplication.dismiss')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
