import { describe, expect, it } from 'vitest';
import type { EnforcementAction } from '../../api/contract/case';
import { actionsToCsv } from './csv-export';

// The cell rules themselves are tested once, in components/csv-cell.test.ts.
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

  // Issue 14, defect 8: a cell holding `;` opened as two cells in Dutch and Turkish spreadsheets.
  it('quotes a basis holding a semicolon or tab, so no locale splits a formula out of it', () => {
    const lines = actionsToCsv([{ ...action, basis: 'spam;=WEBSERVICE(A1)', targetRef: 'a\t=1' }], '2026-01-02T00:00:00.000Z').split('\r\n');
    expect(lines[1]).toBe(
      `act-1,limit-visibility,tweet,"a\t=1","spam;=WEBSERVICE(A1)",rui,2026-01-01T00:00:00.000Z,2026-01-31T00:00:00.000Z,active,,,`,
    );
  });
});
