// Issue 16 §1: the selected cluster's activity timeline — each account's posts on one time axis with
// the co-actions that linked them (R1-R2), asked of the worker that still holds the file.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityTimeline } from '../../components/activity-timeline/activity-timeline';
import { fromClusterActivity } from '../../components/activity-timeline/activity-timeline-model';
import type { ClusterActivity } from '../../engine/detection/cluster-activity';
import { clusterHandles } from '../../engine/detection/cluster-signal';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { formatNumber } from './import-format';
import { clusterAccountIds, clusterActivityScope, useClusterActivity, type ActivityQuery } from './cluster-activity-query';

export interface ClusterActivityPanelProps {
  cluster: CoordinationCluster | null;
  rank: number;
  queryActivity: ActivityQuery | null;
}

export function ClusterActivityPanel({ cluster, rank, queryActivity }: ClusterActivityPanelProps) {
  const { t } = useTranslation('activityImport');
  const accountIds = useMemo(() => (cluster ? clusterAccountIds(cluster) : null), [cluster]);
  const scope = cluster ? clusterActivityScope(cluster) : 'none';
  const state = useClusterActivity(cluster ? queryActivity : null, scope, accountIds);

  return (
    <Paper component="section" aria-labelledby="cluster-activity-heading" variant="outlined" sx={{ p: 2, minWidth: 0 }}>
      <Typography id="cluster-activity-heading" variant="h6" component="h3">
        {cluster ? t('activity.heading', { rank }) : t('activity.tab')}
      </Typography>
      {cluster === null ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('activity.pick')}
        </Typography>
      ) : state.status === 'unavailable' ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('activity.unavailable')}
        </Alert>
      ) : state.status === 'failed' ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {t('activity.failed', { message: state.message })}
        </Alert>
      ) : state.status === 'loading' ? (
        <Box component="output" sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
          <CircularProgress size={20} aria-hidden="true" />
          <Typography variant="body2">{t('activity.loading')}</Typography>
        </Box>
      ) : (
        <ReadyActivity cluster={cluster} activity={state.activity} />
      )}
    </Paper>
  );
}

function ReadyActivity({ cluster, activity }: { cluster: CoordinationCluster; activity: ClusterActivity }) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  // Lanes named as the signal names its accounts, so the board's snapshot reads the same.
  const model = useMemo(() => fromClusterActivity(activity, clusterHandles(cluster)), [activity, cluster]);
  return (
    <>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="cluster-activity-counts">
        {t('activity.counts', {
          count: model.lanes.length,
          posts: formatNumber(model.posts, language),
          coActions: formatNumber(model.coActionMarks, language),
        })}
        {model.omittedMarks > 0 && ` ${t('activity.omitted', { count: model.omittedMarks })}`}
        {activity.missingAccounts > 0 && ` ${t('activity.missing', { count: activity.missingAccounts })}`}
      </Typography>
      {activity.textsUnreadable && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="cluster-activity-texts-unreadable">
          {t('activity.textsUnreadable')}
        </Alert>
      )}
      {/* R1-R2: what a highlighted mark means, and what it does not establish by itself. */}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('activity.note')} {t('activity.kept')}
      </Typography>
      <ActivityTimeline model={model} headingLevel="h4" />
    </>
  );
}
