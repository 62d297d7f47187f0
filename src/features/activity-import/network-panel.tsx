// The network view: the picture (network-canvas.tsx) or the same accounts as a table, with its
// legend and filters, the selected cluster in words, framing, exports (PNG, GEXF, GraphML) and the
// account drawer. The filters and the open account are this panel's own state; the selected
// cluster is the page's (the URL).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { downloadBlob, downloadFile } from '../../components/download-file';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { ActivityQuery } from './cluster-activity-query';
import { formatNumber, formatScore } from './import-format';
import { NetworkAccountDrawer } from './network-account-drawer';
import { NetworkCanvas, type NetworkCanvasApi } from './network-canvas';
import { toGexf, toGraphml } from './network-export';
import { defaultFilter, filterNetwork, type NetworkFilter } from './network-filter';
import { NetworkFilters } from './network-filters';
import type { NetworkGraph } from './network-model';
import { NetworkTable } from './network-table';

export interface NetworkPanelProps {
  graph: NetworkGraph;
  selected: CoordinationCluster | null;
  selectedRank: number;
  onSelectCluster: (clusterId: string) => void;
  /** The posts behind the accounts (the account drawer); null when the file was read in an earlier session. */
  queryActivity: ActivityQuery | null;
}

type Mode = 'picture' | 'table';

