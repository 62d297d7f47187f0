// Renders workspace tabs the way the editor does (one form over a CaseContent's form values, the workspace context,
// the board store) without the network, and exposes the form's latest values to assertions.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { CaseContent } from '../../api/contract/case';
import type { LiveVerdictStore } from '../../components/verdict/live-verdict';
import { BoardStoreProvider } from './board-store';
import { fromCaseFormValues, toCaseFormValues, type CaseFormValues } from './case-content';
import { caseFormResolver } from './case-form-resolver';
import { scheduleFocus } from './field-ids';
import { WorkspaceContext, createSectionStore, showSectionOf, type WorkspaceContextValue } from './workspace-context';

/** Collects the form's latest values for assertions. */
export class HarnessProbe {
  values: CaseContent | null = null;
  readonly update = (values: CaseContent) => {
    this.values = values;
  };
}

export function WorkspaceFormHarness({ content, readOnly = false, probe, focusField, liveVerdict = null, children }: {
  content: CaseContent;
  readOnly?: boolean;
  probe?: HarnessProbe;
  /** By default as the editor's: shows the field's sub-tab, then focuses the field (no tab switch here). */
  focusField?: (path: string) => void;
  /** The live panel's verdict store, as the editor passes it when a panel is on the page. */
  liveVerdict?: LiveVerdictStore | null;
  children: ReactNode;
}) {
  const [sections] = useState(createSectionStore);
  const form = useForm<CaseFormValues, unknown, CaseFormValues>({
    defaultValues: toCaseFormValues(content),
    resolver: caseFormResolver,
    mode: 'onTouched',
  });
  const update = probe?.update;
  useEffect(() => {
    if (!update) return undefined;
    update(fromCaseFormValues(form.getValues()));
    return form.subscribe({ formState: { values: true }, callback: ({ values }) => update(fromCaseFormValues(values)) });
  }, [form, update]);
  const workspace = useMemo<WorkspaceContextValue>(
    () => ({
      caseId: 'case-1',
      readOnly,
      focusField: focusField ?? ((path) => {
        showSectionOf(sections, path);
        scheduleFocus(path);
      }),
      networkLinkForSignal: (signal) => (signal.origin === 'detected' ? `/network/${signal.id}` : null),
      sections,
      liveVerdict,
    }),
    [readOnly, focusField, sections, liveVerdict],
  );
  return (
    <WorkspaceContext.Provider value={workspace}>
      <BoardStoreProvider>
        <FormProvider {...form}>{children}</FormProvider>
      </BoardStoreProvider>
    </WorkspaceContext.Provider>
  );
}
