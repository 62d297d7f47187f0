// A detected cluster as a coordination signal for the evidence board (R1, R2): origin `detected`,
// evidence `unverified` until an analyst corroborates it, accounts as safe handles.
import { SIGNAL_ACTIVITY_LIMITS } from '../case-model';
import type { CoordinationSignalModel } from '../case-model';
import { sharedTextKey } from './shared-text';
import type { CoordinationCluster } from './clustering';

/** The case model's account handle shape (the contract checks the same pattern). */
export const HANDLE_PATTERN = /^[A-Za-z0-9_.-]+$/;
const MAX_HANDLE = 50;
const MAX_ACCOUNTS = 10_000;
const MAX_DESCRIPTION = 5_000;

/**
 * A handle for an account: its username, else its user id, reduced to `[A-Za-z0-9_.-]`, at most
 * 50 characters. Never empty: an account whose name has no usable character becomes `user-<id>`.
 */
function clean(s: string): string {
  return s.replace(/^@+/, '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
}

export function accountHandle(username: string | null, userId: string): string {
  const fromName = username === null ? '' : clean(username);
  if (fromName.length > 0) return fromName.slice(0, MAX_HANDLE);
  const fromId = clean(userId);
  return `user-${fromId.length > 0 ? fromId : 'unknown'}`.slice(0, MAX_HANDLE);
}

const DETECTOR_PHRASES: Record<string, string> = {
  'co-post': 'posted identical messages',
  'near-duplicate': 'posted near-identical messages',
  'co-link': 'shared the same links within seconds',
  'co-retweet': 'reposted the same posts within seconds',
  'co-reply': 'replied to the same posts in bursts',
  dogpiling: 'piled onto one target in bursts of replies far above its normal reply rate',
  'synchronised-posting': 'posted at the same moments far more often than chance',
  'shared-identifier': 'used the same devices or IP addresses',
};

/** Dogpiling targets named in the description. */
const DESCRIBED_TARGETS = 5;

function name(username: string | null, id: string | null): string {
  return username ? `@${username}` : id !== null ? `user ${id}` : 'an unknown account';
}

/**
 * R1 social ("dogpiling"): who was targeted and who incited it, e.g. "Targeted: @x (post 123, 14
 * accounts within 9 min). Incited by: @y (posts 456)." Empty without dogpiling.
 */
function dogpilingSentence(cluster: CoordinationCluster): string {
  const targets = cluster.targets ?? [];
  const inciters = cluster.inciters ?? [];
  const parts: string[] = [];
  if (targets.length > 0) {
    const listed = targets.slice(0, DESCRIBED_TARGETS).map((target) => {
      const minutes = Math.max(1, Math.ceil((Date.parse(target.end) - Date.parse(target.start)) / 60_000));
      const burst = `${target.repliers} accounts within ${minutes} min`;
      const who = target.username !== null || target.accountId !== null ? name(target.username, target.accountId) : null;
      if (target.kind === 'account') return `${who ?? 'an account'} (${burst})`;
      return who === null ? `post ${target.postId ?? ''} (${burst})` : `${who} (post ${target.postId ?? ''}, ${burst})`;
    });
    const more = targets.length > DESCRIBED_TARGETS ? ` and ${targets.length - DESCRIBED_TARGETS} more` : '';
    parts.push(`Targeted: ${listed.join('; ')}${more}.`);
  }
  if (inciters.length > 0) {
    const listed = inciters.map((inciter) => `${name(inciter.username, inciter.accountId)} (post${inciter.postIds.length === 1 ? '' : 's'} ${inciter.postIds.slice(0, 5).join(', ')})`);
    parts.push(`Incited by: ${listed.join('; ')}.`);
  }
  return parts.length > 0 ? `${parts.join(' ')} ` : '';
}

/** The detectors whose evidence labels are the texts themselves (normalised). */
const TEXT_DETECTORS: ReadonlySet<string> = new Set(['co-post', 'near-duplicate']);

export interface ClusterSignalOptions {
  /** Defaults to `sig-` + the cluster id. Must match the contract's Id pattern. */
  id?: string;
}

/**
 * The handle each account of the cluster has on its signal (platform user id -> handle, in the
 * cluster's order, at most MAX_ACCOUNTS): what `clusterToSignal` lists, and what names the lanes of
 * the signal's activity snapshot (issue 16 §1).
 */
export function clusterHandles(cluster: CoordinationCluster): Map<string, string> {
  const seen = new Set<string>();
  const handles = new Map<string, string>();
  for (const account of cluster.accounts) {
    if (seen.size >= MAX_ACCOUNTS) break;
    if (handles.has(account.id)) continue;
    let handle = accountHandle(account.username, account.id);
    // Two accounts whose names reduce to the same handle stay two accounts.
    for (let n = 2; seen.has(handle); n++) handle = `${handle.slice(0, MAX_HANDLE - String(n).length - 1)}-${n}`;
    seen.add(handle);
    handles.set(account.id, handle);
  }
  return handles;
}

export function clusterToSignal(cluster: CoordinationCluster, options: ClusterSignalOptions = {}): CoordinationSignalModel {
  const accounts = [...clusterHandles(cluster).values()];
  const behaviours = cluster.detectors.map((d) => `${DETECTOR_PHRASES[d.detector] ?? d.detector} (${d.detector}, ${d.edges} links)`);
  const examples = cluster.evidence.slice(0, 5).map((e) => `${e.detector}: ${e.label} [posts ${e.postIds.slice(0, 5).join(', ')}]`);
  const listed = cluster.accounts.length > accounts.length ? ` (the first ${accounts.length} are listed)` : '';
  let description =
    `Detected automatically: ${cluster.accounts.length} accounts${listed} ${behaviours.join('; ')}. ` +
    dogpilingSentence(cluster) +
    `Score ${cluster.score.toFixed(2)}. Evidence is unverified until an analyst reviews it. ` +
    (examples.length > 0 ? `Examples: ${examples.join(' | ')}` : '');
  if (description.length > MAX_DESCRIPTION) description = `${description.slice(0, MAX_DESCRIPTION - 1)}…`;
  // Issue 16 §4: the texts the accounts posted alike, as the text detectors labelled them, so other
  // cases holding the same copy-pasta find this one.
  const sharedTexts = [
    ...new Set(cluster.evidence.filter((e) => TEXT_DETECTORS.has(e.detector) && sharedTextKey(e.label) !== null).map((e) => e.label.slice(0, 1_000))),
  ].slice(0, SIGNAL_ACTIVITY_LIMITS.sharedTexts);
  return {
    ...(sharedTexts.length > 0 ? { sharedTexts } : {}),
    id: (options.id ?? `sig-${cluster.id}`).slice(0, 64),
    kind: cluster.suggestedSignal.kind,
    technique: cluster.suggestedSignal.technique,
    observed: 'on-platform',
    description,
    accounts,
    window: { start: cluster.window.start, end: cluster.window.end },
    sources: [],
    strength: cluster.strength,
    evidenceState: 'unverified',
    origin: 'detected',
  };
}
