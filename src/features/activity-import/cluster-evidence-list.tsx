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
