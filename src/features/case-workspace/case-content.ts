// The case form's value: exactly the CaseContent of the contract (the PUT body), taken from a
// CaseDocument, checked with the contract's own schema before it is sent.
import { z } from 'zod';
import { CaseContent, type CaseDocument, type CoordinationSignal } from '../../api/contract/case';

export type ValidationResult = { ok: true; content: CaseContent } | { ok: false; paths: string[] };

const CONTENT_KEYS = CaseContent.keyof().options;

export function contentOf(document: CaseDocument): CaseContent {
  const content: Record<string, unknown> = {};
  for (const key of CONTENT_KEYS) content[key] = structuredClone(document[key]);
  return content as CaseContent;
}

/**
 * The signals as the case form holds them: one value, replaced as a whole by the evidence board (no
 * form input edits a signal). react-hook-form deep-copies every form value for its value subscribers
 * on each keystroke but passes class instances by reference; with 1,000 signals as a plain array that
 * copy was 5 of the 8 ms between a keystroke and the live panel's update (issue 3). `items` is never
 * mutated: a change makes a new list.
 */
export class SignalList {
  constructor(readonly items: CoordinationSignal[]) {}
}

/** The case form's values: the CaseContent, with the signals as one SignalList. */
export type CaseFormValues = Omit<CaseContent, 'signals'> & { signals: SignalList };

export function toCaseFormValues(content: CaseContent): CaseFormValues {
  return { ...content, signals: new SignalList(content.signals) };
}

/** The CaseContent the form's values stand for (the signals by reference, not copied). */
export function fromCaseFormValues(values: CaseFormValues): CaseContent {
  return { ...values, signals: values.signals.items };
}

/**
 * What the form validates on each change: the whole CaseContent except that signals are not re-parsed
 * (each is checked by the signal dialog when added or edited, and 10,000 of them per keystroke would
 * make typing slow). The full schema still runs before every save.
 */
export const CaseContentFormSchema = CaseContent.extend({
  signals: z.instanceof(SignalList),
});

export function validateForSave(values: CaseContent): ValidationResult {
  const parsed = CaseContent.safeParse(values);
  if (parsed.success) return { ok: true, content: parsed.data };
  return { ok: false, paths: [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))] };
}
