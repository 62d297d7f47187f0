// Composes the case page: the workspace feature owns the tabs and the form; the app slots in the
// live designation panel beside them (features never import each other).
import { useParams } from 'react-router';
import { ApiError } from '../api/client/http-client';
import { useCase } from '../api/client/case-queries';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/page-loading';
import { CaseWorkspacePage } from '../features/case-workspace/case-workspace-page';
import { NotFoundPage } from './not-found-page';

export function CaseRoute() {
  const { caseId = '', tab } = useParams();
  const caseQuery = useCase(caseId);
  if (caseQuery.isPending) return <PageLoading />;
  if (caseQuery.error) {
    if (caseQuery.error instanceof ApiError && caseQuery.error.code === 'not-found') return <NotFoundPage caseId={caseId} />;
    return <ErrorAlert error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;
  }
  return <CaseWorkspacePage caseDocument={caseQuery.data} tab={tab} />;
}
