// What an import reports: the posts it kept, every row it could not keep and why, and the limits
// that protect the tab from hostile or accidental input. The parser never throws; all of this is data.
import type { PostStore } from './post-store';

export const ACTIVITY_FORMATS = ['csv', 'ndjson', 'twitter-v2'] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

export const PARSE_FATAL_CODES = [
  'empty-file',
  'binary-file',
  'unknown-format',
  'missing-columns',
  'file-too-large',
  'no-valid-rows',
] as const;
export type ParseFatalCode = (typeof PARSE_FATAL_CODES)[number];

export interface ParseFatal {
  code: ParseFatalCode;
  message: string;
}

/** `row-skipped`: the row was not imported; `field-dropped`: the row was imported without that field. */
export type IssueAction = 'row-skipped' | 'field-dropped' | 'stopped';

export interface ParseIssue {
  /** CSV/NDJSON: 1-based line where the record starts (the CSV header is line 1). Twitter v2: 1-based tweet ordinal. */
  row: number;
  field: string | null;
  reason: string;
  action: IssueAction;
}

export interface ParseLimits {
  /** Bytes (or characters, when the caller does not count bytes) accepted in total. */
  maxBytes: number;
  /** Records read; the rest of the file is not imported and the result says so. */
  maxRows: number;
  /** Issues kept in full; the rest are only counted. */
  maxIssues: number;
  /** Longest accepted field (characters). */
  maxFieldChars: number;
  /** Longest record / JSON object (characters); longer ones are skipped without being buffered. */
  maxRecordChars: number;
  /** Deepest JSON nesting accepted inside one post. */
  maxJsonDepth: number;
  /** Characters read before the format is decided. */
  sniffChars: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 1024 * 1024 * 1024,
  maxRows: 5_000_000,
  maxIssues: 10_000,
  maxFieldChars: 100_000,
  maxRecordChars: 1_000_000,
  maxJsonDepth: 32,
  sniffChars: 64 * 1024,
};

export interface ParseProgress {
  /** Bytes consumed (characters when the caller passes no byte counts). */
  bytes: number;
  /** Records read so far (imported + skipped). */
  rows: number;
  imported: number;
  skipped: number;
}

export interface ParseResult {
  format: ActivityFormat | null;
  /** Set when nothing usable could be read; `store` is then empty or partial. */
  fatal: ParseFatal | null;
  store: PostStore;
  issues: ParseIssue[];
  /** All issues, including those beyond `limits.maxIssues`. */
  issueCount: number;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  /** True when a limit or a structural error stopped reading before the end of the input. */
  truncated: boolean;
  /** Non-fatal notes about the whole file, e.g. optional columns it lacks. */
  notes: string[];
  bytes: number;
  /**
   * Two-thread imports: the store's posts from this index on are, one for one, the rows of the
   * part another thread read (null when there was no part, or duplicates were dropped).
   */
  partStart?: number | null;
}

/** Keeps the first `max` issues and counts the rest, so a million bad rows cost no memory. */
export class IssueLog {
  readonly issues: ParseIssue[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(row: number, field: string | null, reason: string, action: IssueAction): void {
    this.count++;
    if (this.issues.length < this.max) this.issues.push({ row, field, reason, action });
  }
}
