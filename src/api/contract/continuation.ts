// R15 in the API contract: what an import is asked to look for (the case's accounts whose visibility
// limit expired, and the group's markers) and what it finds. Its own file, without the finder's code:
// the case document (on the first page) keeps findings in its re-application proposals.
import { z } from 'zod';
import { CONTINUATION_MATCH_KINDS, MAX_CONTINUATION_EXAMPLES, MAX_MATCHES_PER_POST, MAX_MATCH_VALUE_CHARS } from '../../engine/detection/continuation-limits';
import type {
  ContinuationFinding as ContinuationFindingModel,
  ContinuationPost as ContinuationPostModel,
  ContinuationWatch as ContinuationWatchModel,
} from '../../engine/detection/continuation';
import { AccountHandle } from './primitives';
import { Id, UtcTimestamp } from './scalars';

/** What the worker is asked to look for: the case's accounts whose limit expired, and the group's markers. */
export const ContinuationWatch = z.object({
  accounts: z.array(z.object({ handle: AccountHandle, actionId: Id, expiredAt: UtcTimestamp })).max(10_000),
  hashtags: z.array(z.string().max(2_000)).max(1_000),
  keywords: z.array(z.string().max(2_000)).max(1_000),
  links: z.array(z.string().max(2_000)).max(1_000),
}) satisfies z.ZodType<ContinuationWatchModel>;
export type ContinuationWatch = z.infer<typeof ContinuationWatch>;

export const ContinuationMatchKind = z.enum(CONTINUATION_MATCH_KINDS);

export const ContinuationPost = z.object({
  postId: z.string().min(1).max(200),
  at: UtcTimestamp,
  matches: z.array(z.object({ kind: ContinuationMatchKind, value: z.string().min(1).max(MAX_MATCH_VALUE_CHARS) })).min(1).max(MAX_MATCHES_PER_POST),
}) satisfies z.ZodType<ContinuationPostModel>;

export const ContinuationFinding = z.object({
  handle: AccountHandle,
  actionId: Id,
  expiredAt: UtcTimestamp,
  posts: z.number().int().min(1),
  firstAt: UtcTimestamp,
  lastAt: UtcTimestamp,
  examples: z.array(ContinuationPost).max(MAX_CONTINUATION_EXAMPLES),
}) satisfies z.ZodType<ContinuationFindingModel>;
export type ContinuationFinding = z.infer<typeof ContinuationFinding>;
