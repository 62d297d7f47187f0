// The streaming import: text chunks in, a columnar PostStore plus an issue report out. Sniffs the
// format from the first `sniffChars` characters, or the whole first line when it is longer
// (`SniffSample`; so the result never depends on chunk sizes), enforces the limits, and turns
// every problem into data: it does not throw.
import { CsvFastRows } from './csv-fast-row';
import { SniffSample, sniffFormat } from './format-sniffer';
import type { CsvLayout } from './format-sniffer';
import { isJsonObject, readJsonPost } from './json-post';
import { parseFatal } from './parse-messages';
import { DEFAULT_PARSE_LIMITS, IssueLog, NO_PARAMS } from './parse-types';
import type { ActivityFormat, ParseFatal, ParseIssue, ParseLimits, ParseNote, ParseProgress, ParseResult } from './parse-types';
import { CsvRecordReader, utf8Length } from './csv-reader';
import { PostStoreBuilder } from './post-store';
import type { BuilderPart, TextsInFile } from './post-store';
import type { PrecomputedFingerprints } from './text-fingerprints';
import { RowValidator, clearRawPost, createRawPost, preview } from './row-validator';
import { TwitterV2Scanner } from './twitter-v2-scanner';

export interface ActivityParser {
  /** Feeds the next piece of text. `bytes` is its size in the file (defaults to its length). */
  push(chunk: string, bytes?: number): void;
  /** Ends the input and returns the result. Further pushes are ignored. */
  end(): ParseResult;
  readonly progress: ParseProgress;
  /** True once a fatal error or a limit stopped reading; further chunks are ignored. */
  readonly stopped: boolean;
  /** The CSV layout once the format is known to be CSV (what a part parser needs), else null. */
  readonly csvLayout: CsvLayout | null;
  /**
   * True when the text pushed so far ends exactly at the end of a CSV record (nothing buffered,
   * not inside quotes, not skipping an oversize record): a part read by another parser may start
   * here. Also the number of lines read so far, to number the part's rows.
   */
  csvBoundary(): { lines: number } | null;
  /**
   * Takes over a part that another parser read from the text right after this point, as if it
   * had been pushed here. False (and nothing changed) when the part cannot be taken: this parser
   * stopped or is not at a record boundary, the part stopped early, or the rows together would
   * pass the row limit; the caller then pushes that text itself. The part must run to the end
   * of the input: after it is taken, only `end` may follow (further pushes are ignored). A part
   * taken over is left without rows (its arrays belong to this parser's store now).
   */
  absorbPart(part: CsvPart): boolean;
  /** Part parsers only: ends the input and returns the part (instead of `end`). */
  endPart(): CsvPart;
  /**
   * After `end`: the text fingerprints of the store's rows (text-fingerprints.ts), computed while
   * reading when the parser was created with `fingerprintMinChars` (a part taken over brings its
   * rows'), with their threshold; null otherwise (detection then computes them).
   */
  fingerprints(): PrecomputedFingerprints | null;
  /**
   * How far into the input the CSV reader has counted, in UTF-8 bytes from the start of the file
   * (with `textsInFile`; at the end of a whole file, its size: the runner checks that the places
   * of the texts left in the file add up), or null before the format is known or for other formats.
   */
  bytesCounted(): number | null;
}

/** What a part parser (`csvPart` option) read: its rows, issues and counts, lines from 1. */
export interface CsvPart {
  builder: BuilderPart;
  issues: ParseIssue[];
  issueCount: number;
  rows: number;
  imported: number;
  skipped: number;
  /** The part stopped before its end (row limit, internal error): it cannot be taken over. */
  stopped: boolean;
  bytes: number;
  /** With `textsInFile`: the byte of the file the part started at (its texts may have stayed there); else null. */
  firstByte: number | null;
  /** With `textsInFile`: the byte its reader counted up to (`bytesCounted`); else null. */
  endByte: number | null;
}

