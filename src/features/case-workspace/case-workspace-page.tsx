// The case page: finds who is signed in and any edits kept on this device, then opens the editor
// (tabs deep-linked as /cases/:id/:tab, with the designation panel beside each).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../api/client/user-queries';
import type { CaseDocument, CoordinationSignal } from '../../api/contract/case';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { BoardStoreProvider } from './board-store';
import { CaseEditor } from './case-editor';
import { browserDraftStorage, readDraft, type DraftReadResult, type DraftStorage } from './draft-storage';
import type { RenderHeaderActions } from './header-actions';
import type { RenderDesignationPanel } from './live-designation-panel';
import { caseTabPath, isCaseTab } from './workspace-tabs';

export type { DesignationPanelArgs, RenderDesignationPanel } from './live-designation-panel';

export interface CaseWorkspacePageProps {
  caseDocument: CaseDocument;
  /** The `:tab` route segment; anything but a known tab redirects to the overview. */
  tab: string | undefined;
  /** The live designation panel, composed in by the app (features never import each other). */
  renderDesignationPanel?: RenderDesignationPanel;
  /** Actions beside the save status, composed in by the app; told whether every change is saved, and what is refused. */
  renderHeaderActions?: RenderHeaderActions;
  /** Below the tabs, composed in by the app (the conversation, the case's audit trail). */
  footer?: ReactNode;
  /** Below the decision banner, composed in by the app (a return's requests); told how to show a field. */
  renderNotices?: (state: { showField: (path: string) => void }) => ReactNode;
  /** Board -> network view: where a detected signal's cluster is shown, composed in by the app. */
  networkLinkForSignal?: (signal: CoordinationSignal) => string | null;
  /** Where unsent edits are kept; IndexedDB by default (tests pass an in-memory one). */
  draftStorage?: DraftStorage;
  /** How long the page waits for the kept edits before it shows the case read-only meanwhile. */
  draftReadPatienceMs?: number;
}

type DraftLoad = { key: string; result: DraftReadResult | 'failed' } | null;

export const DRAFT_READ_PATIENCE_MS = 4_000;

export function CaseWorkspacePage({ caseDocument, tab, renderDesignationPanel, renderHeaderActions, footer, renderNotices, networkLinkForSignal, draftStorage, draftReadPatienceMs = DRAFT_READ_PATIENCE_MS }: CaseWorkspacePageProps) {
  const me = useCurrentUser();
  const storage = useMemo(() => draftStorage ?? browserDraftStorage(), [draftStorage]);
  const userId = me.data?.id;
  const key = `${userId ?? ''}:${caseDocument.id}`;
  const [draft, setDraft] = useState<DraftLoad>(null);
  // A read of this device's storage that does not answer (seen in a busy browser) must not leave the
  // page loading for ever: after a while the case shows read-only, and opens once the read answers.
  const [patienceOver, setPatienceOver] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setPatienceOver(key), draftReadPatienceMs);
    return () => clearTimeout(timer);
  }, [key, draftReadPatienceMs]);

  useEffect(() => {
    if (!userId) return;
    let current = true;
    readDraft(storage, userId, caseDocument.id).then(
      (result) => current && setDraft({ key, result }),
      () => current && setDraft({ key, result: 'failed' }),
    );
    return () => {
      current = false;
    };
    // Read once per case and user: later server versions must not re-read (the editor owns the draft then).
    // oxlint-disable-next-line react/exhaustive-deps
  }, [key, storage]);

  if (!isCaseTab(tab)) return <Navigate to={caseTabPath(caseDocument.id, 'overview')} replace />;
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <PageLoading />;
  const loaded = draft !== null && draft.key === key;
  if (!loaded && patienceOver !== key) return <PageLoading />;
  // Until the kept edits are read the case shows read-only (draftPending); the editor opens afresh
  // (another key) once they are.
  const result: DraftReadResult = !loaded || draft.result === 'failed' ? { kind: 'none' } : draft.result;
  const editorKey = loaded ? key : `${key}:pending`;
  return (
    <BoardStoreProvider key={editorKey}>
      <CaseEditor
        key={editorKey}
        caseDocument={caseDocument}
        tab={tab}
        user={me.data}
        draft={result}
        localDraftUnreadable={loaded && (draft.result === 'failed' || result.kind === 'corrupt')}
        draftPending={!loaded}
        storage={storage}
        renderDesignationPanel={renderDesignationPanel}
        renderHeaderActions={loaded ? renderHeaderActions : undefined}
        footer={footer}
        renderNotices={renderNotices}
        networkLinkForSignal={networkLinkForSignal}
      />
    </BoardStoreProvider>
  );
}
