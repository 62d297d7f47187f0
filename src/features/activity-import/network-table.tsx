// The network as a table, the text alternative to the picture: one row per account the filters
// show (cluster, detectors, highest link score, linked accounts, shared items), in pages, each
// account a button that opens the same drawer a click on its dot opens.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TablePager } from '../../components/table-pager';
import { usePagerState } from '../../components/use-pager-state';
import { formatNumber, formatScore } from './import-format';
import type { FilteredNetwork } from './network-filter';
import type { NetworkGraph } from './network-model';

const PAGE_SIZES = [25, 50, 100] as const;

export interface NetworkTableProps {
  graph: NetworkGraph;
  filtered: FilteredNetwork;
  /** The selected cluster and its rank (the table can show only it). */
  selectedClusterId: string | null;
  selectedRank: number;
  onOpenAccount: (nodeId: string) => void;
}

export function NetworkTable({ graph, filtered, selectedClusterId, selectedRank, onOpenAccount }: NetworkTableProps) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const [onlySelected, setOnlySelected] = useState(true);
  const { page: pageState, rowsPerPage, pagerProps } = usePagerState(PAGE_SIZES);
  const restricted = onlySelected && selectedClusterId !== null;

  const rows = useMemo(() => {
    const indices: number[] = [];
    graph.nodes.forEach((node, i) => {
      if (filtered.nodeShown[i] && (!restricted || node.clusterId === selectedClusterId)) indices.push(i);
    });
    // By cluster (strongest first), then the most active accounts first.
    return indices.toSorted((a, b) => {
      const x = graph.nodes[a];
      const y = graph.nodes[b];
      return (x?.clusterRank ?? 0) - (y?.clusterRank ?? 0) || (y?.activity ?? 0) - (x?.activity ?? 0) || a - b;
    });
  }, [graph, filtered, restricted, selectedClusterId]);
  const lastPage = Math.max(0, Math.ceil(rows.length / rowsPerPage) - 1);
  const page = Math.min(pageState, lastPage);
  const shown = rows.slice(page * rowsPerPage, (page + 1) * rowsPerPage);

  return (
    <Box data-testid="network-table">
      {selectedClusterId !== null && (
        <FormControlLabel
          control={<Checkbox size="small" checked={onlySelected} onChange={(event) => setOnlySelected(event.target.checked)} />}
          label={t('network.table.onlySelected', { rank: selectedRank })}
        />
      )}
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label={t('network.table.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('network.table.account')}</TableCell>
              <TableCell>{t('network.table.cluster')}</TableCell>
              <TableCell>{t('network.table.detectors')}</TableCell>
              <TableCell align="right">{t('network.table.score')}</TableCell>
              <TableCell align="right">{t('network.table.links')}</TableCell>
              <TableCell align="right">{t('network.table.items')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((index) => {
              const node = graph.nodes[index];
              const links = filtered.nodeLinks[index];
              if (!node || !links) return null;
              return (
                <TableRow key={node.id}>
                  <TableCell sx={{ wordBreak: 'break-word' }}>
                    <Button
                      size="small"
                      onClick={() => onOpenAccount(node.id)}
                      aria-label={t('network.table.open', { account: node.label })}
                      sx={{ textTransform: 'none', justifyContent: 'flex-start', textAlign: 'left', minWidth: 0, p: 0.5 }}
                    >
                      {node.label}
                    </Button>
                  </TableCell>
                  <TableCell>
                    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, whiteSpace: 'nowrap' }}>
                      <Box component="span" aria-hidden="true" sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: node.color, flex: 'none' }} />
                      {t('network.table.clusterValue', { rank: node.clusterRank })}
                    </Box>
                  </TableCell>
                  <TableCell>
                    {links.detectors.length > 0 ? links.detectors.map((d) => t(`detector.${d}`)).join(', ') : t('network.table.none')}
                  </TableCell>
                  <TableCell align="right">{formatScore(links.maxScore, language)}</TableCell>
                  <TableCell align="right">{formatNumber(links.degree, language)}</TableCell>
                  <TableCell align="right">{formatNumber(node.activity, language)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length === 0 ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('network.table.empty')}
        </Typography>
      ) : (
        <TablePager count={rows.length} {...pagerProps} page={page} />
      )}
    </Box>
  );
}
