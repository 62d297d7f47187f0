// Keeps the browser's live stream open while someone is signed in (issue 12 §7; one tab holds it and
// relays to the others) and applies what it hears:
// loaded apart from the first page, rendered once by the shell. Renders nothing itself.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveStreamUrl } from '../../api/client/http-client';
import { useCurrentUser } from '../../api/client/user-queries';
import { applyLiveNotice, catchUpAfterDrop } from './apply-notice';
import type { OpenEventSource } from './live-stream';
import { connectSharedLiveStream } from './shared-live-stream';
import { heardChange, setLiveStatus } from './live-store';

const openEventSource: OpenEventSource = (url) => new EventSource(url);

export function LiveUpdates() {
  const queryClient = useQueryClient();
  const myId = useCurrentUser().data?.id ?? null;
  useEffect(() => {
    // No EventSource (an old or test browser): the screens still refresh on focus and on their own.
    if (myId === null || typeof EventSource === 'undefined') return undefined;
    setLiveStatus('connecting');
    return connectSharedLiveStream(
      liveStreamUrl(),
      {
        notice: (notice) => {
          if (notice.kind === 'case-change') heardChange(notice);
          applyLiveNotice(queryClient, notice, myId);
        },
        reconnected: () => catchUpAfterDrop(queryClient),
        status: setLiveStatus,
      },
      openEventSource,
    );
  }, [myId, queryClient]);
  return null;
}
