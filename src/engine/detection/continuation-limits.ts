// R15: the shape limits of a continuation finding, without the finder's code, for the API contract
// (which the first page loads) and the finder alike.

export const CONTINUATION_MATCH_KINDS = ['cluster', 'hashtag', 'keyword', 'link'] as const;
export type ContinuationMatchKind = (typeof CONTINUATION_MATCH_KINDS)[number];

/** Example posts per finding (the case's ContinuationActivity keeps at most 10). */
export const MAX_CONTINUATION_EXAMPLES = 10;
/** Matches kept per example post (the case contract's limit). */
export const MAX_MATCHES_PER_POST = 20;
/** A match value is cut to this many characters (the case contract's limit; only a very long link reaches it). */
export const MAX_MATCH_VALUE_CHARS = 300;
/** Shorter keywords would match inside far too many words to mean anything. */
export const MIN_KEYWORD_CHARS = 3;
