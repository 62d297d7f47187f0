// One trail, newest first: who did what, when, why, and every field it changed (R19). Overrides (R8)
// stand out so a reader finds them without filtering.
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
import { DateTime } from '../../components/date-time';
import { FieldChangeList } from '../../components/field-change-list';

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
  const { t } = useTranslation('audit');
  const userName = useUserName();
  const override = event.type === 'case.override';
  return (
    <Paper
      component="li"
      variant="outlined"
      data-testid="audit-event"
      sx={{ p: 1.5, mb: 1, borderLeftWidth: 4, borderLeftColor: override ? 'warning.main' : 'divider' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Chip size="small" color={override ? 'warning' : 'default'} label={t(`type.${event.type}`)} />
        <Typography variant="body2" component="span">
          <DateTime value={event.at} />
        </Typography>
        <Typography variant="body2" component="span">
          {t('by', { name: userName(event.actorId) })}
        </Typography>
        {showCase && (
          <Link component={RouterLink} to={`/cases/${event.caseId}`} variant="body2">
            {caseName ?? event.caseId}
          </Link>
        )}
        <Typography variant="caption" color="text.secondary">
          {t('version', { version: event.caseVersion, seq: event.seq })}
        </Typography>
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
    </Paper>
  );
}
