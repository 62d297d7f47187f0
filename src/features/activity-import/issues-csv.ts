// The invalid rows of an import as a CSV download, worded in the reader's language, with the
// parser's issue code last for scripts. Cells come from the analyst's file, so they go through the
// app's one cell writer (components/csv-cell.ts): a cell that a spreadsheet would run as a formula
// is neutralised, and every cell is quoted.
import { csvRecords } from '../../components/csv-cell';

export interface IssueRow {
  row: number;
  field: string | null;
  /** The issue in words (the reader's language). */
  reason: string;
  /** The outcome in words. */
  action: string;
  /** The machine code (`ParseIssueCode`), the same in every language. */
  code: string;
}

/** RFC 4180: a header first, CRLF after every record. */
export function issuesToCsv(header: readonly string[], issues: readonly IssueRow[]): string {
  return csvRecords([header, ...issues.map((issue) => [issue.row, issue.field, issue.reason, issue.action, issue.code])], 'always');
}
