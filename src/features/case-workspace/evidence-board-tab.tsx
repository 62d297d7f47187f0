// Evidence board tab (R1-R2): four lanes of coordination signals with filters, counts, a summary of
// the accounts across signals, add/edit in a dialog, remove with undo, and moves by drag or keyboard.
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CoordinationSignal } from '../../api/contract/case';
import { BoardAccountsSummary } from './board-accounts-summary';
import { BoardFilters } from './board-filters';
import { LANES, groupIntoLanes, laneById, laneOf, moveToLane, type LaneId } from './board-model';
import { useBoardStore } from './board-store';
import { fieldId } from './field-ids';
import { SignalDialog, newSignalValues, toFormValues, type SignalFormValues } from './signal-dialog-form';
import { SignalLane } from './signal-lane';
import { useWorkspace } from './workspace-context';
import { SignalList, type CaseFormValues } from './case-content';

interface Notice {
  message: string;
  /** The signal list before a removal, for "Undo". */
  undo?: CoordinationSignal[];
  /** A signal whose technique changed on a move, for "Edit". */
  editId?: string;
}

export function EvidenceBoardTab() {
  const { t } = useTranslation(['workspace', 'policy']);
  const { readOnly } = useWorkspace();
  const { setValue, getValues } = useFormContext<CaseFormValues>();
  const signals = useWatch<CaseFormValues, 'signals'>({ name: 'signals' }).items;
  const filters = useBoardStore((s) => s.filters);
  const requestFocus = useBoardStore((s) => s.requestFocus);
  const lanes = useMemo(() => groupIntoLanes(signals, filters), [signals, filters]);
  const [dialog, setDialog] = useState<{ mode: 'add' | 'edit'; initial: SignalFormValues } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

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

  // Callbacks read the list through getValues so they stay stable and memoised cards do not re-render.
  const onMove = useCallback(
    (signalId: string, lane: LaneId) => {
      const current = getValues('signals').items;
      const index = current.findIndex((signal) => signal.id === signalId);
      const signal = current[index];
      if (!signal || laneOf(signal) === lane) return;
      const result = moveToLane(signal, lane);
      const next = current.slice();
      next[index] = result.signal;
      write(next);
      const technique = t(`policy:technique.${signal.technique}`);
      const moved = t('board.moved', { technique, lane: laneName(lane) });
      setNotice(
        result.techniqueChanged
          ? {
              message: `${moved} ${t('board.techniqueChanged', {
                from: technique,
                to: t(`policy:technique.${result.signal.technique}`),
                kind: t(`policy:signalKindShort.${result.signal.kind}`),
              })}`,
              editId: signalId,
            }
          : { message: moved },
      );
      requestFocus(signalId);
    },
    [getValues, write, t, laneName, requestFocus],
  );

  const onRemove = useCallback(
    (signalId: string) => {
      const current = getValues('signals').items;
      const removed = current.find((signal) => signal.id === signalId);
      if (!removed) return;
      write(current.filter((signal) => signal.id !== signalId));
      setNotice({ message: t('board.removed', { technique: t(`policy:technique.${removed.technique}`) }), undo: current });
    },
    [getValues, write, t],
  );

  const onEdit = useCallback(
    (signalId: string) => {
      const signal = getValues('signals').items.find((candidate) => candidate.id === signalId);
      if (signal) setDialog({ mode: 'edit', initial: toFormValues(signal) });
    },
    [getValues],
  );

  const onSave = (signal: CoordinationSignal) => {
    const current = getValues('signals').items;
    const exists = current.some((candidate) => candidate.id === signal.id);
    write(exists ? current.map((candidate) => (candidate.id === signal.id ? signal : candidate)) : [...current, signal]);
    setDialog(null);
    setNotice({ message: t(exists ? 'board.saved' : 'board.added', { technique: t(`policy:technique.${signal.technique}`), lane: laneName(laneOf(signal)) }) });
    requestFocus(signal.id);
  };

  return (
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
      <Box component="output" aria-live="polite" aria-atomic="true" sx={{ display: 'block' }}>
        {notice && (
          <Alert
            severity={notice.editId ? 'warning' : 'info'}
            onClose={() => setNotice(null)}
            action={
              notice.undo ? (
                <Button color="inherit" size="small" onClick={() => { if (notice.undo) write(notice.undo); setNotice({ message: t('board.restored') }); }}>
                  {t('board.undo')}
                </Button>
              ) : notice.editId ? (
                <Button color="inherit" size="small" onClick={() => { if (notice.editId) onEdit(notice.editId); }}>
                  {t('board.edit')}
                </Button>
              ) : undefined
            }
          >
            {notice.message}
          </Alert>
        )}
      </Box>

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

      {dialog && (
        <SignalDialog key={dialog.initial.id} mode={dialog.mode} initial={dialog.initial} onClose={() => setDialog(null)} onSave={onSave} />
      )}
    </Stack>
  );
}
