import { describe, expect, it } from 'vitest';
import { csvCell, csvRecords } from './csv-cell';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', `"'\tcmd"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a formula start: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  // Issue 14, defect 8: `;` and tab separate cells in other locales' spreadsheets.
  it.each([
    ['a;=HYPERLINK("http://evil.example")', `"a;=HYPERLINK(""http://evil.example"")"`],
    ['a;b', '"a;b"'],
    ['a\t=1+1', `"a\t=1+1"`],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
  ])('quotes a cell holding a separator, quote or line break: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['plain text', 'plain text'],
    ['', ''],
    ['a=b', 'a=b'],
    ['x-1', 'x-1'],
  ])('leaves other cells as they are: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes every cell when asked to, and writes numbers and null', () => {
    expect(csvCell('plain', 'always')).toBe('"plain"');
    expect(csvCell('', 'always')).toBe('""');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-3, 'always')).toBe(`"'-3"`);
    expect(csvCell(null)).toBe('');
  });
});

describe('csvRecords', () => {
  it('joins cells with commas and ends every record with CRLF', () => {
    expect(csvRecords([['a', 'b'], ['=1', 'c;d']])).toBe(`a,b\r\n'=1,"c;d"\r\n`);
    expect(csvRecords([['a', null]], 'always')).toBe('"a",""\r\n');
  });
});
