// Live updates (issue 12 §7), the part every backend shares: which notices a write produces, who has a
// case open, and how backend instances that share one store tell each other. The transports (the
// server's server-sent events, MSW's in the browser) only carry what this module hands them.
import { z } from 'zod';
import type { AuditEvent } from '../api/contract/audit';
import {
  CaseChangeNotice,
  PRESENCE_TTL_MS,
  PresenceInput,
  type LiveNotice,
  type PresenceState,
  type PresentPerson,
} from '../api/contract/live';
import { Id, UtcTimestamp } from '../api/contract/scalars';

/**
 * One tab's presence as a backend received it (`at`: when that backend heard it); `since`, when it is
 * passed on to a backend that joined later, is when the tab first came.
 */
export const PresenceTouch = PresenceInput.extend({ caseId: Id, userId: Id, at: UtcTimestamp, since: z.optional(UtcTimestamp) });
export type PresenceTouch = z.infer<typeof PresenceTouch>;

/** What backend instances tell each other; parsed on the way in (another tab may run another release). */
export const LiveBusMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case-change'), notice: CaseChangeNotice }),
  z.object({ kind: z.literal('presence-touch'), touch: PresenceTouch }),
  /** A backend that just started asks the others who is where (their tabs' next heartbeats are up to 20 s away). */
  z.object({ kind: z.literal('hello') }),
]);
export type LiveBusMessage = z.infer<typeof LiveBusMessage>;

/**
 * How backend instances sharing one store tell each other what happened: the tabs of one browser in
 * the mock backend (a BroadcastChannel); several server processes on one PostgreSQL would use its
 * LISTEN/NOTIFY (not built: one server process needs none). `post` reaches the *other* instances only.
 */
export interface LiveBus {
  post(message: LiveBusMessage): void;
  subscribe(listener: (message: LiveBusMessage) => void): () => void;
}

export type LiveListener = (notice: LiveNotice) => void;

export interface LiveUpdates {
  /** Notices of events just written to the trail, to every open stream here and on the bus. */
  published(events: readonly AuditEvent[]): void;
  /** Records a tab's presence and answers who has the case open now. */
  touch(touch: PresenceTouch): PresentPerson[];
  subscribe(listener: LiveListener): () => void;
}

export function caseChangeNotice(event: AuditEvent): CaseChangeNotice {
  return {
    kind: 'case-change',
    caseId: event.caseId,
    seq: event.seq,
    type: event.type,
    actorId: event.actorId,
    at: event.at,
    caseVersion: event.caseVersion,
  };
}

interface TabPresence {
  userId: string;
  tab: string;
  state: PresenceState;
  since: string;
  lastSeen: number;
}

/**
 * Who has which case open, per tab, forgetting a tab not heard from for `ttlMs` (it closed without
 * saying so). One person's tabs count once: editing in any of them is editing, since their first.
 */
export function createPresenceRegistry(ttlMs = PRESENCE_TTL_MS) {
  const cases = new Map<string, Map<string, TabPresence>>();

  function prune(caseId: string, nowMs: number): Map<string, TabPresence> | undefined {
    const tabs = cases.get(caseId);
    if (!tabs) return undefined;
    for (const [key, tab] of tabs) if (nowMs - tab.lastSeen > ttlMs) tabs.delete(key);
    if (tabs.size === 0) cases.delete(caseId);
    return cases.get(caseId);
  }

  function present(caseId: string, at: string): PresentPerson[] {
    const tabs = prune(caseId, Date.parse(at));
    const people = new Map<string, PresentPerson>();
    for (const tab of tabs?.values() ?? []) {
      const known = people.get(tab.userId);
      people.set(tab.userId, {
        userId: tab.userId,
        state: known?.state === 'editing' || tab.state === 'editing' ? 'editing' : 'viewing',
        since: known && known.since < tab.since ? known.since : tab.since,
      });
    }
    return [...people.values()].toSorted((a, b) => a.since.localeCompare(b.since) || a.userId.localeCompare(b.userId));
  }

  function touch({ caseId, userId, tab, state, at, since }: PresenceTouch): void {
    const key = `${userId}\u0000${tab}`;
    const tabs = cases.get(caseId) ?? new Map<string, TabPresence>();
    if (state === 'gone') {
      tabs.delete(key);
    } else {
      const known = tabs.get(key);
      tabs.set(key, { userId, state, tab, since: known?.since ?? since ?? at, lastSeen: Date.parse(at) });
    }
    if (tabs.size > 0) cases.set(caseId, tabs);
    else cases.delete(caseId);
  }

  /** Every tab present now, as touches another backend can apply (a backend that joined late). */
  function tabs(at: string): PresenceTouch[] {
    const nowMs = Date.parse(at);
    return [...cases.keys()].flatMap((caseId) =>
      [...(prune(caseId, nowMs)?.values() ?? [])].map((tab) => ({
        caseId, userId: tab.userId, tab: tab.tab, state: tab.state, since: tab.since, at: new Date(tab.lastSeen).toISOString(),
      })),
    );
  }

  return { touch, present, tabs };
}

export function createLiveUpdates(bus: LiveBus | null, now: () => string, ttlMs = PRESENCE_TTL_MS): LiveUpdates {
  const listeners = new Set<LiveListener>();
  const registry = createPresenceRegistry(ttlMs);

  function fanOut(notice: LiveNotice): void {
    for (const listener of listeners) {
      try {
        listener(notice);
      } catch (error) {
        // One broken stream must not keep the notice from the others.
        console.error('[live updates] a listener failed', error);
      }
    }
  }

  /** Applies a touch; tells the streams when the people present changed (a heartbeat usually does not). */
  function applyTouch(touch: PresenceTouch): PresentPerson[] {
    const before = JSON.stringify(registry.present(touch.caseId, touch.at));
    registry.touch(touch);
    const people = registry.present(touch.caseId, touch.at);
    if (JSON.stringify(people) !== before) fanOut({ kind: 'presence', caseId: touch.caseId, people });
    return people;
  }

  bus?.subscribe((message) => {
    if (message.kind === 'case-change') fanOut(message.notice);
    else if (message.kind === 'presence-touch') applyTouch(message.touch);
    else for (const touch of registry.tabs(now())) bus.post({ kind: 'presence-touch', touch });
  });
  bus?.post({ kind: 'hello' });

  return {
    published(events) {
      for (const event of events) {
        const notice = caseChangeNotice(event);
        fanOut(notice);
        bus?.post({ kind: 'case-change', notice });
      }
    },
    touch(touch) {
      const people = applyTouch(touch);
      bus?.post({ kind: 'presence-touch', touch });
      return people;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
