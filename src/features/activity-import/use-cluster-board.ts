// From clusters to the evidence board: which clusters are already signals (read from the case, so
// it survives reloads and other tabs), the one-click add, and the kind/technique dialog. A signal
// keeps the snapshot of its cluster's activity timeline when the file's posts are at hand (issue 16 §1).
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../api/contract/case';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { usePutSignalOnBoard } from './board-write';
import { clusterActivityAvailable, fetchClusterActivity, type ActivityQuery } from './cluster-activity-query';
import { clusterActivitySnapshot, detectedSignal } from './detected-signal';
import type { SignalChoice } from './signal-choice-dialog';
import { signalsByCluster } from './signal-link';

export interface SignalDialogState {
  cluster: CoordinationCluster;
  mode: 'add' | 'edit';
  initial: SignalChoice;
  /**
   * Issue 16 §1: whether the signal will keep the activity timeline (`kept`), cannot (`not-kept`: the
   * import is from an earlier session), or already does (null).
   */
  activity: 'kept' | 'not-kept' | null;
}

/**
 * `queryActivity`: the posts behind a cluster in the file this session read (null when the import
 * was kept from an earlier session; the Activity view's cached answer is used then, if it has one).
 */
export function useClusterBoard(caseId: string, caseDocument: CaseDocument | undefined, ranks: ReadonlyMap<string, number>, queryActivity: ActivityQuery | null = null) {
  const { t } = useTranslation('activityImport');
  const queryClient = useQueryClient();
  const put = usePutSignalOnBoard(caseId);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<SignalDialogState | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const signals = caseDocument?.signals;
  const signalIds = useMemo(() => signalsByCluster(signals ?? []), [signals]);

  const signalOf = (cluster: CoordinationCluster) => signals?.find((candidate) => candidate.id === signalIds.get(cluster.id));

  const write = async (cluster: CoordinationCluster, choice: SignalChoice) => {
    const existingId = signalIds.get(cluster.id);
    const existing = signalOf(cluster);
    setBusyId(cluster.id);
    // The snapshot: only for a signal that has none yet (a kept one is evidence as it was seen).
    const live = existing?.activity === undefined ? await fetchClusterActivity(queryClient, queryActivity, cluster) : null;
    const activity = live ? clusterActivitySnapshot(cluster, live) : null;
    const rank = ranks.get(cluster.id) ?? 0;
    put.mutate(
      existingId
        ? { type: 'retype', signalId: existingId, ...choice, ...(activity ? { activity } : {}) }
        : { type: 'add', signal: detectedSignal(cluster, choice, activity) },
      {
        onSuccess: () => {
          setDialog(null);
          setAnnouncement(existingId || activity ? t('clusters.addedAnnouncement', { rank }) : t('activity.addedWithoutActivity', { rank }));
        },
        onSettled: () => setBusyId(null),
      },
    );
  };

  const existingChoice = (cluster: CoordinationCluster): SignalChoice => {
    const signal = signalOf(cluster);
    return signal ? { kind: signal.kind, technique: signal.technique } : cluster.suggestedSignal;
  };

  return {
    signalIds,
    busyId,
    error: put.error,
    announcement,
    dialog,
    /** One click: the detectors' suggestion goes on the board as it is. */
    add: (cluster: CoordinationCluster) => void write(cluster, cluster.suggestedSignal),
    /** Kind and technique first (before adding) or again (after). */
    adjust: (cluster: CoordinationCluster) =>
      setDialog({
        cluster,
        mode: signalIds.has(cluster.id) ? 'edit' : 'add',
        initial: existingChoice(cluster),
        activity: signalOf(cluster)?.activity !== undefined ? null : clusterActivityAvailable(queryClient, queryActivity, cluster) ? 'kept' : 'not-kept',
      }),
    confirm: (choice: SignalChoice) => {
      if (dialog) void write(dialog.cluster, choice);
    },
    closeDialog: () => setDialog(null),
    dismissError: () => put.reset(),
  };
}
