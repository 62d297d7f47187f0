// The network view: the canvas with its text summary (what a screen reader gets instead of the
// picture), the selected cluster in words, and "Fit to view".
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { formatScore } from './import-format';
import { NetworkCanvas } from './network-canvas';
import type { NetworkGraph } from './network-model';
import type { ActivityQuery } from './cluster-activity-query';

export interface NetworkPanelProps {
  graph: NetworkGraph;
  selected: CoordinationCluster | null;
  selectedRank: number;
  onSelectCluster: (clusterId: string) => void;
  /** The posts behind the accounts (the account drawer); null when the file was read in an earlier session. */
  queryActivity: ActivityQuery | null;
}

export function NetworkPanel({ graph, selected, selectedRank, onSelectCluster }: NetworkPanelProps) {
  const { t, i18n } = useTranslation('activityImport');
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [fitRequest, setFitRequest] = useState(0);
  const counts = { clusters: graph.clusterIds.length, accounts: graph.nodes.length, links: graph.edges.length };

  return (
    <Box component="section" aria-labelledby="import-network-heading">
      <Typography id="import-network-heading" variant="h6" component="h3" sx={{ mb: 1 }}>
        {t('network.tabNetwork')}
      </Typography>
      <Typography variant="body2" id="import-network-summary">
        {t('network.summary', counts)} {graph.omittedClusters > 0 && t('network.omitted', { count: graph.omittedClusters })}
      </Typography>
      <Typography variant="body2" aria-live="polite" data-testid="network-selection" sx={{ mb: 1 }}>
        {selected
          ? t('network.selectedSummary', { rank: selectedRank, accounts: selected.accounts.length, score: formatScore(selected.score, i18n.language) })
          : t('network.noneSelected')}
      </Typography>
      {status === 'failed' ? (
        <Alert severity="warning">{t('network.failed')}</Alert>
      ) : (
        <>
          {status === 'loading' && <Typography variant="body2">{t('network.loading')}</Typography>}
          <NetworkCanvas
            graph={graph}
            selectedClusterId={selected?.id ?? null}
            label={t('network.canvasLabel', { clusters: counts.clusters, accounts: counts.accounts })}
            describedBy="import-network-summary"
            onSelectCluster={onSelectCluster}
            fitRequest={fitRequest}
            onStatus={setStatus}
          />
        </>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
        <Button size="small" onClick={() => setFitRequest((n) => n + 1)} disabled={status !== 'ready'}>
          {t('network.fit')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {t('network.legend')}
        </Typography>
      </Box>
    </Box>
  );
}
