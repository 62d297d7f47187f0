// The fast path for ordinary CSV rows. `RowValidator` is the definition of what a row may contain
// (it validates every format); this file only recognises, straight from the text being read, rows
// that validator would import without a single issue — every field plain ASCII, ids well formed,
// an integer epoch timestamp, URLs it has seen before or that normalise — and stores them without
// building a string per field. Anything else (an empty required field, a space to trim, a bad
// optional field, non-ASCII in an id, a NUL, too many URLs, ...) returns false, and the caller runs
// the row through the ordinary path, which validates it and reports its issues. So every row is
// still validated, and the fast path can only be a subset of the validator, never looser:
// `csv-fast-row.test.ts` checks with fast-check that random and hostile files give identical
// results (store, issues, counts) with and without it.
import type { CsvLayout } from './format-sniffer';
import type { ParseLimits } from './parse-types';
import type { PostStoreBuilder, RangePost } from './post-store';
import { Interner } from './post-store';
import { utf8Length } from './csv-reader';
import { MAX_URLS_PER_POST } from './row-validator';
import { MAX_EPOCH_SECONDS, MIN_EPOCH_SECONDS, parseTimestamp } from './timestamp';
import { normaliseUrl } from './url-normalise';

/** Per ASCII code: bit 1 = may start an id, bit 2 = may continue an id, bit 4 = plain username character. */
const ID_START = 1;
const ID_PART = 2;
const NAME_CHAR = 4;
const CHAR_CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 33; c <= 126; c++) {
    let bits = 0;
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (alnum) bits |= ID_START | ID_PART;
    if (c === 46 || c === 58 || c === 45) bits |= ID_PART; // . : -
    // Usernames: no quotes, markup or backslash (isPlainToken with markupFree).
    if (c !== 34 && c !== 39 && c !== 60 && c !== 62 && c !== 96 && c !== 92) bits |= NAME_CHAR;
    t[c] = bits;
  }
  return t;
})();

const MAX_ID = 128;
const MAX_USERNAME = 100;
const MAX_OPAQUE = 256;
/** Digits of an epoch timestamp summed exactly (below 2^53) and read the way `Number` reads them. */
const MAX_TIMESTAMP_DIGITS = 15;

/** An id `RowValidator` accepts unchanged: `^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}$`, nothing to trim. */
function isPlainId(buf: string, start: number, end: number): boolean {
  const n = end - start;
  if (n <= 0 || n > MAX_ID) return false;
  const c0 = buf.charCodeAt(start);
  if (c0 >= 128 || ((CHAR_CLASS[c0] ?? 0) & ID_START) === 0) return false;
  for (let i = start + 1; i < end; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 128 || ((CHAR_CLASS[c] ?? 0) & ID_PART) === 0) return false;
  }
  return true;
}

/** Printable ASCII without space (33-126), 1..max characters: what `isPlainToken` accepts, restricted to ASCII. */
function isPrintableAscii(buf: string, start: number, end: number, max: number): boolean {
  const n = end - start;
  if (n <= 0 || n > max) return false;
  for (let i = start; i < end; i++) {
    const c = buf.charCodeAt(i);
    if (c < 33 || c > 126) return false;
  }
  return true;
}

export class CsvFastRows {
  private readonly width: number;
  private readonly delimiter: string;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly col: Readonly<CsvLayout['columns']>;
  /** Raw URL tokens seen so far -> normalised URL (null: not a URL) and its id in the store (-1: not yet interned). */
  private readonly rawUrls = new Interner();
  private readonly rawUrlNormal: (string | null)[] = [];
  private rawUrlId = new Int32Array(1024);
  /** Raw URL token ids of the row being checked. */
  private readonly rowUrls = new Int32Array(MAX_URLS_PER_POST);
  private rowUrlCount = 0;
  private readonly post: RangePost;
  /** The record `check` accepted last: `post.buf[recordStart, recordEnd)`. */
  private recordStart = 0;
  private recordEnd = 0;

  constructor(
    layout: CsvLayout,
    private readonly builder: PostStoreBuilder,
    private readonly limits: ParseLimits,
  ) {
    this.width = layout.header.length;
    this.delimiter = layout.delimiter;
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
    this.col = layout.columns;
    this.post = {
      buf: '', idStart: 0, idEnd: 0, userStart: -1, userEnd: -1, nameStart: -1, nameEnd: -1, time: 0, textStart: 0, textEnd: 0, textByte: -1, textBytes: 0, text: '',
      repostStart: -1, repostEnd: -1, replyStart: -1, replyEnd: -1, quoteStart: -1, quoteEnd: -1,
      urlIds: new Int32Array(MAX_URLS_PER_POST), urlCount: 0, deviceStart: -1, deviceEnd: -1, ipStart: -1, ipEnd: -1,
    };
  }

