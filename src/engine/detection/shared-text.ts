// Issue 16 §4: a text two cases both hold, compared as copy-pasta is compared (R1's "multiple
// accounts posting the same message"): the co-post detector's normal form — case, @mentions, URLs
// and spacing ignored — cut to its first SHARED_TEXT_KEY_CHARS characters, so a detector's label
// (the normal form cut at 140 with "…") and the full post compare equal.
import { normaliseText } from './text-features';

export const SHARED_TEXT_KEY_CHARS = 140;
/** Shorter texts ("thank you!", "so true") say nothing about who wrote them. */
export const MIN_SHARED_TEXT_CHARS = 20;

/** The text as compared across cases, or null for one too short to tell anything. */
export function sharedTextKey(raw: string): string | null {
  let text = normaliseText(raw);
  if (text.endsWith('…')) text = text.slice(0, -1);
  text = text.slice(0, SHARED_TEXT_KEY_CHARS).trimEnd();
  return text.length >= MIN_SHARED_TEXT_CHARS ? text : null;
}
