// The detection pipeline over an imported store: each enabled detector, then clustering. Written as
// a generator that yields between phases, so a worker can answer "cancel" and report progress, and
// a caller can time phases, without the engine touching a clock or a message port.
import { clusterEdges } from './clustering';
import type { CoordinationCluster } from './clustering';
import { detectCoLink, detectCoPost, detectCoReply, detectCoRetweet, detectNearDuplicate } from './co-action-detectors';
import { DetectionContext } from './detection-context';
import type { DetectorEdge, DetectorRun, Dogpile } from './detection-types';
import { detectDogpiling } from './dogpiling-detector';
import type { PostStore } from './post-store';
import type { PrecomputedFingerprints } from './text-fingerprints';
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
  /**
   * Set when the pipeline needs the runs of detectors it was told are run elsewhere: the caller
   * passes them (from `runDetectors`, on another thread or here) to `next()`.
   */
  awaiting?: readonly DetectorName[];
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
    case 'dogpiling':
      return settings.dogpiling.enabled;
    case 'synchronised-posting':
      return settings.synchronised.enabled;
    case 'shared-identifier':
      return settings.sharedIdentifier.enabled;
  }
}

/** The MinHash signature threshold of the shared fingerprint pass: near-duplicate's minimum (none when it is off). */
export function signatureMinChars(settings: DetectorSettings): number {
  return settings.nearDuplicate.enabled ? settings.nearDuplicate.minTextChars : Number.POSITIVE_INFINITY;
}

function runDetector(ctx: DetectionContext, settings: DetectorSettings, detector: DetectorName): DetectorRun {
  // Both text detectors share one fingerprint pass; signatures are computed for near-duplicate's minimum.
  const minChars = signatureMinChars(settings);
  switch (detector) {
    case 'co-post':
      return detectCoPost(ctx, settings.coPost, minChars);
    case 'near-duplicate':
      return detectNearDuplicate(ctx, settings.nearDuplicate);
    case 'co-link':
      return detectCoLink(ctx, settings.coLink);
    case 'co-retweet':
      return detectCoRetweet(ctx, settings.coRetweet);
    case 'co-reply':
      return detectCoReply(ctx, settings.coReply);
    case 'dogpiling':
      return detectDogpiling(ctx, settings.dogpiling);
    case 'synchronised-posting':
      return detectSynchronised(ctx, settings.synchronised);
    case 'shared-identifier':
      return detectSharedIdentifiers(ctx, settings.sharedIdentifier);
  }
}

export interface PipelineOptions {
  /**
   * Detectors the caller runs itself (on another thread): they are skipped here, and once the
   * others have run the generator yields a step with `awaiting` and expects their runs back from
   * `next(runs)`. Edges and runs are assembled in DETECTOR_NAMES order either way, so the outcome
   * does not depend on where a detector ran.
   */
  elsewhere?: readonly DetectorName[];
  /** Text fingerprints computed while reading (ParseResult.fingerprints), used if their threshold matches. */
  fingerprints?: PrecomputedFingerprints | null;
}

/** The pipeline, one phase per step (see PipelineOptions for running some detectors elsewhere). */
export function* detectCoordinationSteps(
  store: PostStore,
  input: DetectorSettingsInput = {},
  options: PipelineOptions = {},
): Generator<DetectionStep, DetectionOutcome, readonly DetectorRun[] | undefined> {
  const settings = resolveDetectorSettings(input);
  const elsewhere = options.elsewhere ?? [];
  const total = DETECTOR_NAMES.length + 2;
  let done = 0;
  yield { phase: 'prepare', done, total };
  const ctx = new DetectionContext(store, options.fingerprints ?? null);
  ctx.prepare();
  done++;
  const ran = new Map<DetectorName, DetectorRun>();
  const remote = DETECTOR_NAMES.filter((d) => elsewhere.includes(d) && isEnabled(settings, d) && store.size > 0);
  for (const detector of DETECTOR_NAMES) {
    if (remote.includes(detector)) continue;
    yield { phase: detector, done, total };
    if (isEnabled(settings, detector) && store.size > 0) ran.set(detector, runDetector(ctx, settings, detector));
    done++;
  }
  if (remote.length > 0) {
    const runs = (yield { phase: remote[0] ?? 'clustering', done, total, awaiting: remote }) ?? [];
    for (const run of runs) if (remote.includes(run.detector)) ran.set(run.detector, run);
    for (const detector of remote) if (!ran.has(detector)) throw new Error(`no run of ${detector} came back`);
    done += remote.length;
  }
  const runs: DetectorRunSummary[] = [];
  const edges: DetectorEdge[] = [];
  const dogpiles: Dogpile[] = [];
  for (const detector of DETECTOR_NAMES) {
    const run = ran.get(detector);
    if (run) {
      for (const e of run.edges) edges.push(e);
      for (const d of run.dogpiles ?? []) dogpiles.push(d);
      runs.push({ detector, enabled: true, edges: run.edges.length, actions: run.actions, candidatePairs: run.candidatePairs });
    } else {
      runs.push({ detector, enabled: isEnabled(settings, detector), edges: 0, actions: 0, candidatePairs: 0 });
    }
  }
  yield { phase: 'clustering', done, total };
  const clusters = clusterEdges(store, edges, settings.clustering, dogpiles);
  return { settings, runs, edges, clusters };
}

/** Runs the named detectors (those enabled) on `store`: what another thread does for the pipeline. */
export function runDetectors(store: PostStore, input: DetectorSettingsInput, names: readonly DetectorName[]): DetectorRun[] {
  const settings = resolveDetectorSettings(input);
  const ctx = new DetectionContext(store);
  return DETECTOR_NAMES.filter((d) => names.includes(d) && isEnabled(settings, d) && store.size > 0).map((d) => runDetector(ctx, settings, d));
}

/** Runs the whole pipeline synchronously. */
export function detectCoordination(store: PostStore, input: DetectorSettingsInput = {}): DetectionOutcome {
  const steps = detectCoordinationSteps(store, input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
