// What every tab of one case page needs besides the form: whether editing is allowed, and how to
// jump to a field (the designation panel's links and the "fields need attention" status use it), and
// where a detected signal's cluster can be seen.
import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand';
import type { CoordinationSignal } from '../../api/contract/case';
import type { LiveVerdictStore } from '../../components/verdict/live-verdict';
import type { HarmCategory } from '../../engine/policy-terms';
import { harmCategoryForField } from './field-ids';

/** The part of a tab on show: the harm tab's category sub-tab (issue 15 §4). Kept across tab switches. */
export interface WorkspaceSectionState {
  harmCategory: HarmCategory;
}

export type WorkspaceSectionStore = StoreApi<WorkspaceSectionState>;

export function createSectionStore(): WorkspaceSectionStore {
  return createStore<WorkspaceSectionState>()(() => ({ harmCategory: 'physical' }));
}

/**
 * Before `focusField` focuses `path`, the sub-tab holding it is shown: a jump to
 * `harm.psychological.evidence` opens the psychological category, wherever it comes from.
 */
export function showSectionOf(store: WorkspaceSectionStore, path: string): void {
  const harmCategory = harmCategoryForField(path);
  if (harmCategory !== null && store.getState().harmCategory !== harmCategory) store.setState({ harmCategory });
}

export interface WorkspaceContextValue {
  caseId: string;
  readOnly: boolean;
  /** Shows the tab and sub-tab holding `path` (a CaseContent dot path), then focuses its field. */
  focusField: (path: string) => void;
  /** Where a detected signal's cluster is shown in the network view (composed in by the app), or null. */
  networkLinkForSignal: (signal: CoordinationSignal) => string | null;
  /** Which sub-tab each tab shows; `focusField` moves it (showSectionOf). */
  sections: WorkspaceSectionStore;
  /** The live designation panel's verdict (published by the panel, never evaluated again), or null without a panel. */
  liveVerdict: LiveVerdictStore | null;
}

export const WorkspaceContext = createContext<WorkspaceContextValue>({
  caseId: '',
  readOnly: false,
  focusField: () => undefined,
  networkLinkForSignal: () => null,
  sections: createSectionStore(),
  liveVerdict: null,
});

export function useWorkspace(): WorkspaceContextValue {
  return useContext(WorkspaceContext);
}
