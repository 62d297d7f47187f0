// The clusters as a list or as a network beside a compact list, one selection shared through the
// URL (`?view=network&cluster=<id>`), so a selection is a link and survives a reload.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CaseDocument } from '../../api/contract/case';
import { ErrorAlert } from '../../components/error-alert';
import { visuallyHidden } from '../../components/visually-hidden';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { ClusterActivityPanel } from './cluster-activity-panel';
import type { ActivityQuery } from './cluster-activity-query';
import { ClusterList } from './cluster-list';
import { buildNetworkGraph } from './network-model';
import { NetworkPanel } from './network-panel';
import { SignalChoiceDialog } from './signal-choice-dialog';
import { evidenceBoardPath } from './signal-link';
import { useClusterBoard } from './use-cluster-board';
import { useStagedCount } from './use-staged-count';
import { ViewTabs } from './view-tabs';

type View = 'clusters' | 'network' | 'activity';
const VIEWS: readonly View[] = ['clusters', 'network', 'activity'];

export interface ClusterViewsProps {
  caseId: string;
  caseDocument: CaseDocument | undefined;
  clusters: readonly CoordinationCluster[];
  /** Issue 16 §1: the posts behind a cluster (null when the file was read in an earlier session). */
  queryActivity: ActivityQuery | null;
}

export function ClusterViews({ caseId, caseDocument, clusters, queryActivity }: ClusterViewsProps) {
  const { t } = useTranslation('activityImport');
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v !== 'clusters' && v === params.get('view')) ?? 'clusters';
  const requested = params.get('cluster');
  const ranks = useMemo(() => new Map(clusters.map((cluster, index) => [cluster.id, index + 1])), [clusters]);
  const graph = useMemo(() => buildNetworkGraph(clusters), [clusters]);
  const colors = useMemo(() => new Map(graph.nodes.map((node) => [node.clusterId, node.color])), [graph]);
  const selected = clusters.find((cluster) => cluster.id === requested) ?? null;
  const board = useClusterBoard(caseId, caseDocument, ranks, queryActivity);
  const canAdd = caseDocument?.status === 'draft';
  // The tabs first, the panel a frame later: two smaller commits.
  const panelStage = useStagedCount(1, 1, 0);

  const update = useCallback(
    (patch: { view?: View; cluster?: string | null }) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (patch.view) {
            if (patch.view === 'clusters') next.delete('view');
            else next.set('view', patch.view);
          }
          if (patch.cluster !== undefined) {
            if (patch.cluster) next.set('cluster', patch.cluster);
            else next.delete('cluster');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const select = useCallback((clusterId: string) => update({ cluster: clusterId }), [update]);
  // "Show in the network" from the list opens the network view on that cluster.
  const showInNetwork = useCallback((clusterId: string) => update({ view: 'network', cluster: clusterId }), [update]);
  const showActivity = useCallback((clusterId: string) => update({ view: 'activity', cluster: clusterId }), [update]);

  const list = (compact: boolean, onSelect: (clusterId: string) => void = showInNetwork) => (
    <ClusterList
      clusters={clusters}
      ranks={ranks}
      colors={colors}
      selectedId={selected?.id ?? null}
      signalIds={board.signalIds}
      boardLink={evidenceBoardPath(caseId)}
      canAdd={canAdd}
      busyId={board.busyId}
      compact={compact}
      onSelect={onSelect}
      onAdd={board.add}
      onAdjust={board.adjust}
    />
  );

  return (
    <Box component="section" aria-labelledby="import-clusters-heading" sx={{ mt: 3 }}>
      <Typography id="import-clusters-heading" variant="h5" component="h2">
        {t('clusters.heading')}
      </Typography>
      <Box component="output" sx={visuallyHidden}>
        {board.announcement}
      </Box>
      {requested && !selected && <Alert severity="info" sx={{ my: 1 }}>{t('network.missing')}</Alert>}
      {board.error && (
        <Box sx={{ my: 1 }}>
          <ErrorAlert error={board.error} onRetry={board.dismissError} />
        </Box>
      )}
      <ViewTabs
        tabs={[
          { value: 'clusters', label: t('network.tabClusters'), id: 'import-tab-clusters' },
          { value: 'network', label: t('network.tabNetwork'), id: 'import-tab-network' },
          { value: 'activity', label: t('activity.tab'), id: 'import-tab-activity' },
        ]}
        value={view}
        onChange={(next: View) => update({ view: next })}
        label={t('network.viewLabel')}
        panelId="import-panel"
      />
      <Box id="import-panel" role="tabpanel" aria-labelledby={`import-tab-${view}`} aria-busy={panelStage === 0 || undefined}>
        {panelStage === 0 ? null : view === 'clusters' ? (
          list(false)
        ) : view === 'activity' ? (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 1fr' }, alignItems: 'start' }}>
            <ClusterActivityPanel cluster={selected} rank={selected ? (ranks.get(selected.id) ?? 0) : 0} queryActivity={queryActivity} />
            <Box sx={{ maxHeight: { lg: 720 }, overflowY: { lg: 'auto' } }}>
              {list(true, showActivity)}
            </Box>
          </Box>
        ) : (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, alignItems: 'start' }}>
            <NetworkPanel graph={graph} selected={selected} selectedRank={selected ? (ranks.get(selected.id) ?? 0) : 0} onSelectCluster={select} queryActivity={queryActivity} />
            <Box sx={{ maxHeight: { md: 720 }, overflowY: { md: 'auto' } }}>
              {list(true)}
            </Box>
          </Box>
        )}
      </Box>
      {board.dialog && (
        <SignalChoiceDialog
          rank={ranks.get(board.dialog.cluster.id) ?? 0}
          initial={board.dialog.initial}
          mode={board.dialog.mode}
          activity={board.dialog.activity}
          busy={board.busyId !== null}
          onConfirm={board.confirm}
          onClose={board.closeDialog}
        />
      )}
    </Box>
  );
}
