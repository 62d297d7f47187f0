import { describe, expect, it } from 'vitest';
import { issuesToCsv } from './issues-csv';

// The cell rules themselves are tested once, in components/csv-cell.test.ts.
describe('issues CSV', () => {
  it('writes a header and CRLF-separated records, every cell quoted, formula starts neutralised, the code last', () => {
    const csv = issuesToCsv(['rij', 'veld', 'reden', 'gevolg', 'code'], [
      { row: 3, field: 'timestamp', reason: 'geen tijdstempel: "=1+1"', action: 'Rij niet geïmporteerd', code: 'not-a-timestamp' },
      { row: 7, field: null, reason: '8 velden verwacht, 2 gevonden', action: 'Rij niet geïmporteerd', code: 'wrong-field-count' },
      { row: 9, field: 'message', reason: '=cmd;@x\t"y"', action: 'row-skipped', code: 'legacy-reason' },
    ]);
    expect(csv).toBe(
      '"rij","veld","reden","gevolg","code"\r\n' +
        '"3","timestamp","geen tijdstempel: ""=1+1""","Rij niet geïmporteerd","not-a-timestamp"\r\n' +
        '"7","","8 velden verwacht, 2 gevonden","Rij niet geïmporteerd","wrong-field-count"\r\n' +
        `"9","message","'=cmd;@x\t""y""","row-skipped","legacy-reason"\r\n`,
    );
  });
});
