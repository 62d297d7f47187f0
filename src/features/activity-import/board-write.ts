// Puts a detected signal on the case's evidence board: read the case, add or replace the signal,
// write with If-Match. A 412 means someone saved in between: read again and retry once, so the
// analyst's click lands on top of their change instead of overwriting it.
import { useCaseWrite } from '../../api/client/case-write';
import { ApiError, callApi } from '../../api/client/http-client';
import type { CaseContent, CaseDocument, CoordinationSignal, SignalActivity } from '../../api/contract/case';
import type { SignalKind, SignalTechnique } from '../../engine/policy-terms';
import { clusterIdOfSignal } from './signal-link';

function contentOf(document: CaseDocument): CaseContent {
  const { actor, questions, rightsRiskAssessment, harm, signals, settings } = document;
  return { actor, questions, rightsRiskAssessment, harm, signals, settings };
}

export type SignalChange =
  | { type: 'add'; signal: CoordinationSignal }
  /**
   * Only kind and technique: whatever else the analyst changed on the board since stays. `activity`
   * (issue 16 §1) is put on a signal that has none yet (added when the file was not at hand); a
   * snapshot the signal already keeps is never replaced.
   */
  | { type: 'retype'; signalId: string; kind: SignalKind; technique: SignalTechnique; activity?: SignalActivity };

/** The case's signals with the change applied; null when there is nothing to write. */
export function applySignalChange(signals: readonly CoordinationSignal[], change: SignalChange): CoordinationSignal[] | null {
  if (change.type === 'retype') {
    const index = signals.findIndex((existing) => existing.id === change.signalId);
    if (index < 0) throw new Error('signal-gone');
    return signals.map((existing, i) =>
      i === index
        ? { ...existing, kind: change.kind, technique: change.technique, ...(existing.activity === undefined && change.activity ? { activity: change.activity } : {}) }
        : existing,
    );
  }
  // One signal per cluster: added from another tab or by a colleague since, it is already there.
  const clusterId = clusterIdOfSignal(change.signal);
  if (clusterId && signals.some((existing) => clusterIdOfSignal(existing) === clusterId)) return null;
  return [...signals, change.signal];
}

export async function putSignalOnBoard(caseId: string, change: SignalChange): Promise<CaseDocument> {
  for (let attempt = 0; ; attempt++) {
    const current = await callApi('getCase', { params: { caseId } });
    const signals = applySignalChange(current.data.signals, change);
    if (signals === null) return current.data;
    try {
      const written = await callApi('updateCase', {
        params: { caseId },
        body: { ...contentOf(current.data), signals },
        ifMatch: current.version ?? current.data.version,
      });
      return written.data;
    } catch (error) {
      if (attempt === 0 && error instanceof ApiError && error.code === 'precondition-failed') continue;
      throw error;
    }
  }
}

export function usePutSignalOnBoard(caseId: string) {
  return useCaseWrite(caseId, (change: SignalChange) => putSignalOnBoard(caseId, change));
}
