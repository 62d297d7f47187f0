import { describe, expect, it } from 'vitest';
import type { EnforcementAction } from '../../api/contract/case';
import { actionsToCsv, escapeCsvCell, toCsv } from './csv-export';

describe('escapeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a formula start: %j', (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });

  it.each([
    ['plain text', 'plain text'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('quotes per RFC 4180 only when needed: %j', (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('joins records with CRLF and ends with one', () => {
    expect(toCsv([['a', 'b'], ['=1', 'c,d']])).toBe(`a,b\r\n'=1,"c,d"\r\n`);
  });
});

describe('actionsToCsv', () => {
  const action: EnforcementAction = {
    id: 'act-1',
    type: 'limit-visibility',
    target: 'tweet',
    targetRef: '-1234',
    basis: '=cmd|" /C calc"!A0, then more',
    appliedBy: 'rui',
    appliedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-31T00:00:00.000Z',
    reappliesId: null,
    endedAt: null,
    endedReason: null,
  };

  it('writes a header and one escaped row per action, with its state at export time', () => {
    const lines = actionsToCsv([action], '2026-02-01T00:00:00.000Z').split('\r\n');
    expect(lines[0]).toBe('id,type,target,targetRef,basis,appliedBy,appliedAt,expiresAt,stateAtExport,reappliesId,endedAt,endedReason');
    expect(lines[1]).toBe(
      `act-1,limit-visibility,tweet,'-1234,"'=cmd|"" /C calc""!A0, then more",rui,2026-01-01T00:00:00.000Z,2026-01-31T00:00:00.000Z,expired,,,`,
    );
    expect(lines[2]).toBe('');
  });
});
