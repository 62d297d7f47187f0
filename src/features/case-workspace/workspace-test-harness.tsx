// Renders workspace tabs the way the editor does (one form over a CaseContent, the workspace context,
// the board store) without the network, and exposes the form's latest values to assertions.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { CaseContent } from '../../api/contract/case';
import { BoardStoreProvider } from './board-store';
import { CaseContentFormSchema } from './case-content';
import { WorkspaceContext, type WorkspaceContextValue } from './workspace-context';

/** Collects the form's latest values for assertions. */
export class HarnessProbe {
  values: CaseContent | null = null;
  readonly update = (values: CaseContent) => {
    this.values = values;
  };
}

export function WorkspaceFormHarness({ content, readOnly = false, probe, focusField = () => undefined, children }: {
  content: CaseContent;
  readOnly?: boolean;
  probe?: HarnessProbe;
  focusField?: (path: string) => void;
  children: ReactNode;
}) {
  const form = useForm<CaseContent, unknown, CaseContent>({
    defaultValues: content,
    resolver: zodResolver(CaseContentFormSchema),
    mode: 'onTouched',
  });
  const update = probe?.update;
  useEffect(() => {
    if (!update) return undefined;
    update(form.getValues());
    return form.subscribe({ formState: { values: true }, callback: ({ values }) => update(values) });
  }, [form, update]);
  const workspace = useMemo<WorkspaceContextValue>(
    () => ({ caseId: 'case-1', readOnly, focusField, networkLinkForSignal: (signal) => (signal.origin === 'detected' ? `/network/${signal.id}` : null) }),
    [readOnly, focusField],
  );
  return (
    <WorkspaceContext.Provider value={workspace}>
      <BoardStoreProvider>
        <FormProvider {...form}>{children}</FormProvider>
      </BoardStoreProvider>
    </WorkspaceContext.Provider>
  );
}
