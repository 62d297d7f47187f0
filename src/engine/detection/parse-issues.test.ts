// Issue 15 §3: every row issue and file-level error is a code with params (the page words them in
// the reader's language); the English the CLI prints comes from `describeParseIssue` /
// `describeParseFatal`. One bad row per call site: the code, the params, and the English.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActivityParser, parseActivity } from './activity-parser';
import { describeParseFatal, describeParseIssue, describeParseNote } from './parse-messages';
import { PARSE_ISSUE_CODES } from './parse-types';
import type { ParseFatal, ParseFatalCode, ParseFatalDetail, ParseIssue, ParseLimits } from './parse-types';
import { RowValidator } from './row-validator';

const HEADER = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const ok = '9,u9,ok,,,fine,1600000000,'; // a valid row, so the file is not refused as a whole
const json = (post: Record<string, unknown>) => JSON.stringify({ message_id: '1', user_id: 'u', timestamp: 1600000000, ...post });
const ndjson = (...lines: string[]) => `${json({ message_id: '9' })}\n${lines.join('\n')}\n`;
const TS_FORMATS = '(epoch seconds or ISO 8601, between 1990 and 2100)';
const longUrls = Array.from({ length: 51 }, (_, i) => `https://x.example/${i}`).join(' ');

interface Case {
  what: string;
  text: string;
  limits?: Partial<ParseLimits>;
  issue: ParseIssue;
  english: string;
}

