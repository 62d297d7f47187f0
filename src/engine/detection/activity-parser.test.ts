import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActivityParser, parseActivity } from './activity-parser';
import { describeParseIssue, describeParseNote } from './parse-messages';
import type { ParseLimits, ParseResult } from './parse-types';
import { chunksOf, countReads, snapshot, splitAt } from './parse-test-kit';

const HEADER = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';

function parseChunks(chunks: readonly string[], limits: Partial<ParseLimits> = {}): ParseResult {
  const parser = createActivityParser(limits);
  for (const chunk of chunks) parser.push(chunk);
  return parser.end();
}

describe('format detection (by content, never by name)', () => {
  it('reads the toolkit CSV: quoted text, epoch and ISO timestamps, space-separated URLs', () => {
    const r = parseActivity(
      `${HEADER}\n1,u1,alice,,,"Hello, ""world""\nsecond line",1600000000,https://www.Example.com/a/?utm_source=x&b=2#top http://t.co/x\n` +
        `2,u2,@bob,1,,RT,2020-09-13T12:26:40Z,\n3,u1,alice,,1,"@bob agreed",2020-09-13T12:26:41+02:00,\n`,
    );
    expect(r.format).toBe('csv');
    expect(r.fatal).toBeNull();
    expect(r.issues).toEqual([]);
    expect(r.store.postIds).toEqual(['1', '2', '3']);
    expect(r.store.text.get(0)).toBe('Hello, "world"\nsecond line');
    expect([...r.store.time]).toEqual([1_600_000_000, 1_600_000_000, 1_599_992_801]);
    expect(r.store.urls).toEqual(['example.com/a?b=2', 't.co/x']);
    expect(r.store.usernames).toEqual(['alice', 'bob']);
    expect(r.store.refIds).toEqual(['1']);
    expect([...r.store.repostOf]).toEqual([-1, 0, -1]);
    expect([...r.store.replyTo]).toEqual([-1, -1, 0]);
  });

  it('reads the optional columns quote_id, device_hash, ip_hash and lang, in any order', () => {
    const r = parseActivity('lang,ip_hash,device_hash,quote_id,timestamp,message,user_id,message_id\nen,ip1,d1,9,1600000000,hi,u1,1\n');
    expect(r.format).toBe('csv');
    expect(r.store.devices).toEqual(['d1']);
    expect(r.store.ips).toEqual(['ip1']);
    expect(r.store.refIds).toEqual(['9']);
    expect(r.notes).toContainEqual({ code: 'no-urls-column' });
    expect(r.notes.map(describeParseNote)).toContain('No urls column: co-link detection has no data.');
  });

  it('detects tab- and semicolon-separated files from the header', () => {
    expect(parseActivity('message_id\tuser_id\ttimestamp\n1\tu\t1600000000\n').format).toBe('csv');
    expect(parseActivity('message_id;user_id;timestamp\n1;u;1600000000\n').store.size).toBe(1);
  });

  it('reads NDJSON in the toolkit vocabulary and as raw tweets, one bad line costing one row', () => {
    const r = parseActivity(
      '{"message_id":"1","user_id":"u1","message":"a","timestamp":1600000000,"urls":["https://a.example/x"]}\n' +
        '{not json\n' +
        '{"id":"2","author_id":"u2","created_at":"2020-01-01T00:00:00.000Z","text":"b","referenced_tweets":[{"type":"retweeted","id":"1"}]}\n',
    );
    expect(r.format).toBe('ndjson');
    expect(r.store.postIds).toEqual(['1', '2']);
    expect(r.store.urls).toEqual(['a.example/x']);
    expect(r.issues).toEqual([{ row: 2, field: null, code: 'invalid-json', params: { preview: '"{not json"' }, action: 'row-skipped' }]);
  });

  it('reads a Twitter API v2 response: usernames from includes.users, references, entity URLs', () => {
    const page = {
      data: [
        { id: '10', author_id: '7', created_at: '2021-01-01T00:00:00.000Z', text: 'RT @x: hi', referenced_tweets: [{ type: 'retweeted', id: '3' }], entities: { urls: [{ expanded_url: 'https://x.com/a?s=20' }] } },
        { id: '11', author_id: '8', created_at: '2021-01-01T00:00:05.000Z', text: '@x no', referenced_tweets: [{ type: 'replied_to', id: '3' }, { type: 'quoted', id: '4' }] },
      ],
      includes: { users: [{ id: '7', username: 'carol' }, { id: '8', username: 'dave' }] },
      meta: { result_count: 2 },
    };
    for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2), `${JSON.stringify(page)}\n${JSON.stringify({ ...page, data: [] })}\n`, JSON.stringify([page])]) {
      const r = parseActivity(text);
      expect(r.format).toBe('twitter-v2');
      expect(r.fatal).toBeNull();
      expect(r.store.postIds).toEqual(['10', '11']);
      expect(r.store.usernames).toEqual(['carol', 'dave']);
      expect(r.store.urls).toEqual(['x.com/a']);
      expect([...r.store.repostOf]).toEqual([0, -1]);
      expect([...r.store.replyTo]).toEqual([-1, 0]);
      expect(r.store.refIds[r.store.quoteOf[1] ?? -1]).toBe('4');
    }
  });

  it('reports a Twitter v2 tweet nested too deeply as one row, and keeps the others', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const text = `{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"a","x":${deep}},{"id":"3","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"b"}]}`;
    const r = parseActivity(text);
    expect(r.store.postIds).toEqual(['3']);
    expect(r.issues).toEqual([{ row: 1, field: null, code: 'too-deep', params: { limit: 32 }, action: 'row-skipped' }]);
  });
});

