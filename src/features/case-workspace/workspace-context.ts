// What every tab of one case page needs besides the form: whether editing is allowed, and how to
// jump to a field (the designation panel's links and the "fields need attention" status use it), and
// where a detected signal's cluster can be seen.
import { createContext, useContext } from 'react';
import type { CoordinationSignal } from '../../api/contract/case';

export interface WorkspaceContextValue {
  caseId: string;
  readOnly: boolean;
  focusField: (path: string) => void;
  /** Where a detected signal's cluster is shown in the network view (composed in by the app), or null. */
  networkLinkForSignal: (signal: CoordinationSignal) => string | null;
}

export const WorkspaceContext = createContext<WorkspaceContextValue>({
  caseId: '',
  readOnly: false,
  focusField: () => undefined,
  networkLinkForSignal: () => null,
});

export function useWorkspace(): WorkspaceContextValue {
  return useContext(WorkspaceContext);
}