const CASES: Case[] = [
  {
    what: 'a CSV row with too few fields',
    text: csv(ok, '1,u,a,,,t,1600000000'),
    issue: { row: 3, field: null, code: 'wrong-field-count', params: { expected: 8, found: 7 }, action: 'row-skipped' },
    english: 'expected 8 fields, found 7',
  },
  {
    what: 'a CSV record over the record limit',
    text: csv(ok, `1,u,a,,,"${'x'.repeat(200)}`, '2,u,b,,,t,1600000000,'),
    limits: { maxRecordChars: 100 },
    issue: { row: 3, field: null, code: 'record-too-long', params: { limit: 100 }, action: 'row-skipped' },
    english: 'record longer than 100 characters (unterminated quote?); skipped',
  },
  {
    what: 'a CSV file ending inside a quoted field',
    text: csv(ok, '1,u,a,,,"open,1600000000,'),
    issue: { row: 3, field: null, code: 'unterminated-quote', params: {}, action: 'row-skipped' },
    english: 'the file ends inside a quoted field; the last record was dropped',
  },
  {
    what: 'an NDJSON line over the record limit',
    text: ndjson(json({ message: 'x'.repeat(200) })),
    limits: { maxRecordChars: 100 },
    issue: { row: 2, field: null, code: 'line-too-long', params: { limit: 100 }, action: 'row-skipped' },
    english: 'line longer than 100 characters',
  },
  {
    what: 'an NDJSON post nested too deeply',
    text: ndjson(json({ x: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) as unknown })),
    issue: { row: 2, field: null, code: 'too-deep', params: { limit: 32 }, action: 'row-skipped' },
    english: 'nested deeper than 32 levels',
  },
  {
    what: 'an NDJSON line that is not JSON',
    text: ndjson('{"message_id": "1", oops'),
    issue: { row: 2, field: null, code: 'invalid-json', params: { preview: '"{"message_id": "1", oops"' }, action: 'row-skipped' },
    english: 'invalid JSON: "{"message_id": "1", oops"',
  },
  {
    what: 'an NDJSON line that is JSON but not an object',
    text: ndjson('[1, 2]'),
    issue: { row: 2, field: null, code: 'not-a-json-object', params: {}, action: 'row-skipped' },
    english: 'not a JSON object',
  },
  {
    what: 'a Twitter v2 tweet over the record limit',
    text: JSON.stringify({ data: [{ id: '1', author_id: '2', created_at: '2021-01-01T00:00:00Z', text: 'x'.repeat(300) }, { id: '3', author_id: '2', created_at: '2021-01-01T00:00:00Z', text: 'b' }] }),
    limits: { maxRecordChars: 200 },
    issue: { row: 1, field: null, code: 'tweet-too-long', params: { limit: 200 }, action: 'row-skipped' },
    english: 'tweet object longer than 200 characters',
  },
  {
    what: 'a Twitter v2 tweet nested too deeply',
    text: `{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z","x":${'['.repeat(40)}${']'.repeat(40)}},{"id":"3","author_id":"2","created_at":"2021-01-01T00:00:00Z"}]}`,
    issue: { row: 1, field: null, code: 'too-deep', params: { limit: 32 }, action: 'row-skipped' },
    english: 'nested deeper than 32 levels',
  },
  {
    what: 'a duplicate message id',
    text: csv(ok, '9,u1,b,,,again,1600000001,'),
    issue: { row: 3, field: 'message_id', code: 'duplicate-message-id', params: { id: '9' }, action: 'row-skipped' },
    english: 'duplicate message_id 9 (the first row was kept)',
  },
  {
    what: 'an empty required id',
    text: csv(ok, ',u,a,,,t,1600000000,'),
    issue: { row: 3, field: 'message_id', code: 'missing-required', params: {}, action: 'row-skipped' },
    english: 'missing (required)',
  },
  {
    what: 'an empty timestamp',
    text: csv(ok, '1,u,a,,,t,,'),
    issue: { row: 3, field: 'timestamp', code: 'missing-timestamp', params: {}, action: 'row-skipped' },
    english: `missing ${TS_FORMATS}`,
  },
  {
    what: 'a timestamp that is not one',
    text: csv(ok, '1,u,a,,,t,yesterday,'),
    issue: { row: 3, field: 'timestamp', code: 'not-a-timestamp', params: { preview: '"yesterday"' }, action: 'row-skipped' },
    english: `not a timestamp: "yesterday" ${TS_FORMATS}`,
  },
  {
    what: 'a JSON message that is not text',
    text: ndjson(json({ message: 5 })),
    issue: { row: 2, field: 'message', code: 'not-text', params: {}, action: 'row-skipped' },
    english: 'expected text',
  },
  {
    what: 'a message over the field limit',
    text: csv(ok, '1,u,a,,,far too long,1600000000,'),
    limits: { maxFieldChars: 10 },
    issue: { row: 3, field: 'message', code: 'too-long', params: { limit: 10 }, action: 'row-skipped' },
    english: 'longer than 10 characters',
  },
  {
    what: 'a message with a NUL character',
    text: ndjson('{"message_id":"1","user_id":"u","timestamp":1600000000,"message":"a\\u0000b"}'),
    issue: { row: 2, field: 'message', code: 'nul-character', params: {}, action: 'row-skipped' },
    english: 'contains a NUL character (binary data)',
  },
  {
    what: 'a JSON number id beyond 2^53',
    text: ndjson('{"message_id":1234567890123456789,"user_id":"u","timestamp":1600000000}'),
    issue: { row: 2, field: 'message_id', code: 'not-an-integer-id', params: {}, action: 'row-skipped' },
    english: 'number is not an exact integer id (write large ids as strings)',
  },
  {
    what: 'a JSON id that is an array',
    text: ndjson(json({ user_id: ['u'] })),
    issue: { row: 2, field: 'user_id', code: 'wrong-type', params: { found: 'array' }, action: 'row-skipped' },
    english: 'expected a string, found an array',
  },
  {
    what: 'a JSON optional id that is true',
    text: ndjson(json({ reply_id: true })),
    issue: { row: 2, field: 'reply_id', code: 'wrong-type', params: { found: 'boolean' }, action: 'field-dropped' },
    english: 'expected a string, found boolean',
  },
  {
    what: 'a JSON username that is an object',
    text: ndjson(json({ username: { a: 1 } })),
    issue: { row: 2, field: 'username', code: 'wrong-type', params: { found: 'object' }, action: 'field-dropped' },
    english: 'expected a string, found object',
  },
  {
    what: 'a formula as an id',
    text: csv(ok, '1,=cmd,a,,,t,1600000000,'),
    issue: { row: 3, field: 'user_id', code: 'invalid-id', params: { preview: '"=cmd"' }, action: 'row-skipped' },
    english: 'not a valid id: "=cmd"',
  },
  {
    what: 'a formula as an optional id',
    text: csv(ok, '1,u,a,@evil,,t,1600000000,'),
    issue: { row: 3, field: 'repost_id', code: 'invalid-id', params: { preview: '"@evil"' }, action: 'field-dropped' },
    english: 'not a valid id: "@evil"',
  },
  {
    what: 'a formula as a username',
    text: csv(ok, '1,u,=cmd,,,t,1600000000,'),
    issue: { row: 3, field: 'username', code: 'invalid-username', params: { preview: '"=cmd"' }, action: 'field-dropped' },
    english: 'not a valid username: "=cmd"',
  },
  {
    what: 'a device hash with a space',
    text: `${HEADER},device_hash\n${ok},\n1,u,a,,,t,1600000000,,dev ice\n`,
    issue: { row: 3, field: 'device_hash', code: 'invalid-identifier', params: { limit: 256 }, action: 'field-dropped' },
    english: 'not a valid identifier (1-256 characters, no spaces or controls)',
  },
  {
    what: 'URLs over the field limit',
    text: csv(ok, '1,u,a,,,t,1600000000,https://x.example/a-long-path'),
    limits: { maxFieldChars: 20 },
    issue: { row: 3, field: 'urls', code: 'too-long', params: { limit: 20 }, action: 'field-dropped' },
    english: 'longer than 20 characters',
  },
  {
    what: 'JSON URLs that are neither text nor a list',
    text: ndjson(json({ urls: 5 })),
    issue: { row: 2, field: 'urls', code: 'invalid-urls', params: {}, action: 'field-dropped' },
    english: 'expected space-separated URLs or a list',
  },
  {
    what: 'more than 50 URLs',
    text: csv(ok, `1,u,a,,,t,1600000000,${longUrls}`),
    issue: { row: 3, field: 'urls', code: 'too-many-urls', params: { limit: 50 }, action: 'field-dropped' },
    english: 'more than 50 URLs; the rest were dropped',
  },
  {
    what: 'URLs that are not http(s)',
    text: csv(ok, '1,u,a,,,t,1600000000,javascript:alert(1) https://ok.example ftp://x'),
    issue: { row: 3, field: 'urls', code: 'not-http-urls', params: { count: 2, preview: '"javascript:alert(1)"' }, action: 'field-dropped' },
    english: '2 value(s) not an http(s) URL, e.g. "javascript:alert(1)"',
  },
  {
    what: 'a Twitter v2 document that ends early',
    text: '{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z"}]',
    issue: { row: 0, field: null, code: 'stopped-incomplete-json', params: {}, action: 'stopped' },
    english: 'the file ends before the JSON document is complete; the rest of the file was not read',
  },
  {
    what: 'a Twitter v2 document with a syntax error',
    text: '{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z"}] x}',
    issue: { row: 0, field: null, code: 'stopped-malformed-json', params: { offset: 73, problem: 'expected-comma-or-brace' }, action: 'stopped' },
    english: 'malformed JSON at character 73: expected , or }; the rest of the file was not read',
  },
];

