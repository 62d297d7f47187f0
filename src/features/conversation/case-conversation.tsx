// The conversation on a case (issue 12 §1), on the case page and the reviewer's page: comments by
// analysts and reviewers, the submission notes and every decision with its rationale, oldest first,
// with a box to add a comment. A comment is an event of the trail (R19): kept, never edited.
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/contract/audit';
import type { CaseDocument, ReviewDecision } from '../../api/contract/case';
import { CommentInput, type ConversationEventType } from '../../api/contract/conversation';
import { useUsers } from '../../api/client/case-queries';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import { useErrorText } from '../../components/api-error-text';
import { CharacterCount, maxLengthOf } from '../../components/character-count';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { CONVERSATION_PAGE, useCommentOnCase, useConversation } from './conversation-queries';
import { mentionable, mentionedIn, withMention } from './mentions';

export interface CaseConversationProps {
  caseDocument: CaseDocument;
  /** Analysts and reviewers comment; others (an admin) read. */
  canComment: boolean;
}

/** The return decision an event of the trail records: same reviewer, same instant. */
function returnOf(caseDocument: CaseDocument, event: AuditEvent): ReviewDecision | undefined {
  if (event.type !== 'case.returned') return undefined;
  return caseDocument.reviews.find((review) => review.decision === 'return' && review.decidedBy === event.actorId && review.decidedAt === event.at);
}

export function CaseConversation({ caseDocument, canComment }: CaseConversationProps) {
  const { t } = useTranslation('conversation');
  const conversation = useConversation(caseDocument.id);
  const titleId = `conversation-${caseDocument.id}`;
  const pages = conversation.data?.pages ?? [];
  // Pages come newest first; the list reads oldest first. An entry may move to the next page while
  // pages load (someone wrote meanwhile): shown once.
  const newestFirst = [...new Map(pages.flatMap((page) => page.items).map((event) => [event.id, event])).values()];
  const entries = newestFirst.toReversed();
  const total = pages[0]?.total ?? 0;
  const earlier = Math.min(Math.max(total - newestFirst.length, 0), CONVERSATION_PAGE);
  return (
    <Paper component="section" aria-labelledby={titleId} sx={{ p: 2, mt: 2 }}>
      <Typography id={titleId} variant="h6" component="h2">
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('intro')}
      </Typography>
      {conversation.error && <ErrorAlert error={conversation.error} onRetry={() => void conversation.refetch()} />}
      {conversation.isPending && <PageLoading />}
      {earlier > 0 && conversation.hasNextPage && (
        <Button size="small" disabled={conversation.isFetchingNextPage} onClick={() => void conversation.fetchNextPage()}>
          {t('earlier', { count: earlier })}
        </Button>
      )}
      {conversation.data && entries.length === 0 && (
        <Typography color="text.secondary" sx={{ my: 1 }}>
          {t('empty')}
        </Typography>
      )}
      {entries.length > 0 && (
        <Box component="ol" aria-label={t('listLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {entries.map((event) => (
            <ConversationEntry key={event.id} event={event} returned={returnOf(caseDocument, event)} />
          ))}
        </Box>
      )}
      {canComment ? <CommentComposer caseId={caseDocument.id} /> : <Typography variant="body2" color="text.secondary">{t('readOnly')}</Typography>}
    </Paper>
  );
}

function ConversationEntry({ event, returned }: { event: AuditEvent; returned: ReviewDecision | undefined }) {
  const { t } = useTranslation('conversation');
  const userName = useUserName();
  const comment = event.type === 'case.commented';
  return (
    <Box
      component="li"
      sx={{ py: 1, borderBottom: 1, borderColor: 'divider', pl: comment ? 0 : 1.5, borderLeft: comment ? 0 : 3, borderLeftColor: 'warning.main' }}
      data-testid="conversation-entry"
    >
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        <Box component="strong">{userName(event.actorId)}</Box> {t(`kind.${event.type as ConversationEventType}`)} · <DateTime value={event.at} />
      </Typography>
      {event.reason ? (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>
          {event.reason}
        </Typography>
      ) : (
        event.type === 'case.submitted' && <Typography variant="body2" color="text.secondary">{t('noNote')}</Typography>
      )}
      {event.mentions && (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {t('mentions.shown', { names: event.mentions.map(userName).join(', ') })}
        </Typography>
      )}
      {returned && returned.requests.length > 0 && (
        <Box component="ul" sx={{ mt: 0.5, mb: 0, pl: 3 }}>
          {returned.requests.map((request) => (
            <li key={request.id}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{request.text}</Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

const COMMENT_MAX_LENGTH = maxLengthOf(CommentInput.shape.text);

function CommentComposer({ caseId }: { caseId: string }) {
  const { t } = useTranslation('conversation');
  const { fieldError } = useErrorText();
  const comment = useCommentOnCase(caseId);
  const form = useForm<CommentInput, unknown, CommentInput>({ resolver: zodResolver(CommentInput), defaultValues: { text: '', mentions: [] } });
  const { register, handleSubmit, formState, reset, control, getValues, setValue } = form;
  const [sentNotice, setSentNotice] = useState(false);
  const users = useUsers();
  const myId = useCurrentUser().data?.id;
  const people = mentionable(users.data ?? [], myId);
  const text = useWatch({ control, name: 'text' }) ?? '';
  const mentioned = mentionedIn(text, people);
  const userName = useUserName();
  const submit = handleSubmit(async (values) => {
    setSentNotice(false);
    try {
      // Whoever's `@Name` is in the text when it is sent: picked from the list or typed.
      await comment.mutateAsync({ text: values.text, mentions: mentionedIn(values.text, people) });
      // Only once the server has it: a failed send keeps what was typed.
      reset({ text: '', mentions: [] });
      setSentNotice(true);
    } catch {
      // Shown below from the mutation's error; the text stays in the box.
    }
  });
  const textError = formState.errors.text?.message;
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ mt: 2 }} aria-label={t('composerLabel')}>
      <TextField
        {...register('text')}
        id={`comment-${caseId}`}
        label={t('composerLabel')}
        multiline
        minRows={2}
        fullWidth
        error={Boolean(textError)}
        helperText={<CharacterCount length={text.length} max={COMMENT_MAX_LENGTH} helperText={textError ? fieldError(textError) : t('composerHelp')} />}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      {mentioned.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }} data-testid="comment-mentions">
          {t('mentions.willNotify', { names: mentioned.map(userName).join(', ') })}
        </Typography>
      )}
      {comment.error && <ErrorAlert error={comment.error} />}
      <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
          {t('send')}
        </Button>
        {people.length > 0 && (
          <FormControl size="small" sx={{ minWidth: 200 }}>
            <InputLabel variant="standard" htmlFor={`mention-${caseId}`}>
              {t('mentions.pick')}
            </InputLabel>
            <NativeSelect
              id={`mention-${caseId}`}
              value=""
              onChange={(event) => {
                const person = people.find((candidate) => candidate.id === event.target.value);
                if (!person) return;
                setValue('text', withMention(getValues('text'), person), { shouldDirty: true });
                document.getElementById(`comment-${caseId}`)?.focus();
              }}
            >
              <option value="">{t('mentions.choose')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </NativeSelect>
          </FormControl>
        )}
        <output aria-live="polite">{sentNotice && <Typography variant="body2" component="span">{t('sent')}</Typography>}</output>
      </Stack>
    </Box>
  );
}
