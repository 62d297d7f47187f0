// Composes the case page: the workspace feature owns the tabs and the form; the app slots in the
// live designation panel beside them (features never import each other).
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client/http-client';
import { useCase } from '../api/client/case-queries';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/page-loading';
import { CaseWorkspacePage } from '../features/case-workspace/case-workspace-page';
import type { RenderDesignationPanel } from '../features/case-workspace/live-designation-panel';
import { DesignationPanel } from '../features/designation/designation-panel';
import { NotFoundPage } from './not-found-page';

export function CaseRoute() {
  const { caseId = '', tab } = useParams();
  const caseQuery = useCase(caseId);
  // The engine never reads the clock; the page passes the instant it was opened.
  const [now] = useState(() => new Date().toISOString());
  const renderDesignationPanel = useCallback<RenderDesignationPanel>(
    ({ content, focusField }) => <DesignationPanel content={content} now={now} onFocusField={focusField} />,
    [now],
  );

  if (caseQuery.isPending) return <PageLoading />;
  if (caseQuery.error) {
    if (caseQuery.error instanceof ApiError && caseQuery.error.code === 'not-found') return <NotFoundPage caseId={caseId} />;
    return <ErrorAlert error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;
  }
  return <CaseWorkspacePage caseDocument={caseQuery.data} tab={tab} renderDesignationPanel={renderDesignationPanel} />;
}
