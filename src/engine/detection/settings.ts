// Every detector's time window and thresholds, with the defaults the benchmark was tuned on
// (docs/detection.md explains each). The analyst can change them; the report echoes what was used.

export const DETECTOR_NAMES = [
  'co-post',
  'near-duplicate',
  'co-link',
  'co-retweet',
  'co-reply',
  'dogpiling',
  'synchronised-posting',
  'shared-identifier',
] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** Shared by the detectors that pair accounts acting on the same item within a window. */
export interface CoActionSettings {
  enabled: boolean;
  /** Two actions on the same item count as a co-action when at most this many seconds apart. */
  windowSeconds: number;
  /** Distinct items a pair must share; one shared item is chance, repeated ones are a pattern. */
  minCoItems: number;
  /**
   * IDF-weighted cosine of the two accounts' item sets (0..1): how much of each account's activity
   * the shared items make up, with popular items weighing little. Filters busy organic accounts.
   */
  minSimilarity: number;
  /**
   * Largest Poisson tail probability accepted for the pair's co-item count, given both accounts'
   * activity and how concentrated (viral) the items are. The pair count of a big import is large,
   * so this is small.
   */
  maxPValue: number;
  /** Each action is paired with at most this many nearest actions on each side on the item (bounds viral cascades). */
  maxNeighbours: number;
}

export interface TextCoActionSettings extends CoActionSettings {
  /** Normalised texts shorter than this are ignored ("lol", "thank you!"). */
  minTextChars: number;
}

export interface NearDuplicateSettings extends TextCoActionSettings {
  /** LSH banding of the 32-bin MinHash signature: `bands * rows` must be at most 32. */
  bands: number;
  rows: number;
  /** Estimated Jaccard similarity (word bigrams) two texts need to join the same near-duplicate group. */
  minTextSimilarity: number;
}

export interface CoReplySettings extends CoActionSettings {
  /** A reply counts only inside a burst: at least this many replies to the target within the window. */
  minBurstReplies: number;
}

/**
 * Dogpiling per target (R1 social: "an individual inciting followers to ... reply abusively to a
 * person"): a burst of replies from many accounts to one post or account, far above what the
 * target's normal reply rate predicts, with the account whose post named the target just before.
 */
export interface DogpilingSettings {
  enabled: boolean;
  /** A burst: replies to the target at most this many seconds apart from the burst's first reply. */
  windowSeconds: number;
  /** Distinct accounts that must reply to the target inside the window. */
  minRepliers: number;
  /** A post naming the target at most this many seconds before the burst's first reply marks its author as the inciter. */
  incitementLeadSeconds: number;
  /** Largest Poisson tail probability of the burst's replier count under the target's normal reply rate. */
  maxPValue: number;
  /** Each replier is linked to at most this many nearest repliers on each side in the burst (bounds viral posts). */
  maxNeighbours: number;
}

export interface SynchronisedSettings {
  enabled: boolean;
  /** Two posts are simultaneous when at most this many seconds apart. */
  windowSeconds: number;
  /** Distinct simultaneous moments a pair needs. */
  minCoMoments: number;
  /** Observed moments / moments expected by chance from both accounts' activity. */
  minLift: number;
  /** Poisson tail probability of at least that many moments by chance. */
  maxPValue: number;
  /** Each post is compared with at most this many nearest posts on each side. */
  maxNeighbours: number;
  /** Width of the bins that estimate the platform-wide posting rate (daily rhythm, bursts). */
  densityBinSeconds: number;
}

export interface SharedIdentifierSettings {
  enabled: boolean;
  /** Identifiers shared by more accounts than this are infrastructure (carrier NAT, offices), ignored. */
  maxAccountsPerIdentifier: number;
  /** IP addresses alone link two accounts only when they share at least this many. */
  minSharedIps: number;
}

