// Wires the autosave controller to React: the form's changes, the browser's online/offline events,
// the typed HTTP client, the query cache (the cache stays the only copy of server state), the other tabs
// of the same user and case, and the page being hidden or closed.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import { callApi, getApiUser } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { CaseAutosave } from './autosave-controller';
import { broadcastTabHub } from './autosave-tabs';
import { contentOf, fromCaseFormValues, toCaseFormValues, validateForSave, type CaseFormValues } from './case-content';
import type { DraftReadResult, DraftStorage } from './draft-storage';

export interface AutosaveStart {
  content: CaseContent;
  baseVersion: number;
  base: CaseContent | null;
  restored: boolean;
}

/** Edits kept on this device win over the server's copy; they are based on the version they name. */
export function startFrom(result: DraftReadResult, caseDocument: CaseDocument): AutosaveStart {
  if (result.kind === 'draft') {
    const { draft, base } = result;
    return {
      content: draft.content,
      baseVersion: draft.baseVersion,
      base: base?.content ?? (draft.baseVersion === caseDocument.version ? contentOf(caseDocument) : null),
      restored: true,
    };
  }
  const content = contentOf(caseDocument);
  return { content, baseVersion: caseDocument.version, base: structuredClone(content), restored: false };
}

export function useCaseAutosave({
  form,
  caseDocument,
  userId,
  editable,
  start,
  storage,
}: {
  form: UseFormReturn<CaseFormValues, unknown, CaseFormValues>;
  caseDocument: CaseDocument;
  userId: string;
  editable: boolean;
  start: AutosaveStart;
  storage: DraftStorage;
}): CaseAutosave {
  const queryClient = useQueryClient();
  const caseId = caseDocument.id;
  // Set while the autosave itself puts content into the form: that is no edit of the user's, and
  // telling it to the other tabs would echo it back and forth.
  const [replacing] = useState(() => ({ current: false }));
  const [autosave] = useState(
    () =>
      new CaseAutosave({
        caseId,
        userId,
        ...start,
        editable,
        storage,
        validate: validateForSave,
        save: async (content, ifMatch) => {
          const result = await callApi('updateCase', { params: { caseId }, body: content, ifMatch });
          return { document: result.data, version: result.version ?? result.data.version };
        },
        fetchLatest: async () => (await callApi('getCase', { params: { caseId } })).data,
        onSaved: (document) => {
          queryClient.setQueryData(queryKeys.cases.detail(caseId), document);
          // Lists and trails that show this case are stale now; the detail itself was just replaced.
          void queryClient.invalidateQueries({
            queryKey: queryKeys.cases.all,
            predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[2] !== caseId || query.queryKey.length > 3,
          });
        },
        onConflict: (document) => queryClient.setQueryData(queryKeys.cases.detail(caseId), document),
        onRejected: (error) => {
          for (const fieldError of error.fieldErrors) {
            if (fieldError.path) form.setError(fieldError.path as FieldPath<CaseFormValues>, { type: 'server', message: fieldError.message });
          }
          // The case left `draft` under us (submitted by someone): show what it is now.
          if (error.code === 'invalid-transition' || error.code === 'forbidden') {
            void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(caseId), exact: true });
          }
        },
        onReplaced: (content) => {
          replacing.current = true;
          try {
            form.reset(toCaseFormValues(content));
          } finally {
            replacing.current = false;
          }
        },
        // Another tab of this user saved: the header's version and the lists follow.
        onNewerVersion: () => void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
        // Edits belong to the user who typed them: never send them under another identity.
        canSend: () => getApiUser() === userId,
      }),
  );

  useEffect(() => {
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: ({ values, name }) => {
        if (!replacing.current) autosave.change(fromCaseFormValues(values), name);
      },
    });
    const online = () => autosave.setOnline(true);
    const offline = () => autosave.setOnline(false);
    // The last moments a page surely has: the other tabs learn the last edit, and it is sent.
    const hide = () => autosave.handOver();
    const hidden = () => {
      if (document.visibilityState === 'hidden') autosave.handOver();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', hidden);
    const hub = broadcastTabHub();
    const leaveTabs = hub ? autosave.connectTabs(hub) : () => undefined;
    // Edits restored from this device go out at once.
    if (autosave.state.status === 'pending') void autosave.flush();
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the page: send what waits for the debounce (it stays kept locally either way); the
      // next editor of this case waits for that write and builds on it (CaseAutosave.catchUp).
      autosave.handOver();
      leaveTabs();
    };
  }, [autosave, form, replacing]);

  useEffect(() => autosave.setEditable(editable), [autosave, editable]);

  return autosave;
}
