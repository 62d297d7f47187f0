// The evidence of one cluster: what the accounts shared, which posts, in which window (capped by the
// engine, so the page stays small; the rest is counted).
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { formatInstant } from './import-format';

const SHOWN_POSTS = 5;
const LABEL_CHARS = 160;

export function ClusterEvidenceList({ cluster }: { cluster: CoordinationCluster }) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const hidden = cluster.evidenceCount - cluster.evidence.length;
  const panelId = `cluster-${cluster.id}-evidence`;
  return (
    <Accordion disableGutters elevation={0} slotProps={{ transition: { unmountOnExit: true } }} sx={{ mt: 1, '&::before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={panelId} id={`${panelId}-header`} sx={{ px: 0, minHeight: 0 }}>
        <Typography variant="subtitle2">{t('clusters.evidence', { count: cluster.evidenceCount })}</Typography>
      </AccordionSummary>
      <AccordionDetails id={panelId} sx={{ px: 0 }}>
        <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
          {cluster.evidence.map((item, index) => {
            const label = item.label.length > LABEL_CHARS ? `${item.label.slice(0, LABEL_CHARS)}…` : item.label;
            const more = item.postIds.length - SHOWN_POSTS;
            return (
              <Typography component="li" variant="body2" key={`${item.detector}-${index}`} sx={{ mb: 0.5, wordBreak: 'break-word' }}>
                {t('clusters.evidenceItem', { detector: t(`detector.${item.detector}`), label })}
                <br />
                {t('clusters.posts', { count: item.postIds.length, ids: item.postIds.slice(0, SHOWN_POSTS).join(', ') })}
                {more > 0 && t('clusters.morePosts', { count: more })}
                {' · '}
                {t('clusters.evidenceWindow', { start: formatInstant(item.start, language), end: formatInstant(item.end, language) })}
              </Typography>
            );
          })}
        </Box>
        {hidden > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('clusters.evidenceMore', { count: hidden })}
          </Typography>
        )}
      </AccordionDetails>
    </Accordion>
  );
}

const SHOWN_TARGETS = 5;
const SHOWN_INCITING_POSTS = 3;

/** `@name`, else the user id. */
function accountLabel(username: string | null, accountId: string | null): string {
  return username ? `@${username}` : (accountId ?? '?');
}

/**
 * Dogpiling (R1 social): who was targeted, by how many accounts within how long, and who incited
 * it. Nothing when the cluster has no dogpile.
 */
export function ClusterTargets({ cluster, compact }: { cluster: CoordinationCluster; compact: boolean }) {
  const { t } = useTranslation('activityImport');
  const targets = cluster.targets ?? [];
  const inciters = cluster.inciters ?? [];
  if (targets.length === 0 && inciters.length === 0) return null;
  const shown = targets.slice(0, compact ? 2 : SHOWN_TARGETS);
  const hidden = targets.length - shown.length;
  return (
    <Box sx={{ mt: 1 }}>
      {shown.length > 0 && (
        <Box component="ul" aria-label={t('clusters.targetsLabel')} sx={{ m: 0, pl: 2.5 }}>
          {shown.map((target, index) => {
            const minutes = Math.max(1, Math.ceil((Date.parse(target.end) - Date.parse(target.start)) / 60_000));
            const account = target.username !== null || target.accountId !== null ? accountLabel(target.username, target.accountId) : null;
            const values = { count: target.repliers, minutes, post: target.postId ?? '', account: account ?? '' };
            const text =
              target.kind === 'account'
                ? t('clusters.targetAccount', values)
                : account === null
                  ? t('clusters.targetPostOnly', values)
                  : t('clusters.targetPost', values);
            return (
              <Typography component="li" variant="body2" key={`${target.kind}-${target.postId ?? target.accountId ?? target.username ?? ''}-${index}`} sx={{ wordBreak: 'break-word' }}>
                {text}
              </Typography>
            );
          })}
        </Box>
      )}
      {hidden > 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('clusters.moreTargets', { count: hidden })}
        </Typography>
      )}
      {inciters.length > 0 && (
        <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
          {t('clusters.incitedBy', {
            accounts: inciters
              .map((inciter) =>
                t('clusters.inciter', {
                  count: inciter.postIds.length,
                  account: accountLabel(inciter.username, inciter.accountId),
                  posts: inciter.postIds.slice(0, SHOWN_INCITING_POSTS).join(', '),
                }),
              )
              .join('; '),
          })}
        </Typography>
      )}
    </Box>
  );
}