  /**
   * Checks the quote-free record `buf[start, end)` (no line break, no trailing CR). True: the row
   * is valid without any issue and `commit` will store it exactly as `RowValidator` would. False:
   * nothing was stored; run the row through the ordinary path. Has no effect on the store.
   */
  check(buf: string, start: number, end: number): boolean {
    const width = this.width;
    const delimiter = this.delimiter;
    if (delimiter.length !== 1 || width < 2) return false;
    const starts = this.starts;
    const ends = this.ends;
    let from = start;
    for (let k = 0; k < width - 1; k++) {
      const d = buf.indexOf(delimiter, from);
      if (d < 0 || d >= end) return false; // too few fields
      starts[k] = from;
      ends[k] = d;
      from = d + 1;
    }
    const extra = buf.indexOf(delimiter, from);
    if (extra >= 0 && extra < end) return false; // too many fields
    starts[width - 1] = from;
    ends[width - 1] = end;

    const col = this.col;
    const post = this.post;
    // Required: message_id, user_id, timestamp.
    if (col.messageId < 0 || col.userId < 0 || col.timestamp < 0) return false;
    if (!isPlainId(buf, starts[col.messageId] ?? 0, ends[col.messageId] ?? 0)) return false;
    if (!isPlainId(buf, starts[col.userId] ?? 0, ends[col.userId] ?? 0)) return false;
    const time = this.timestamp(buf, starts[col.timestamp] ?? 0, ends[col.timestamp] ?? 0);
    if (time === null) return false;
    post.time = time;
    // message: any text without NUL, at most maxFieldChars; not trimmed. The store packs it and
    // fingerprints it where it stands: no string of it is kept.
    post.textStart = 0;
    post.textEnd = 0;
    post.text = '';
    if (col.message >= 0) {
      const s = starts[col.message] ?? 0;
      const e = ends[col.message] ?? 0;
      if (e - s > this.limits.maxFieldChars) return false;
      if (e > s) {
        const text = buf.slice(s, e);
        if (text.includes('\u0000')) return false;
        post.textStart = s;
        post.textEnd = e;
        post.text = text;
      }
    }
    // Optional fields: absent when empty, otherwise they must be valid (else the ordinary path drops them with an issue).
    if (!this.optionalId(buf, col.repostId, 0) || !this.optionalId(buf, col.replyId, 1) || !this.optionalId(buf, col.quoteId, 2)) {
      return false;
    }
    post.nameStart = -1;
    post.nameEnd = -1;
    if (col.username >= 0) {
      let s = starts[col.username] ?? 0;
      const e = ends[col.username] ?? 0;
      if (e > s) {
        if (buf.charCodeAt(s) === 64) s++; // '@name' is stored as 'name'
        const c0 = buf.charCodeAt(s);
        if (e - s > MAX_USERNAME || e <= s || c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64) return false;
        for (let i = s; i < e; i++) {
          const c = buf.charCodeAt(i);
          if (c >= 128 || ((CHAR_CLASS[c] ?? 0) & NAME_CHAR) === 0) return false;
        }
        post.nameStart = s;
        post.nameEnd = e;
      }
    }
    if (!this.opaque(buf, col.deviceHash, 0) || !this.opaque(buf, col.ipHash, 1)) return false;
    if (!this.urls(buf, col.urls)) return false;
    post.buf = buf;
    this.recordStart = start;
    this.recordEnd = end;
    post.idStart = starts[col.messageId] ?? 0;
    post.idEnd = ends[col.messageId] ?? 0;
    post.userStart = starts[col.userId] ?? 0;
    post.userEnd = ends[col.userId] ?? 0;
    return true;
  }

