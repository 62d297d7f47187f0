// CSV of a designation's enforcement actions. Cells are free text typed by people (bases, Tweet ids,
// trend terms), so every cell is neutralised against formula injection before RFC 4180 quoting:
// a spreadsheet must never execute `=HYPERLINK(...)` from a basis someone wrote.
import type { EnforcementAction } from '../../api/contract/case';
import { actionState } from './action-rules';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string): string {
  const neutralised = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutralised) ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  // RFC 4180: CRLF between records, and after the last one.
  return rows.map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}

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
  return toCsv([[...ACTION_CSV_COLUMNS], ...rows]);
}
