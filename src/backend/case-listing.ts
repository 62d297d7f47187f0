// A case's row in the lists: what the engine says about it (verdict, R11 priority) and when its
// periodic review is due (R17), computed by the backend when it writes the case, so a storage lists,
// filters and sorts without evaluating any policy (the SQL storage keeps these in columns).
import type { CaseSummary } from '../api/contract/case-list';
import { pendingManipulationProposal } from '../api/contract/case';
import { latestReturn } from '../api/contract/conversation';
import { contentOf, designationInForce, type EvaluateCase } from './case-rules';
import type { CaseListing, ListingOf, StoredCase } from './storage';

export function caseListing(record: StoredCase, evaluate: EvaluateCase): CaseListing {
  // The verdict depends on the content only; the case's own instant keeps it reproducible.
  const verdict = evaluate(contentOf(record), { now: record.updatedAt });
  return {
    verdict: verdict.outcome,
    priority: verdict.priority,
    priorityBand: verdict.priorityBand,
    nextReviewAt: designationInForce(record) ? (record.designation?.nextReviewAt ?? null) : null,
    returned: isReturned(record),
    ownerId: record.ownerId,
    reviewerId: record.reviewerId,
    manipulationPending: pendingManipulationProposal(record) !== null,
  };
}

/** A draft whose latest review decision sent it back to the analyst (issue 12 §2). */
export function isReturned(record: StoredCase): boolean {
  return record.status === 'draft' && latestReturn(record) !== null;
}

export function listingWith(evaluate: EvaluateCase): ListingOf {
  return (record) => caseListing(record, evaluate);
}

/** The list row from the case and its stored listing (the in-memory storages build rows with it). */
export function caseSummary(record: StoredCase, listing: CaseListing): CaseSummary {
  return {
    id: record.id,
    name: record.actor.name,
    actorKind: record.actor.kind,
    status: record.status,
    version: record.version,
    verdict: listing.verdict,
    priority: listing.priority,
    priorityBand: listing.priorityBand,
    updatedAt: record.updatedAt,
    submittedAt: record.submission?.submittedAt ?? null,
    nextReviewAt: listing.nextReviewAt,
    signalCount: record.signals.length,
    returned: listing.returned,
    ownerId: listing.ownerId,
    reviewerId: listing.reviewerId,
  };
}
