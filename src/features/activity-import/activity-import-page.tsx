// /cases/:caseId/import: import platform activity into one case and turn detected coordination
// into signals on its evidence board (issue 6).
import Alert from '@mui/material/Alert';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useCase } from '../../api/client/case-queries';
import { designationInForce } from '../../api/contract/case';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { continuationWatchFor } from './continuation-watch';
import { ImportResults } from './import-results';
import { ReapplicationNotice } from './reapplication-notice';
import { ImportSetupForm } from './import-setup-form';
import { useActivityImport } from './use-activity-import';

export function ActivityImportPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation('activityImport');
  const caseQuery = useCase(caseId);
  const activity = useActivityImport(caseId);
  const [searchParams] = useSearchParams();
  const linkedCluster = searchParams.get('cluster');
  if (caseQuery.isPending) return <PageLoading />;
  if (caseQuery.isError) {
    return (
      <Container maxWidth="lg" sx={{ py: 3 }}>
        <ErrorAlert error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />
      </Container>
    );
  }

  const caseDocument = caseQuery.data;
  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('page.title', { name: caseDocument.actor.name })}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {t('page.intro')}
      </Typography>
      <Link component={RouterLink} to={`/cases/${encodeURIComponent(caseId)}`} sx={{ display: 'inline-block', mb: 2 }}>
        {t('page.backToCase')}
      </Link>
      {caseDocument.status !== 'draft' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('page.notDraft')}
          {designationInForce(caseDocument) && ` ${t('reapplication.watching')}`}
        </Alert>
      )}
      {linkedCluster && activity.storageChecked && !activity.outcome && activity.run.status === 'idle' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('page.linkWithoutImport')}
        </Alert>
      )}
      <ImportSetupForm
        run={activity.run}
        // R15: the case's expired limits as they are when the import starts.
        onStart={(file, settings) => activity.start(file, settings, continuationWatchFor(caseDocument, new Date().toISOString()))}
        onRedetect={activity.canRedetect ? activity.redetect : null}
        onCancel={activity.cancel}
      />
      {activity.outcome && activity.run.status !== 'running' && (
        <ReapplicationNotice key={activity.outcome.finishedAt} caseDocument={caseDocument} outcome={activity.outcome} restored={activity.restored} />
      )}
      {activity.outcome && activity.run.status !== 'running' && (
        <ImportResults
          caseId={caseId}
          caseDocument={caseDocument}
          outcome={activity.outcome}
          restored={activity.restored}
          onForget={activity.forget}
          queryActivity={activity.queryActivity}
        />
      )}
    </Container>
  );
}
