// How every CSV export of the app writes a cell (enforcement actions, an import's invalid rows):
// written once, so no export can forget a rule. Cells hold text that people typed or that came
// from an imported file, and spreadsheets run some text as formulas.

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What makes a cell quoted: RFC 4180's quote, comma and line breaks, and the separators that
 * spreadsheets split on in other locales: `;` (the list separator of Dutch and Turkish Excel,
 * among others) and tab. Unquoted there, `a;=HYPERLINK(…)` opens as two cells, the second a formula.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export type CsvQuoting = 'always' | 'when-needed';

/** One cell: a formula start neutralised with a leading `'`, then quoted per RFC 4180 (always, or when needed). */
export function csvCell(value: string | number | null, quoting: CsvQuoting = 'when-needed'): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return quoting === 'always' || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records as CSV text: cells joined by commas, CRLF after every record (RFC 4180). */
export function csvRecords(rows: readonly (readonly (string | number | null)[])[], quoting: CsvQuoting = 'when-needed'): string {
  return rows.map((row) => `${row.map((cell) => csvCell(cell, quoting)).join(',')}\r\n`).join('');
}
