// Streaming RFC 4180 record reader. Chunks may split anywhere (inside quotes, between \r and \n);
// the records produced never depend on where. Quote-free lines take a native `split` fast path; a
// record that does not end within `maxRecordChars` is skipped up to the next line break at or after
// that point, so an unterminated quote cannot make the reader buffer the rest of a 1 GiB file.

export interface CsvRecordSink {
  record(fields: string[], line: number): void;
  /**
   * Optional fast path for a quote-free record: `buf[start, end)` (trailing CR removed), which
   * starts at byte `byteStart` of the input (see `CsvRecordReader.byteOffset`). Returns the record's
   * length in UTF-8 bytes when it consumed the record (it knows which of its fields are ASCII, so
   * it can tell cheaply), or -1 to send it on to `record` as fields.
   */
  plainRecord?(buf: string, start: number, end: number, line: number, byteStart: number): number;
  /** A record longer than the limit was skipped. */
  oversize(line: number): void;
  /** The input ended inside a quoted field; the partial record was dropped. */
  unterminated(line: number): void;
}

const QUOTE = 34;
const CR = 13;

export class CsvRecordReader {
  private buf = '';
  /** Start of the current record in `buf`. */
  private pos = 0;
  /** Where the quote-aware scan of the current record resumes, and its state there. */
  private scan = 0;
  private inQuote = false;
  /**
   * Where the next `"` and line break are. Both searches only move forward and remember how far
   * they looked, across chunks too, so every character is searched once: re-searching from the
   * record start after each chunk, or for a line break after each closing quote, made a long record
   * (a 1 MB field of doubled quotes, a long line in small chunks) cost its length squared.
   */
  private readonly quotes = new ForwardSearch('"');
  private readonly breaks = new ForwardSearch('\n');
  /** Skipping an oversize record: looking for the first line break at or after `pos`. */
  private skipping = false;
  private skipChars = 0;
  private line = 1;
  private ended = false;
  /**
   * Chunks held back while a record longer than them is incomplete. Appending each small chunk to
   * the buffer copied the whole pending record every time (the engine flattens the joined string
   * when it is searched): a 1 MB record in 4 KiB chunks was copied 250 times. Held back until they
   * are as long as what is pending, every character is copied a bounded number of times. Records
   * come out the same, only later: the reader does not depend on where chunks split.
   */
  private held: string[] = [];
  private heldChars = 0;
  /**
   * Where `buf[pos]` is in the input, in UTF-8 bytes from `firstByte`: every character the reader
   * moves past is counted, so a record's place in the file is known (the store reads texts back
   * from the file by it). Exact for well-formed UTF-8 input, which is what the caller decodes.
   */
  private posByte: number;

