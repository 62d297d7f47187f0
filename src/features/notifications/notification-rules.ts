// What concerns the signed-in person (issue 12 §8), from the lists the server already filters: cases
// returned to them, cases in review assigned to them, designations due for periodic review,
// platform-manipulation proposals waiting for a reviewer (R3), and comments mentioning them (from the
// trail). Each
// notification has a key that changes when its subject does, so a new return of the same case is
// unread again.
import type { AuditEvent, AuditQuery } from '../../api/contract/audit';
import type { CaseListQuery, CaseSummary } from '../../api/contract/case-list';

/** The kinds that come from the case list. */
export type CaseNotificationKind = 'returned' | 'assigned' | 'due' | 'manipulation';
export type NotificationKind = CaseNotificationKind | 'mentioned';

export interface WorkbenchNotification {
  key: string;
  kind: NotificationKind;
  caseId: string;
  caseName: string;
  /** Where the person acts on it. */
  to: string;
  /** When it happened, for the order (newest first). */
  at: string;
  /** A mention: who wrote, and the start of what they wrote. */
  actorId?: string;
  excerpt?: string;
}

/** How much of a comment a mention shows. */
export const EXCERPT_LENGTH = 80;

/** The comments mentioning `userId`, newest first. */
export function mentionQuery(userId: string): AuditQuery {
  return { type: 'case.commented', mentioned: userId, pageSize: 20 };
}

export function toMentionNotification(event: AuditEvent): WorkbenchNotification {
  const text = (event.reason ?? '').replace(/\s+/g, ' ').trim();
  return {
    key: `mentioned:${event.id}`,
    kind: 'mentioned',
    caseId: event.caseId,
    caseName: '',
    to: `/cases/${event.caseId}/overview`,
    at: event.at,
    actorId: event.actorId,
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
  };
}

/** The server-side filters behind each kind, for the person `userId` at `now`. */
export function notificationQueries(userId: string, now: string): Record<CaseNotificationKind, CaseListQuery> {
  return {
    returned: { status: 'draft', returned: 'true', ownerId: userId, sort: 'updatedAt', dir: 'desc', pageSize: 20 },
    assigned: { status: 'in_review', reviewerId: userId, sort: 'updatedAt', dir: 'desc', pageSize: 20 },
    due: { status: 'designated', dueBy: now, sort: 'nextReviewAt', dir: 'asc', pageSize: 20 },
    manipulation: { manipulationPending: 'true', sort: 'updatedAt', dir: 'desc', pageSize: 20 },
  };
}

export function toNotification(kind: CaseNotificationKind, row: CaseSummary): WorkbenchNotification {
  switch (kind) {
    case 'returned':
      return { key: `returned:${row.id}:${row.updatedAt}`, kind, caseId: row.id, caseName: row.name, to: `/cases/${row.id}/overview`, at: row.updatedAt };
    case 'assigned':
      return { key: `assigned:${row.id}:${row.submittedAt ?? row.updatedAt}`, kind, caseId: row.id, caseName: row.name, to: `/review/${row.id}`, at: row.submittedAt ?? row.updatedAt };
    case 'manipulation':
      return { key: `manipulation:${row.id}:${row.updatedAt}`, kind, caseId: row.id, caseName: row.name, to: `/designations/${row.id}`, at: row.updatedAt };
    case 'due':
      return { key: `due:${row.id}:${row.nextReviewAt ?? ''}`, kind, caseId: row.id, caseName: row.name, to: `/review/${row.id}`, at: row.nextReviewAt ?? row.updatedAt };
  }
}

/** How many are not read yet (a key read before stays read). */
export function unreadCount(notifications: readonly WorkbenchNotification[], read: ReadonlySet<string>): number {
  return notifications.filter((notification) => !read.has(notification.key)).length;
}

/** Newest first. */
export function byNewest(notifications: readonly WorkbenchNotification[]): WorkbenchNotification[] {
  return notifications.toSorted((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
