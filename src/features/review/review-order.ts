// Queue order: R11 priority first (physical and psychological safety ahead of informational-only
// harm), then the longest-waiting submission; the due queue by how long the review is overdue (R17).
import type { CaseSummary } from '../../api/contract/case-list';
import { isReviewDue } from '../../engine/schedule';

const instant = (value: string | null) => (value === null ? Number.POSITIVE_INFINITY : Date.parse(value));

export function orderReviewQueue(items: readonly CaseSummary[]): CaseSummary[] {
  return items.toSorted(
    (a, b) => b.priority - a.priority || instant(a.submittedAt) - instant(b.submittedAt) || a.id.localeCompare(b.id),
  );
}

export function dueForPeriodicReview(items: readonly CaseSummary[], now: string): CaseSummary[] {
  return items
    .filter((item) => item.nextReviewAt !== null && isReviewDue(item.nextReviewAt, now))
    .toSorted((a, b) => instant(a.nextReviewAt) - instant(b.nextReviewAt) || b.priority - a.priority || a.id.localeCompare(b.id));
}

/** Whole days between two instants, never negative (for "waiting for 3 days"). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000));
}