describe('row issues: one code and its params per call site', () => {
  it.each(CASES)('$what -> $issue.code', ({ text, limits, issue, english }) => {
    const result = parseActivity(text, limits);
    expect(result.issues).toContainEqual(issue);
    expect(describeParseIssue(issue)).toBe(english);
    // Exactly the issue expected: no second wording of the same problem.
    expect(result.issues.filter((found) => found.row === issue.row)).toEqual([issue]);
  });

  afterEach(() => vi.restoreAllMocks());

  it('stops with the error’s own text when the parser itself fails', () => {
    vi.spyOn(RowValidator.prototype, 'accept').mockImplementation(() => {
      throw new Error('boom');
    });
    const result = parseActivity(ndjson(json({})));
    const issue = { row: 1, field: null, code: 'stopped-internal-error', params: { message: 'boom' }, action: 'stopped' } as const;
    expect(result.issues).toEqual([issue]);
    expect(describeParseIssue(issue)).toBe('internal parser error (boom); the rest of the file was not read');
  });

  it('covers every code the parser writes (all but the stored-report fallback)', () => {
    const tested = new Set<string>([...CASES.map((c) => c.issue.code), 'stopped-internal-error', 'legacy-reason']);
    expect(PARSE_ISSUE_CODES.filter((code) => !tested.has(code))).toEqual([]);
  });

  it('writes a stored report’s English reason back as it was', () => {
    expect(describeParseIssue({ row: 4, field: 'timestamp', code: 'legacy-reason', params: { reason: 'not a timestamp: "x"' }, action: 'row-skipped' })).toBe(
      'not a timestamp: "x"',
    );
  });

  it('allocates no params object for the issues that have none', () => {
    const result = parseActivity(csv(ok, ',u,a,,,t,1600000000,', ',u,b,,,t,1600000000,'));
    expect(result.issues).toHaveLength(2);
    expect(result.issues[0]?.params).toBe(result.issues[1]?.params);
  });
});

/** A file whose first line is longer than the longest record: it cannot be a CSV header. */
function longFirstLine(): ParseFatal | null {
  const parser = createActivityParser({ maxRecordChars: 50, sniffChars: 16 });
  parser.push(`${'x'.repeat(200)}\n1,2\n`);
  return parser.end().fatal;
}

