// One row, whatever format it came from, checked field by field before it reaches the store.
// Required fields that fail skip the row; optional fields that fail are dropped and the row is kept.
import { NO_PARAMS } from './parse-types';
import type { IssueAction, IssueLog, JsonValueType, ParseLimits } from './parse-types';
import type { PostStoreBuilder } from './post-store';
import { isSpaceCode } from './text-features';
import { parseTimestamp } from './timestamp';
import { normaliseUrl } from './url-normalise';

/** A row's values as read: strings from CSV, anything from JSON. Reused between rows (no allocation). */
export interface RawPost {
  messageId: unknown;
  userId: unknown;
  username: unknown;
  repostId: unknown;
  replyId: unknown;
  quoteId: unknown;
  message: unknown;
  timestamp: unknown;
  /** Space-separated string or an array of strings. */
  urls: unknown;
  deviceHash: unknown;
  ipHash: unknown;
}

export function createRawPost(): RawPost {
  return {
    messageId: undefined, userId: undefined, username: undefined, repostId: undefined, replyId: undefined,
    quoteId: undefined, message: undefined, timestamp: undefined, urls: undefined, deviceHash: undefined,
    ipHash: undefined,
  };
}

export function clearRawPost(raw: RawPost): void {
  raw.messageId = undefined;
  raw.userId = undefined;
  raw.username = undefined;
  raw.repostId = undefined;
  raw.replyId = undefined;
  raw.quoteId = undefined;
  raw.message = undefined;
  raw.timestamp = undefined;
  raw.urls = undefined;
  raw.deviceHash = undefined;
  raw.ipHash = undefined;
}

/**
 * Ids: letters, digits, `_ . : -`, at most 128, not starting with a formula character (`= + - @`),
 * so an id can never be a spreadsheet formula or carry markup.
 */
const ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}$/;

/** No white space, no control characters, no characters that are markup or quoting anywhere. */
function isPlainToken(s: string, max: number, markupFree: boolean): boolean {
  if (s.length === 0 || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127 || isSpaceCode(c)) return false;
    if (markupFree && (c === 34 || c === 39 || c === 60 || c === 62 || c === 96 || c === 92)) return false;
  }
  return true;
}

/** Usernames are looser than ids (other platforms allow more) but are plain tokens without a formula prefix. */
function isValidUsername(s: string): boolean {
  const c = s.charCodeAt(0);
  return c !== 61 && c !== 43 && c !== 45 && c !== 64 && isPlainToken(s, 100, true);
}
export const MAX_URLS_PER_POST = 50;
/** Longest `device_hash` / `ip_hash` (characters). */
const MAX_OPAQUE_CHARS = 256;
const NO_URLS: readonly string[] = [];

/**
 * Set by `coerce` when it returns null because the value was unusable (rather than absent):
 * `wrong-type` with the type in `coerceFound`. Module state, not a result object: no allocation per field.
 */
let coerceError: 'not-an-integer-id' | 'wrong-type' | null = null;
let coerceFound: JsonValueType = 'object';

/**
 * A field as a trimmed string, or null when absent or empty. JSON numbers are accepted as ids only
 * while exact (Twitter ids exceed 2^53: they must be strings). Allocation-free for strings: this
 * runs a dozen times per row.
 */
function coerce(value: unknown): string | null {
  coerceError = null;
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const n = value.length;
    if (n === 0) return null;
    // trim() only when there is something to trim.
    const trimmed = value.charCodeAt(0) <= 32 || value.charCodeAt(n - 1) <= 32 || isSpaceCode(value.charCodeAt(0)) || isSpaceCode(value.charCodeAt(n - 1)) ? value.trim() : value;
    return trimmed.length === 0 ? null : trimmed;
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return String(value);
    coerceError = 'not-an-integer-id';
    return null;
  }
  coerceError = 'wrong-type';
  coerceFound = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'boolean' : 'object';
  return null;
}

export class RowValidator {
  imported = 0;
  skipped = 0;
  private readonly urlBuffer: string[] = [];

  constructor(
    private readonly builder: PostStoreBuilder,
    private readonly issues: IssueLog,
    private readonly limits: ParseLimits,
  ) {}

  /** Validates one row and adds it to the store; returns whether it was imported. */
  accept(row: number, raw: RawPost): boolean {
    const messageId = this.requiredId(row, 'message_id', raw.messageId);
    if (messageId === null) return this.skip();
    const userId = this.requiredId(row, 'user_id', raw.userId);
    if (userId === null) return this.skip();

    let time: number | null = null;
    if (typeof raw.timestamp === 'string' || typeof raw.timestamp === 'number') time = parseTimestamp(raw.timestamp);
    if (time === null) {
      if (raw.timestamp === undefined || raw.timestamp === '') this.issues.add(row, 'timestamp', 'missing-timestamp', NO_PARAMS, 'row-skipped');
      else this.issues.add(row, 'timestamp', 'not-a-timestamp', { preview: preview(raw.timestamp) }, 'row-skipped');
      return this.skip();
    }

    let text = '';
    if (raw.message !== undefined && raw.message !== null) {
      if (typeof raw.message !== 'string') {
        this.issues.add(row, 'message', 'not-text', NO_PARAMS, 'row-skipped');
        return this.skip();
      }
      if (raw.message.length > this.limits.maxFieldChars) {
        this.issues.add(row, 'message', 'too-long', { limit: this.limits.maxFieldChars }, 'row-skipped');
        return this.skip();
      }
      if (raw.message.includes('\u0000')) {
        this.issues.add(row, 'message', 'nul-character', NO_PARAMS, 'row-skipped');
        return this.skip();
      }
      text = raw.message;
    }

    // The row will be imported: from here on, bad optional fields are dropped, not the row.
    const repostId = this.optionalId(row, 'repost_id', raw.repostId);
    const replyId = this.optionalId(row, 'reply_id', raw.replyId);
    const quoteId = this.optionalId(row, 'quote_id', raw.quoteId);
    const username = this.username(row, raw.username);
    const urls = this.urls(row, raw.urls);
    const deviceHash = this.opaque(row, 'device_hash', raw.deviceHash);
    const ipHash = this.opaque(row, 'ip_hash', raw.ipHash);

    // Duplicate message ids are found when the store is built (see PostStoreBuilder.duplicates).
    this.builder.add({ messageId, userId, username, time, text, repostId, replyId, quoteId, urls, deviceHash, ipHash }, row);
    this.imported++;
    return true;
  }

