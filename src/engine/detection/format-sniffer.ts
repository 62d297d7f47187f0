// Decides the format from the first characters of the file, never from its name: analysts receive
// exports with arbitrary names and extensions.
import { parseQuotedRecord } from './csv-reader';
import { FIELD_ALIASES } from './json-post';
import { isJsonObject } from './json-post';
import { parseFatal } from './parse-messages';
import type { ActivityFormat, ParseFatal, ParseFatalDetail, ParseNote } from './parse-types';
import type { RawPost } from './row-validator';

export interface CsvLayout {
  delimiter: string;
  /** Column index of each field, -1 when the file has no such column. */
  columns: Record<keyof RawPost, number>;
  header: string[];
}

export type SniffResult =
  | { ok: true; format: 'csv'; csv: CsvLayout; notes: ParseNote[] }
  | { ok: true; format: Exclude<ActivityFormat, 'csv'>; notes: ParseNote[] }
  | { ok: false; fatal: ParseFatal };

export const REQUIRED_FIELDS = ['messageId', 'userId', 'timestamp'] as const satisfies readonly (keyof RawPost)[];
const DELIMITERS = [',', '\t', ';', '|'];

/**
 * The beginning of a file that the format check reads: the first `sniffChars` characters, and
 * more when the first line is longer, up to its end or `maxLineChars` characters of it (what a
 * record may hold anyway). So a long CSV header or a long first NDJSON line is recognised (it was
 * "unknown format" past 64 KiB). The import (activity-parser.ts) and the page's early check
 * (format-sniff.ts) both read through this, so they agree; what it reads depends on the text only,
 * never on how the text arrives in chunks. Each chunk is searched once, as it arrives.
 */
export class SniffSample {
  private text = '';
  /** Index of the first non-space character, if within the first `sniffChars`; -1: none (yet). */
  private start = -1;
  /** Index of the first line break after `start`; -1: none (yet). */
  private lineEnd = -1;

  constructor(
    private readonly sniffChars: number,
    private readonly maxLineChars: number,
  ) {}

  /** Everything pushed so far, handed over once the format is decided (the format's reader reads it next). */
  release(): string {
    const text = this.text;
    this.text = '';
    return text;
  }

  /** Adds text; true once enough is there to decide (then `sample(false)` is what to check). */
  push(chunk: string): boolean {
    const offset = this.text.length;
    this.text += chunk;
    if (this.start < 0 && offset < this.sniffChars) {
      const k = firstNonSpace(chunk);
      if (k >= 0 && offset + k < this.sniffChars) this.start = offset + k;
    }
    if (this.start >= 0 && this.lineEnd < 0) {
      const nl = chunk.indexOf('\n', Math.max(0, this.start - offset));
      if (nl >= 0) this.lineEnd = offset + nl;
    }
    return this.text.length >= this.needed();
  }

  /** What the format check reads; `complete`: the input ended (it may then be shorter). */
  sample(complete: boolean): string {
    return complete && this.text.length < this.needed() ? this.text : this.text.slice(0, this.needed());
  }

  private needed(): number {
    if (this.start < 0) return this.sniffChars;
    const cap = this.start + this.maxLineChars + 1;
    return Math.max(this.sniffChars, this.lineEnd >= 0 ? Math.min(this.lineEnd + 1, cap) : cap);
  }
}

/**
 * `sample` is the beginning of the file (BOM removed); `complete` says whether it is the whole file.
 */
export function sniffFormat(sample: string, complete: boolean): SniffResult {
  const start = firstNonSpace(sample);
  if (start < 0) return { ok: false, fatal: parseFatal('empty-file', { kind: 'empty' }) };
  const binary = binaryReason(sample);
  if (binary !== null) return { ok: false, fatal: parseFatal('binary-file', { kind: binary }) };

  const c = sample.charCodeAt(start);
  if (c === 123 /* { */ || c === 91 /* [ */) return sniffJson(sample, start, complete);
  return sniffCsv(sample, start, complete);
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}

