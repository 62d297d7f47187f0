// The conversation on a case (issue 12 §1-§2) as pure rules: comments, and a return's requests ticked
// off by the analyst. Both are events appended to the trail (R19) without changing the case, so its
// version does not move and nobody's unsaved edits meet a conflict because of a comment.
import type { z } from 'zod';
import type { AuditEvent } from '../api/contract/audit';
import { latestReturn, mentionedIn, type CommentInput, type RequestTickInput, type ReturnRequestList, type ReturnRequestState } from '../api/contract/conversation';
import { ApiFailure, invalidTransition } from './backend-errors';
import type { EventSpec } from './case-rules';
import type { StoredCase } from './storage';
import { hasRole, type User } from '../api/contract/users';

/** The trail's events that tick or untick a request. */
export const REQUEST_TICK_TYPES = ['case.request-addressed', 'case.request-reopened'] as const;

/**
 * A comment by anyone with a case role, on a case in any state: kept across every status change. The
 * people it mentions must be on the team with a case role (`people`: the directory), each named once.
 */
export function commentOnCase(input: z.output<typeof CommentInput>, people: readonly User[]): EventSpec {
  const mentions = [...new Set(input.mentions)];
  const inText = mentionedIn(input.text, people);
  const unknown = mentions.flatMap((userId, index) => {
    const person = people.find((candidate) => candidate.id === userId);
    if (!person || !(hasRole(person, 'analyst') || hasRole(person, 'reviewer'))) return [{ path: `mentions.${index}`, message: 'mention.unknown' }];
    // A mention is one the reader sees: `@Name` is in the text.
    return inText.includes(userId) ? [] : [{ path: `mentions.${index}`, message: 'mention.notInText' }];
  });
  if (unknown.length > 0) {
    throw new ApiFailure('validation', 'A comment mentions only people of the team with a case role, each written @Name in its text.', { fieldErrors: unknown });
  }
  return { type: 'case.commented', reason: input.text, changes: [], ...(mentions.length > 0 ? { mentions } : {}) };
}

/**
 * Each request of the latest return with whether it is addressed: the newest tick of that request in
 * `ticks` (any order) decides. Request ids are new at every return, so older returns' ticks never match.
 */
export function requestStates(record: StoredCase, ticks: readonly AuditEvent[]): ReturnRequestList {
  const decision = latestReturn(record);
  if (!decision) return { returnedBy: null, returnedAt: null, requests: [] };
  const newest = new Map<string, AuditEvent>();
  for (const event of ticks) {
    const requestId = tickedRequestId(event);
    if (requestId === null) continue;
    const known = newest.get(requestId);
    if (!known || known.seq < event.seq) newest.set(requestId, event);
  }
  const requests = decision.requests.map((request): ReturnRequestState => {
    const tick = newest.get(request.id);
    return {
      ...request,
      addressed: tick?.type === 'case.request-addressed',
      tickedBy: tick?.actorId ?? null,
      tickedAt: tick?.at ?? null,
    };
  });
  return { returnedBy: decision.decidedBy, returnedAt: decision.decidedAt, requests };
}

function tickedRequestId(event: AuditEvent): string | null {
  if (!(REQUEST_TICK_TYPES as readonly string[]).includes(event.type)) return null;
  const path = event.changes[0]?.path ?? '';
  return path.startsWith('requests.') ? path.slice('requests.'.length) : null;
}

/**
 * The analyst marks a request of the latest return addressed (or not) while the case is back with
 * them; once it is resubmitted the ticks stand as the reviewer's record of what was answered.
 * Null when the request already is in that state (nothing to record).
 */
export function tickRequest(
  record: StoredCase,
  requestId: string,
  input: z.output<typeof RequestTickInput>,
  current: ReturnRequestList,
): EventSpec | null {
  const request = current.requests.find((candidate) => candidate.id === requestId);
  if (!request) throw new ApiFailure('not-found', `The latest return of this case has no request ${requestId}.`);
  if (record.status !== 'draft') {
    throw invalidTransition(`The requests can be ticked off while the case is back with the analyst; this case is ${record.status}.`);
  }
  if (request.addressed === input.addressed) return null;
  return {
    type: input.addressed ? 'case.request-addressed' : 'case.request-reopened',
    reason: request.text,
    changes: [{ path: `requests.${request.id}`, before: request.addressed, after: input.addressed }],
  };
}