describe('streaming: every split point gives the same result', () => {
  it.each([
    ['twitter-v2', JSON.stringify({ data: [{ id: '1', author_id: '2', created_at: '2021-01-01T00:00:00Z', text: 'a "quoted" \\ text', entities: { urls: [{ expanded_url: 'https://x.example/a' }] } }, { id: '3', author_id: '4', created_at: '2021-01-01T00:00:01Z', text: 'b' }], includes: { users: [{ id: '2', username: 'ann' }] }, meta: { next_token: 'x' } }, null, 1)],
    ['csv', `${HEADER}\r\n1,u1,a,,,"x, ""y""\r\nz",1600000000,https://a.example\r\n2,u2,b,1,,RT,1600000001,\r\n`],
    ['ndjson', '{"message_id":"1","user_id":"u","timestamp":1600000000,"message":"héllo 🔥"}\n\n{broken\n{"message_id":"2","user_id":"u","timestamp":"2020-09-13T12:26:41Z"}'],
  ])('%s', (_format, text) => {
    const whole = snapshot(parseChunks([text], { sniffChars: 16 }));
    for (let cut = 0; cut <= text.length; cut++) {
      expect(snapshot(parseChunks([text.slice(0, cut), text.slice(cut)], { sniffChars: 16 }))).toEqual(whole);
    }
  });

  it('reports an endless NDJSON line once, however it arrives', () => {
    const long = `{"message_id":"1","user_id":"u","timestamp":1600000000,"message":"${'x'.repeat(500)}"}`;
    const text = `${long}\n{"message_id":"2","user_id":"u","timestamp":1600000000}\n`;
    const whole = parseChunks([text], { maxRecordChars: 100 });
    const pieces = parseChunks(text.match(/.{1,37}/gs) ?? [], { maxRecordChars: 100 });
    expect(snapshot(pieces)).toEqual(snapshot(whole));
    expect(whole.issues).toEqual([{ row: 1, field: null, code: 'line-too-long', params: { limit: 100 }, action: 'row-skipped' }]);
    expect(whole.store.postIds).toEqual(['2']);
  });
});

// Issue 14, defect 7: the first line decides the format even when it is longer than the 64 KiB
// sniff window, and the result is the same however the file is chunked.
const post = (id: string, message: string) => JSON.stringify({ message_id: id, user_id: 'u', timestamp: 1_600_000_000, message });