export function NetworkPanel({ graph, selected, selectedRank, onSelectCluster, queryActivity }: NetworkPanelProps) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const theme = useTheme();
  const { caseId } = useParams();
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [mode, setMode] = useState<Mode>('picture');
  const [exportError, setExportError] = useState<string | null>(null);
  const canvas = useRef<NetworkCanvasApi | null>(null);
  // Filters and the open account belong to one graph: a new import starts afresh.
  const [filterState, setFilterState] = useState<{ graph: NetworkGraph; filter: NetworkFilter }>(() => ({ graph, filter: defaultFilter(graph) }));
  const [openState, setOpenState] = useState<{ graph: NetworkGraph; nodeId: string } | null>(null);
  const filter = useMemo(() => (filterState.graph === graph ? filterState.filter : defaultFilter(graph)), [filterState, graph]);
  const filtered = useMemo(() => filterNetwork(graph, filter), [graph, filter]);
  const nodeById = useMemo(() => new Map(graph.nodes.map((node) => [node.id, node])), [graph]);
  const openNode = openState && openState.graph === graph ? (nodeById.get(openState.nodeId) ?? null) : null;
  const openAccount = (nodeId: string) => setOpenState({ graph, nodeId });

  const counts = { clusters: graph.clusterIds.length, accounts: graph.nodes.length, links: graph.edges.length };
  const fileBase = `network-${caseId ?? 'import'}`;
  const exportOptions = () => ({
    date: new Date().toISOString(),
    description: t('network.exportDescription', {
      accounts: filtered.shownNodes,
      links: filtered.shownEdges,
      detectors: filter.detectors.join(', '),
      score: formatScore(filter.minScore, language),
    }),
  });
  const exportPng = () => {
    setExportError(null);
    canvas.current
      ?.png(theme.palette.background.paper)
      .then((blob) => downloadBlob(`${fileBase}.png`, blob))
      .catch((error: unknown) => setExportError(error instanceof Error ? error.message : String(error)));
  };

  return (
    <Box component="section" aria-labelledby="import-network-heading">
      <Typography id="import-network-heading" variant="h6" component="h3" sx={{ mb: 1 }}>
        {t('network.tabNetwork')}
      </Typography>
      <Typography variant="body2" id="import-network-summary">
        {t('network.summary', counts)} {graph.omittedClusters > 0 && t('network.omitted', { count: graph.omittedClusters })}{' '}
        {!filtered.unfiltered &&
          t('network.filteredSummary', {
            accounts: formatNumber(filtered.shownNodes, language),
            allAccounts: formatNumber(counts.accounts, language),
            links: formatNumber(filtered.shownEdges, language),
            allLinks: formatNumber(counts.links, language),
          })}
      </Typography>
      <Typography variant="body2" aria-live="polite" data-testid="network-selection" sx={{ mb: 1 }}>
        {selected
          ? t('network.selectedSummary', { rank: selectedRank, accounts: selected.accounts.length, score: formatScore(selected.score, language) })
          : t('network.noneSelected')}
      </Typography>

      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_, next: Mode | null) => next && setMode(next)}
          aria-label={t('network.showAs')}
          // MUI's unselected grey falls under 4.5:1 on the page background.
          sx={{ '& .MuiToggleButton-root:not(.Mui-selected)': { color: 'text.secondary' } }}
        >
          <ToggleButton value="picture">{t('network.asPicture')}</ToggleButton>
          <ToggleButton value="table">{t('network.asTable')}</ToggleButton>
        </ToggleButtonGroup>
        {mode === 'picture' && (
          <>
            <Button size="small" onClick={() => canvas.current?.fit()} disabled={status !== 'ready'}>
              {t('network.fit')}
            </Button>
            {selected && (
              <Button size="small" onClick={() => canvas.current?.frameCluster(selected.id)} disabled={status !== 'ready'}>
                {t('network.frameCluster', { rank: selectedRank })}
              </Button>
            )}
          </>
        )}
        <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0, ml: { sm: 'auto' }, display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <Box component="legend" sx={{ float: 'left', typography: 'body2', p: 0, mr: 0.5 }}>
            {t('network.exportLabel')}
          </Box>
          <Button size="small" variant="outlined" onClick={exportPng} disabled={status !== 'ready'}>
            {t('network.exportPng')}
          </Button>
          <Button size="small" variant="outlined" onClick={() => downloadFile(`${fileBase}.gexf`, 'application/gexf+xml', toGexf(graph, filtered, exportOptions()))}>
            {t('network.exportGexf')}
          </Button>
          <Button
            size="small"
            variant="outlined"
            onClick={() => downloadFile(`${fileBase}.graphml`, 'application/graphml+xml', toGraphml(graph, filtered, exportOptions()))}
          >
            {t('network.exportGraphml')}
          </Button>
        </Box>
      </Box>
      {exportError && (
        <Alert severity="warning" onClose={() => setExportError(null)} sx={{ mb: 1 }}>
          {t('network.exportFailed', { message: exportError })}
        </Alert>
      )}

      <NetworkFilters graph={graph} filter={filter} onChange={(next) => setFilterState({ graph, filter: next })} />

      {status === 'failed' && mode === 'picture' && <Alert severity="warning">{t('network.failed')}</Alert>}
      {status === 'loading' && mode === 'picture' && <Typography variant="body2">{t('network.loading')}</Typography>}
      {status !== 'failed' && (
        <NetworkCanvas
          graph={graph}
          filtered={filtered}
          selectedClusterId={selected?.id ?? null}
          selectedNodeId={openNode?.id ?? null}
          label={t('network.canvasLabel', { clusters: counts.clusters, accounts: counts.accounts })}
          describedBy="import-network-summary import-network-keys"
          onSelectCluster={onSelectCluster}
          onOpenAccount={openAccount}
          onStatus={setStatus}
          apiRef={canvas}
          hidden={mode !== 'picture'}
        />
      )}
      <Typography variant="caption" color="text.secondary" id="import-network-keys" component="p" hidden={mode !== 'picture'} sx={{ mt: 0.5 }}>
        {t('network.keys')}
      </Typography>
      {mode === 'table' && (
        <NetworkTable graph={graph} filtered={filtered} selectedClusterId={selected?.id ?? null} selectedRank={selectedRank} onOpenAccount={openAccount} />
      )}
      <NetworkAccountDrawer graph={graph} node={openNode} queryActivity={queryActivity} onOpenAccount={openAccount} onClose={() => setOpenState(null)} />
    </Box>
  );
}
