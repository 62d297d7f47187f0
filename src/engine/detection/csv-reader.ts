// Streaming RFC 4180 record reader. Chunks may split anywhere (inside quotes, between \r and \n);
// the records produced never depend on where. Quote-free lines take a native `split` fast path; a
// record that does not end within `maxRecordChars` is skipped up to the next line break at or after
// that point, so an unterminated quote cannot make the reader buffer the rest of a 1 GiB file.

export interface CsvRecordSink {
  record(fields: string[], line: number): void;
  /**
   * Optional fast path for a quote-free record: `buf[start, end)` (trailing CR removed). Returns true
   * when it consumed the record; false sends it on to `record` as fields.
   */
  plainRecord?(buf: string, start: number, end: number, line: number): boolean;
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
   * Cached result of the last quote search: the first `"` at or after `quoteFrom` is at `quoteAt`
   * (-1: none in `buf`). Searches only move forward, so each character is scanned for quotes once;
   * without the cache every quoted record would scan ahead to the next quoted record.
   */
  private quoteFrom = Number.POSITIVE_INFINITY;
  private quoteAt = -1;
  /** Skipping an oversize record: looking for the first line break at or after `pos`. */
  private skipping = false;
  private skipChars = 0;
  private line = 1;
  private ended = false;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
    private readonly sink: CsvRecordSink,
  ) {}

  /** True when everything pushed so far ended whole records: nothing buffered, no open quote, no skip. */
  atRecordBoundary(): boolean {
    return !this.ended && !this.skipping && !this.inQuote && this.pos >= this.buf.length;
  }

  /** Line number at which the next record starts. */
  get currentLine(): number {
    return this.line;
  }

  push(chunk: string): void {
    if (this.ended || chunk.length === 0) return;
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.scan -= this.pos;
      this.quoteFrom -= this.pos;
      if (this.quoteAt >= 0) this.quoteAt -= this.pos;
      this.pos = 0;
    }
    this.buf += chunk;
    if (this.quoteAt < 0) this.quoteFrom = Number.POSITIVE_INFINITY; // the new text may hold a quote
    this.process();
  }

  end(): void {
    if (this.ended) return;
    this.process();
    this.ended = true;
    const rest = this.buf.slice(this.pos);
    this.buf = '';
    this.pos = 0;
    if (this.skipping) return;
    if (this.inQuote) {
      this.sink.unterminated(this.line);
      return;
    }
    if (rest.length > 0 && rest !== '\r') this.emit(rest, rest.indexOf('"') >= 0);
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
          this.pos += take;
          this.skipChars -= take;
          this.scan = this.pos;
          if (this.skipChars > 0) return;
        }
        const nl = buf.indexOf('\n', this.pos);
        if (nl < 0) {
          this.pos = len;
          this.scan = len;
          return;
        }
        this.line++;
        this.pos = nl + 1;
        this.scan = this.pos;
        this.skipping = false;
        this.inQuote = false;
        continue;
      }
      const pos = this.pos;
      if (pos >= len) return;
      if (!this.inQuote && this.scan === pos) {
        // Fast path: a quote-free line.
        const nl = buf.indexOf('\n', pos);
        const quote = this.quoteIndex(pos);
        if (nl >= 0 && (quote < 0 || quote > nl)) {
          if (nl - pos > max) {
            this.startSkip();
            continue;
          }
          const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          if (this.sink.plainRecord === undefined || !this.sink.plainRecord(buf, pos, end, this.line)) {
            this.emit(buf.slice(pos, nl), false);
          }
          this.line++;
          this.pos = nl + 1;
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
        const q = this.quoteIndex(i);
        if (inQuote) {
          if (q < 0) {
            i = len;
            break;
          }
          i = q + 1;
          inQuote = false;
        } else {
          const nl = buf.indexOf('\n', i);
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
        this.pos = end + 1;
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

  /** The first `"` at or after `from` in `buf`, or -1. */
  private quoteIndex(from: number): number {
    if (this.quoteFrom <= from && (this.quoteAt < 0 || this.quoteAt >= from)) return this.quoteAt;
    this.quoteFrom = from;
    this.quoteAt = this.buf.indexOf('"', from);
    return this.quoteAt;
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
      let value = '';
      let start = i + 1;
      i = start;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q < 0) {
          value += record.slice(start);
          i = n;
          break;
        }
        if (record.charCodeAt(q + 1) === QUOTE) {
          value += record.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        value += record.slice(start, q);
        i = q + 1;
        break;
      }
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