export interface ActivityParserOptions {
  /**
   * Ordinary CSV rows skip building a string per field (`csv-fast-row.ts`); rows it does not
   * recognise take the ordinary path. Off only in the tests that prove both give the same result.
   */
  csvFastPath?: boolean;
  /**
   * Parse a later part of a CSV file with this layout: no sniffing and no header, lines counted
   * from the part's start; finish with `endPart`.
   */
  csvPart?: CsvLayout;
  /**
   * Compute each row's text fingerprints as it is read, with MinHash signatures from this many
   * characters (detect-coordination.ts `signatureMinChars`): the texts are then only kept packed,
   * and detection needs no pass over them.
   */
  fingerprintMinChars?: number;
  /**
   * The size of the input in bytes when known (with a part to be taken over: the whole file).
   * After the first few MiB the store makes room for the rows that many bytes should hold
   * (PostStoreBuilder.reserve), instead of doubling as it goes.
   */
  expectedBytes?: number;
  /**
   * Leave the texts of ordinary CSV rows in the file (PostStoreBuilder): `firstByte` is where the
   * first character pushed stands in the file (a byte order mark the parser drops counts 3 more).
   * The text pushed must be exactly the file's bytes decoded (no replacement characters).
   */
  textsInFile?: TextsInFile;
}

/** Bytes read before the row count of the whole input is estimated from them. */
const RESERVE_AFTER_BYTES = 2 * 1024 * 1024;
/** Room made beyond the estimate: a column at most this much too long is kept as a view (post-store.ts `trimmed`). */
const RESERVE_MARGIN = 1.06;

interface FormatHandler {
  push(chunk: string): void;
  end(): void;
  boundary?(): number | null;
  bytesCounted?(): number;
}

