import { describe, expect, it } from 'vitest';
import { issuesToCsv } from './issues-csv';

// The cell rules themselves are tested once, in components/csv-cell.test.ts.
describe('issues CSV', () => {
  it('writes a header and CRLF-separated records, every cell quoted, formula starts neutralised', () => {
    const csv = issuesToCsv(['row', 'field', 'reason', 'action'], [
      { row: 3, field: 'timestamp', reason: 'not a date: =1+1', action: 'row-skipped' },
      { row: 7, field: null, reason: 'expected 8 fields, found 2', action: 'row-skipped' },
      { row: 9, field: 'message', reason: '=cmd;@x\t"y"', action: 'row-skipped' },
    ]);
    expect(csv).toBe(
      '"row","field","reason","action"\r\n' +
        '"3","timestamp","not a date: =1+1","row-skipped"\r\n' +
        '"7","","expected 8 fields, found 2","row-skipped"\r\n' +
        `"9","message","'=cmd;@x\t""y""","row-skipped"\r\n`,
    );
  });
});
