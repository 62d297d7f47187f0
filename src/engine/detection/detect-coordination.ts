// The detection pipeline over an imported store: each enabled detector, then clustering. Written as
// a generator that yields between phases, so a worker can answer "cancel" and report progress, and
// a caller can time phases, without the engine touching a clock or a message port.
import { clusterEdges } from './clustering';
import type { CoordinationCluster } from './clustering';
import { detectCoLink, detectCoPost, detectCoReply, detectCoRetweet, detectNearDuplicate } from './co-action-detectors';
import { DetectionContext } from './detection-context';
import type { DetectorEdge, DetectorRun } from './detection-types';
import type { PostStore } from './post-store';
import { DETECTOR_NAMES, resolveDetectorSettings } from './settings';
import type { DetectorName, DetectorSettings, DetectorSettingsInput } from './settings';
import { detectSharedIdentifiers } from './shared-identifier-detector';
import { detectSynchronised } from './synchronised-detector';

export type DetectionPhase = 'prepare' | DetectorName | 'clustering';

export interface DetectionStep {
  /** The phase about to run. */
  phase: DetectionPhase;
  /** Phases completed so far, out of `total`. */
  done: number;
  total: number;
}

export interface DetectorRunSummary {
  detector: DetectorName;
  enabled: boolean;
  edges: number;
  actions: number;
  candidatePairs: number;
}

export interface DetectionOutcome {
  settings: DetectorSettings;
  runs: DetectorRunSummary[];
  /** Every edge that passed its detector's thresholds (for a network view beyond clusters). */
  edges: DetectorEdge[];
  clusters: CoordinationCluster[];
}

function isEnabled(settings: DetectorSettings, detector: DetectorName): boolean {
  switch (detector) {
    case 'co-post':
      return settings.coPost.enabled;
    case 'near-duplicate':
      return settings.nearDuplicate.enabled;
    case 'co-link':
      return settings.coLink.enabled;
    case 'co-retweet':
      return settings.coRetweet.enabled;
    case 'co-reply':
      return settings.coReply.enabled;
    case 'synchronised-posting':
      return settings.synchronised.enabled;
    case 'shared-identifier':
      return settings.sharedIdentifier.enabled;
  }
}

function runDetector(ctx: DetectionContext, settings: DetectorSettings, detector: DetectorName): DetectorRun {
  // Both text detectors share one fingerprint pass; signatures are computed for near-duplicate's minimum.
  const signatureMinChars = settings.nearDuplicate.enabled ? settings.nearDuplicate.minTextChars : Number.POSITIVE_INFINITY;
  switch (detector) {
    case 'co-post':
      return detectCoPost(ctx, settings.coPost, signatureMinChars);
    case 'near-duplicate':
      return detectNearDuplicate(ctx, settings.nearDuplicate);
    case 'co-link':
      return detectCoLink(ctx, settings.coLink);
    case 'co-retweet':
      return detectCoRetweet(ctx, settings.coRetweet);
    case 'co-reply':
      return detectCoReply(ctx, settings.coReply);
    case 'synchronised-posting':
      return detectSynchronised(ctx, settings.synchronised);
    case 'shared-identifier':
      return detectSharedIdentifiers(ctx, settings.sharedIdentifier);
  }
}

export function* detectCoordinationSteps(
  store: PostStore,
  input: DetectorSettingsInput = {},
): Generator<DetectionStep, DetectionOutcome, void> {
  const settings = resolveDetectorSettings(input);
  const total = DETECTOR_NAMES.length + 2;
  let done = 0;
  yield { phase: 'prepare', done, total };
  const ctx = new DetectionContext(store);
  ctx.prepare();
  done++;
  const runs: DetectorRunSummary[] = [];
  const edges: DetectorEdge[] = [];
  for (const detector of DETECTOR_NAMES) {
    yield { phase: detector, done, total };
    if (isEnabled(settings, detector) && store.size > 0) {
      const run = runDetector(ctx, settings, detector);
      for (const e of run.edges) edges.push(e);
      runs.push({ detector, enabled: true, edges: run.edges.length, actions: run.actions, candidatePairs: run.candidatePairs });
    } else {
      runs.push({ detector, enabled: isEnabled(settings, detector), edges: 0, actions: 0, candidatePairs: 0 });
    }
    done++;
  }
  yield { phase: 'clustering', done, total };
  const clusters = clusterEdges(store, edges, settings.clustering);
  return { settings, runs, edges, clusters };
}

/** Runs the whole pipeline synchronously. */
export function detectCoordination(store: PostStore, input: DetectorSettingsInput = {}): DetectionOutcome {
  const steps = detectCoordinationSteps(store, input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
