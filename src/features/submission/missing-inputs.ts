// What an analyst must still give before a case can go to review: every input the engine reports
// missing (R13: an incomplete case is not submitted, issue 12 §5). The backend refuses the same, with
// the same field paths, if anything is missing on its copy.
import type { CaseContent } from '../../api/contract/case';
import { ASSESSMENT_QUESTION_IDS } from '../../api/contract/case';
import { evaluate } from '../../engine/evaluate';
import type { VerdictOutcome } from '../../engine/policy-terms';

export type AssessmentQuestionId = (typeof ASSESSMENT_QUESTION_IDS)[number];

/**
 * A missing input: one of the four questions, the rights-risk assessment, any other input the engine
 * names (with its message), or a path only the server named.
 */
export type MissingInput =
  | { kind: 'question'; question: AssessmentQuestionId }
  | { kind: 'rightsRiskAssessment' }
  | { kind: 'engine'; path: string; key: string; params: Record<string, string | number> }
  | { kind: 'other'; path: string };

/** The field a missing input is given in (where "show me" leads). */
export function missingPath(input: MissingInput): string {
  if (input.kind === 'question') return `questions.${input.question}`;
  return input.kind === 'rightsRiskAssessment' ? 'rightsRiskAssessment' : input.path;
}

export function missingInputFromPath(path: string): MissingInput {
  if (path === 'rightsRiskAssessment') return { kind: 'rightsRiskAssessment' };
  const question = ASSESSMENT_QUESTION_IDS.find((id) => path === `questions.${id}`);
  return question ? { kind: 'question', question } : { kind: 'other', path };
}

export function missingKey(input: MissingInput): string {
  return input.kind === 'engine' ? `${input.path}|${input.key}|${JSON.stringify(input.params)}` : missingPath(input);
}

export interface SubmissionPreview {
  /** The verdict that will be stored with the submission. */
  outcome: VerdictOutcome;
  /** Every input that blocks submission, in the engine's rule order. */
  missing: MissingInput[];
}

export function previewSubmission(content: CaseContent, now: string): SubmissionPreview {
  const verdict = evaluate(content, { now });
  const missing = verdict.missing.map((input): MissingInput => {
    const known = missingInputFromPath(input.field);
    return known.kind === 'other' ? { kind: 'engine', path: input.field, key: input.key, params: input.params } : known;
  });
  return { outcome: verdict.outcome, missing };
}

/** Precomputed and server-reported gaps together, each once (a field the engine already names, once). */
export function mergeMissing(...lists: MissingInput[][]): MissingInput[] {
  const seen = new Set<string>();
  const paths = new Set<string>();
  return lists.flat().filter((input) => {
    const key = missingKey(input);
    if (seen.has(key) || (input.kind === 'other' && paths.has(input.path))) return false;
    seen.add(key);
    paths.add(missingPath(input));
    return true;
  });
}
