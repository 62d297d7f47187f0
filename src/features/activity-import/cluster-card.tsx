// One cluster of accounts: score, supporting detectors, window, accounts and the evidence behind
// the cluster (capped), with the one action that turns it into a coordination signal on the board.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EditIcon from '@mui/icons-material/Edit';
import HubIcon from '@mui/icons-material/Hub';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import TuneIcon from '@mui/icons-material/Tune';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { ClusterEvidenceList, ClusterTargets } from './cluster-evidence-list';
import { formatInstant, formatScore } from './import-format';

const SHOWN_ACCOUNTS = 12;

export interface ClusterCardProps {
  cluster: CoordinationCluster;
  rank: number;
  color: string | null;
  selected: boolean;
  /** The signal made from this cluster, when it is on the board. */
  signalId: string | null;
  boardLink: string;
  canAdd: boolean;
  busy: boolean;
  compact: boolean;
  onSelect: (clusterId: string) => void;
  onAdd: (cluster: CoordinationCluster) => void;
  onAdjust: (cluster: CoordinationCluster) => void;
}

export const ClusterCard = memo(function ClusterCard(props: ClusterCardProps) {
  const { cluster, rank, color, selected, signalId, boardLink, canAdd, busy, compact, onSelect, onAdd, onAdjust } = props;
  const { t, i18n } = useTranslation(['activityImport', 'policy']);
  const language = i18n.language;
  const titleId = `cluster-${cluster.id}-title`;
  const shownAccounts = cluster.accounts.slice(0, compact ? 6 : SHOWN_ACCOUNTS);
  const hiddenAccounts = cluster.accounts.length - shownAccounts.length;

  return (
    <Box
      component="article"
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      data-cluster-id={cluster.id}
      sx={{
        p: 1.5, border: 2, borderRadius: 1, bgcolor: 'background.paper', scrollMarginTop: 80,
        borderColor: selected ? 'primary.main' : 'divider', borderLeftWidth: 6, borderLeftColor: color ?? 'divider',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id={titleId} variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
          {t('clusters.title', { rank })}
        </Typography>
        <Chip size="small" color="primary" variant={selected ? 'filled' : 'outlined'} label={t('clusters.score', { score: formatScore(cluster.score, language) })} />
        <Chip size="small" variant="outlined" label={t('clusters.strength', { strength: t(`policy:strength.${cluster.strength}`) })} />
        <Typography variant="body2" color="text.secondary">
          {t('clusters.accounts', { count: cluster.accounts.length })}
        </Typography>
        {signalId && <Chip size="small" color="success" icon={<CheckCircleIcon />} label={t('clusters.added')} />}
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" startIcon={<HubIcon />} onClick={() => onSelect(cluster.id)} aria-pressed={selected}>
          {selected ? t('clusters.selected') : t('clusters.select')}
        </Button>
      </Stack>

      <Box component="ul" aria-label={t('clusters.accounts', { count: cluster.accounts.length })} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0, mt: 1 }}>
        {shownAccounts.map((account) => (
          <li key={account.id}>
            <Chip size="small" label={account.username ? `@${account.username}` : account.id} title={account.id} />
          </li>
        ))}
        {hiddenAccounts > 0 && (
          <li>
            <Chip size="small" variant="outlined" label={t('clusters.moreAccounts', { count: hiddenAccounts })} />
          </li>
        )}
      </Box>

      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('clusters.window', { start: formatInstant(cluster.window.start, language), end: formatInstant(cluster.window.end, language) })}
      </Typography>
      <Typography variant="body2">
        {t('clusters.suggestion', {
          kind: t(`policy:signalKindShort.${cluster.suggestedSignal.kind}`),
          technique: t(`policy:technique.${cluster.suggestedSignal.technique}`),
        })}
      </Typography>
      <ClusterTargets cluster={cluster} compact={compact} />

      {!compact && (
        <>
          <Typography variant="subtitle2" component="h5" sx={{ mt: 1 }}>
            {t('clusters.detectors')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {cluster.detectors.map((summary) => (
              <Typography component="li" variant="body2" key={summary.detector}>
                {t('clusters.detectorLine', {
                  detector: t(`detector.${summary.detector}`),
                  edges: summary.edges,
                  accounts: summary.accounts,
                  score: formatScore(summary.meanScore, language),
                })}
              </Typography>
            ))}
          </Box>
          <ClusterEvidenceList cluster={cluster} />
        </>
      )}

      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {signalId ? (
          <>
            <Link component={RouterLink} to={boardLink}>
              {t('clusters.openBoard')}
            </Link>
            {canAdd && (
              <Tooltip title={t('clusters.edit')}>
                <IconButton size="small" aria-label={t('clusters.edit')} onClick={() => onAdjust(cluster)} disabled={busy}>
                  <EditIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </>
        ) : (
          canAdd && (
            <>
              <Button size="small" variant="contained" startIcon={<PlaylistAddIcon />} disabled={busy} onClick={() => onAdd(cluster)}>
                {busy ? t('clusters.adding') : t('clusters.add')}
              </Button>
              <Tooltip title={t('clusters.adjust')}>
                <IconButton size="small" aria-label={t('clusters.adjust')} onClick={() => onAdjust(cluster)} disabled={busy}>
                  <TuneIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </>
          )
        )}
      </Stack>
    </Box>
  );
});
