// From clusters to the evidence board: which clusters are already signals (read from the case, so
// it survives reloads and other tabs), the one-click add, and the kind/technique dialog.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../api/contract/case';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { usePutSignalOnBoard } from './board-write';
import { detectedSignal } from './detected-signal';
import type { SignalChoice } from './signal-choice-dialog';
import { signalsByCluster } from './signal-link';

export interface SignalDialogState {
  cluster: CoordinationCluster;
  mode: 'add' | 'edit';
  initial: SignalChoice;
}

export function useClusterBoard(caseId: string, caseDocument: CaseDocument | undefined, ranks: ReadonlyMap<string, number>) {
  const { t } = useTranslation('activityImport');
  const put = usePutSignalOnBoard(caseId);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<SignalDialogState | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const signals = caseDocument?.signals;
  const signalIds = useMemo(() => signalsByCluster(signals ?? []), [signals]);

  const write = (cluster: CoordinationCluster, choice: SignalChoice) => {
    const existingId = signalIds.get(cluster.id);
    setBusyId(cluster.id);
    put.mutate(
      existingId
        ? { type: 'retype', signalId: existingId, ...choice }
        : { type: 'add', signal: detectedSignal(cluster, choice) },
      {
        onSuccess: () => {
          setDialog(null);
          setAnnouncement(t('clusters.addedAnnouncement', { rank: ranks.get(cluster.id) ?? 0 }));
        },
        onSettled: () => setBusyId(null),
      },
    );
  };

  const existingChoice = (cluster: CoordinationCluster): SignalChoice => {
    const signal = signals?.find((candidate) => candidate.id === signalIds.get(cluster.id));
    return signal ? { kind: signal.kind, technique: signal.technique } : cluster.suggestedSignal;
  };

  return {
    signalIds,
    busyId,
    error: put.error,
    announcement,
    dialog,
    /** One click: the detectors' suggestion goes on the board as it is. */
    add: (cluster: CoordinationCluster) => write(cluster, cluster.suggestedSignal),
    /** Kind and technique first (before adding) or again (after). */
    adjust: (cluster: CoordinationCluster) =>
      setDialog({ cluster, mode: signalIds.has(cluster.id) ? 'edit' : 'add', initial: existingChoice(cluster) }),
    confirm: (choice: SignalChoice) => {
      if (dialog) write(dialog.cluster, choice);
    },
    closeDialog: () => setDialog(null),
    dismissError: () => put.reset(),
  };
}
