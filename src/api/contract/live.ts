// Live updates (issue 12 §7): what the backend tells every open screen as it happens, so a change or a
// comment by someone else shows within seconds, and who else has a case open. One stream per tab,
// `GET /api/live` (server-sent events): the server pushes it; the mock backend pushes the same events
// through MSW, across the tabs of one browser. A notice says *that* something changed, never the
// content: the screen reads the content through the ordinary endpoints, with their permissions.
import { z } from 'zod';
import { AuditEventType } from './audit';
import { Id, UtcTimestamp } from './scalars';

export { LIVE_STREAM_PATH, LIVE_STREAM_USER_PARAM } from './live-stream';

/** A case changed or was commented on: one event of the trail (R19), without its reason or changes. */
export const CaseChangeNotice = z.object({
  kind: z.literal('case-change'),
  caseId: Id,
  seq: z.number().int().min(1),
  type: AuditEventType,
  actorId: Id,
  at: UtcTimestamp,
  caseVersion: z.number().int(),
});
export type CaseChangeNotice = z.infer<typeof CaseChangeNotice>;

/** `editing`: changed something in the last minutes; `viewing`: has the case open; `gone`: closed it. */
export const PresenceState = z.enum(['viewing', 'editing']);
export type PresenceState = z.infer<typeof PresenceState>;

/** One person with a case open, over all their tabs (editing in any tab counts as editing). */
export const PresentPerson = z.object({ userId: Id, state: PresenceState, since: UtcTimestamp });
export type PresentPerson = z.infer<typeof PresentPerson>;

export const CasePresence = z.object({ caseId: Id, people: z.array(PresentPerson).max(500) });
export type CasePresence = z.infer<typeof CasePresence>;

/** Who has a case open changed. */
export const PresenceNotice = CasePresence.extend({ kind: z.literal('presence') });
export type PresenceNotice = z.infer<typeof PresenceNotice>;

export const LiveNotice = z.discriminatedUnion('kind', [CaseChangeNotice, PresenceNotice]);
export type LiveNotice = z.infer<typeof LiveNotice>;

/** The SSE event name each notice travels under (the `event:` field). */
export const LIVE_EVENT = 'notice';

/**
 * A tab's presence on a case, sent when it opens the case, every PRESENCE_HEARTBEAT_MS while open,
 * when its state changes, and with `gone` when it closes. `tab`: a random id per browser tab, so one
 * person's two tabs are counted once and closing one does not end the other's presence.
 */
export const PresenceInput = z.object({
  tab: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'presence.tab'),
  state: z.enum(['viewing', 'editing', 'gone']),
});
export type PresenceInput = z.input<typeof PresenceInput>;

export const PRESENCE_HEARTBEAT_MS = 20_000;
/** A tab not heard from for this long is no longer present (it closed without saying so). */
export const PRESENCE_TTL_MS = 50_000;
