// Who else has this case open, and who is editing it (issue 12 §7): this tab says it is here (and
// whether its person is editing) every PRESENCE_HEARTBEAT_MS, the answer lists everyone present, and
// the live stream updates the list in between. Closing the case says `gone`.
import EditIcon from '@mui/icons-material/Edit';
import VisibilityIcon from '@mui/icons-material/Visibility';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import { useCurrentUser, useUserName } from '../../api/client/user-queries';
import { PRESENCE_HEARTBEAT_MS, type PresenceState, type PresentPerson } from '../../api/contract/live';

/**
 * This tab, among its person's other tabs (a document lives as long as the tab shows this app).
 * getRandomValues, not randomUUID: the latter exists only in secure contexts, and a team may reach
 * the server over plain HTTP on its own network.
 */
export const TAB_ID = `tab-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;

/** How long "editing" lasts after the last unsaved change: reading back over one's edits is editing too. */
export const EDITING_LINGER_MS = 120_000;

/** `editing` while true and for `lingerMs` after it was last true. */
function useLingering(active: boolean, lingerMs: number): boolean {
  const [lingering, setLingering] = useState(active);
  // Derived while rendering (React's pattern for state that follows a prop), not in an effect.
  if (active && !lingering) setLingering(true);
  useEffect(() => {
    if (active || !lingering) return undefined;
    const timer = setTimeout(() => setLingering(false), lingerMs);
    return () => clearTimeout(timer);
  }, [active, lingering, lingerMs]);
  return active || lingering;
}

export function useCasePresence(caseId: string, editing: boolean): PresentPerson[] {
  const state: PresenceState = useLingering(editing, EDITING_LINGER_MS) ? 'editing' : 'viewing';
  const presence = useQuery({
    queryKey: queryKeys.cases.presence(caseId),
    // A heartbeat that answers who is here: idempotent (PUT), so a query may send it again. A refetch
    // runs the latest render's function, so it sends the state as it is now.
    queryFn: async ({ signal }) => (await callApi('casePresence', { params: { caseId }, body: { tab: TAB_ID, state }, signal })).data,
    refetchInterval: PRESENCE_HEARTBEAT_MS,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    retry: false,
    gcTime: 0,
  });
  const { refetch } = presence;
  const sentState = useRef(state);
  useEffect(() => {
    if (sentState.current === state) return;
    sentState.current = state;
    void refetch();
  }, [state, refetch]);
  useEffect(() => {
    const leave = () => {
      void callApi('casePresence', { params: { caseId }, body: { tab: TAB_ID, state: 'gone' }, keepalive: true }).catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [caseId]);
  return presence.data?.people ?? [];
}

/** The others present, as chips: "Ben is editing", "Rui has this case open". */
export function CasePresence({ caseId, editing = false }: { caseId: string; editing?: boolean }) {
  const { t } = useTranslation('live');
  const people = useCasePresence(caseId, editing);
  const myId = useCurrentUser().data?.id;
  const userName = useUserName();
  const others = people.filter((person) => person.userId !== myId);
  if (others.length === 0) return null;
  return (
    <Stack component="ul" direction="row" spacing={1} useFlexGap aria-label={t('presence.label')} data-testid="case-presence" sx={{ flexWrap: 'wrap', listStyle: 'none', m: 0, p: 0 }}>
      {others.map((person) => (
        <li key={person.userId}>
          <Chip
            size="small"
            variant={person.state === 'editing' ? 'filled' : 'outlined'}
            color={person.state === 'editing' ? 'warning' : 'default'}
            icon={person.state === 'editing' ? <EditIcon /> : <VisibilityIcon />}
            label={t(`presence.${person.state}`, { name: userName(person.userId) })}
          />
        </li>
      ))}
    </Stack>
  );
}
