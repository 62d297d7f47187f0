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
 * What the form validates on each change: the whole CaseContent except that signals are not re-parsed
 * (each is checked by the signal dialog when added or edited, and 10,000 of them per keystroke would
 * make typing slow). The full schema still runs before every save.
 */
export const CaseContentFormSchema = CaseContent.extend({
  signals: z.custom<CoordinationSignal[]>((value) => Array.isArray(value)),
});

export function validateForSave(values: CaseContent): ValidationResult {
  const parsed = CaseContent.safeParse(values);
  if (parsed.success) return { ok: true, content: parsed.data };
  return { ok: false, paths: [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))] };
}
