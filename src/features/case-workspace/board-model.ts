// The evidence board's arithmetic (R1-R2), free of React: four lanes (technical/social x on/off-platform),
// filters, moving a signal between lanes, and the index of accounts across signals.
import type { CoordinationSignal } from '../../api/contract/case';
import {
  OBSERVED,
  SIGNAL_KINDS,
  TECHNIQUES_BY_KIND,
  type EvidenceState,
  type Observed,
  type SignalKind,
  type SignalStrength,
  type SignalTechnique,
} from '../../engine/policy-terms';
import { R1_techniqueMatchesKind } from '../../engine/designation-rules';

export interface Lane {
  id: LaneId;
  kind: SignalKind;
  observed: Observed;
}
export type LaneId = `${SignalKind}:${Observed}`;

export const LANES: readonly Lane[] = SIGNAL_KINDS.flatMap((kind) =>
  OBSERVED.map((observed) => ({ id: `${kind}:${observed}` as LaneId, kind, observed })),
);

export function laneOf(signal: Pick<CoordinationSignal, 'kind' | 'observed'>): LaneId {
  return `${signal.kind}:${signal.observed}`;
}

export function laneById(id: LaneId): Lane {
  const lane = LANES.find((candidate) => candidate.id === id);
  if (!lane) throw new Error(`Unknown lane ${id}`);
  return lane;
}

export interface BoardFilters {
  /** Empty = every state. */
  states: EvidenceState[];
  /** Empty = every strength. */
  strengths: SignalStrength[];
  /** Only signals naming this account. */
  account: string | null;
}

export const NO_FILTERS: BoardFilters = { states: [], strengths: [], account: null };

export function matchesFilters(signal: CoordinationSignal, filters: BoardFilters): boolean {
  if (filters.states.length > 0 && !filters.states.includes(signal.evidenceState)) return false;
  if (filters.strengths.length > 0 && !filters.strengths.includes(signal.strength)) return false;
  if (filters.account !== null && !signal.accounts.includes(filters.account)) return false;
  return true;
}

export interface LaneContent {
  /** Indexes into the signal list of the signals shown, in list order. */
  shown: number[];
  total: number;
}

/** One pass over the signals: what each lane shows under the filters, and how many it holds. */
export function groupIntoLanes(signals: readonly CoordinationSignal[], filters: BoardFilters): Record<LaneId, LaneContent> {
  const lanes = Object.fromEntries(LANES.map((lane) => [lane.id, { shown: [], total: 0 }])) as unknown as Record<LaneId, LaneContent>;
  signals.forEach((signal, index) => {
    const lane = lanes[laneOf(signal)];
    lane.total += 1;
    if (matchesFilters(signal, filters)) lane.shown.push(index);
  });
  return lanes;
}

/** A technique valid for `kind`: the current one if it already is, else the kind's generic or first one. */
export function techniqueForKind(kind: SignalKind, technique: SignalTechnique): SignalTechnique {
  const valid: readonly SignalTechnique[] = TECHNIQUES_BY_KIND[kind];
  if (valid.includes(technique)) return technique;
  return kind === 'social' ? 'other-social' : TECHNIQUES_BY_KIND.technical[0];
}

/** R1, as the engine decides it: does `technique` belong to the kind of signals `laneId` holds? */
export function techniqueFitsLane(technique: SignalTechnique, laneId: LaneId): boolean {
  return R1_techniqueMatchesKind({ kind: laneById(laneId).kind, technique });
}

/**
 * The signal in lane `laneId` with `technique` (its own unless the user chose another). Nothing here
 * replaces a technique on its own: one of the other kind is kept as it is, and the engine flags it (R1).
 */
export function moveToLane(signal: CoordinationSignal, laneId: LaneId, technique: SignalTechnique = signal.technique): CoordinationSignal {
  const lane = laneById(laneId);
  return { ...signal, kind: lane.kind, observed: lane.observed, technique };
}

export interface AccountEntry {
  handle: string;
  /** Indexes of the signals naming the account. */
  signals: number[];
}

/** Every account named by a signal, most-mentioned first (then by handle). */
export function indexAccounts(signals: readonly CoordinationSignal[]): AccountEntry[] {
  const byHandle = new Map<string, number[]>();
  signals.forEach((signal, index) => {
    for (const handle of new Set(signal.accounts)) {
      const list = byHandle.get(handle);
      if (list) list.push(index);
      else byHandle.set(handle, [index]);
    }
  });
  return [...byHandle.entries()]
    .map(([handle, indexes]) => ({ handle, signals: indexes }))
    .toSorted((a, b) => b.signals.length - a.signals.length || a.handle.localeCompare(b.handle));
}

export function newItemId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
