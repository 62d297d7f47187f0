// The conversation on a case (issue 12 §1-§2): analysts' and reviewers' comments, the submission
// notes and every decision's rationale, and a return's requests ticked off — all events of the
// append-only trail (R19), so the conversation is kept across status changes and never edited.
// A comment or a tick is not a change of the case: it does not move the case's version, so nobody's
// unsaved edits meet a conflict because someone wrote a comment.
import { z } from 'zod';
import { AuditPageParams, MAX_MENTIONS, type AuditEventType } from './audit';
import type { ReviewDecision } from './case';
import { longText, shortText } from './primitives';
import { Id, UtcTimestamp } from './scalars';

/** The trail's events that make up the conversation, in the order the UI explains them. */
export const CONVERSATION_EVENT_TYPES = [
  'case.commented',
  'case.submitted',
  'case.returned',
  'case.request-addressed',
  'case.request-reopened',
  'case.approved',
  'case.rejected',
  'case.override',
  'case.review-maintained',
  'case.review-modify',
  'case.withdrawn',
] as const satisfies readonly AuditEventType[];
export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

/**
 * A comment, and the people it mentions (issue 12 §8): ids of people with a case role, each written
 * `@Name` in the text by the composer; their bells tell them.
 */
export const CommentInput = z.object({
  text: longText(5_000).trim().min(1, 'required'),
  mentions: z.array(Id).max(MAX_MENTIONS, 'mention.tooMany').default([]),
});
export type CommentInput = z.input<typeof CommentInput>;

/**
 * The people of `people` a comment's text mentions: `@Name` (any case), not followed by a letter or
 * digit (so "@Ana" is not found in "@Anand"), in the order of `people`. The composer sends these and
 * the backend checks that every mention it is sent is one of them (issue 12 §8).
 */
export function mentionedIn(text: string, people: readonly { id: string; name: string }[]): string[] {
  return people
    .filter((person) => new RegExp(`@${person.name.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text))
    .map((person) => person.id);
}

/** Newest first, a page at a time, like the trail it is part of. */
export const ConversationQuery = AuditPageParams;
export type ConversationQuery = z.input<typeof ConversationQuery>;

/**
 * Where a return request points: a field of the case form by its path (`harm.physical.evidence`,
 * `questions.identifiableGroup`) or one signal (`signals.sig-3`).
 */
export const RequestTarget = z
  .string()
  .max(120)
  .regex(/^(?:signals\.[A-Za-z0-9_-]{1,64}|[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*){0,2})$/, 'request.target');

/** A reviewer's request when returning a case (issue 12 §2). */
export const ReturnRequestInput = z.object({
  text: shortText(1_000).min(1, 'required'),
  target: z.nullable(RequestTarget).default(null),
});
export type ReturnRequestInput = z.input<typeof ReturnRequestInput>;

/**
 * The review decision whose requests are open: the case's latest decision, when it was a return. One
 * definition for the backend (ticks, listing) and the screens (banner, status chip).
 */
export function latestReturn(caseDocument: { reviews: readonly ReviewDecision[] }): ReviewDecision | null {
  const last = caseDocument.reviews.at(-1);
  return last?.decision === 'return' ? last : null;
}

export const ReturnRequest = z.object({ id: Id, text: shortText(1_000).min(1), target: z.nullable(RequestTarget) });
export type ReturnRequest = z.infer<typeof ReturnRequest>;

export const RequestParams = z.object({ caseId: Id, requestId: Id });
export const RequestTickInput = z.object({ addressed: z.boolean() });
export type RequestTickInput = z.input<typeof RequestTickInput>;

/** A request of the case's latest return, with whether the analyst marked it addressed. */
export const ReturnRequestState = ReturnRequest.extend({
  addressed: z.boolean(),
  /** Who last ticked or unticked it, and when; null while nobody has. */
  tickedBy: z.nullable(Id),
  tickedAt: z.nullable(UtcTimestamp),
});
export type ReturnRequestState = z.infer<typeof ReturnRequestState>;

/** The latest return's requests; empty when the case was never returned with requests. */
export const ReturnRequestList = z.object({
  returnedBy: z.nullable(Id),
  returnedAt: z.nullable(UtcTimestamp),
  requests: z.array(ReturnRequestState),
});
export type ReturnRequestList = z.infer<typeof ReturnRequestList>;