  /**
   * Stores the row `check` accepted last, which starts at byte `byteStart` of the file (the store
   * may leave its text there: RangePost.textByte), and returns its length in UTF-8 bytes.
   */
  commit(row: number, byteStart: number): number {
    const post = this.post;
    const { buf, textStart, textEnd } = post;
    const start = this.recordStart;
    const bytes = utf8Length(buf, start, this.recordEnd);
    if (bytes === this.recordEnd - start) {
      // All ASCII: a character is a byte.
      post.textByte = byteStart + textStart - start;
      post.textBytes = textEnd - textStart;
    } else {
      post.textByte = byteStart + utf8Length(buf, start, textStart);
      post.textBytes = utf8Length(buf, textStart, textEnd);
    }
    // URL ids in the order the validator would intern them, without repeats.
    let count = 0;
    for (let u = 0; u < this.rowUrlCount; u++) {
      const raw = this.rowUrls[u] ?? 0;
      let id = this.rawUrlId[raw] ?? -1;
      if (id < 0) {
        id = this.builder.internUrl(this.rawUrlNormal[raw] ?? '');
        this.rawUrlId[raw] = id;
      }
      let seen = false;
      for (let x = 0; x < count; x++) if (post.urlIds[x] === id) seen = true;
      if (!seen) post.urlIds[count++] = id;
    }
    post.urlCount = count;
    this.builder.addRange(post, row);
    post.buf = '';
    post.text = '';
    return bytes;
  }

  /** What `parseTimestamp` returns for the field, or null (the ordinary path then reports it). */
  private timestamp(buf: string, start: number, end: number): number | null {
    const n = end - start;
    if (n <= 0) return null;
    if (n <= MAX_TIMESTAMP_DIGITS) {
      let value = 0;
      let digits = true;
      for (let i = start; i < end; i++) {
        const c = buf.charCodeAt(i) - 48;
        if (c < 0 || c > 9) {
          digits = false;
          break;
        }
        value = value * 10 + c;
      }
      if (digits) {
        // isDecimalNumber + Number() + fromEpochNumber + the range check of parseTimestamp.
        const seconds = value >= 1e11 ? value / 1000 : value;
        return seconds < MIN_EPOCH_SECONDS || seconds > MAX_EPOCH_SECONDS ? null : seconds;
      }
    }
    return parseTimestamp(buf.slice(start, end));
  }

  private optionalId(buf: string, column: number, which: 0 | 1 | 2): boolean {
    let s = -1;
    let e = -1;
    if (column >= 0) {
      const fs = this.starts[column] ?? 0;
      const fe = this.ends[column] ?? 0;
      if (fe > fs) {
        if (!isPlainId(buf, fs, fe)) return false;
        s = fs;
        e = fe;
      }
    }
    const post = this.post;
    if (which === 0) {
      post.repostStart = s;
      post.repostEnd = e;
    } else if (which === 1) {
      post.replyStart = s;
      post.replyEnd = e;
    } else {
      post.quoteStart = s;
      post.quoteEnd = e;
    }
    return true;
  }

  private opaque(buf: string, column: number, which: 0 | 1): boolean {
    let s = -1;
    let e = -1;
    if (column >= 0) {
      const fs = this.starts[column] ?? 0;
      const fe = this.ends[column] ?? 0;
      if (fe > fs) {
        if (!isPrintableAscii(buf, fs, fe, MAX_OPAQUE)) return false;
        s = fs;
        e = fe;
      }
    }
    if (which === 0) {
      this.post.deviceStart = s;
      this.post.deviceEnd = e;
    } else {
      this.post.ipStart = s;
      this.post.ipEnd = e;
    }
    return true;
  }

  /** Space-separated printable ASCII tokens, each an http(s) URL, at most MAX_URLS_PER_POST of them. */
  private urls(buf: string, column: number): boolean {
    this.rowUrlCount = 0;
    if (column < 0) return true;
    const s = this.starts[column] ?? 0;
    const e = this.ends[column] ?? 0;
    if (e === s) return true;
    if (e - s > this.limits.maxFieldChars) return false;
    let i = s;
    while (i < e) {
      const c = buf.charCodeAt(i);
      if (c === 32) {
        i++;
        continue;
      }
      const tokenStart = i;
      for (; i < e; i++) {
        const t = buf.charCodeAt(i);
        if (t === 32) break;
        if (t < 33 || t > 126) return false; // other white space, controls, non-ASCII: the ordinary path
      }
      if (this.rowUrlCount >= MAX_URLS_PER_POST) return false;
      const raw = this.rawUrls.internRange(buf, tokenStart, i);
      if (raw === this.rawUrlNormal.length) {
        this.rawUrlNormal.push(normaliseUrl(this.rawUrls.values[raw] ?? ''));
        if (raw >= this.rawUrlId.length) {
          const next = new Int32Array(this.rawUrlId.length * 2);
          next.set(this.rawUrlId);
          this.rawUrlId = next;
        }
        this.rawUrlId[raw] = -1;
      }
      if (this.rawUrlNormal[raw] === null) return false;
      this.rowUrls[this.rowUrlCount++] = raw;
    }
    return true;
  }
}