function reads(text: string, chunk: number): { reads: number; result: ParseResult } {
  const counted = countReads(() => parseChunks(chunksOf(text, chunk)));
  return { reads: counted.reads, result: counted.result };
}

const tweetWith = (textJson: string) =>
  `{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"${textJson}"},{"id":"3","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"b"}]}`;

/** A short first line, then a long one (the sniff window does not take the long line whole). */
const twoPosts = (n: number) => `${post('0', 'x')}\n${post('1', 'x'.repeat(n))}\n`;

describe('long first lines and long keys', () => {
  it('recognises NDJSON whose first line is 70,000 characters long (under the field limit)', () => {
    const text = `${post('1', 'x'.repeat(69_900))}\n${post('2', 'short')}\n`;
    const whole = parseChunks([text]);
    expect(whole.format).toBe('ndjson');
    expect(whole.fatal).toBeNull();
    expect(whole.store.postIds).toEqual(['1', '2']);
    expect(snapshot(parseChunks(chunksOf(text, 4096)))).toEqual(snapshot(whole));
  });

  it('recognises a CSV header longer than 64 KiB', () => {
    const extra = Array.from({ length: 7_000 }, (_, i) => `extra_column_${i}`);
    const header = [...HEADER.split(','), ...extra].join(',');
    expect(header.length).toBeGreaterThan(64 * 1024);
    const text = `${header}\n1,u,a,,,hello,1600000000,${',x'.repeat(extra.length)}\n`;
    const whole = parseChunks([text]);
    expect(whole.format).toBe('csv');
    expect(whole.fatal).toBeNull();
    expect(whole.store.postIds).toEqual(['1']);
    expect(snapshot(parseChunks(chunksOf(text, 4096)))).toEqual(snapshot(whole));
  });

  it('still refuses a first line longer than a record may be, whole or in chunks', () => {
    const text = `${HEADER},${'x'.repeat(300)}\n1,u,a,,,t,1600000000,,\n`;
    const whole = parseChunks([text], { maxRecordChars: 200, sniffChars: 64 });
    expect(whole.fatal?.code).toBe('unknown-format');
    expect(snapshot(parseChunks(chunksOf(text, 7), { maxRecordChars: 200, sniffChars: 64 }))).toEqual(snapshot(whole));
  });

  it('passes over a Twitter v2 key longer than 10,000 characters the same way whole and streamed in 4 KiB chunks', () => {
    const tweet = { id: '1', author_id: '2', created_at: '2021-01-01T00:00:00Z', text: 'a' };
    const text = `{"data":[${JSON.stringify(tweet)}],"meta":{"pad":"${'p'.repeat(70_000)}"},"${'k'.repeat(20_000)}":{"data":[1]},"includes":{"users":[{"id":"2","username":"ann"}]}}`;
    const whole = parseChunks([text]);
    expect(whole.issues).toEqual([]);
    expect(whole.store.usernames).toEqual(['ann']); // read after the long key
    expect(snapshot(parseChunks(chunksOf(text, 4096)))).toEqual(snapshot(whole));
  });
});

describe('linear work (characters read, counted, never timed)', () => {
  it.each([
    ['one run of backslashes', (n: number) => tweetWith('\\'.repeat(n))],
    ['runs of backslashes between quotes', (n: number) => tweetWith('\\\\\\\"'.repeat(n / 4))],
  ])('reads a Twitter v2 string of %s streamed in 1 KiB chunks', (_what, text) => {
    const small = reads(text(80_000), 1024);
    const large = reads(text(160_000), 1024);
    expect(large.result.store.postIds).toEqual(['1', '3']);
    expect(snapshot(large.result)).toEqual(snapshot(parseChunks([text(160_000)])));
    expect(large.reads / small.reads).toBeLessThan(2.5);
    expect(large.reads).toBeLessThan(8 * text(160_000).length);
  });

  it('reads a long NDJSON line streamed in small chunks', () => {
    const text = twoPosts;
    const small = reads(text(40_000), 512);
    const large = reads(text(80_000), 512);
    expect(large.result.store.postIds).toEqual(['0', '1']);
    expect(large.reads / small.reads).toBeLessThan(2.5);
    expect(large.reads).toBeLessThan(8 * text(80_000).length);
  });
});

