// R6: the severity rubric and severity ordering. The analyst sets a category's severity; the rubric
// only suggests one, and a disagreement needs a written justification.
import type { HarmAssessmentModel, RubricAnswersModel } from './case-model';
import { RUBRIC_CRITERIA, RUBRIC_LEVELS } from './policy-terms';
import type { RubricLevel, Severity } from './policy-terms';

/** none < low < moderate < high: the order R7 and R11 compare severities in. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { none: 0, low: 1, moderate: 2, high: 3 };

const RUBRIC_RANK: Readonly<Record<RubricLevel, number>> = { low: 0, moderate: 1, high: 2 };

/** True when `severity` is rated and at least `floor`; an unrated category (`null`) reaches nothing. */
export function severityAtLeast(severity: Severity | null, floor: Severity): boolean {
  return severity !== null && SEVERITY_RANK[severity] >= SEVERITY_RANK[floor];
}

/** How many of the three criteria are answered. */
export function answeredCriteria(rubric: RubricAnswersModel): number {
  let answered = 0;
  for (const criterion of RUBRIC_CRITERIA) if (rubric[criterion] !== null) answered += 1;
  return answered;
}

/**
 * R6 Interpretation: the suggested severity is the level at least two criteria reach, i.e. the median
 * of the three answers (low < moderate < high).
 * With only two answers the suggestion is given when it is already certain: both answers equal means
 * the median is that level whatever the third says. Two different answers (the third would decide)
 * or fewer than two answers suggest nothing (`null`). The rubric never suggests `none`.
 */
export function suggestSeverity(rubric: RubricAnswersModel): RubricLevel | null {
  const ranks: number[] = [];
  for (const criterion of RUBRIC_CRITERIA) {
    const answer = rubric[criterion];
    if (answer !== null) ranks.push(RUBRIC_RANK[answer]);
  }
  const [first, second, third] = ranks.toSorted((a, b) => a - b);
  if (third !== undefined && second !== undefined) return RUBRIC_LEVELS[second] ?? null;
  if (second !== undefined && first === second) return RUBRIC_LEVELS[first] ?? null;
  return null;
}

/** R6 applied to one category's assessment. */
export interface RubricCheck {
  suggested: RubricLevel | null;
  /** The analyst's severity is set, the rubric suggests one, and they differ (`none` differs from any). */
  disagrees: boolean;
  /** A disagreement with no written justification (whitespace does not count). */
  justificationMissing: boolean;
}

export function checkAgainstRubric(assessment: HarmAssessmentModel): RubricCheck {
  const suggested = suggestSeverity(assessment.rubric);
  const disagrees = assessment.severity !== null && suggested !== null && assessment.severity !== suggested;
  return { suggested, disagrees, justificationMissing: disagrees && isBlank(assessment.justification) };
}

/** An answer made only of whitespace is no answer (R6, R10, R12). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