export interface ClusterSettings {
  /** Smallest cluster reported. */
  minAccounts: number;
  /** Evidence items kept per cluster (the rest are counted). */
  maxEvidence: number;
  /** Edges kept per cluster in the report (strongest first). */
  maxEdges: number;
}

export interface DetectorSettings {
  coPost: TextCoActionSettings;
  nearDuplicate: NearDuplicateSettings;
  coLink: CoActionSettings;
  coRetweet: CoActionSettings;
  coReply: CoReplySettings;
  dogpiling: DogpilingSettings;
  synchronised: SynchronisedSettings;
  sharedIdentifier: SharedIdentifierSettings;
  clustering: ClusterSettings;
}

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  coPost: { enabled: true, windowSeconds: 1_800, minCoItems: 3, minSimilarity: 0.2, maxPValue: 1e-6, maxNeighbours: 50, minTextChars: 25 },
  nearDuplicate: {
    enabled: true, windowSeconds: 1_800, minCoItems: 3, minSimilarity: 0.2, maxPValue: 1e-6, maxNeighbours: 50, minTextChars: 40,
    bands: 10, rows: 3, minTextSimilarity: 0.4,
  },
  coLink: { enabled: true, windowSeconds: 120, minCoItems: 3, minSimilarity: 0.2, maxPValue: 1e-6, maxNeighbours: 50 },
  coRetweet: { enabled: true, windowSeconds: 120, minCoItems: 3, minSimilarity: 0.2, maxPValue: 1e-6, maxNeighbours: 50 },
  coReply: { enabled: true, windowSeconds: 900, minCoItems: 3, minSimilarity: 0.2, maxPValue: 1e-6, maxNeighbours: 50, minBurstReplies: 3 },
  dogpiling: { enabled: true, windowSeconds: 900, minRepliers: 5, incitementLeadSeconds: 3_600, maxPValue: 1e-6, maxNeighbours: 50 },
  synchronised: {
    enabled: true, windowSeconds: 30, minCoMoments: 4, minLift: 10, maxPValue: 1e-6, maxNeighbours: 50,
    densityBinSeconds: 900,
  },
  sharedIdentifier: { enabled: true, maxAccountsPerIdentifier: 50, minSharedIps: 2 },
  clustering: { minAccounts: 3, maxEvidence: 20, maxEdges: 500 },
};

/** Settings objects with every field optional, one level deep (what a UI form or a JSON file gives). */
export type DetectorSettingsInput = { [K in keyof DetectorSettings]?: Partial<DetectorSettings[K]> };

export function resolveDetectorSettings(input: DetectorSettingsInput = {}): DetectorSettings {
  const d = DEFAULT_DETECTOR_SETTINGS;
  return {
    coPost: { ...d.coPost, ...input.coPost },
    nearDuplicate: { ...d.nearDuplicate, ...input.nearDuplicate },
    coLink: { ...d.coLink, ...input.coLink },
    coRetweet: { ...d.coRetweet, ...input.coRetweet },
    coReply: { ...d.coReply, ...input.coReply },
    dogpiling: { ...d.dogpiling, ...input.dogpiling },
    synchronised: { ...d.synchronised, ...input.synchronised },
    sharedIdentifier: { ...d.sharedIdentifier, ...input.sharedIdentifier },
    clustering: { ...d.clustering, ...input.clustering },
  };
}

/** One window for every time-windowed detector (the CLI's `--window`). */
export function withWindow(settings: DetectorSettings, windowSeconds: number): DetectorSettings {
  return {
    ...settings,
    coPost: { ...settings.coPost, windowSeconds },
    nearDuplicate: { ...settings.nearDuplicate, windowSeconds },
    coLink: { ...settings.coLink, windowSeconds },
    coRetweet: { ...settings.coRetweet, windowSeconds },
    coReply: { ...settings.coReply, windowSeconds },
    dogpiling: { ...settings.dogpiling, windowSeconds },
    synchronised: { ...settings.synchronised, windowSeconds },
  };
}