describe('whole-file errors are reported, never thrown', () => {
  it.each([
    ['', 'empty-file'],
    ['  \n\r\n ', 'empty-file'],
    ['message_id\u0000user_id', 'binary-file'],
    [`PK\u0003\u0004${'\ufffd'.repeat(40)}`, 'binary-file'],
    ['hello world\nno commas here\n', 'unknown-format'],
    ['{"pretty": true,\n "not": "posts"}', 'unknown-format'],
    ['[1, 2, 3]', 'unknown-format'],
    ['name,age\nbob,3\n', 'missing-columns'],
    [`${HEADER}\n`, 'no-valid-rows'],
    [`${HEADER}\nx,,,,,,,\n`, 'no-valid-rows'],
  ])('%j -> %s', (text, code) => {
    expect(parseActivity(text).fatal?.code).toBe(code);
  });

  it('names the missing columns and what it found', () => {
    const fatal = parseActivity('message_id,username\n1,a\n').fatal;
    expect(fatal?.message).toBe('The CSV header lacks required column(s): user_id, timestamp. Found: message_id, username.');
    expect(fatal?.detail).toEqual({ kind: 'missing-columns', missing: ['user_id', 'timestamp'], found: ['message_id', 'username'] });
  });

  it('refuses a file over the size limit with the limit in the message', () => {
    const parser = createActivityParser({ maxBytes: 1024 * 1024 });
    parser.push(`${HEADER}\n`, 1_000_000);
    parser.push('1,u,a,,,t,1600000000,\n', 100_000);
    const r = parser.end();
    expect(r.fatal).toEqual({
      code: 'file-too-large',
      message: 'The file is larger than the 1 MiB limit; split it and import the parts.',
      detail: { kind: 'too-large', limit: 1024 * 1024 },
    });
    expect(parser.stopped).toBe(true);
  });

  it('stops at the row limit, keeps what it read and says so', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},u,a,,,t,1600000000,`).join('\n');
    const r = parseActivity(`${HEADER}\n${rows}\n`, { maxRows: 4 });
    expect(r.store.size).toBe(4);
    expect(r.truncated).toBe(true);
    expect(r.notes).toEqual([{ code: 'row-limit', limit: 4 }]);
    expect(describeParseNote({ code: 'row-limit', limit: 5_000_000 })).toBe('Row limit reached: only the first 5,000,000 rows were read.');
  });
});

describe('row issues: invalid rows are listed, valid rows still import', () => {
  it('rejects hostile or malformed rows field by field', () => {
    const huge = 'x'.repeat(100_001);
    const text = [
      HEADER,
      '1,=HYPERLINK("x"),a,,,t,1600000000,', // formula in an id
      '2,u,a,,,t,yesterday,', // bad timestamp
      '3,u,a,,,t,1600000000', // wrong field count
      `4,u,a,,,${huge},1600000000,`, // field over 100 kB
      '5,u,=cmd,@evil,,t,1600000000,javascript:alert(1)', // bad optional fields are dropped, row kept
      '6,u,a,,,t,99999999999999999,', // out of range
      '1,u,a,,,dup,1600000000,', // duplicate of a later-valid id? (1 was rejected, so this one is kept)
      '5,u,a,,,dup,1600000000,', // duplicate of row 6
    ].join('\n');
    const r = parseActivity(text);
    expect(r.store.postIds).toEqual(['5', '1']);
    expect(r.issues.map((i) => [i.row, i.field, i.code, i.action])).toEqual([
      [2, 'user_id', 'invalid-id', 'row-skipped'],
      [3, 'timestamp', 'not-a-timestamp', 'row-skipped'],
      [4, null, 'wrong-field-count', 'row-skipped'],
      [5, 'message', 'too-long', 'row-skipped'],
      [6, 'repost_id', 'invalid-id', 'field-dropped'],
      [6, 'username', 'invalid-username', 'field-dropped'],
      [6, 'urls', 'not-http-urls', 'field-dropped'],
      [7, 'timestamp', 'not-a-timestamp', 'row-skipped'],
      [9, 'message_id', 'duplicate-message-id', 'row-skipped'],
    ]);
    expect(r.issues[0]?.params).toEqual({ preview: '"=HYPERLINK("x")"' });
    expect(describeParseIssue(r.issues[0]!)).toBe('not a valid id: "=HYPERLINK("x")"');
    expect(r.rowsRead).toBe(8);
    expect(r.rowsImported).toBe(2);
    expect(r.rowsSkipped).toBe(6);
  });

  it('keeps the first 10,000 issues and counts the rest', () => {
    const rows = Array.from({ length: 10_050 }, (_, i) => `${i},u,a,,,t,bad,`).join('\n');
    const r = parseActivity(`${HEADER}\n${rows}\n1,u,a,,,t,1600000000,\n`);
    expect(r.issues).toHaveLength(10_000);
    expect(r.issueCount).toBe(10_050);
    expect(r.store.size).toBe(1);
  });

  it('treats a JSON number id beyond 2^53 as an error instead of silently rounding it', () => {
    const r = parseActivity('{"message_id":1234567890123456789,"user_id":"u","timestamp":1600000000}\n{"message_id":"2","user_id":"u","timestamp":1600000000}\n');
    expect(r.store.postIds).toEqual(['2']);
    expect(r.issues[0]).toMatchObject({ field: 'message_id', code: 'not-an-integer-id', action: 'row-skipped' });
  });
});

// --- fuzzing -------------------------------------------------------------------------------------

const hostile = fc.constantFrom(
  '=SUM(A1:A9)', '+cmd', '-1', '@x', '"', '""', ',', '\n', '\r\n', '\u0000', '\ufffd', '\u2028', '<script>',
  '{"a":', '[[[[', '\\', 'https://x.example/?utm_source=a', '1600000000', '2020-02-30T00:00:00Z', '🔥', ' ',
);
const cell = fc.oneof(fc.string({ maxLength: 12 }), hostile, fc.nat().map(String));

const csvText = fc
  .array(fc.array(cell, { minLength: 6, maxLength: 9 }), { maxLength: 12 })
  .map((rows) =>
    [HEADER, ...rows.map((cells) => cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n'),
  );

const jsonValue = fc.oneof(cell, fc.integer(), fc.constant(null), fc.array(cell, { maxLength: 3 }));
const ndjsonText = fc
  .array(
    fc.oneof(
      fc.record({ message_id: jsonValue, user_id: jsonValue, timestamp: jsonValue, message: jsonValue, urls: jsonValue }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
      cell,
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

const tweet = fc.record(
  {
    id: jsonValue,
    author_id: jsonValue,
    created_at: jsonValue,
    text: jsonValue,
    referenced_tweets: fc.array(fc.record({ type: fc.constantFrom('retweeted', 'replied_to', 'quoted', 'x'), id: jsonValue }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
/**
 * Keys of the outer structure, some longer than the key limit: the parser's (150 characters with
 * the properties' maxRecordChars) and the scanner's own 10,000, with escapes that may fall on a cut.
 */
const outerKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('data', 'includes', 'users', 'meta'),
  fc.tuple(fc.integer({ min: 100, max: 400 }), fc.constantFrom('k', '\\', '"', 'é')).map(([n, c]) => c.repeat(n)),
  fc.tuple(fc.integer({ min: 9_990, max: 10_010 }), fc.constantFrom('k', '\\')).map(([n, c]) => c.repeat(n)),
);
const twitterText = fc
  .tuple(
    fc.array(tweet, { maxLength: 6 }),
    fc.array(fc.record({ id: jsonValue, username: jsonValue }), { maxLength: 3 }),
    fc.boolean(),
    fc.boolean(),
    fc.array(fc.tuple(outerKey, jsonValue), { maxLength: 2 }),
    fc.array(fc.tuple(outerKey, jsonValue), { maxLength: 2 }),
  )
  .map(([data, users, pretty, truncate, pageKeys, includesKeys]) => {
    // Extra keys before `data` and inside `includes`, where the scanner reads keys.
    const page = { ...Object.fromEntries(pageKeys), data, includes: { ...Object.fromEntries(includesKeys), users }, meta: { n: data.length } };
    const text = JSON.stringify(page, null, pretty ? 2 : undefined);
    return truncate ? text.slice(0, Math.floor(text.length / 2)) : text;
  });

const anyInput = fc.oneof(csvText, ndjsonText, twitterText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));

describe('parser properties (fast-check)', () => {
  it('never throws, whatever the input, and its counts add up', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const r = parseActivity(text, { maxRecordChars: 200 });
        expect(r.rowsImported + r.rowsSkipped).toBe(r.rowsRead);
        expect(r.store.size).toBe(r.rowsImported);
        expect(r.issues.length).toBeLessThanOrEqual(r.issueCount);
      }),
      { numRuns: 3_000 },
    );
  }, 120_000);

  it('gives the same result whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(anyInput, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 8, max: 400 }), (text, cuts, sniff) => {
        const limits = { maxRecordChars: 150, sniffChars: sniff };
        expect(snapshot(parseChunks(splitAt(text, cuts), limits))).toEqual(snapshot(parseChunks([text], limits)));
      }),
      { numRuns: 3_000 },
    );
  }, 120_000);

  it('imports every well-formed CSV row exactly once', () => {
    const row = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9_]{1,10}$/),
      user: fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
      text: fc.string({ maxLength: 40 }),
      time: fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 20 }), (rows) => {
        const body = rows.map((r) => `${r.id},${r.user},,,,"${r.text.replace(/"/g, '""')}",${r.time},`).join('\r\n');
        const result = parseActivity(`${HEADER}\r\n${body}\r\n`);
        const nonEmpty = rows.length > 0;
        expect(result.store.postIds).toEqual(rows.map((r) => r.id));
        expect(result.store.text.toArray()).toEqual(rows.map((r) => r.text));
        expect(result.fatal?.code ?? null).toBe(nonEmpty ? null : 'no-valid-rows');
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);
});