  /** `firstByte`: where the first character pushed is in the input (3 after a byte order mark; a part's start). */
  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
    private readonly sink: CsvRecordSink,
    firstByte = 0,
  ) {
    this.posByte = firstByte;
  }

  /** The input's UTF-8 bytes up to the record the reader is at: at the end, how many it read. */
  get byteOffset(): number {
    return this.posByte;
  }

  /** True when everything pushed so far ended whole records: nothing buffered, no open quote, no skip. */
  atRecordBoundary(): boolean {
    return !this.ended && !this.skipping && !this.inQuote && this.pos >= this.buf.length && this.heldChars === 0;
  }

  /** Line number at which the next record starts. */
  get currentLine(): number {
    return this.line;
  }

  push(chunk: string): void {
    if (this.ended || chunk.length === 0) return;
    if (this.heldChars + chunk.length < this.buf.length - this.pos) {
      this.held.push(chunk);
      this.heldChars += chunk.length;
      return;
    }
    this.append(chunk);
    this.process();
  }

  end(): void {
    if (this.ended) return;
    this.append('');
    this.process();
    this.ended = true;
    const rest = this.buf.slice(this.pos);
    this.buf = '';
    this.pos = 0;
    this.posByte += utf8Length(rest, 0, rest.length);
    if (this.skipping) return;
    if (this.inQuote) {
      this.sink.unterminated(this.line);
      return;
    }
    if (rest.length > 0 && rest !== '\r') this.emit(rest, rest.indexOf('"') >= 0);
  }

  /** Moves `pos` to `to`, counting the bytes passed (`bytes`: known already). */
  private advance(to: number, bytes = utf8Length(this.buf, this.pos, to)): void {
    this.posByte += bytes;
    this.pos = to;
  }

  /** Drops the records already read from the buffer and appends the held chunks and `chunk`. */
  private append(chunk: string): void {
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.scan -= this.pos;
      this.quotes.drop(this.pos);
      this.breaks.drop(this.pos);
      this.pos = 0;
    }
    if (this.held.length > 0) {
      this.held.push(chunk);
      this.buf += this.held.join('');
      this.held = [];
      this.heldChars = 0;
    } else {
      this.buf += chunk;
    }
  }

  private process(): void {
    const buf = this.buf;
    const len = buf.length;
    const max = this.maxRecordChars;
    for (;;) {
      if (this.skipping) {
        if (this.skipChars > 0) {
          const take = Math.min(this.skipChars, len - this.pos);
          this.line += countLineBreaks(buf, this.pos, this.pos + take);
          this.advance(this.pos + take);
          this.skipChars -= take;
          this.scan = this.pos;
          if (this.skipChars > 0) return;
        }
        const nl = this.breaks.find(buf, this.pos);
        if (nl < 0) {
          this.advance(len);
          this.scan = len;
          return;
        }
        this.line++;
        this.advance(nl + 1);
        this.scan = this.pos;
        this.skipping = false;
        this.inQuote = false;
        continue;
      }
      const pos = this.pos;
      if (pos >= len) return;
      if (!this.inQuote && this.scan === pos) {
        // Fast path: a quote-free line.
        const nl = this.breaks.find(buf, pos);
        const quote = this.quotes.find(buf, pos);
        if (nl >= 0 && (quote < 0 || quote > nl)) {
          if (nl - pos > max) {
            this.startSkip();
            continue;
          }
          const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          const bytes = this.sink.plainRecord === undefined ? -1 : this.sink.plainRecord(buf, pos, end, this.line, this.posByte);
          if (bytes < 0) this.emit(buf.slice(pos, nl), false);
          this.line++;
          // The line break (and CR) are ASCII: a byte each.
          this.advance(nl + 1, bytes < 0 ? undefined : bytes + nl + 1 - end);
          this.scan = this.pos;
          continue;
        }
        if (nl < 0 && quote < 0) {
          if (len - pos <= max) return; // wait for the rest of the line (or `end`)
          this.startSkip();
          continue;
        }
      }
      // Slow path: quote-aware scan for the end of the record, resumable across chunks.
      let i = this.scan;
      let inQuote = this.inQuote;
      let end = -1;
      while (i < len && i - pos <= max) {
        const q = this.quotes.find(buf, i);
        if (inQuote) {
          if (q < 0) {
            i = len;
            break;
          }
          i = q + 1;
          inQuote = false;
        } else {
          const nl = this.breaks.find(buf, i);
          if (nl >= 0 && (q < 0 || nl < q)) {
            end = nl;
            break;
          }
          if (q < 0) {
            i = len;
            break;
          }
          i = q + 1;
          inQuote = true;
        }
      }
      if (end >= 0 && end - pos <= max) {
        const breaks = countLineBreaks(buf, pos, end);
        this.emit(buf.slice(pos, end), true);
        this.line += breaks + 1;
        this.advance(end + 1);
        this.scan = this.pos;
        this.inQuote = false;
        continue;
      }
      if (end >= 0 || i - pos > max) {
        this.startSkip();
        continue;
      }
      // The record continues in the next chunk.
      this.scan = len;
      this.inQuote = inQuote;
      return;
    }
  }

  /** Skips the record at `pos`: drops `maxRecordChars` characters, then resumes after the next line break. */
  private startSkip(): void {
    this.sink.oversize(this.line);
    this.skipping = true;
    this.skipChars = this.maxRecordChars;
    this.inQuote = false;
  }

  private emit(text: string, quoted: boolean): void {
    const line = this.line;
    const record = text.length > 0 && text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text;
    this.sink.record(quoted ? parseQuotedRecord(record, this.delimiter) : record.split(this.delimiter), line);
  }
}

