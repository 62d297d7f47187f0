// What concerns the signed-in person (issue 12 §8), from the lists the server already filters: cases
// returned to them, cases in review assigned to them, designations due for periodic review. Each
// notification has a key that changes when its subject does, so a new return of the same case is
// unread again.
import type { CaseListQuery, CaseSummary } from '../../api/contract/case-list';

export type NotificationKind = 'returned' | 'assigned' | 'due';

export interface WorkbenchNotification {
  key: string;
  kind: NotificationKind;
  caseId: string;
  caseName: string;
  /** Where the person acts on it. */
  to: string;
  /** When it happened, for the order (newest first). */
  at: string;
}

/** The server-side filters behind each kind, for the person `userId` at `now`. */
export function notificationQueries(userId: string, now: string): Record<NotificationKind, CaseListQuery> {
  return {
    returned: { status: 'draft', returned: 'true', ownerId: userId, sort: 'updatedAt', dir: 'desc', pageSize: 20 },
    assigned: { status: 'in_review', reviewerId: userId, sort: 'updatedAt', dir: 'desc', pageSize: 20 },
    due: { status: 'designated', dueBy: now, sort: 'nextReviewAt', dir: 'asc', pageSize: 20 },
  };
}

export function toNotification(kind: NotificationKind, row: CaseSummary): WorkbenchNotification {
  switch (kind) {
    case 'returned':
      return { key: `returned:${row.id}:${row.updatedAt}`, kind, caseId: row.id, caseName: row.name, to: `/cases/${row.id}/overview`, at: row.updatedAt };
    case 'assigned':
      return { key: `assigned:${row.id}:${row.submittedAt ?? row.updatedAt}`, kind, caseId: row.id, caseName: row.name, to: `/review/${row.id}`, at: row.submittedAt ?? row.updatedAt };
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
