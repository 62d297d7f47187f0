// One account of the network, opened from its dot or its table row: the accounts it is linked to and
// by which detectors (from the report), and its posts with their co-actions (asked of the detection
// worker while the file read this session is still there). A modal drawer: the focus moves into it,
// Escape closes it, and the focus goes back to where it was.
import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Drawer from '@mui/material/Drawer';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { coActionsOf, DEFAULT_ACTIVITY_LIMITS, type ActivityLane } from '../../engine/detection/cluster-activity';
import { useClusterActivity, type ActivityQuery } from './cluster-activity-query';
import { formatInstant, formatNumber, formatScore } from './import-format';
import { DetectorSwatch } from './network-filters';
import type { NetworkEdge, NetworkGraph, NetworkNode } from './network-model';

const LINKS_SHOWN = 20;
const TITLE_ID = 'network-account-title';
const POSTS_PAGE = 25;

/** A number per graph object, so an activity query's key names the import it belongs to. */
const graphSerials = new WeakMap<NetworkGraph, number>();
let nextSerial = 1;
function graphSerial(graph: NetworkGraph): number {
  let serial = graphSerials.get(graph);
  if (serial === undefined) {
    serial = nextSerial++;
    graphSerials.set(graph, serial);
  }
  return serial;
}

/**
 * The accounts to ask the worker about: the whole cluster (co-actions are counted among the accounts
 * asked), one query per cluster; a cluster beyond the worker's account limit is asked per account,
 * the account and its linked accounts first.
 */
export function activityRequest(graph: NetworkGraph, node: NetworkNode, linked: readonly string[]): { scope: string; accountIds: string[] } {
  const members = graph.nodes.filter((n) => n.clusterId === node.clusterId).map((n) => n.accountId);
  const base = `network:${graphSerial(graph)}:${node.clusterId}`;
  if (members.length <= DEFAULT_ACTIVITY_LIMITS.maxAccounts) return { scope: base, accountIds: members };
  const first = [node.accountId, ...linked];
  const chosen = new Set(first);
  const accountIds = [...first, ...members.filter((id) => !chosen.has(id))].slice(0, DEFAULT_ACTIVITY_LIMITS.maxAccounts);
  return { scope: `${base}:${node.accountId}`, accountIds };
}

export interface NetworkAccountDrawerProps {
  graph: NetworkGraph;
  /** The open account (null: closed). */
  node: NetworkNode | null;
  queryActivity: ActivityQuery | null;
  onOpenAccount: (nodeId: string) => void;
  onClose: () => void;
}

export function NetworkAccountDrawer({ graph, node, queryActivity, onOpenAccount, onClose }: NetworkAccountDrawerProps) {
  const { t } = useTranslation('activityImport');
  // Opening another account from the drawer keeps it open: the focus goes to the new account's name.
  const previous = useRef<string | null>(null);
  const nodeId = node?.id ?? null;
  useEffect(() => {
    const before = previous.current;
    previous.current = nodeId;
    if (before !== null && nodeId !== null && before !== nodeId) document.getElementById(TITLE_ID)?.focus();
  }, [nodeId]);
  return (
    <Drawer
      anchor="right"
      open={node !== null}
      onClose={onClose}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-modal': true,
          'aria-labelledby': TITLE_ID,
          sx: { width: { xs: '100%', sm: 460 }, p: 2 },
        },
      }}
    >
      {node && (
        <AccountDetails key={node.id} graph={graph} node={node} queryActivity={queryActivity} onOpenAccount={onOpenAccount} onClose={onClose} closeLabel={t('network.drawer.close')} />
      )}
    </Drawer>
  );
}

