// A cluster as a coordination signal (R1) for the evidence board, made by the engine's
// `clusterToSignal` (accounts as handles, window, strength, origin `detected`, evidence
// `unverified`), with the analyst's kind and technique and the cluster marker in front of the
// description, so the board can link back to the network view (see signal-link.ts).
import type { CoordinationSignal } from '../../api/contract/case';
import { clusterToSignal } from '../../engine/detection/cluster-signal';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { SignalKind, SignalTechnique } from '../../engine/policy-terms';
import { detectedDescriptionPrefix } from './signal-link';

const MAX_DESCRIPTION = 5_000;

export function detectedSignal(cluster: CoordinationCluster, choice: { kind: SignalKind; technique: SignalTechnique }): CoordinationSignal {
  const signal = clusterToSignal(cluster);
  const description = `${detectedDescriptionPrefix(cluster.id)}${signal.description}`;
  return {
    ...signal,
    kind: choice.kind,
    technique: choice.technique,
    description: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
  };
}
