// What someone else just did on the case you have open (issue 12 §7), heard on the live stream:
// "Rui returned this case". Announced politely to screen readers; dismissible. The page itself has
// already fetched the change (apply-notice.ts); this says who made it and that nothing of yours was lost.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import type { CaseChangeNotice as Notice } from '../../api/contract/live';
import { liveStore } from './live-store';

/** The latest change to `caseId` by someone else that this tab heard since `sinceSeq`. */
export function latestChangeByOthers(changes: readonly Notice[], caseId: string, myId: string | undefined, sinceSeq: number): Notice | null {
  return changes.findLast((notice) => notice.caseId === caseId && notice.actorId !== myId && notice.seq > sinceSeq) ?? null;
}

export function CaseChangeNotice({ caseId, editable = false }: { caseId: string; editable?: boolean }) {
  const { t } = useTranslation('live');
  const myId = useCurrentUser().data?.id;
  const userName = useUserName();
  // Only what happened while this page is open: the page was read after anything earlier.
  const [sinceSeq, setSinceSeq] = useState(() => liveStore.getState().changes.at(-1)?.seq ?? 0);
  const latest = useStore(liveStore, (state) => latestChangeByOthers(state.changes, caseId, myId, sinceSeq));
  const paused = useStore(liveStore, (state) => state.status === 'paused');
  return (
    <Box component="output" sx={{ display: 'block' }}>
      {latest && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          data-testid="live-change"
          onClose={() => setSinceSeq(latest.seq)}
          slotProps={{ closeButton: { title: t('dismiss'), 'aria-label': t('dismiss') } }}
        >
          {t(`change.${latest.type}`, { name: userName(latest.actorId) })}. {editable ? t('keptYours') : t('shown')}
        </Alert>
      )}
      {paused && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="live-paused">
          {t('connection.lost')}
        </Alert>
      )}
    </Box>
  );
}
