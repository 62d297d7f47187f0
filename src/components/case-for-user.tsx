// Loads a case and the signed-in user for a page that needs both, with one loading state, one
// not-found message and one retryable error for every such page.
import Alert from '@mui/material/Alert';
import Container from '@mui/material/Container';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCase } from '../api/client/case-queries';
import { ApiError } from '../api/client/http-client';
import { useCurrentUser } from '../api/client/user-queries';
import type { CaseDocument } from '../api/contract/case';
import type { User } from '../api/contract/users';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './page-loading';

export function CaseForUser({ caseId, children }: { caseId: string; children: (caseDocument: CaseDocument, me: User) => ReactNode }) {
  const { t } = useTranslation('common');
  const caseQuery = useCase(caseId);
  const me = useCurrentUser();
  if (caseQuery.isPending || me.isPending) return <PageLoading />;
  if (caseQuery.error) {
    const missing = caseQuery.error instanceof ApiError && caseQuery.error.code === 'not-found';
    return (
      <Container sx={{ py: 3 }}>
        {missing ? (
          <Alert severity="warning">{t('notFound.caseBody', { id: caseId })}</Alert>
        ) : (
          <ErrorAlert error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />
        )}
      </Container>
    );
  }
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  return <>{children(caseQuery.data, me.data)}</>;
}
