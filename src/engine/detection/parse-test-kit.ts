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
    text: s.text,
    refs: [[...s.repostOf], [...s.replyTo], [...s.quoteOf], s.refIds],
    urls: [[...s.urlOffsets], [...s.urlIds], s.urls],
    ids: [[...s.device], [...s.ip], s.devices, s.ips],
    accounts: [s.accountIds, s.usernames],
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
