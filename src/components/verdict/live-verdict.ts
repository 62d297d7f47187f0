// The live panel's latest verdict, for what sums it up elsewhere on the case page (the bottom bar on
// small screens, issue 15 §7): the panel publishes the verdict it computed, so nothing evaluates the
// case a second time. One store per case page, through context, as the other UI stores.
import { createContext, useContext, useEffect } from 'react';
import { createStore, type StoreApi } from 'zustand';
import type { Verdict } from '../../engine/verdict';

export interface LiveVerdictState {
  /** The verdict the live panel shows now; null while no panel is on the page. */
  verdict: Verdict | null;
}

export type LiveVerdictStore = StoreApi<LiveVerdictState>;

export function createLiveVerdictStore(): LiveVerdictStore {
  return createStore<LiveVerdictState>()(() => ({ verdict: null }));
}

export const LiveVerdictContext = createContext<LiveVerdictStore | null>(null);

/** Called by the live panel with each verdict it shows; does nothing where no page listens. */
export function usePublishLiveVerdict(verdict: Verdict): void {
  const store = useContext(LiveVerdictContext);
  useEffect(() => {
    store?.setState({ verdict });
  }, [store, verdict]);
  // Gone with the panel: a summary must not show a verdict nothing computes any more.
  useEffect(() => () => store?.setState({ verdict: null }), [store]);
}
