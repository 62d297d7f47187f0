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

/** Offers text as a file download without a server round trip. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM lets spreadsheet programs read the UTF-8 as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke on the next task: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