function AccountDetails({
  graph, node, queryActivity, onOpenAccount, onClose, closeLabel,
}: { graph: NetworkGraph; node: NetworkNode; queryActivity: ActivityQuery | null; onOpenAccount: (nodeId: string) => void; onClose: () => void; closeLabel: string }) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const [allLinks, setAllLinks] = useState(false);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const edges = useMemo(
    () => graph.edges.filter((e) => e.source === node.id || e.target === node.id).toSorted((a, b) => b.weight - a.weight || a.id.localeCompare(b.id)),
    [graph, node.id],
  );
  const linked = edges.map((e) => byId.get(e.source === node.id ? e.target : e.source)).filter((n): n is NetworkNode => n !== undefined);
  const request = activityRequest(graph, node, linked.map((n) => n.accountId));
  const activity = useClusterActivity(queryActivity, request.scope, request.accountIds);

  const shownEdges = allLinks ? edges : edges.slice(0, LINKS_SHOWN);
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography id={TITLE_ID} tabIndex={-1} variant="h6" component="h2" sx={{ wordBreak: 'break-word', outline: 'none' }}>
            {node.label}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('network.drawer.subtitle', { rank: node.clusterRank, links: formatNumber(node.degree, language), items: formatNumber(node.activity, language) })}
          </Typography>
        </Box>
        <IconButton onClick={onClose} aria-label={closeLabel}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Link component={RouterLink} to={`?view=activity&cluster=${encodeURIComponent(node.clusterId)}`} sx={{ display: 'inline-block', my: 1 }}>
        {t('network.drawer.showActivity')}
      </Link>

      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('network.drawer.linksHeading')}
      </Typography>
      {edges.length === 0 ? (
        <Typography variant="body2">{t('network.drawer.noLinks')}</Typography>
      ) : (
        <Box component="ul" aria-label={t('network.drawer.linksLabel', { account: node.label })} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {shownEdges.map((edge) => (
            <LinkedAccount key={edge.id} edge={edge} other={byId.get(edge.source === node.id ? edge.target : edge.source)} onOpenAccount={onOpenAccount} />
          ))}
        </Box>
      )}
      {!allLinks && edges.length > LINKS_SHOWN && (
        <Button size="small" onClick={() => setAllLinks(true)}>
          {t('network.drawer.moreLinks', { count: edges.length })}
        </Button>
      )}

      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('network.drawer.postsHeading')}
      </Typography>
      {activity.status === 'unavailable' ? (
        <Alert severity="info">{t('network.drawer.postsUnavailable')}</Alert>
      ) : activity.status === 'loading' ? (
        <Typography variant="body2" component="output" sx={{ display: 'block' }}>
          {t('network.drawer.postsLoading')}
        </Typography>
      ) : activity.status === 'failed' ? (
        <Alert severity="warning">{t('network.drawer.postsFailed', { message: activity.message })}</Alert>
      ) : (
        <>
          {activity.activity.textsUnreadable && (
            <Alert severity="warning" data-testid="account-posts-texts-unreadable">
              {t('activity.textsUnreadable')}
            </Alert>
          )}
          <AccountPosts lane={activity.activity.lanes.find((lane) => lane.accountId === node.accountId) ?? null} label={node.label} />
        </>
      )}
    </Box>
  );
}

function LinkedAccount({ edge, other, onOpenAccount }: { edge: NetworkEdge; other: NetworkNode | undefined; onOpenAccount: (nodeId: string) => void }) {
  const { t, i18n } = useTranslation('activityImport');
  if (!other) return null;
  return (
    <Box component="li" sx={{ py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
      <Button
        size="small"
        onClick={() => onOpenAccount(other.id)}
        aria-label={t('network.drawer.openAccount', { account: other.label })}
        sx={{ textTransform: 'none', p: 0.5, minWidth: 0, wordBreak: 'break-word', textAlign: 'left' }}
      >
        {other.label}
      </Button>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, pl: 0.5 }}>
        {edge.links.map((link) => (
          <Typography key={link.detector} component="li" variant="body2" sx={{ display: 'flex', alignItems: 'center' }}>
            <DetectorSwatch detector={link.detector} />
            {t('network.drawer.link', { detector: t(`detector.${link.detector}`), score: formatScore(link.score, i18n.language), items: formatNumber(link.coItems, i18n.language) })}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

function AccountPosts({ lane, label }: { lane: ActivityLane | null; label: string }) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const [onlyCoActions, setOnlyCoActions] = useState(() => (lane?.coActionPosts ?? 0) > 0);
  const [limit, setLimit] = useState(POSTS_PAGE);
  if (!lane || lane.posts === 0) return <Typography variant="body2">{t('network.drawer.noPosts')}</Typography>;
  const marks = onlyCoActions ? lane.marks.filter((m) => m.coActions !== 0) : lane.marks;
  const shown = marks.slice(0, limit);
  return (
    <Box>
      <Typography variant="body2">
        {t('network.drawer.postsSummary', { posts: formatNumber(lane.posts, language), coActionPosts: formatNumber(lane.coActionPosts, language) })}{' '}
        {lane.marks.length < lane.posts && t('network.drawer.postsCut', { shown: formatNumber(lane.marks.length, language) })}
      </Typography>
      <FormControlLabel
        control={<Checkbox size="small" checked={onlyCoActions} onChange={(event) => setOnlyCoActions(event.target.checked)} />}
        label={t('network.drawer.onlyCoActions')}
      />
      <Box component="ol" aria-label={t('network.drawer.postsLabel', { account: label })} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {shown.map((mark) => {
          const kinds = coActionsOf(mark.coActions);
          return (
            <Box component="li" key={`${mark.post}-${mark.t}`} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
              <Typography variant="caption" component="p" color="text.secondary">
                {formatInstant(new Date(mark.t * 1000).toISOString(), language)} · {t(`network.drawer.kind.${mark.kind}`)} · {t('network.drawer.post', { id: mark.post })}
              </Typography>
              <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
                {mark.excerpt === '' ? t('network.drawer.emptyText') : mark.excerpt}
              </Typography>
              <Typography variant="caption" component="p" sx={{ fontWeight: kinds.length > 0 ? 600 : 400 }}>
                {kinds.length > 0
                  ? t('network.drawer.coActions', { list: kinds.map((kind) => t(`network.drawer.coAction.${kind}`)).join(', ') })
                  : t('network.drawer.noCoAction')}
              </Typography>
            </Box>
          );
        })}
      </Box>
      {marks.length > limit && (
        <Button size="small" onClick={() => setLimit((n) => n + POSTS_PAGE)} sx={{ mt: 1 }}>
          {t('network.drawer.morePosts', { count: Math.min(POSTS_PAGE, marks.length - limit) })}
        </Button>
      )}
    </Box>
  );
}
