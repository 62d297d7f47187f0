// The invalid rows of an import as a CSV download. Cells come from the analyst's file, so a cell that
// a spreadsheet would run as a formula is neutralised, and every cell is quoted per RFC 4180.

export interface IssueRow {
  row: number;
  field: string | null;
  reason: string;
  action: string;
}

/** Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',');
}

/** RFC 4180: CRLF between records, a header first. */
export function issuesToCsv(header: readonly string[], issues: readonly IssueRow[]): string {
  const lines = [csvLine(header)];
  for (const issue of issues) lines.push(csvLine([issue.row, issue.field, issue.reason, issue.action]));
  return `${lines.join('\r\n')}\r\n`;
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
