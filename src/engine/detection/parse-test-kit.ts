// Test helpers shared by the parser tests: a parse result as plain data for equality checks, and a
// text cut into chunks at given offsets (how a stream may hand it over).
import type { ParseResult } from './parse-types';

/**
 * Everything observable about a result, typed arrays as plain arrays, for equality checks. Not
 * `bytes`: after a fatal error the parser stops reading, so how much it read depends on the chunks.
 */
export function snapshot(result: ParseResult): Record<string, unknown> {
  const s = result.store;
  return {
    format: result.format,
    fatal: result.fatal,
    issues: result.issues,
    issueCount: result.issueCount,
    rows: [result.rowsRead, result.rowsImported, result.rowsSkipped, result.truncated],
    notes: result.notes,
    postIds: s.postIds,
    account: [...s.account],
    time: [...s.time],
    text: s.text.toArray(),
    refs: [[...s.repostOf], [...s.replyTo], [...s.quoteOf], s.refIds],
    urls: [[...s.urlOffsets], [...s.urlIds], s.urls],
    ids: [[...s.device], [...s.ip], s.devices, s.ips],
    accounts: [s.accountIds, s.usernames],
    mentions: [[...s.mentionOffsets], [...s.mentionIds], s.mentionNames],
    range: [s.minTime, s.maxTime],
  };
}

/** `text` cut at each offset in `cuts` (taken modulo its length + 1, duplicates dropped). */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].toSorted((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(text.slice(last, p));
    last = p;
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * Runs `fn` and counts the characters it reads through `indexOf` and `charCodeAt`, the two ways
 * the parsers read text (everything else they call is native and linear: slice, split, JSON.parse,
 * replaceAll). A count, not a clock: a test can show that a parser's work grows with the length of
 * its input, not its square, without timing anything (issue 14, defect 7).
 */
export function countReads<T>(fn: () => T): { result: T; reads: number } {
  const proto = String.prototype;
  const { indexOf, charCodeAt } = proto;
  let reads = 0;
  Object.defineProperty(proto, 'indexOf', {
    configurable: true,
    writable: true,
    value(this: string, search: string, position?: number): number {
      const from = Math.min(this.length, Math.max(0, Math.trunc(position ?? 0) || 0));
      const at = indexOf.call(this, search, position);
      reads += (at < 0 ? this.length : at + search.length) - from;
      return at;
    },
  });
  Object.defineProperty(proto, 'charCodeAt', {
    configurable: true,
    writable: true,
    value(this: string, index: number): number {
      reads++;
      return charCodeAt.call(this, index);
    },
  });
  try {
    const result = fn();
    return { result, reads };
  } finally {
    Object.defineProperty(proto, 'indexOf', { configurable: true, writable: true, value: indexOf });
    Object.defineProperty(proto, 'charCodeAt', { configurable: true, writable: true, value: charCodeAt });
  }
}

/** `text` in pieces of `size` characters, as a stream hands it over. */
export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}
