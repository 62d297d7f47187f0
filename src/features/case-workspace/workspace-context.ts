// What every tab of one case page needs besides the form: whether editing is allowed, and how to
// jump to a field (the designation panel's links and the "fields need attention" status use it).
import { createContext, useContext } from 'react';

export interface WorkspaceContextValue {
  caseId: string;
  readOnly: boolean;
  focusField: (path: string) => void;
}

export const WorkspaceContext = createContext<WorkspaceContextValue>({
  caseId: '',
  readOnly: false,
  focusField: () => undefined,
});

export function useWorkspace(): WorkspaceContextValue {
  return useContext(WorkspaceContext);
}
