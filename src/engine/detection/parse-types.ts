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

/** Why the Twitter v2 scanner stopped reading a JSON document (each worded in every language). */
export const JSON_SYNTAX_PROBLEMS = [
  'expected-response-object',
  'expected-comma-or-bracket',
  'expected-comma-or-brace',
  'expected-key',
  'expected-colon',
  'expected-value',
  'invalid-key',
  'ends-inside-value',
] as const;
export type JsonSyntaxProblem = (typeof JSON_SYNTAX_PROBLEMS)[number];

/** What a JSON field held instead of a string or an exact integer. */
export const JSON_VALUE_TYPES = ['array', 'object', 'boolean'] as const;
export type JsonValueType = (typeof JSON_VALUE_TYPES)[number];

/** Params of an issue without any: one shared object, so a bad row allocates only its issue. */
export type NoParams = Readonly<Record<string, never>>;
export const NO_PARAMS: NoParams = Object.freeze({});

/**
 * Every row issue the parser reports, with the parameters its wording needs. The engine keeps no
 * sentence: `describeParseIssue` (parse-messages.ts) writes the English one for the CLI, and the
 * import page writes it in the reader's language. `preview` is a short quoted excerpt of the bad
 * value (`preview` in row-validator.ts); `limit` is in characters (`too-deep`: nesting levels).
 */
export interface ParseIssueParamsByCode {
  // The whole row (field null).
  'wrong-field-count': { expected: number; found: number };
  'record-too-long': { limit: number };
  'unterminated-quote': NoParams;
  'line-too-long': { limit: number };
  'too-deep': { limit: number };
  'invalid-json': { preview: string };
  'not-a-json-object': NoParams;
  'tweet-too-long': { limit: number };
  // One field.
  'duplicate-message-id': { id: string };
  'missing-required': NoParams;
  'missing-timestamp': NoParams;
  'not-a-timestamp': { preview: string };
  'not-text': NoParams;
  'too-long': { limit: number };
  'nul-character': NoParams;
  'not-an-integer-id': NoParams;
  'wrong-type': { found: JsonValueType };
  'invalid-id': { preview: string };
  'invalid-username': { preview: string };
  'invalid-identifier': { limit: number };
  'invalid-urls': NoParams;
  'too-many-urls': { limit: number };
  /** `count`: values of the field that are not http(s) URLs; `preview`: the first of them. */
  'not-http-urls': { count: number; preview: string };
  // Reading stopped (action `stopped`, row 0 or the last row read).
  'stopped-incomplete-json': NoParams;
  /** `offset`: characters from the start of the file. */
  'stopped-malformed-json': { offset: number; problem: JsonSyntaxProblem };
  /** `message`: the JavaScript error's own text (at most 200 characters), shown as is. */
  'stopped-internal-error': { message: string };
  /** Never written by the parser: an issue of a report stored before issues had codes, with its English text. */
  'legacy-reason': { reason: string };
}

/** The closed list of issue codes: exactly the keys of `ParseIssueParamsByCode`. */
export const PARSE_ISSUE_CODES = [
  'wrong-field-count',
  'record-too-long',
  'unterminated-quote',
  'line-too-long',
  'too-deep',
  'invalid-json',
  'not-a-json-object',
  'tweet-too-long',
  'duplicate-message-id',
  'missing-required',
  'missing-timestamp',
  'not-a-timestamp',
  'not-text',
  'too-long',
  'nul-character',
  'not-an-integer-id',
  'wrong-type',
  'invalid-id',
  'invalid-username',
  'invalid-identifier',
  'invalid-urls',
  'too-many-urls',
  'not-http-urls',
  'stopped-incomplete-json',
  'stopped-malformed-json',
  'stopped-internal-error',
  'legacy-reason',
] as const satisfies readonly (keyof ParseIssueParamsByCode)[];
export type ParseIssueCode = (typeof PARSE_ISSUE_CODES)[number];
/** A type error when a code of the params table is missing from the list. */
export const PARSE_ISSUE_CODES_COMPLETE: Exclude<keyof ParseIssueParamsByCode, ParseIssueCode> extends never ? true : never = true;

/** `row-skipped`: the row was not imported; `field-dropped`: the row was imported without that field. */
export const ISSUE_ACTIONS = ['row-skipped', 'field-dropped', 'stopped'] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

interface IssueOf<C extends ParseIssueCode> {
  /** CSV/NDJSON: 1-based line where the record starts (the CSV header is line 1). Twitter v2: 1-based tweet ordinal. */
  row: number;
  /** The field as the parser names it (`timestamp`, `urls`, ...); null: the whole row. */
  field: string | null;
  code: C;
  params: ParseIssueParamsByCode[C];
  action: IssueAction;
}

/** One row issue: a code and that code's params (a union: checking `code` narrows `params`). */
export type ParseIssue = { [C in ParseIssueCode]: IssueOf<C> }[ParseIssueCode];

/** Why a whole file cannot be used, with what its wording needs: `fatal.code` says what, `detail` why. */
export type ParseFatalDetail =
  | { kind: 'empty' }
  | { kind: 'nul-bytes' }
  | { kind: 'not-utf8' }
  | { kind: 'control-characters' }
  | { kind: 'json-array-not-v2' }
  | { kind: 'json-not-recognised' }
  | { kind: 'first-line-too-long' }
  | { kind: 'no-csv-header' }
  /** `missing`: the required columns; `found`: the header's first 12 names as written (each cut at 30 characters). */
  | { kind: 'missing-columns'; missing: string[]; found: string[] }
  /** `limit`: bytes. */
  | { kind: 'too-large'; limit: number }
  | { kind: 'no-posts' }
  | { kind: 'no-row-valid'; rows: number }
  /** Reading stopped before any post was read: the issue that stopped it. */
  | { kind: 'stopped'; issue: ParseIssue };
export type ParseFatalKind = ParseFatalDetail['kind'];

export interface ParseFatal {
  code: ParseFatalCode;
  /** English (`describeParseFatal`), for the CLI and logs; the page words `detail` in the reader's language. */
  message: string;
  /** Absent only in reports stored before it existed: the page then shows `message`. */
  detail?: ParseFatalDetail;
}

/**
 * A note about the whole file that does not stop the import: an optional column it lacks (the
 * detectors that need it find nothing), or the row limit that cut it short. Worded like issues:
 * `describeParseNote` in English, the page in the reader's language.
 */
export const PARSE_NOTE_CODES = ['no-message-column', 'no-urls-column', 'no-repost-id-column', 'no-reply-id-column', 'row-limit', 'legacy-note'] as const;
export type ParseNoteCode = (typeof PARSE_NOTE_CODES)[number];
export type ParseNote =
  | { code: Exclude<ParseNoteCode, 'row-limit' | 'legacy-note'> }
  /** `limit`: rows read. */
  | { code: 'row-limit'; limit: number }
  /** Never written by the parser: a note of a report stored before notes had codes, in English. */
  | { code: 'legacy-note'; text: string };

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
  notes: ParseNote[];
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
  add<C extends ParseIssueCode>(row: number, field: string | null, code: C, params: ParseIssueParamsByCode[C], action: IssueAction): void {
    this.count++;
    if (this.issues.length < this.max) this.issues.push({ row, field, code, params, action } satisfies IssueOf<C> as ParseIssue);
  }
  /** An issue read elsewhere (a part parser's), its row moved by `rowOffset`. */
  addIssue(issue: ParseIssue, rowOffset: number): void {
    this.count++;
    if (this.issues.length < this.max) this.issues.push({ ...issue, row: issue.row + rowOffset });
  }
}
