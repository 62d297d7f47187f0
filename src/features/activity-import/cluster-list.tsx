// The clusters, highest score first, filterable by detector and shown in pages. It is also the
// keyboard way into the network view: selecting here selects in the graph, and the other way.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { DETECTOR_NAMES, type DetectorName } from '../../engine/detection/settings';
import { ClusterCard } from './cluster-card';
import { useStagedCount } from './use-staged-count';

/** Cards per page ("Show more" adds a page). */
const PAGE = 10;
/** Cards mounted per frame (see use-staged-count.ts). */
const REVEAL_BATCH = 2;

export interface ClusterListProps {
  clusters: readonly CoordinationCluster[];
  /** Rank (1 = highest score) of each cluster id, over the unfiltered list. */
  ranks: ReadonlyMap<string, number>;
  colors: ReadonlyMap<string, string>;
  selectedId: string | null;
  signalIds: ReadonlyMap<string, string>;
  boardLink: string;
  canAdd: boolean;
  busyId: string | null;
  compact: boolean;
  onSelect: (clusterId: string) => void;
  onAdd: (cluster: CoordinationCluster) => void;
  onAdjust: (cluster: CoordinationCluster) => void;
}

export function ClusterList(props: ClusterListProps) {
  const { clusters, ranks, colors, selectedId, signalIds, compact } = props;
  const { t } = useTranslation('activityImport');
  const [detector, setDetector] = useState<DetectorName | ''>('');
  const [limit, setLimit] = useState(PAGE);

  const filtered = useMemo(() => {
    const list = detector ? clusters.filter((cluster) => cluster.detectors.some((d) => d.detector === detector)) : clusters;
    return list.toSorted((a, b) => b.score - a.score || (ranks.get(a.id) ?? 0) - (ranks.get(b.id) ?? 0));
  }, [clusters, detector, ranks]);

  // A cluster selected in the graph (or by a deep link) must be on the page and in view.
  const selectedIndex = selectedId ? filtered.findIndex((cluster) => cluster.id === selectedId) : -1;
  const shownLimit = selectedIndex >= limit ? Math.ceil((selectedIndex + 1) / PAGE) * PAGE : limit;
  useEffect(() => {
    // Ids come from the engine or the URL: only plain ones go into a selector.
    if (!selectedId || !/^[\w-]+$/.test(selectedId)) return;
    const element = document.querySelector(`[data-cluster-id="${selectedId}"]`);
    if (element && 'scrollIntoView' in element) element.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const revealed = useStagedCount(shownLimit, REVEAL_BATCH);

  // A selected cluster is shown at once, whatever has been revealed so far.
  const shown = filtered.slice(0, Math.min(shownLimit, Math.max(revealed, selectedIndex + 1)));
  const pending = Math.min(shownLimit, filtered.length) > shown.length;
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={t('clusters.filter')}
          value={detector}
          onChange={(event) => {
            const value = event.target.value;
            setDetector((DETECTOR_NAMES as readonly string[]).includes(value) ? (value as DetectorName) : '');
            setLimit(PAGE);
          }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ width: 260 }}
        >
          <MenuItem value="">{t('clusters.anyDetector')}</MenuItem>
          {DETECTOR_NAMES.map((name) => (
            <MenuItem key={name} value={name}>
              {t(`detector.${name}`)}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {t('clusters.count', { count: filtered.length })}
        </Typography>
      </Stack>
      {filtered.length === 0 ? (
        <Typography>{t('clusters.none')}</Typography>
      ) : (
        <Box component="ol" aria-label={t('clusters.listLabel')} aria-busy={pending || undefined} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
          {shown.map((cluster) => (
            <li key={cluster.id}>
              <ClusterCard
                cluster={cluster}
                rank={ranks.get(cluster.id) ?? 0}
                color={colors.get(cluster.id) ?? null}
                selected={cluster.id === selectedId}
                signalId={signalIds.get(cluster.id) ?? null}
                boardLink={props.boardLink}
                canAdd={props.canAdd}
                busy={props.busyId === cluster.id}
                compact={compact}
                onSelect={props.onSelect}
                onAdd={props.onAdd}
                onAdjust={props.onAdjust}
              />
            </li>
          ))}
        </Box>
      )}
      {!pending && filtered.length > shown.length && (
        <Button sx={{ mt: 1 }} onClick={() => setLimit(shownLimit + PAGE)}>
          {t('clusters.more', { count: Math.min(PAGE, filtered.length - shown.length) })}
        </Button>
      )}
    </Box>
  );
}