describe('file-level errors: a code, a detail with its params, and the English message', () => {
  it.each<[string, () => ParseFatal | null, ParseFatalCode, ParseFatalDetail, string]>([
    ['an empty file', () => parseActivity('  \n').fatal, 'empty-file', { kind: 'empty' }, 'The file is empty.'],
    ['NUL bytes', () => parseActivity('message_id\u0000user_id').fatal, 'binary-file', { kind: 'nul-bytes' }, 'The file looks binary (it contains NUL bytes). Export CSV, NDJSON or JSON as UTF-8 text (UTF-16 files must be converted).'],
    ['undecodable bytes', () => parseActivity(`PK${'\ufffd'.repeat(40)}`).fatal, 'binary-file', { kind: 'not-utf8' }, 'The file is not valid UTF-8 text (many undecodable bytes). Export it as UTF-8.'],
    ['control characters', () => parseActivity(`a,b\n${'\u0001'.repeat(10)}`).fatal, 'binary-file', { kind: 'control-characters' }, 'The file looks binary (many control characters).'],
    ['a JSON array of numbers', () => parseActivity('[1, 2, 3]').fatal, 'unknown-format', { kind: 'json-array-not-v2' }, 'The file is a JSON array but not of Twitter API v2 responses. Use NDJSON: one post object per line.'],
    ['pretty-printed JSON', () => parseActivity('{"pretty": true,\n "not": "posts"}').fatal, 'unknown-format', { kind: 'json-not-recognised' }, 'The file is JSON but neither NDJSON (one post object per line) nor a Twitter API v2 response ({"data": [...]}).'],
    ['a first line over the record limit', longFirstLine, 'unknown-format', { kind: 'first-line-too-long' }, 'The first line is longer than the longest record accepted; expected a CSV header line.'],
    ['prose', () => parseActivity('hello world\nno commas here\n').fatal, 'unknown-format', { kind: 'no-csv-header' }, 'Unknown format: expected a CSV file with a header line (message_id,user_id,username,repost_id,reply_id,message,timestamp,urls), NDJSON, or Twitter API v2 JSON.'],
    ['a header without the required columns', () => parseActivity('name,age\nbob,3\n').fatal, 'missing-columns', { kind: 'missing-columns', missing: ['message_id', 'user_id', 'timestamp'], found: ['name', 'age'] }, 'The CSV header lacks required column(s): message_id, user_id, timestamp. Found: name, age.'],
    ['a header alone', () => parseActivity(`${HEADER}\n`).fatal, 'no-valid-rows', { kind: 'no-posts' }, 'The file contains no posts.'],
    ['only bad rows', () => parseActivity(csv('x,,,,,,,', 'y,,,,,,,')).fatal, 'no-valid-rows', { kind: 'no-row-valid', rows: 2 }, 'None of the 2 rows could be imported; see the row issues.'],
    [
      'a document broken before its first tweet',
      () => parseActivity('{"data": [] x}').fatal,
      'no-valid-rows',
      { kind: 'stopped', issue: { row: 0, field: null, code: 'stopped-malformed-json', params: { offset: 12, problem: 'expected-comma-or-brace' }, action: 'stopped' } },
      'No posts could be imported: malformed JSON at character 12: expected , or }; the rest of the file was not read.',
    ],
  ])('%s', (_what, read, code, detail, message) => {
    expect(read()).toEqual({ code, detail, message });
    expect(describeParseFatal(detail)).toBe(message);
  });
});

describe('notes about the file: a code, and the English the CLI prints', () => {
  it('names each optional column a CSV file lacks, and the row limit', () => {
    const bare = parseActivity('message_id,user_id,timestamp\n1,u,1600000000\n');
    expect(bare.notes).toEqual([{ code: 'no-message-column' }, { code: 'no-urls-column' }, { code: 'no-repost-id-column' }, { code: 'no-reply-id-column' }]);
    expect(bare.notes.map(describeParseNote)).toEqual([
      'No message column: co-post and near-duplicate detection has no data.',
      'No urls column: co-link detection has no data.',
      'No repost_id column: co-retweet detection has no data.',
      'No reply_id column: co-reply and dogpiling detection have no data.',
    ]);
    const cut = parseActivity(csv(ok, '2,u,a,,,t,1600000000,', '3,u,a,,,t,1600000000,'), { maxRows: 2 });
    expect(cut.notes).toEqual([{ code: 'row-limit', limit: 2 }]);
    expect(describeParseNote({ code: 'row-limit', limit: 1_000_000 })).toBe('Row limit reached: only the first 1,000,000 rows were read.');
    expect(describeParseNote({ code: 'legacy-note', text: 'as stored' })).toBe('as stored');
  });
});
