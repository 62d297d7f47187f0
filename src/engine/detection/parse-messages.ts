// The English wording of row issues and whole-file errors, from their codes and params: what the
// CLI prints and what a file-level error carries as `message`. The import page words the same codes
// in the reader's language (features/activity-import/parse-issue-text.ts). Pure; numbers are
// written without grouping, as the parser always wrote them.
import type { JsonSyntaxProblem, JsonValueType, ParseFatalCode, ParseFatalDetail, ParseIssue, ParseNote } from './parse-types';

const TIMESTAMP_FORMATS = '(epoch seconds or ISO 8601, between 1990 and 2100)';

const JSON_PROBLEMS: Readonly<Record<JsonSyntaxProblem, string>> = {
  'expected-response-object': 'expected a response object',
  'expected-comma-or-bracket': 'expected , or ]',
  'expected-comma-or-brace': 'expected , or }',
  'expected-key': 'expected a key',
  'expected-colon': 'expected :',
  'expected-value': 'expected a value',
  'invalid-key': 'invalid key',
  'ends-inside-value': 'the file ends inside a value',
};

const VALUE_TYPES: Readonly<Record<JsonValueType, string>> = { array: 'an array', object: 'object', boolean: 'boolean' };

const NOT_READ = '; the rest of the file was not read';

/** One row issue as one English phrase (without the row, the field and the action). */
export function describeParseIssue(issue: ParseIssue): string {
  switch (issue.code) {
    case 'wrong-field-count':
      return `expected ${issue.params.expected} fields, found ${issue.params.found}`;
    case 'record-too-long':
      return `record longer than ${issue.params.limit} characters (unterminated quote?); skipped`;
    case 'unterminated-quote':
      return 'the file ends inside a quoted field; the last record was dropped';
    case 'line-too-long':
      return `line longer than ${issue.params.limit} characters`;
    case 'too-deep':
      return `nested deeper than ${issue.params.limit} levels`;
    case 'invalid-json':
      return `invalid JSON: ${issue.params.preview}`;
    case 'not-a-json-object':
      return 'not a JSON object';
    case 'tweet-too-long':
      return `tweet object longer than ${issue.params.limit} characters`;
    case 'duplicate-message-id':
      return `duplicate message_id ${issue.params.id} (the first row was kept)`;
    case 'missing-required':
      return 'missing (required)';
    case 'missing-timestamp':
      return `missing ${TIMESTAMP_FORMATS}`;
    case 'not-a-timestamp':
      return `not a timestamp: ${issue.params.preview} ${TIMESTAMP_FORMATS}`;
    case 'not-text':
      return 'expected text';
    case 'too-long':
      return `longer than ${issue.params.limit} characters`;
    case 'nul-character':
      return 'contains a NUL character (binary data)';
    case 'not-an-integer-id':
      return 'number is not an exact integer id (write large ids as strings)';
    case 'wrong-type':
      return `expected a string, found ${VALUE_TYPES[issue.params.found]}`;
    case 'invalid-id':
      return `not a valid id: ${issue.params.preview}`;
    case 'invalid-username':
      return `not a valid username: ${issue.params.preview}`;
    case 'invalid-identifier':
      return `not a valid identifier (1-${issue.params.limit} characters, no spaces or controls)`;
    case 'invalid-urls':
      return 'expected space-separated URLs or a list';
    case 'too-many-urls':
      return `more than ${issue.params.limit} URLs; the rest were dropped`;
    case 'not-http-urls':
      return `${issue.params.count} value(s) not an http(s) URL, e.g. ${issue.params.preview}`;
    case 'stopped-incomplete-json':
      return `the file ends before the JSON document is complete${NOT_READ}`;
    case 'stopped-malformed-json':
      return `malformed JSON at character ${issue.params.offset}: ${JSON_PROBLEMS[issue.params.problem]}${NOT_READ}`;
    case 'stopped-internal-error':
      return `internal parser error (${issue.params.message})${NOT_READ}`;
    case 'legacy-reason':
      return issue.params.reason;
  }
}

/** A note about the file as the English sentence the CLI prints. */
export function describeParseNote(note: ParseNote): string {
  switch (note.code) {
    case 'no-message-column':
      return 'No message column: co-post and near-duplicate detection has no data.';
    case 'no-urls-column':
      return 'No urls column: co-link detection has no data.';
    case 'no-repost-id-column':
      return 'No repost_id column: co-retweet detection has no data.';
    case 'no-reply-id-column':
      return 'No reply_id column: co-reply and dogpiling detection have no data.';
    case 'row-limit':
      return `Row limit reached: only the first ${note.limit.toLocaleString('en')} rows were read.`;
    case 'legacy-note':
      return note.text;
  }
}

/** A whole-file error as the English sentence(s) the CLI prints. */
export function describeParseFatal(detail: ParseFatalDetail): string {
  switch (detail.kind) {
    case 'empty':
      return 'The file is empty.';
    case 'nul-bytes':
      return 'The file looks binary (it contains NUL bytes). Export CSV, NDJSON or JSON as UTF-8 text (UTF-16 files must be converted).';
    case 'not-utf8':
      return 'The file is not valid UTF-8 text (many undecodable bytes). Export it as UTF-8.';
    case 'control-characters':
      return 'The file looks binary (many control characters).';
    case 'json-array-not-v2':
      return 'The file is a JSON array but not of Twitter API v2 responses. Use NDJSON: one post object per line.';
    case 'json-not-recognised':
      return 'The file is JSON but neither NDJSON (one post object per line) nor a Twitter API v2 response ({"data": [...]}).';
    case 'first-line-too-long':
      return 'The first line is longer than the longest record accepted; expected a CSV header line.';
    case 'no-csv-header':
      return 'Unknown format: expected a CSV file with a header line (message_id,user_id,username,repost_id,reply_id,message,timestamp,urls), NDJSON, or Twitter API v2 JSON.';
    case 'missing-columns':
      return `The CSV header lacks required column(s): ${detail.missing.join(', ')}. Found: ${detail.found.join(', ')}.`;
    case 'too-large':
      return `The file is larger than the ${formatBytes(detail.limit)} limit; split it and import the parts.`;
    case 'no-posts':
      return 'The file contains no posts.';
    case 'no-row-valid':
      return `None of the ${detail.rows.toLocaleString('en')} rows could be imported; see the row issues.`;
    case 'stopped':
      return `No posts could be imported: ${describeParseIssue(detail.issue)}.`;
  }
}

/** A file-level error with its English message. */
export function parseFatal(code: ParseFatalCode, detail: ParseFatalDetail): { code: ParseFatalCode; message: string; detail: ParseFatalDetail } {
  return { code, message: describeParseFatal(detail), detail };
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(n % 1024 ** 3 === 0 ? 0 : 1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(n % 1024 ** 2 === 0 ? 0 : 1)} MiB`;
  return `${n} bytes`;
}
