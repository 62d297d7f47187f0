// The link between a detected cluster and the signal made from it. The signal's description starts
// with a fixed English marker, `Detected cluster <cluster id>: `, whatever the interface language,
// and its id is the engine's default `sig-<cluster id>`; either one names the cluster. So the
// evidence board can link a signal back to the network view, and this page can tell which clusters
// are already on the board, from the case alone (no extra field in the contract).
import type { CoordinationSignal } from '../../api/contract/case';

/** Cluster ids as the engine makes them: `cluster-` + 16 hex digits. */
const MARKER = /^Detected cluster (cluster-[0-9a-f]{16})(?::|$)/;
const SIGNAL_ID = /^sig-(cluster-[0-9a-f]{16})$/;

export function detectedDescriptionPrefix(clusterId: string): string {
  return `Detected cluster ${clusterId}: `;
}

/** The cluster a detected signal came from, or null for manual signals and edited-away markers. */
export function clusterIdOfSignal(signal: Pick<CoordinationSignal, 'origin' | 'description'> & { id?: string }): string | null {
  if (signal.origin !== 'detected') return null;
  return MARKER.exec(signal.description)?.[1] ?? SIGNAL_ID.exec(signal.id ?? '')?.[1] ?? null;
}

/** clusterId -> signalId for every detected signal of a case (the first one wins). */
export function signalsByCluster(signals: readonly CoordinationSignal[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const signal of signals) {
    const clusterId = clusterIdOfSignal(signal);
    if (clusterId && !map.has(clusterId)) map.set(clusterId, signal.id);
  }
  return map;
}

export function importPath(caseId: string, options: { view?: 'clusters' | 'network'; cluster?: string } = {}): string {
  const params = new URLSearchParams();
  if (options.view && options.view !== 'clusters') params.set('view', options.view);
  if (options.cluster) params.set('cluster', options.cluster);
  const query = params.toString();
  return `/cases/${encodeURIComponent(caseId)}/import${query ? `?${query}` : ''}`;
}

/** Board -> network: where a signal's cluster is shown, or null when the signal was not detected. */
export function networkLinkForSignal(
  caseId: string,
  signal: Pick<CoordinationSignal, 'origin' | 'description'> & { id?: string },
): string | null {
  const clusterId = clusterIdOfSignal(signal);
  return clusterId ? importPath(caseId, { view: 'network', cluster: clusterId }) : null;
}

export function evidenceBoardPath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/evidence`;
}