const utf8Encoder = new TextEncoder();
let scratch = new Uint8Array(3 * 4096);

/**
 * The UTF-8 length of `s[from, to)`. A surrogate counts two bytes, so a pair counts four even when
 * a span ends between its halves (an oversize record is skipped a number of characters at a time).
 */
export function utf8Length(s: string, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  if (n <= 4096) {
    // Native encoding of a whole span; a lone surrogate at either end would be encoded as U+FFFD
    // (3 bytes), so spans that start or end inside a pair are counted by hand.
    const first = s.charCodeAt(from);
    const last = s.charCodeAt(to - 1);
    if (!(first >= 0xdc00 && first <= 0xdfff) && !(last >= 0xd800 && last <= 0xdbff)) {
      if (scratch.length < 3 * n) scratch = new Uint8Array(3 * n);
      return utf8Encoder.encodeInto(from === 0 && to === s.length ? s : s.slice(from, to), scratch).written;
    }
  }
  let bytes = n;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && !(c >= 0xd800 && c <= 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * The first occurrence of one character at or after a position in a buffer that only grows at its
 * end and drops its beginning. It remembers the stretch it searched (`[lo, hi)` holds no match;
 * `found`: the match is at `hi`), so searches that move forward never read a character twice.
 */
class ForwardSearch {
  private lo = 0;
  private hi = 0;
  private found = false;

  constructor(private readonly char: string) {}

  find(buf: string, from: number): number {
    if (from < this.lo || from > this.hi) {
      this.lo = from;
      this.hi = from;
      this.found = false;
    }
    if (!this.found) {
      const at = buf.indexOf(this.char, this.hi);
      if (at < 0) this.hi = Math.max(this.hi, buf.length);
      else {
        this.hi = at;
        this.found = true;
      }
    }
    return this.found ? this.hi : -1;
  }

  /** The buffer dropped its first `n` characters. */
  drop(n: number): void {
    this.lo = Math.max(0, this.lo - n);
    this.hi -= n;
    if (this.hi < 0) {
      this.lo = 0;
      this.hi = 0;
      this.found = false;
    }
  }
}

function countLineBreaks(buf: string, from: number, to: number): number {
  let n = 0;
  let i = buf.indexOf('\n', from);
  while (i >= 0 && i < to) {
    n++;
    i = buf.indexOf('\n', i + 1);
  }
  return n;
}

/**
 * Splits one record with quotes. Lenient where RFC 4180 is silent: a quote inside an unquoted field
 * is literal, text after a closing quote is appended.
 */
export function parseQuotedRecord(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  const n = record.length;
  let i = 0;
  for (;;) {
    if (i < n && record.charCodeAt(i) === QUOTE) {
      // Find the closing quote first and unescape the field in one native pass: adding the field
      // up piece by piece between doubled quotes took 0.4 s for a 1 MB field of them.
      const start = i + 1;
      let close = n;
      let doubled = false;
      for (let q = record.indexOf('"', start); q >= 0; q = record.indexOf('"', q + 2)) {
        if (record.charCodeAt(q + 1) !== QUOTE) {
          close = q;
          break;
        }
        doubled = true;
      }
      const raw = record.slice(start, close);
      let value = doubled ? raw.replaceAll('""', '"') : raw;
      i = close < n ? close + 1 : n;
      // Anything between the closing quote and the delimiter is kept, not lost.
      const next = record.indexOf(delimiter, i);
      const stop = next < 0 ? n : next;
      if (stop > i) value += record.slice(i, stop);
      fields.push(value);
      if (next < 0) return fields;
      i = next + 1;
    } else {
      const next = record.indexOf(delimiter, i);
      if (next < 0) {
        fields.push(record.slice(i));
        return fields;
      }
      fields.push(record.slice(i, next));
      i = next + 1;
    }
  }
}

