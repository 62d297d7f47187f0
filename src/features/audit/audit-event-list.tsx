// One trail, newest first: each event as a sentence (who did what, in the reader's language), when,
// why, and every field it changed in words, with the stored record behind a toggle (R19, issue 15 §2).
// Overrides (R8) stand out so a reader finds them without filtering.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useUserName } from '../../api/client/user-queries';
import type { AuditEvent } from '../../api/contract/audit';
import { RelativeTime } from '../../components/date-time';
import { FieldChangeList } from '../../components/field-change-list';
import { auditSentence } from './audit-sentence';

const PAGE = 50;

export interface AuditEventListProps {
  events: readonly AuditEvent[];
  /** Case names for the overall trail; the per-case trail leaves them out. */
  caseNames?: ReadonlyMap<string, string>;
}

export function AuditEventList({ events, caseNames }: AuditEventListProps) {
  const { t } = useTranslation('audit');
  const [shown, setShown] = useState(PAGE);
  if (events.length === 0) return <Typography sx={{ p: 2 }}>{t('empty')}</Typography>;
  return (
    <Box>
      <Box component="ol" aria-label={t('listLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {events.slice(0, shown).map((event) => (
          <AuditEventItem key={event.id} event={event} caseName={caseNames?.get(event.caseId)} showCase={caseNames !== undefined} />
        ))}
      </Box>
      {events.length > shown && (
        <Button onClick={() => setShown((count) => count + PAGE)} sx={{ mt: 1 }}>
          {t('more', { count: Math.min(PAGE, events.length - shown) })}
        </Button>
      )}
    </Box>
  );
}

function AuditEventItem({ event, caseName, showCase }: { event: AuditEvent; caseName: string | undefined; showCase: boolean }) {
  const { t, i18n } = useTranslation(['audit', 'policy']);
  const userName = useUserName();
  const [raw, setRaw] = useState(false);
  const override = event.type === 'case.override';
  const rawId = `audit-raw-${event.id}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      data-testid="audit-event"
      sx={{ p: 1.5, mb: 1, borderLeftWidth: 4, borderLeftColor: override ? 'warning.main' : 'divider' }}
    >
      <Typography sx={{ fontWeight: 'medium', overflowWrap: 'anywhere' }} data-testid="audit-sentence">
        {auditSentence(event, { t, userName, language: i18n.language })}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Chip size="small" color={override ? 'warning' : 'default'} label={t(`type.${event.type}`)} />
        <Typography variant="body2" component="span">
          <RelativeTime value={event.at} />
        </Typography>
        {showCase && (
          <Link component={RouterLink} to={`/cases/${event.caseId}`} variant="body2">
            {caseName ?? event.caseId}
          </Link>
        )}
        <Typography variant="caption" color="text.secondary">
          {t('version', { version: event.caseVersion, seq: event.seq })}
        </Typography>
        <Button size="small" aria-expanded={raw} aria-controls={rawId} onClick={() => setRaw((shown) => !shown)}>
          {raw ? t('hideRaw') : t('showRaw')}
        </Button>
      </Stack>
      {event.reason && (
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
          <strong>{t('reason')}</strong> {event.reason}
        </Typography>
      )}
      {event.changes.length > 0 && (
        <Box sx={{ mt: 0.5 }}>
          <FieldChangeList changes={event.changes} initial={8} />
        </Box>
      )}
      {raw && (
        <Box
          component="pre"
          id={rawId}
          aria-label={t('rawLabel', { seq: event.seq })}
          tabIndex={0}
          sx={{ mt: 1, mb: 0, p: 1, bgcolor: 'action.hover', fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {JSON.stringify(event, null, 2)}
        </Box>
      )}
    </Paper>
  );
}
