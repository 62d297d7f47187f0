// R19: the append-only audit trail. No endpoint edits or deletes an event.
import { z } from 'zod';
import { Id, UtcTimestamp } from './scalars';

export const AuditEventType = z.enum([
  'case.created',
  'case.updated',
  'case.commented',
  'case.assigned',
  'case.request-addressed',
  'case.request-reopened',
  'case.submitted',
  'case.approved',
  'case.returned',
  'case.rejected',
  'case.override',
  'case.review-maintained',
  'case.review-modify',
  'case.withdrawn',
  'account.associated',
  'account.rejected',
  'action.applied',
  'action.reapplied',
  'action.ended',
  'case.manipulation-proposed',
  'case.manipulation-approved',
  'case.manipulation-rejected',
  'case.reapplication-proposed',
  'case.reapplication-dismissed',
  'case.auto-reapply-set',
]);
export type AuditEventType = z.infer<typeof AuditEventType>;

/** One changed field: a JSON-pointer-like path with its values before and after. */
export const FieldChange = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const AuditEvent = z.object({
  id: Id,
  /** Monotonic sequence number across the whole trail. */
  seq: z.number().int().min(1),
  caseId: Id,
  type: AuditEventType,
  actorId: Id,
  at: UtcTimestamp,
  /** Why: the rationale, justification or comment the user gave, if any. */
  reason: z.string().nullable(),
  changes: z.array(FieldChange),
  caseVersion: z.number().int(),
  /** A comment's people mentioned with `@` (issue 12 §8): their bell tells them. Absent: nobody. */
  mentions: z.optional(z.array(Id).min(1).max(20)),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** The most people one comment can mention. */
export const MAX_MENTIONS = 20;
export const AuditEventList = z.array(AuditEvent);

/** Newest first, a page at a time: the trail grows without bound. */
export const AuditPageParams = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const AuditQuery = AuditPageParams.extend({
  caseId: z.optional(Id),
  type: z.optional(AuditEventType),
  actorId: z.optional(Id),
  /** Comments mentioning this person (issue 12 §8). */
  mentioned: z.optional(Id),
  /** Events at or after this instant (issue 15 §2: a date range). */
  from: z.optional(UtcTimestamp),
  /** Events before this instant (exclusive), so a day's range is [its midnight, the next). */
  to: z.optional(UtcTimestamp),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** One case's trail: the same query without the case (it is in the path). */
export const CaseAuditQuery = AuditQuery.omit({ caseId: true });
export type CaseAuditQuery = z.input<typeof CaseAuditQuery>;

export const AuditPage = z.object({
  items: AuditEventList,
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;
