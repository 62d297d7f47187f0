// The invalid rows of an import as a CSV download. Cells come from the analyst's file, so they go
// through the app's one cell writer (components/csv-cell.ts): a cell that a spreadsheet would run as
// a formula is neutralised, and every cell is quoted.
import { csvRecords } from '../../components/csv-cell';

export interface IssueRow {
  row: number;
  field: string | null;
  reason: string;
  action: string;
}

/** RFC 4180: a header first, CRLF after every record. */
export function issuesToCsv(header: readonly string[], issues: readonly IssueRow[]): string {
  return csvRecords([header, ...issues.map((issue) => [issue.row, issue.field, issue.reason, issue.action])], 'always');
}