/** NUL characters never occur in text; many U+FFFD mean the bytes were not UTF-8. */
function binaryReason(sample: string): 'nul-bytes' | 'not-utf8' | 'control-characters' | null {
  let nul = 0;
  let replacement = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd) replacement++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (nul > 0) return 'nul-bytes';
  if (replacement > 8 && replacement / sample.length > 0.005) return 'not-utf8';
  if (control / sample.length > 0.01) return 'control-characters';
  return null;
}

function sniffJson(sample: string, start: number, complete: boolean): SniffResult {
  const looksLikeV2 = /"(data|includes)"\s*:\s*[[{]/.test(sample);
  if (sample.charCodeAt(start) === 91) {
    if (looksLikeV2) return { ok: true, format: 'twitter-v2', notes: [] };
    return unknown('json-array-not-v2');
  }
  // Look at the first few lines: NDJSON has a complete object on each.
  let lineStart = start;
  for (let n = 0; n < 5 && lineStart < sample.length; n++) {
    const nl = sample.indexOf('\n', lineStart);
    if (nl < 0 && !complete) break;
    const line = sample.slice(lineStart, nl < 0 ? sample.length : nl).trim();
    lineStart = nl < 0 ? sample.length : nl + 1;
    if (line.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isJsonObject(value)) continue;
    if ('data' in value || 'includes' in value || 'meta' in value) return { ok: true, format: 'twitter-v2', notes: [] };
    return { ok: true, format: 'ndjson', notes: [] };
  }
  if (looksLikeV2) return { ok: true, format: 'twitter-v2', notes: [] };
  return unknown('json-not-recognised');
}

function unknown(kind: Extract<ParseFatalDetail['kind'], 'json-array-not-v2' | 'json-not-recognised' | 'first-line-too-long' | 'no-csv-header'>): SniffResult {
  return { ok: false, fatal: parseFatal('unknown-format', { kind }) };
}

function sniffCsv(sample: string, start: number, complete: boolean): SniffResult {
  const nl = sample.indexOf('\n', start);
  if (nl < 0 && !complete) {
    return unknown('first-line-too-long');
  }
  const headerLine = sample.slice(start, nl < 0 ? sample.length : nl).replace(/\r$/, '');
  // The delimiter that names the most known columns; a line that splits but names none is still
  // a (bad) header, so the analyst hears which columns are missing rather than "unknown format".
  let best: CsvLayout | null = null;
  let bestKnown = -1;
  for (const delimiter of DELIMITERS) {
    if (!headerLine.includes(delimiter)) continue;
    const header = parseQuotedRecord(headerLine, delimiter).map((h) => h.trim().toLowerCase());
    const columns = mapColumns(header);
    const known = Object.values(columns).filter((i) => i >= 0).length;
    if (known > bestKnown) {
      best = { delimiter, columns, header };
      bestKnown = known;
    }
  }
  if (best === null) {
    return unknown('no-csv-header');
  }
  const missing = REQUIRED_FIELDS.filter((f) => best.columns[f] < 0);
  if (missing.length > 0) {
    const names = missing.map((f) => FIELD_ALIASES[f][0]);
    const found = best.header.slice(0, 12).map((h) => (h.length > 30 ? `${h.slice(0, 30)}…` : h));
    return { ok: false, fatal: parseFatal('missing-columns', { kind: 'missing-columns', missing: names, found }) };
  }
  const notes: ParseNote[] = [];
  const optional: [keyof RawPost, ParseNote & { code: `no-${string}-column` }][] = [
    ['message', { code: 'no-message-column' }],
    ['urls', { code: 'no-urls-column' }],
    ['repostId', { code: 'no-repost-id-column' }],
    ['replyId', { code: 'no-reply-id-column' }],
  ];
  for (const [field, note] of optional) {
    if (best.columns[field] < 0) notes.push(note);
  }
  return { ok: true, format: 'csv', csv: best, notes };
}

function mapColumns(header: readonly string[]): Record<keyof RawPost, number> {
  const columns = {} as Record<keyof RawPost, number>;
  for (const field of Object.keys(FIELD_ALIASES) as (keyof RawPost)[]) {
    let index = -1;
    for (const alias of FIELD_ALIASES[field]) {
      index = header.indexOf(alias);
      if (index >= 0) break;
    }
    columns[field] = index;
  }
  return columns;
}
