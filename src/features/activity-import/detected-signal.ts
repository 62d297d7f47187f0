// A cluster as a coordination signal (R1) for the evidence board, made by the engine's
// `clusterToSignal` (accounts as handles, window, strength, origin `detected`, evidence
// `unverified`), with the analyst's kind and technique and the cluster marker in front of the
// description, so the board can link back to the network view (see signal-link.ts), and the
// snapshot of the cluster's activity timeline when the file's posts are at hand (issue 16 §1).
import { SignalActivity, type CoordinationSignal } from '../../api/contract/case';
import { signalActivitySnapshot, type ClusterActivity } from '../../engine/detection/cluster-activity';
import { clusterHandles, clusterToSignal } from '../../engine/detection/cluster-signal';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { SignalKind, SignalTechnique } from '../../engine/policy-terms';
import { detectedDescriptionPrefix } from './signal-link';

const MAX_DESCRIPTION = 5_000;

export function detectedSignal(
  cluster: CoordinationCluster,
  choice: { kind: SignalKind; technique: SignalTechnique },
  activity: SignalActivity | null = null,
): CoordinationSignal {
  const signal = clusterToSignal(cluster);
  const description = `${detectedDescriptionPrefix(cluster.id)}${signal.description}`;
  return {
    ...signal,
    kind: choice.kind,
    technique: choice.technique,
    description: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
    ...(activity ? { activity } : {}),
  };
}

/**
 * The activity snapshot the cluster's signal keeps: lanes named by the handles the signal lists
 * (clusterHandles), within the contract's caps. Null if it would not pass the contract (the signal
 * is then added without it rather than refused).
 */
export function clusterActivitySnapshot(cluster: CoordinationCluster, activity: ClusterActivity): SignalActivity | null {
  const parsed = SignalActivity.safeParse(signalActivitySnapshot(activity, clusterHandles(cluster)));
  return parsed.success ? parsed.data : null;
}