  /** The issue of a value `coerce` found unusable (`coerceError` set). */
  private coerceIssue(row: number, field: string, action: IssueAction): void {
    if (coerceError === 'wrong-type') this.issues.add(row, field, 'wrong-type', { found: coerceFound }, action);
    else this.issues.add(row, field, 'not-an-integer-id', NO_PARAMS, action);
  }

  private skip(): false {
    this.skipped++;
    return false;
  }

  private requiredId(row: number, field: string, value: unknown): string | null {
    const v = coerce(value);
    if (v === null) {
      if (coerceError === null) this.issues.add(row, field, 'missing-required', NO_PARAMS, 'row-skipped');
      else this.coerceIssue(row, field, 'row-skipped');
      return null;
    }
    if (!ID_RE.test(v)) {
      this.issues.add(row, field, 'invalid-id', { preview: preview(v) }, 'row-skipped');
      return null;
    }
    return v;
  }

  private optionalId(row: number, field: string, value: unknown): string | null {
    const v = coerce(value);
    if (v === null) {
      if (coerceError !== null) this.coerceIssue(row, field, 'field-dropped');
      return null;
    }
    if (!ID_RE.test(v)) {
      this.issues.add(row, field, 'invalid-id', { preview: preview(v) }, 'field-dropped');
      return null;
    }
    return v;
  }

  private username(row: number, value: unknown): string | null {
    const v = coerce(value);
    if (v === null) {
      if (coerceError !== null) this.coerceIssue(row, 'username', 'field-dropped');
      return null;
    }
    const name = v.charCodeAt(0) === 64 ? v.slice(1) : v;
    if (!isValidUsername(name)) {
      this.issues.add(row, 'username', 'invalid-username', { preview: preview(v) }, 'field-dropped');
      return null;
    }
    return name;
  }

  private opaque(row: number, field: string, value: unknown): string | null {
    const v = coerce(value);
    if (v === null) {
      if (coerceError !== null) this.coerceIssue(row, field, 'field-dropped');
      return null;
    }
    if (!isPlainToken(v, MAX_OPAQUE_CHARS, false)) {
      this.issues.add(row, field, 'invalid-identifier', { limit: MAX_OPAQUE_CHARS }, 'field-dropped');
      return null;
    }
    return v;
  }

  private urls(row: number, value: unknown): readonly string[] {
    const out = this.urlBuffer;
    out.length = 0;
    if (value === undefined || value === null || value === '') return NO_URLS;
    let tokens: readonly unknown[];
    if (typeof value === 'string') {
      if (value.length > this.limits.maxFieldChars) {
        this.issues.add(row, 'urls', 'too-long', { limit: this.limits.maxFieldChars }, 'field-dropped');
        return NO_URLS;
      }
      tokens = value.split(/\s+/);
    } else if (Array.isArray(value)) {
      tokens = value;
    } else {
      this.issues.add(row, 'urls', 'invalid-urls', NO_PARAMS, 'field-dropped');
      return NO_URLS;
    }
    let dropped = 0;
    let firstBad = '';
    for (const token of tokens) {
      if (token === '') continue;
      const url = typeof token === 'string' ? normaliseUrl(token) : null;
      if (url === null) {
        if (dropped === 0) firstBad = typeof token === 'string' ? token : typeof token;
        dropped++;
        continue;
      }
      if (out.length >= MAX_URLS_PER_POST) {
        this.issues.add(row, 'urls', 'too-many-urls', { limit: MAX_URLS_PER_POST }, 'field-dropped');
        break;
      }
      if (!out.includes(url)) out.push(url);
    }
    if (dropped > 0) {
      this.issues.add(row, 'urls', 'not-http-urls', { count: dropped, preview: preview(firstBad) }, 'field-dropped');
    }
    return out.length === 0 ? NO_URLS : out.slice();
  }
}

/** A short, single-line excerpt of a bad value for an issue message (never the whole hostile string). */
export function preview(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  let flat = '';
  for (let i = 0; i < s.length && i < 41; i++) {
    const c = s.charCodeAt(i);
    flat += c < 32 || c === 127 ? ' ' : s.charAt(i);
  }
  return s.length > 40 ? `"${flat.slice(0, 40)}…"` : `"${flat}"`;
}
