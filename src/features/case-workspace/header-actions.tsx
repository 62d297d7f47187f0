// The app's actions in the case header (it slots in "Submit for review"), told whether every change is
// saved and, when the autosave holds fields it could not send (refused by the form's check or by the
// server's 400), which ones: labelled as the user reads them, with a way to show each (issue 14 §10).
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { ApiError } from '../../api/client/http-client';
import type { AutosaveState, CaseAutosave } from './autosave-controller';
import { fieldLabel } from './conflict-labels';

export interface RefusedField {
  /** The CaseContent path, for `showField`. */
  path: string;
  /** Translated, e.g. "Physical evidence item 1 › Link". */
  label: string;
}

export interface HeaderActionsState {
  allChangesSaved: boolean;
  /** Fields whose content was refused: nothing is being saved until they are corrected. */
  refusedFields: RefusedField[];
  /** Opens the field's tab and focuses it. */
  showField: (path: string) => void;
}

export type RenderHeaderActions = (state: HeaderActionsState) => ReactNode;

/** The paths the autosave is held up by; read from its public state only. */
export function refusedPaths(state: AutosaveState): string[] {
  if (state.status === 'invalid') return state.invalidPaths;
  if (state.status === 'error' && state.error instanceof ApiError && state.error.code === 'validation') {
    return state.error.fieldErrors.map((error) => error.path).filter((path) => path !== '');
  }
  return [];
}

export function HeaderActions({ autosave, render, showField }: { autosave: CaseAutosave; render: RenderHeaderActions; showField: (path: string) => void }) {
  const { t } = useTranslation(['workspace', 'policy']);
  const allChangesSaved = useStore(autosave.store, (s) => s.status === 'saved' || s.status === 'readonly');
  const paths = useStore(autosave.store, useShallow(refusedPaths));
  const refusedFields = useMemo(() => {
    // Several paths can name one field as the user sees it (two entries of one list): list it once.
    const byLabel = new Map<string, RefusedField>();
    for (const path of paths) {
      const label = fieldLabel(path, t);
      if (!byLabel.has(label)) byLabel.set(label, { path, label });
    }
    return [...byLabel.values()];
  }, [paths, t]);
  return <>{render({ allChangesSaved, refusedFields, showField })}</>;
}
