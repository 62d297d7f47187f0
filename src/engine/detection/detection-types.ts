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
  /** Dogpiling only: the bursts behind its edges (clusters name their targets and inciters). */
  dogpiles?: Dogpile[];
}

/** An account whose post named a dogpiling target shortly before the burst (R1 social: incitement). */
export interface DogpileInciter {
  /** Account index. */
  account: number;
  /** The inciting posts (store indices), earliest first. */
  posts: number[];
}

/**
 * One dogpile (R1 social, "dogpiling"): a burst of replies from many accounts to one target, far
 * above the target's normal reply rate. Store indices, like the edges; clustering turns them into
 * the report's `targets` and `inciters`.
 */
export interface Dogpile {
  /** 'post': replies to one post; 'account': replies to several of an account's posts, or replies elsewhere that @-mention it. */
  kind: 'post' | 'account';
  /** The target post's index in `refIds` (-1 for an account target). */
  ref: number;
  /** The target post in the store (-1 when it is not in the import, and for an account target). */
  post: number;
  /** The targeted account (the post's author for a post target): store index, -1 when it is not in the import. */
  account: number;
  /** Its username (for an account known only from @-mentions, the mentioned name). */
  username: string | null;
  /** Epoch seconds of the burst's first and last reply. */
  start: number;
  end: number;
  /** Distinct accounts that replied inside the burst. */
  repliers: number;
  /** Replies the target's normal rate predicts in the burst's window, and the Poisson tail of `repliers`. */
  expected: number;
  pValue: number;
  /** 0..1: the score its edges carry. */
  score: number;
  /** The burst's repliers in time order (account indices), one reply each (store indices). */
  replierAccounts: number[];
  replies: number[];
  inciters: DogpileInciter[];
}
