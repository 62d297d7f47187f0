// Evidence board tab (R1-R2): four lanes of coordination signals with filters, counts, a summary of
// the accounts across signals, add/edit in a dialog, remove with undo, and moves by drag or keyboard.
import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CoordinationSignal } from '../../api/contract/case';
import type { SignalTechnique } from '../../engine/policy-terms';
import { ActionNoticeOutput, useActionNotice } from './action-notice';
import { BoardAccountsSummary } from './board-accounts-summary';
import { BoardFilters } from './board-filters';
import { LANES, groupIntoLanes, laneById, laneOf, moveToLane, techniqueFitsLane, type LaneId } from './board-model';
import { useBoardStore } from './board-store';
import { fieldId } from './field-ids';
import { HarmLinksContext, harmLinksBySignal } from './harm-links';
import { SignalDialog, newSignalValues, toFormValues, type SignalFormValues } from './signal-dialog-form';
import { MoveTechniqueDialog } from './move-technique-dialog';
import { SignalLane } from './signal-lane';
import { useWorkspace } from './workspace-context';
import { SignalList, type CaseFormValues } from './case-content';

export function EvidenceBoardTab() {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const { setValue, getValues } = useFormContext<CaseFormValues>();
  const signals = useWatch<CaseFormValues, 'signals'>({ name: 'signals' }).items;
  const filters = useBoardStore((s) => s.filters);
  const requestFocus = useBoardStore((s) => s.requestFocus);
  const lanes = useMemo(() => groupIntoLanes(signals, filters), [signals, filters]);
  const harm = useWatch<CaseFormValues, 'harm'>({ name: 'harm' });
  const harmLinks = useMemo(() => harmLinksBySignal(harm), [harm]);
  const [dialog, setDialog] = useState<{ mode: 'add' | 'edit'; initial: SignalFormValues } | null>(null);
  const { notice, setNotice, announceUndoable } = useActionNotice();
  // A move to the other kind waits here for the analyst's choice of technique (R1).
  const [pendingMove, setPendingMove] = useState<{ signalId: string; lane: LaneId } | null>(null);

  const write = useCallback(
    (next: CoordinationSignal[]) => setValue('signals', new SignalList(next), { shouldDirty: true }),
    [setValue],
  );
  const laneName = useCallback(
    (lane: LaneId) => {
      const { kind, observed } = laneById(lane);
      return t('board.laneTitle', { kind: t(`policy:signalKindShort.${kind}`), observed: t(`policy:observed.${observed}`) });
    },
    [t],
  );

  const onEdit = useCallback(
    (signalId: string) => {
      const signal = getValues('signals').items.find((candidate) => candidate.id === signalId);
      if (signal) setDialog({ mode: 'edit', initial: toFormValues(signal) });
    },
    [getValues],
  );

  const applyMove = useCallback(
    (signalId: string, lane: LaneId, technique?: SignalTechnique) => {
      const current = getValues('signals').items;
      const index = current.findIndex((signal) => signal.id === signalId);
      const signal = current[index];
      if (!signal) return;
      const moved = moveToLane(signal, lane, technique);
      const next = current.slice();
      next[index] = moved;
      write(next);
      const from = t(`policy:technique.${signal.technique}`);
      const message = t('board.moved', { technique: from, lane: laneName(lane) });
      if (moved.technique !== signal.technique) {
        setNotice({ message: `${message} ${t('board.techniqueChosen', { technique: t(`policy:technique.${moved.technique}`) })}` });
      } else if (!techniqueFitsLane(moved.technique, lane)) {
        // Kept on purpose: the card and the live panel flag it (R1) until kind and technique agree.
        setNotice({
          message: `${message} ${t('board.techniqueKept', { technique: from, kind: t(`policy:signalKindShort.${moved.kind}`) })}`,
          severity: 'warning',
          action: { label: t('board.edit'), run: () => onEdit(signalId) },
        });
      } else {
        setNotice({ message });
      }
      requestFocus(signalId);
    },
    [getValues, write, t, laneName, setNotice, onEdit, requestFocus],
  );

  // Callbacks read the list through getValues so they stay stable and memoised cards do not re-render.
  const onMove = useCallback(
    (signalId: string, lane: LaneId) => {
      const signal = getValues('signals').items.find((candidate) => candidate.id === signalId);
      if (!signal || laneOf(signal) === lane) return;
      // Into the other kind, the technique no longer fits (R1): ask rather than change it silently.
      if (!techniqueFitsLane(signal.technique, lane)) setPendingMove({ signalId, lane });
      else applyMove(signalId, lane);
    },
    [getValues, applyMove],
  );

  const onRemove = useCallback(
    (signalId: string) => {
      const current = getValues('signals').items;
      const removed = current.find((signal) => signal.id === signalId);
      if (!removed) return;
      write(current.filter((signal) => signal.id !== signalId));
      announceUndoable(t('board.removed', { technique: t(`policy:technique.${removed.technique}`) }), () => write(current), t('board.restored'));
    },
    [getValues, write, t, announceUndoable],
  );

  const onSave = (signal: CoordinationSignal) => {
    const current = getValues('signals').items;
    const exists = current.some((candidate) => candidate.id === signal.id);
    write(exists ? current.map((candidate) => (candidate.id === signal.id ? signal : candidate)) : [...current, signal]);
    setDialog(null);
    setNotice({ message: t(exists ? 'board.saved' : 'board.added', { technique: t(`policy:technique.${signal.technique}`), lane: laneName(laneOf(signal)) }) });
    requestFocus(signal.id);
  };

  const pendingSignal = pendingMove ? signals.find((signal) => signal.id === pendingMove.signalId) : undefined;

  return (
    <HarmLinksContext.Provider value={harmLinks}>
    <Stack spacing={2}>
      <Paper component="section" aria-labelledby={fieldId('signals')} sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
          <Typography variant="h5" component="h2" id={fieldId('signals')} tabIndex={-1}>
            {t('board.heading', { count: signals.length })}
          </Typography>
          {!readOnly && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ mode: 'add', initial: newSignalValues('technical:on-platform') })}>
              {t('board.add')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('board.intro')}
        </Typography>
        <BoardFilters />
      </Paper>

      <BoardAccountsSummary signals={signals} />

      {/* Announces moves, additions and removals; visible too, with Undo / Edit where they help. */}
      <ActionNoticeOutput notice={notice} onClose={() => setNotice(null)} />

      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(4, minmax(0, 1fr))' } }}>
        {LANES.map((lane) => (
          <SignalLane
            key={lane.id}
            lane={lane}
            content={lanes[lane.id]}
            signals={signals}
            readOnly={readOnly}
            onEdit={onEdit}
            onRemove={onRemove}
            onMove={onMove}
          />
        ))}
      </Box>

      {pendingSignal && pendingMove && (
        <MoveTechniqueDialog
          signal={pendingSignal}
          lane={pendingMove.lane}
          laneName={laneName(pendingMove.lane)}
          onCancel={() => setPendingMove(null)}
          onChoose={(choice) => {
            setPendingMove(null);
            applyMove(pendingMove.signalId, pendingMove.lane, choice.kind === 'technique' ? choice.technique : undefined);
          }}
        />
      )}

      {dialog && (
        <SignalDialog key={dialog.initial.id} mode={dialog.mode} initial={dialog.initial} onClose={() => setDialog(null)} onSave={onSave} />
      )}
    </Stack>
    </HarmLinksContext.Provider>
  );
}
