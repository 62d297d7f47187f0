// A cluster as a coordination signal (R1) for the evidence board: the analyst's kind and technique,
// the cluster's accounts, window and strength, origin `detected`, evidence state `unverified` (a
// detector's output is a lead for a person to verify, never sufficient evidence by itself, R2).
import type { CoordinationSignal } from '../../api/contract/case';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { SignalKind, SignalTechnique } from '../../engine/policy-terms';
import { detectedDescriptionPrefix } from './signal-link';

const HANDLE = /^[A-Za-z0-9_.-]{1,50}$/;
const MAX_DESCRIPTION = 5_000;
const MAX_ACCOUNTS = 10_000;

/** The board names accounts by handle; a user id stands in where the export had no usable name. */
export function accountHandles(cluster: CoordinationCluster): string[] {
  const handles: string[] = [];
  const seen = new Set<string>();
  for (const account of cluster.accounts) {
    const handle = [account.username, account.id].find((candidate) => candidate != null && HANDLE.test(candidate));
    if (handle && !seen.has(handle.toLowerCase())) {
      seen.add(handle.toLowerCase());
      handles.push(handle);
      if (handles.length === MAX_ACCOUNTS) break;
    }
  }
  return handles;
}

export function newSignalId(): string {
  return `signal-${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export function detectedSignal(
  cluster: CoordinationCluster,
  choice: { kind: SignalKind; technique: SignalTechnique },
  options: { id: string; summary: string },
): CoordinationSignal {
  const description = `${detectedDescriptionPrefix(cluster.id)}${options.summary}`.slice(0, MAX_DESCRIPTION);
  return {
    id: options.id,
    kind: choice.kind,
    technique: choice.technique,
    observed: 'on-platform',
    description,
    accounts: accountHandles(cluster),
    window: { start: cluster.window.start, end: cluster.window.end },
    sources: [],
    strength: cluster.strength,
    evidenceState: 'unverified',
    origin: 'detected',
  };
}
