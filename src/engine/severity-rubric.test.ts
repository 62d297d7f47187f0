// R6: the rubric's suggestion and the disagreement check, as a table over every combination of answers.
import { describe, expect, it } from 'vitest';
import type { RubricAnswersModel } from './case-model';
import { RUBRIC_LEVELS } from './policy-terms';
import type { RubricLevel, Severity } from './policy-terms';
import { answeredCriteria, checkAgainstRubric, severityAtLeast, suggestSeverity } from './severity-rubric';
import { harmAt } from './test-fixtures';

const r = (
  magnitude: RubricLevel | null,
  sources: RubricLevel | null,
  likelihood: RubricLevel | null,
): RubricAnswersModel => ({ magnitude, sources, likelihood });

describe('R6 suggestSeverity: the level at least two criteria reach', () => {
  it.each([
    // three answers: the median
    [r('low', 'low', 'low'), 'low'],
    [r('high', 'high', 'high'), 'high'],
    [r('low', 'moderate', 'high'), 'moderate'],
    [r('high', 'low', 'moderate'), 'moderate'],
    [r('high', 'high', 'low'), 'high'],
    [r('low', 'high', 'low'), 'low'],
    [r('moderate', 'moderate', 'high'), 'moderate'],
    // two equal answers decide whatever the third says
    [r('high', 'high', null), 'high'],
    [r(null, 'moderate', 'moderate'), 'moderate'],
    [r('low', null, 'low'), 'low'],
    // two different answers: the missing third would decide
    [r('low', 'high', null), null],
    [r(null, 'moderate', 'high'), null],
    // fewer than two answers
    [r('high', null, null), null],
    [r(null, null, null), null],
  ] as const)('%o suggests %s', (rubric, expected) => {
    expect(suggestSeverity(rubric)).toBe(expected);
  });

  it('equals the median for all 27 complete rubrics', () => {
    for (const a of RUBRIC_LEVELS)
      for (const b of RUBRIC_LEVELS)
        for (const c of RUBRIC_LEVELS) {
          const sorted = [a, b, c].toSorted((x, y) => RUBRIC_LEVELS.indexOf(x) - RUBRIC_LEVELS.indexOf(y));
          expect(suggestSeverity(r(a, b, c))).toBe(sorted[1]);
        }
  });

  it('counts answered criteria', () => {
    expect(answeredCriteria(r(null, 'low', null))).toBe(1);
    expect(answeredCriteria(r('low', 'low', 'high'))).toBe(3);
  });
});

describe('R6 checkAgainstRubric: a differing severity needs a justification', () => {
  it.each<[string, Severity | null, RubricAnswersModel, string, { disagrees: boolean; justificationMissing: boolean }]>([
    ['agrees', 'moderate', r('moderate', 'moderate', 'low'), '', { disagrees: false, justificationMissing: false }],
    ['differs, no justification', 'high', r('moderate', 'moderate', 'moderate'), '', { disagrees: true, justificationMissing: true }],
    ['differs, whitespace is no justification', 'low', r('high', 'high', 'high'), '  \n ', { disagrees: true, justificationMissing: true }],
    ['differs, justified', 'low', r('high', 'high', 'high'), 'Sources are recycled copies of one report.', { disagrees: true, justificationMissing: false }],
    ['none differs from a suggested low', 'none', r('low', 'low', null), '', { disagrees: true, justificationMissing: true }],
    ['no suggestion: nothing to disagree with', 'high', r('low', null, null), '', { disagrees: false, justificationMissing: false }],
    ['unrated: nothing to disagree with', null, r('high', 'high', 'high'), '', { disagrees: false, justificationMissing: false }],
  ])('%s', (_label, severity, rubric, justification, expected) => {
    const check = checkAgainstRubric(harmAt('physical', severity, { rubric, justification }));
    expect({ disagrees: check.disagrees, justificationMissing: check.justificationMissing }).toEqual(expected);
  });
});

describe('severityAtLeast', () => {
  it('orders none < low < moderate < high and treats unrated as reaching nothing', () => {
    expect(severityAtLeast('high', 'moderate')).toBe(true);
    expect(severityAtLeast('moderate', 'moderate')).toBe(true);
    expect(severityAtLeast('low', 'moderate')).toBe(false);
    expect(severityAtLeast('none', 'none')).toBe(true);
    expect(severityAtLeast(null, 'none')).toBe(false);
  });
});