describe('a large input sized up ahead (expectedBytes) and fingerprinted as it is read', () => {
  it('gives the same store, issues and fingerprints whatever the size said', () => {
    const lines = [HEADER];
    for (let i = 0; i < 40_000; i++) {
      const text = i % 9 === 0 ? '"quoted, with ""quotes"" 🔥"' : i % 4 === 0 ? 'RT @a: the same text again' : `post ${i} about things é`;
      lines.push(`${i % 39_000},u${i % 301},name${i % 301},${i % 4 === 0 ? 'r1' : ''},,${text},${i % 977 === 5 ? 'later' : 1_700_000_000 + i},${i % 6 === 0 ? 'https://x.example/a' : ''}`);
    }
    const text = `${lines.join('\n')}\n`;
    const read = (options: { expectedBytes?: number; fingerprintMinChars?: number }): Record<string, unknown> => {
      const parser = createActivityParser({}, options);
      for (const chunk of chunksOf(text, 512 * 1024)) parser.push(chunk);
      const result = parser.end();
      const f = parser.fingerprints();
      return { ...snapshot(result), fingerprints: f === null ? null : [f.minChars, [...f.eligible], [...f.hashA], [...f.signatureRow], f.signedCount] };
    };
    const plain = read({ fingerprintMinChars: 20 });
    expect(plain.rows).toEqual([40_000, 38_962, 1_038, false]); // skipped: repeated ids and bad timestamps
    for (const expectedBytes of [text.length, text.length / 5, text.length * 5]) expect(read({ expectedBytes, fingerprintMinChars: 20 })).toEqual(plain);
    expect(read({}).fingerprints).toBeNull();
  });
});