export function createActivityParser(limits: Partial<ParseLimits> = {}, options: ActivityParserOptions = {}): ActivityParser {
  const lim: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...limits };
  const builder = new PostStoreBuilder(options.fingerprintMinChars, options.textsInFile ?? null);
  /** Where the text the format handler is given starts in the file (see `textsInFile`). */
  let firstByte = options.textsInFile?.firstByte ?? 0;
  const issues = new IssueLog(lim.maxIssues);
  const validator = new RowValidator(builder, issues, lim);
  const raw = createRawPost();
  const notes: ParseNote[] = [];
  let format: ActivityFormat | null = null;
  let fatal: ParseFatal | null = null;
  let handler: FormatHandler | null = null;
  const sniffed = new SniffSample(lim.sniffChars, lim.maxRecordChars);
  let sawFirstChar = false;
  let bytes = 0;
  let rows = 0;
  let truncated = false;
  let stopped = false;
  let result: ParseResult | null = null;
  let absorbed = false;
  /** The byte the part taken over counted up to (see `bytesCounted`). */
  let absorbedEndByte: number | null = null;
  let reserved = options.expectedBytes === undefined;

  /** Counts a record against the row limit; false when the limit stops the import. */
  const countRow = (): boolean => {
    if (rows >= lim.maxRows) {
      if (!truncated) {
        truncated = true;
        stopped = true;
        notes.push({ code: 'row-limit', limit: lim.maxRows });
      }
      return false;
    }
    rows++;
    return true;
  };

  let layout: CsvLayout | null = null;
  const csvHandler = (csv: CsvLayout, isPart: boolean): FormatHandler => {
    layout = csv;
    let headerSeen = isPart;
    const width = csv.header.length;
    const c = csv.columns;
    const [cMessageId, cUserId, cUsername, cRepostId, cReplyId, cQuoteId, cMessage, cTimestamp, cUrls, cDevice, cIp] = [
      c.messageId, c.userId, c.username, c.repostId, c.replyId, c.quoteId, c.message, c.timestamp, c.urls, c.deviceHash, c.ipHash,
    ];
    const fast = options.csvFastPath === false ? null : new CsvFastRows(csv, builder, lim);
    const reader: CsvRecordReader = new CsvRecordReader(csv.delimiter, lim.maxRecordChars, {
      plainRecord(buf, start, end, line, byteStart) {
        if (fast === null || stopped || !headerSeen || !fast.check(buf, start, end)) return stopped ? utf8Length(buf, start, end) : -1; // `record` would ignore it too
        if (!countRow()) return utf8Length(buf, start, end);
        validator.imported++;
        return fast.commit(line, byteStart);
      },
      record(fields, line) {
        if (stopped) return;
        if (fields.length === 1 && fields[0]?.trim() === '') return; // blank line
        if (!headerSeen) {
          headerSeen = true;
          return;
        }
        if (!countRow()) return;
        if (fields.length !== width) {
          issues.add(line, null, 'wrong-field-count', { expected: width, found: fields.length }, 'row-skipped');
          validator.skipped++;
          return;
        }
        // Direct assignments: this runs once per row of a million-row file.
        raw.messageId = cMessageId >= 0 ? fields[cMessageId] : undefined;
        raw.userId = cUserId >= 0 ? fields[cUserId] : undefined;
        raw.username = cUsername >= 0 ? fields[cUsername] : undefined;
        raw.repostId = cRepostId >= 0 ? fields[cRepostId] : undefined;
        raw.replyId = cReplyId >= 0 ? fields[cReplyId] : undefined;
        raw.quoteId = cQuoteId >= 0 ? fields[cQuoteId] : undefined;
        raw.message = cMessage >= 0 ? fields[cMessage] : undefined;
        raw.timestamp = cTimestamp >= 0 ? fields[cTimestamp] : undefined;
        raw.urls = cUrls >= 0 ? fields[cUrls] : undefined;
        raw.deviceHash = cDevice >= 0 ? fields[cDevice] : undefined;
        raw.ipHash = cIp >= 0 ? fields[cIp] : undefined;
        validator.accept(line, raw);
      },
      oversize(line) {
        if (stopped || !countRow()) return;
        issues.add(line, null, 'record-too-long', { limit: lim.maxRecordChars }, 'row-skipped');
        validator.skipped++;
      },
      unterminated(line) {
        if (stopped || !countRow()) return;
        issues.add(line, null, 'unterminated-quote', NO_PARAMS, 'row-skipped');
        validator.skipped++;
      },
    }, firstByte);
    return {
      push: (chunk) => reader.push(chunk),
      end: () => reader.end(),
      boundary: () => (headerSeen && reader.atRecordBoundary() ? reader.currentLine - 1 : null),
      bytesCounted: () => reader.byteOffset,
    };
  };

  const handleJsonPost = (row: number, value: unknown): void => {
    if (!isJsonObject(value)) {
      issues.add(row, null, 'not-a-json-object', NO_PARAMS, 'row-skipped');
      validator.skipped++;
      return;
    }
    clearRawPost(raw);
    readJsonPost(value, raw);
    validator.accept(row, raw);
  };

  const ndjsonHandler = (): FormatHandler => {
    let pending = '';
    let line = 0;
    let skippingLong = false;
    const handleLine = (text: string): void => {
      line++;
      if (skippingLong) {
        skippingLong = false;
        return;
      }
      if (stopped) return;
      if (text.length > lim.maxRecordChars) {
        if (!countRow()) return;
        issues.add(line, null, 'line-too-long', { limit: lim.maxRecordChars }, 'row-skipped');
        validator.skipped++;
        return;
      }
      const trimmed = text.trim();
      if (trimmed.length === 0) return;
      if (!countRow()) return;
      if (exceedsDepth(trimmed, lim.maxJsonDepth)) {
        issues.add(line, null, 'too-deep', { limit: lim.maxJsonDepth }, 'row-skipped');
        validator.skipped++;
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        issues.add(line, null, 'invalid-json', { preview: preview(trimmed) }, 'row-skipped');
        validator.skipped++;
        return;
      }
      handleJsonPost(line, value);
    };
    return {
      push(chunk) {
        // Line breaks are searched for in the new chunk only: searching `pending + chunk` read a
        // long line again with every chunk.
        let start = 0;
        for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
          const piece = chunk.slice(start, nl);
          const text = pending.length > 0 ? pending + piece : piece;
          pending = '';
          handleLine(text);
          start = nl + 1;
          if (stopped) return;
        }
        if (skippingLong) return; // more of an endless line, already reported
        pending += start > 0 ? chunk.slice(start) : chunk;
        if (pending.length > lim.maxRecordChars) {
          // An endless line: report it once and drop what we have until its end.
          if (countRow()) {
            issues.add(line + 1, null, 'line-too-long', { limit: lim.maxRecordChars }, 'row-skipped');
            validator.skipped++;
          }
          skippingLong = true;
          pending = '';
        }
      },
      end() {
        if (pending.length > 0 || skippingLong) handleLine(pending);
        pending = '';
      },
    };
  };

  const twitterHandler = (): FormatHandler => {
    const scanner = new TwitterV2Scanner(lim.maxRecordChars, lim.maxJsonDepth, {
      tweet(json, ordinal, problem) {
        if (stopped || !countRow()) return;
        if (json === null) {
          if (problem === 'too-deep') issues.add(ordinal, null, 'too-deep', { limit: lim.maxJsonDepth }, 'row-skipped');
          else issues.add(ordinal, null, 'tweet-too-long', { limit: lim.maxRecordChars }, 'row-skipped');
          validator.skipped++;
          return;
        }
        let value: unknown;
        try {
          value = JSON.parse(json);
        } catch {
          issues.add(ordinal, null, 'invalid-json', { preview: preview(json) }, 'row-skipped');
          validator.skipped++;
          return;
        }
        handleJsonPost(ordinal, value);
      },
      user(json) {
        let value: unknown;
        try {
          value = JSON.parse(json);
        } catch {
          return;
        }
        if (!isJsonObject(value)) return;
        const { id, username } = value;
        if (typeof id === 'string' && typeof username === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(username)) {
          builder.setUsername(id, username);
        }
      },
      stop(problem, offset) {
        if (problem === 'incomplete') issues.add(0, null, 'stopped-incomplete-json', NO_PARAMS, 'stopped');
        else issues.add(0, null, 'stopped-malformed-json', { offset, problem }, 'stopped');
        truncated = true;
      },
    });
    return { push: (chunk) => scanner.push(chunk), end: () => scanner.end() };
  };

  const startFormat = (complete: boolean): void => {
    const sniff = sniffFormat(sniffed.sample(complete), complete);
    const buffered = sniffed.release();
    if (!sniff.ok) {
      fatal = sniff.fatal;
      stopped = true;
      return;
    }
    format = sniff.format;
    notes.push(...sniff.notes);
    handler = sniff.format === 'csv' ? csvHandler(sniff.csv, false) : sniff.format === 'ndjson' ? ndjsonHandler() : twitterHandler();
    handler.push(buffered);
  };

  if (options.csvPart !== undefined) {
    format = 'csv';
    handler = csvHandler(options.csvPart, true);
  }

  const parser: ActivityParser = {
    push(chunk: string, chunkBytes?: number): void {
      if (stopped || absorbed || result !== null) return;
      try {
        bytes += chunkBytes ?? chunk.length;
        if (bytes > lim.maxBytes) {
          fatal = parseFatal('file-too-large', { kind: 'too-large', limit: lim.maxBytes });
          stopped = true;
          return;
        }
        let text = chunk;
        if (!sawFirstChar && text.length > 0 && options.csvPart === undefined) {
          sawFirstChar = true;
          if (text.charCodeAt(0) === 0xfeff) {
            text = text.slice(1);
            firstByte += 3; // U+FEFF in UTF-8
          }
        }
        if (handler === null) {
          if (sniffed.push(text)) startFormat(false);
          return;
        }
        handler.push(text);
        if (!reserved && bytes >= RESERVE_AFTER_BYTES && builder.size > 0) {
          reserved = true;
          builder.reserve(Math.min(lim.maxRows, Math.ceil(((options.expectedBytes ?? 0) / bytes) * builder.size * RESERVE_MARGIN)));
        }
      } catch (error) {
        internalError(error);
      }
    },
    end(): ParseResult {
      if (result !== null) return result;
      try {
        if (!stopped && handler === null) startFormat(true);
        if (!stopped && handler !== null) handler.end();
      } catch (error) {
        internalError(error);
      }
      const store = builder.build();
      for (const dup of builder.duplicates) {
        issues.add(dup.row, 'message_id', 'duplicate-message-id', { id: dup.messageId }, 'row-skipped');
      }
      validator.imported -= builder.duplicates.length;
      validator.skipped += builder.duplicates.length;
      issues.issues.sort((a, b) => a.row - b.row);
      if (fatal === null && format !== null && store.size === 0) {
        const stop = issues.issues.find((issue) => issue.action === 'stopped');
        fatal = parseFatal('no-valid-rows', stop ? { kind: 'stopped', issue: stop } : rows === 0 ? { kind: 'no-posts' } : { kind: 'no-row-valid', rows });
      }
      result = {
        format,
        fatal,
        store,
        issues: issues.issues,
        issueCount: issues.count,
        rowsRead: rows,
        rowsImported: validator.imported,
        rowsSkipped: validator.skipped,
        truncated,
        notes,
        bytes,
        partStart: builder.partStart >= 0 ? builder.partStart : null,
      };
      return result;
    },
    get progress(): ParseProgress {
      return { bytes, rows, imported: validator.imported, skipped: validator.skipped };
    },
    get stopped(): boolean {
      return stopped;
    },
    fingerprints(): PrecomputedFingerprints | null {
      return result === null ? null : builder.builtFingerprints();
    },
    get csvLayout(): CsvLayout | null {
      return layout;
    },
    csvBoundary(): { lines: number } | null {
      if (stopped || absorbed || result !== null || handler?.boundary === undefined) return null;
      const lines = handler.boundary();
      return lines === null ? null : { lines };
    },
    absorbPart(part: CsvPart): boolean {
      const at = parser.csvBoundary();
      if (at === null || part.stopped || rows + part.rows > lim.maxRows) return false;
      // Texts the part left in the file are only readable here when this parser leaves them there
      // too, and the part starts where this parser stopped counting.
      if (part.firstByte !== null && (options.textsInFile === undefined || part.firstByte !== handler?.bytesCounted?.())) return false;
      try {
        builder.importPart(part.builder, at.lines);
        for (const issue of part.issues) issues.addIssue(issue, at.lines);
        issues.count += part.issueCount - part.issues.length;
        rows += part.rows;
        validator.imported += part.imported;
        validator.skipped += part.skipped;
        bytes += part.bytes;
        absorbed = true;
        absorbedEndByte = part.endByte;
      } catch (error) {
        internalError(error);
      }
      return true;
    },
    endPart(): CsvPart {
      try {
        if (!stopped && handler !== null) handler.end();
      } catch (error) {
        internalError(error);
      }
      return {
        builder: builder.exportPart(),
        issues: issues.issues,
        issueCount: issues.count,
        rows,
        imported: validator.imported,
        skipped: validator.skipped,
        stopped: stopped || truncated,
        bytes,
        firstByte: options.textsInFile === undefined ? null : firstByte,
        endByte: options.textsInFile === undefined ? null : (handler?.bytesCounted?.() ?? null),
      };
    },
    bytesCounted(): number | null {
      return absorbedEndByte ?? handler?.bytesCounted?.() ?? null;
    },
  };

  /** A bug must not take the import down with a stack trace: report it and stop reading. */
  function internalError(error: unknown): void {
    stopped = true;
    truncated = true;
    const message = error instanceof Error ? error.message : String(error);
    issues.add(rows, null, 'stopped-internal-error', { message: message.slice(0, 200) }, 'stopped');
  }

  return parser;
}

/** Convenience: parses a whole string (tests, small files). */
export function parseActivity(text: string, limits: Partial<ParseLimits> = {}, options: ActivityParserOptions = {}): ParseResult {
  const parser = createActivityParser(limits, options);
  parser.push(text);
  return parser.end();
}

/** True when brackets nest deeper than `max` outside strings (checked before JSON.parse builds it). */
function exceedsDepth(text: string, max: number): boolean {
  // Cheap pre-check: a line with few brackets cannot be deep.
  let brackets = 0;
  for (let i = text.indexOf('{'); i >= 0 && brackets <= max; i = text.indexOf('{', i + 1)) brackets++;
  for (let i = text.indexOf('['); i >= 0 && brackets <= max; i = text.indexOf('[', i + 1)) brackets++;
  if (brackets <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
