// The shapes detectors and clustering exchange: weighted account pairs with their evidence.
import type { DetectorName } from './settings';

/** Evidence samples kept per edge (the cluster report keeps more, across its edges). */
export const MAX_EVIDENCE_PER_EDGE = 3;

export interface EdgeEvidence {
  /** What the two accounts shared: a normalised text, a URL, a target post id, a moment, an identifier. */
  label: string;
  /** Post indices in the store, one per account (-1 when the detector has no post, never for co-actions). */
  postA: number;
  postB: number;
}

/** One weighted account pair found by one detector. Accounts are store indices with a < b. */
export interface DetectorEdge {
  a: number;
  b: number;
  detector: DetectorName;
  /** 0..1: how strongly this detector links the pair (its meaning per detector is in docs/detection.md). */
  score: number;
  /** Distinct shared items (texts, links, targets, moments, identifiers). */
  coItems: number;
  /** Epoch seconds of the first and last co-action. */
  first: number;
  last: number;
  evidence: EdgeEvidence[];
}

export interface DetectorRun {
  detector: DetectorName;
  edges: DetectorEdge[];
  /** Actions the detector looked at (posts, links, replies...). */
  actions: number;
  /** Account pairs that met at least once (counted exactly; the rest never touched memory). */
  candidatePairs: number;
}
