// What an analyst must still write before a case can go to review (R10, R12), as the engine reports
// it; the backend checks the same and answers 400 with the same field paths if anything is missing.
import type { CaseContent } from '../../api/contract/case';
import { ASSESSMENT_QUESTION_IDS } from '../../api/contract/case';
import { evaluate } from '../../engine/evaluate';
import type { VerdictOutcome } from '../../engine/policy-terms';

export type AssessmentQuestionId = (typeof ASSESSMENT_QUESTION_IDS)[number];

/** A missing input: one of the four questions, the rights-risk assessment, or a path the server named. */
export type MissingInput =
  | { kind: 'question'; question: AssessmentQuestionId }
  | { kind: 'rightsRiskAssessment' }
  | { kind: 'other'; path: string };

export function missingInputFromPath(path: string): MissingInput {
  if (path === 'rightsRiskAssessment') return { kind: 'rightsRiskAssessment' };
  const question = ASSESSMENT_QUESTION_IDS.find((id) => path === `questions.${id}`);
  return question ? { kind: 'question', question } : { kind: 'other', path };
}

export function missingKey(input: MissingInput): string {
  if (input.kind === 'question') return `questions.${input.question}`;
  return input.kind === 'rightsRiskAssessment' ? 'rightsRiskAssessment' : input.path;
}

export interface SubmissionPreview {
  /** The verdict that will be stored with the submission. */
  outcome: VerdictOutcome;
  /** R10/R12 inputs that block submission. */
  missing: MissingInput[];
}

export function previewSubmission(content: CaseContent, now: string): SubmissionPreview {
  const verdict = evaluate(content, { now });
  const missing = verdict.missing
    .filter((input) => input.rule === 'R10' || input.rule === 'R12')
    .map((input) => missingInputFromPath(input.field));
  return { outcome: verdict.outcome, missing };
}

/** Precomputed and server-reported gaps together, each once. */
export function mergeMissing(...lists: MissingInput[][]): MissingInput[] {
  const seen = new Set<string>();
  return lists.flat().filter((input) => {
    const key = missingKey(input);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
