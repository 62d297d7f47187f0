// The case list's query and rows: what the first page asks for and parses. zod/mini, like the scalars
// and terms it is made of, so that page needs no classic zod (see scalars.ts).
import { z } from 'zod/mini';
import { ActorKind, CaseStatus, PriorityBand, VerdictOutcome } from './policy-terms';
import { Id, UtcTimestamp } from './scalars';

/**
 * A sort names the CaseSummary field it orders by. `actorKind`, `status` and `verdict` follow the
 * policy's order of their terms (policy-terms.ts), not the alphabet of any language; `ownerId` and
 * `reviewerId` the person's id. `queue`: the review queue's order (R11 priority first, then the
 * longest-waiting submission).
 */
export const CASE_LIST_SORTS = [
  'priority',
  'updatedAt',
  'name',
  'submittedAt',
  'nextReviewAt',
  'actorKind',
  'status',
  'verdict',
  'signalCount',
  'ownerId',
  'reviewerId',
  'queue',
] as const;

export const CaseListQuery = z.object({
  status: z.optional(CaseStatus),
  actorKind: z.optional(ActorKind),
  priorityBand: z.optional(PriorityBand),
  q: z.optional(z.string().check(z.maxLength(200))),
  /** The due queue (R17): only designations whose periodic review is due at this instant. */
  dueBy: z.optional(UtcTimestamp),
  /** Only cases back with the analyst after a return (issue 12 §2). */
  returned: z.optional(z.enum(['true'])),
  /** "My cases" and "Assigned to me" (issue 12 §6). */
  ownerId: z.optional(Id),
  reviewerId: z.optional(Id),
  /** Only cases with a platform-manipulation proposal waiting for a reviewer's decision (R3). */
  manipulationPending: z.optional(z.enum(['true'])),
  sort: z._default(z.enum(CASE_LIST_SORTS), 'updatedAt'),
  dir: z._default(z.enum(['asc', 'desc']), 'desc'),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 25),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

/** A row of the case list; priority and verdict are computed by the server with the engine. */
export const CaseSummary = z.object({
  id: Id,
  name: z.string(),
  actorKind: ActorKind,
  status: CaseStatus,
  version: z.int(),
  verdict: VerdictOutcome,
  /** R11: higher first. */
  priority: z.number(),
  priorityBand: PriorityBand,
  updatedAt: UtcTimestamp,
  submittedAt: z.nullable(UtcTimestamp),
  nextReviewAt: z.nullable(UtcTimestamp),
  signalCount: z.int(),
  /** A draft back with the analyst after a return (issue 12 §2). */
  returned: z.boolean(),
  /** Issue 12 §6: the owning analyst and the assigned reviewer. */
  ownerId: z.nullable(Id),
  reviewerId: z.nullable(Id),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListResponse = z.object({
  items: z.array(CaseSummary),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type CaseListResponse = z.infer<typeof CaseListResponse>;
