import { describe, expect, it } from 'vitest';
import { csvCell, issuesToCsv } from './issues-csv';

describe('issues CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['plain', '"plain"'],
    ['a, "quoted"\nline', '"a, ""quoted""\nline"'],
    ['', '""'],
  ])('escapes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers and null as cells', () => {
    expect(csvCell(12)).toBe('"12"');
    expect(csvCell(-3)).toBe(`"'-3"`);
    expect(csvCell(null)).toBe('""');
  });

  it('writes a header and CRLF-separated records', () => {
    const csv = issuesToCsv(['row', 'field', 'reason', 'action'], [
      { row: 3, field: 'timestamp', reason: 'not a date: =1+1', action: 'row-skipped' },
      { row: 7, field: null, reason: 'expected 8 fields, found 2', action: 'row-skipped' },
    ]);
    expect(csv).toBe(
      '"row","field","reason","action"\r\n' +
        '"3","timestamp","not a date: =1+1","row-skipped"\r\n' +
        '"7","","expected 8 fields, found 2","row-skipped"\r\n',
    );
  });
});
