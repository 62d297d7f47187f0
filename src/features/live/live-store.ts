// What this tab has heard on the live stream (issue 12 §7): the latest changes by anyone, and whether
// the stream is connected. Client state shared by the case page's notice and the stream; the cases
// themselves stay in TanStack Query, which the notices only invalidate.
import { createStore } from 'zustand/vanilla';
import type { CaseChangeNotice } from '../../api/contract/live';

export type LiveStatus = 'connecting' | 'open' | 'paused';

export interface LiveState {
  status: LiveStatus;
  /** Oldest first, at most KEPT_CHANGES. */
  changes: CaseChangeNotice[];
}

export const KEPT_CHANGES = 100;

export const liveStore = createStore<LiveState>(() => ({ status: 'connecting', changes: [] }));

export function heardChange(notice: CaseChangeNotice): void {
  liveStore.setState((state) =>
    // A notice heard twice (a reconnect, or a bus echo) is kept once.
    state.changes.some((known) => known.seq === notice.seq) ? state : { changes: [...state.changes, notice].slice(-KEPT_CHANGES) },
  );
}

export function setLiveStatus(status: LiveStatus): void {
  if (liveStore.getState().status !== status) liveStore.setState({ status });
}
