// CSV of a designation's enforcement actions. Cells are free text typed by people (bases, Tweet ids,
// trend terms), so they go through the app's one cell writer (components/csv-cell.ts): formula
// starts neutralised, cells holding a separator of any locale quoted. A spreadsheet must never
// execute `=HYPERLINK(...)` from a basis someone wrote.
import type { EnforcementAction } from '../../api/contract/case';
import { csvRecords } from '../../components/csv-cell';
import { actionState } from './action-rules';

export const ACTION_CSV_COLUMNS = [
  'id',
  'type',
  'target',
  'targetRef',
  'basis',
  'appliedBy',
  'appliedAt',
  'expiresAt',
  'stateAtExport',
  'reappliesId',
  'endedAt',
  'endedReason',
] as const;

export function actionsToCsv(actions: readonly EnforcementAction[], now: string): string {
  const rows = actions.map((action) => [
    action.id,
    action.type,
    action.target,
    action.targetRef,
    action.basis,
    action.appliedBy,
    action.appliedAt,
    action.expiresAt ?? '',
    actionState(action, now),
    action.reappliesId ?? '',
    action.endedAt ?? '',
    action.endedReason ?? '',
  ]);
  return csvRecords([[...ACTION_CSV_COLUMNS], ...rows]);
}
