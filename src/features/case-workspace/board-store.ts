// UI state shared by the evidence board and the accounts tab of one case (filters, the selected
// account, a card to focus after a move): one store per case via context, never server data.
import { createContext, useContext, useState, type ReactNode, createElement } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { EvidenceState, SignalStrength } from '../../engine/policy-terms';
import { NO_FILTERS, type BoardFilters } from './board-model';

export interface BoardState {
  filters: BoardFilters;
  selectedAccount: string | null;
  /** A card to scroll to and focus once its lane shows it (after a keyboard move). */
  focusRequest: { signalId: string; nonce: number } | null;
  toggleState: (state: EvidenceState) => void;
  toggleStrength: (strength: SignalStrength) => void;
  setAccountFilter: (account: string | null) => void;
  clearFilters: () => void;
  selectAccount: (account: string | null) => void;
  requestFocus: (signalId: string) => void;
  clearFocusRequest: () => void;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
}

export function createBoardStore(): StoreApi<BoardState> {
  return createStore<BoardState>()((set) => ({
    filters: NO_FILTERS,
    selectedAccount: null,
    focusRequest: null,
    toggleState: (state) => set((s) => ({ filters: { ...s.filters, states: toggle(s.filters.states, state) } })),
    toggleStrength: (strength) => set((s) => ({ filters: { ...s.filters, strengths: toggle(s.filters.strengths, strength) } })),
    setAccountFilter: (account) => set((s) => ({ filters: { ...s.filters, account } })),
    clearFilters: () => set({ filters: NO_FILTERS }),
    selectAccount: (selectedAccount) => set({ selectedAccount }),
    requestFocus: (signalId) => set((s) => ({ focusRequest: { signalId, nonce: (s.focusRequest?.nonce ?? 0) + 1 } })),
    clearFocusRequest: () => set({ focusRequest: null }),
  }));
}

const BoardStoreContext = createContext<StoreApi<BoardState> | null>(null);

export function BoardStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createBoardStore);
  return createElement(BoardStoreContext.Provider, { value: store }, children);
}

export function useBoardStore<T>(selector: (state: BoardState) => T): T {
  const store = useContext(BoardStoreContext);
  if (!store) throw new Error('useBoardStore needs a BoardStoreProvider');
  return useStore(store, selector);
}
