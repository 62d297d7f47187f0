// The CSV fast path (csv-fast-row.ts) must be invisible: the same file gives the same store, the
// same issues (row, field, reason, action) and the same counts with and without it. RowValidator is
// the definition; these properties hold the fast path to it on random and hostile files.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActivityParser, parseActivity } from './activity-parser';
import { CsvFastRows } from './csv-fast-row';
import { sniffFormat } from './format-sniffer';
import { describeParseIssue } from './parse-messages';
import { DEFAULT_PARSE_LIMITS } from './parse-types';
import { PostStoreBuilder } from './post-store';
import { SIGNATURE_BINS } from './text-features';
import { fingerprintRows } from './text-fingerprints';
import type { TextFingerprints } from './text-fingerprints';
import type { PackedIds, TextFile } from './post-store';
import type { ParseLimits, ParseResult } from './parse-types';
import { snapshot as snapshotWithoutBytes, splitAt } from './parse-test-kit';

/** The parser kit's snapshot plus the bytes read: the fast path must count them the same way too. */
const snapshot = (result: ParseResult): Record<string, unknown> => ({ ...snapshotWithoutBytes(result), bytes: result.bytes });

function parseChunks(chunks: readonly string[], limits: Partial<ParseLimits>, csvFastPath: boolean): ParseResult {
  const parser = createActivityParser(limits, { csvFastPath });
  for (const chunk of chunks) parser.push(chunk);
  return parser.end();
}

const COLUMNS = ['message_id', 'user_id', 'username', 'repost_id', 'reply_id', 'message', 'timestamp', 'urls', 'quote_id', 'device_hash', 'ip_hash', 'lang'] as const;
type Column = (typeof COLUMNS)[number];

// Values that sit on the fast path's edges: valid and almost valid ids, every kind of white space,
// formula prefixes, markup, non-ASCII, NUL, over-long values, every timestamp form.
const space = fc.constantFrom(' ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', '\u000b', '\r');
const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,12}$/),
  fc.constantFrom('1', '0', '_', 'a'.repeat(128), 'a'.repeat(129), '-1', '=1', '+1', '@1', '.1', ':1', 'a b', 'ä1', '1ä', 'x\u0000', '12345678901234'),
  fc.tuple(space, fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), fc.boolean()).map(([s, v, before]) => (before ? s + v : v + s)),
);
const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);
const timestamp = fc.oneof(
  digits(631_152_000, 4_102_444_800),
  digits(0, 999_999_999),
  digits(631_152_000_000, 4_102_444_800_000),
  fc.constantFrom('', ' 1600000000', '1600000000 ', '1600000000.5', '1600000000.', '.5', '01600000000', '0001600000000', '4102444800', '4102444801', '631151999',
    '99999999999', '100000000000', '1600000000000000', '16000000000000000000', '160000000000000000000', '1e9', '-1600000000', '+1600000000', '２０２０',
    '2020-09-13T12:26:40Z', '2020-09-13 12:26:40+02:00', 'Wed Oct 10 20:19:24 +0000 2018', '2020-02-30T00:00:00Z', 'now'),
);
const username = fc.oneof(
  fc.stringMatching(/^@?[A-Za-z0-9_]{1,12}$/),
  fc.constantFrom('@', '@@x', '=x', '+x', '-x', 'a"b', "a'b", 'a<b', 'a>b', 'a`b', 'a\\b', 'ä', '@ä', 'a'.repeat(100), 'a'.repeat(101), `@${'a'.repeat(100)}`, 'a b', 'a\u00a0'),
);
const urlToken = fc.constantFrom(
  'https://x.example/a', 'http://www.X.example/a/?utm_source=q&b=2#f', 'www.y.example', 'https://x.example/a', 'ftp://x.example', 'javascript:alert(1)',
  'https://', 'https://a..b/', 'https://x.example:8080/p', 'https://x.example:99999/p', 'https://ä.example/', 'https://x.example/ä', 'https://t.co/x?s=1&t=2',
  'data:text/html,x', 'x',
);
const urls = fc.oneof(
  fc.array(urlToken, { maxLength: 4 }).map((t) => t.join(' ')),
  fc.tuple(fc.array(urlToken, { minLength: 2, maxLength: 3 }), space).map(([t, s]) => t.join(s)),
  fc.constantFrom('', ' ', '  https://x.example/a  ', Array.from({ length: 50 }, (_, i) => `https://x.example/${i}`).join(' '),
    Array.from({ length: 51 }, (_, i) => `https://x.example/${i}`).join(' '), Array.from({ length: 52 }, () => 'https://x.example/same').join(' ')),
);
const opaque = fc.oneof(fc.stringMatching(/^[!-~]{1,10}$/), fc.constantFrom('', 'a b', 'ä', '\u0000', 'x'.repeat(256), 'x'.repeat(257), ' x', 'x\u00a0'));
const sentence = fc.array(fc.constantFrom('alpha', 'Beta', 'gamma,', 'delta', 'epsilon', '@zeta', 'https://eta.example'), { minLength: 3, maxLength: 9 }).map((w) => w.join(' '));
const message = fc.oneof(fc.string({ maxLength: 30 }), sentence, sentence, fc.constantFrom('', 'hello world', 'a\u0000b', '🔥 fire', 'x'.repeat(120), 'tab\tinside', 'cr\rinside'));

const VALUES: Record<Column, fc.Arbitrary<string>> = {
  message_id: id, user_id: id, username, repost_id: id, reply_id: id, message, timestamp, urls, quote_id: id, device_hash: opaque, ip_hash: opaque,
  lang: fc.constantFrom('en', '', 'nl'),
};
/** Mostly valid rows (so the fast path runs), sometimes one or more hostile cells. */
const EMPTY_OK: readonly Column[] = ['username', 'repost_id', 'reply_id', 'message', 'urls', 'quote_id', 'device_hash', 'ip_hash', 'lang'];

function quote(cell: string, delimiter: string): string {
  return cell.includes('"') || cell.includes(delimiter) || cell.includes('\n') || cell.includes('\r') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const csvFile = fc
  .record({
    columns: fc.shuffledSubarray([...COLUMNS], { minLength: 3 }).filter((c) => c.includes('message_id') && c.includes('user_id') && c.includes('timestamp')),
    delimiter: fc.constantFrom(',', ',', '\t', ';', '|'),
    lineBreak: fc.constantFrom('\n', '\r\n'),
  })
  .chain(({ columns, delimiter, lineBreak }) => {
    const good = fc.record({
      message_id: fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), id),
      user_id: fc.constantFrom('u1', 'u2', 'u3', 'user_4', 'U5'),
      timestamp: fc.oneof(digits(1_600_000_000, 1_600_100_000), timestamp),
    });
    const row = fc
      .tuple(
        good,
        fc.record(Object.fromEntries(columns.map((c) => [c, fc.oneof({ weight: 3, arbitrary: EMPTY_OK.includes(c) ? fc.constant('') : VALUES[c] }, { weight: 2, arbitrary: VALUES[c] })]))),
        fc.array(fc.constantFrom(...columns), { maxLength: 3 }),
        fc.constantFrom('ok', 'ok', 'ok', 'ok', 'short', 'long', 'blank', 'quoted'),
      )
      .map(([g, cells, hostileCols, shape]) => {
        const values: Record<string, string> = { ...cells };
        for (const c of ['message_id', 'user_id', 'timestamp'] as const) if (!hostileCols.includes(c)) values[c] = g[c];
        let fields = columns.map((c) => values[c] ?? '');
        if (shape === 'short') fields = fields.slice(1);
        if (shape === 'long') fields = [...fields, 'extra'];
        if (shape === 'blank') return '';
        return fields.map((f) => (shape === 'quoted' ? `"${f.replace(/"/g, '""')}"` : quote(f, delimiter))).join(delimiter);
      });
    return fc.array(row, { maxLength: 25 }).map((rows) => [columns.join(delimiter), ...rows].join(lineBreak) + (rows.length % 2 === 0 ? lineBreak : ''));
  });

describe('CSV fast path: the same result as the row validator alone (fast-check)', () => {
  it('same store, issues and counts on random and hostile files, whatever the chunks and limits', () => {
    fc.assert(
      fc.property(
        csvFile,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.record({ maxRows: fc.constantFrom(5_000_000, 3, 10), maxIssues: fc.constantFrom(10_000, 2), maxFieldChars: fc.constantFrom(100_000, 20) }),
        (text, cuts, limits) => {
          const chunks = splitAt(text, cuts);
          const reference = snapshot(parseChunks([text], limits, false));
          expect(snapshot(parseChunks(chunks, limits, true))).toEqual(reference);
          expect(snapshot(parseChunks([text], limits, true))).toEqual(reference);
        },
      ),
      { numRuns: 2_500 },
    );
  }, 300_000);

  it('same result for rows of arbitrary strings in every column', () => {
    const header = COLUMNS.join(',');
    const anyCell = fc.oneof(fc.string({ maxLength: 14 }), fc.string({ unit: 'binary', maxLength: 8 }), id, timestamp, urls, username);
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: 12, maxLength: 12 }), { maxLength: 10 }), (rows) => {
        const text = [header, ...rows.map((cells) => cells.map((c) => quote(c, ',')).join(','))].join('\n');
        expect(snapshot(parseActivity(text, {}, { csvFastPath: true }))).toEqual(snapshot(parseActivity(text, {}, { csvFastPath: false })));
      }),
      { numRuns: 3_000 },
    );
  }, 300_000);

  it('takes ordinary rows and keeps repeated values interned once', () => {
    const text = [
      'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls,quote_id,device_hash,ip_hash,lang',
      '1,u1,@alice,,,Hello world,1600000000,https://www.Example.com/a/?utm_source=x&b=2 http://t.co/x,,dev-1,ip-1,en',
      '2,u2,bob,1,,,1600000001000,,,dev-1,ip-2,en',
      '3,u1,alice2,,1,hi,1600000002,https://example.com/a?b=2 https://example.com/a?b=2,2,dev-2,ip-1,',
      '4,u1,,,,x,1600000003,,,,,',
    ].join('\n');
    const fast = parseActivity(text, {}, { csvFastPath: true });
    expect(snapshot(fast)).toEqual(snapshot(parseActivity(text, {}, { csvFastPath: false })));
    expect(fast.issues).toEqual([]);
    expect(fast.store.accountIds).toEqual(['u1', 'u2']);
    expect(fast.store.usernames).toEqual(['alice2', 'bob']);
    expect(fast.store.urls).toEqual(['example.com/a?b=2', 't.co/x']);
    expect([...fast.store.urlIds]).toEqual([0, 1, 0]);
    expect(fast.store.refIds).toEqual(['1', '2']);
    expect([...fast.store.time]).toEqual([1_600_000_000, 1_600_000_001, 1_600_000_002, 1_600_000_003]);
    expect(fast.store.devices).toEqual(['dev-1', 'dev-2']);
    expect([...fast.store.ip]).toEqual([0, 1, 0, -1]);
  });
});

describe('CsvFastRows.check', () => {
  const header = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls,quote_id,device_hash,ip_hash,lang';
  const sniff = sniffFormat(`${header}\n`, true);
  if (!sniff.ok || sniff.format !== 'csv') throw new Error('test header not recognised');
  const fast = new CsvFastRows(sniff.csv, new PostStoreBuilder(), DEFAULT_PARSE_LIMITS);
  const check = (row: string): boolean => fast.check(`xx${row}yy`, 2, 2 + row.length);

  it('accepts plain rows', () => {
    expect(check('1,u1,@alice,,,Hello world,1600000000,https://www.example.com/a?utm_source=x http://t.co/x,,dev-1,ip-1,en')).toBe(true);
    expect(check('2,u2,bob,1,,,1600000001000,,,,,')).toBe(true);
    expect(check('3,u_3.x:y-z,b,1,2,🔥 text with ümlauts,1600000000,,3,d,i,')).toBe(true);
    expect(check('4,u1,,,,,2020-09-13T12:26:40Z,,,,,')).toBe(true); // other timestamp forms through parseTimestamp
  });

  it('leaves every row with something to report, trim or convert to the ordinary path', () => {
    for (const row of [
      ',u1,a,,,m,1600000000,,,,,', // empty required field
      '1, u1,a,,,m,1600000000,,,,,', // white space to trim
      '1,u1,a,,,m,99,,,,,', // out of range
      '1,u1,=a,,,m,1600000000,,,,,', // formula username
      '1,u1,a,x y,,m,1600000000,,,,,', // bad optional id
      '1,u1,a,,,m,1600000000,javascript:x,,,,', // not a URL
      '1,u1,a,,,m,1600000000,https://a.example\thttps://b.example,,,,', // tab between URLs
      '1,u1,a,,,m\u0000,1600000000,,,,,', // NUL in the message
      '1,u1,a,,,m,1600000000,,,dév,,', // non-ASCII device
      '1,u1,a,,,m,1600000000,,,,', // a field short
      '1,u1,a,,,m,1600000000,,,,,,', // a field too many
      'ä1,u1,a,,,m,1600000000,,,,,', // non-ASCII id
    ]) {
      expect({ row, fast: check(row) }).toEqual({ row, fast: false });
    }
  });
});

// --- parts: the second half of a file read by another parser ---------------------------------------

function fingerprintSummary(fp: TextFingerprints): unknown {
  return {
    eligible: [...fp.eligible],
    hashes: [[...fp.hashA], [...fp.hashB], [...fp.length]],
    rows: [...fp.signatureRow],
    signatures: [...fp.signatures.subarray(0, fp.signedCount * SIGNATURE_BINS)],
  };
}

/** A part's message ids as strings. */
function idsOf(ids: PackedIds): string[] {
  const text = new TextDecoder().decode(ids.bytes);
  return Array.from(ids.ends, (end, i) => text.slice(i === 0 ? 0 : (ids.ends[i - 1] ?? 0), end));
}

/** Bytes counted, when they do not depend on the chunks (reading went to the end). */
function countedBytes(r: ParseResult): number {
  return r.fatal || r.truncated ? 0 : r.bytes;
}

/** Reads `text` split at `at` the way the two-thread import does: prefix here, the rest as a part (both fingerprinting as they read). */
function parseInParts(
  text: string,
  at: number,
  limits: Partial<ParseLimits>,
): { result: ParseResult; absorbed: boolean; partRows: string[]; fingerprints: TextFingerprints | null } {
  const first = createActivityParser(limits, { fingerprintMinChars: 12 });
  first.push(text.slice(0, at));
  const layout = first.csvLayout;
  let absorbed = false;
  let partRows: string[] = [];
  if (layout !== null && first.csvBoundary() !== null) {
    const second = createActivityParser(limits, { csvPart: layout, fingerprintMinChars: 12 });
    for (const piece of splitAt(text.slice(at), [7, 31])) second.push(piece);
    const part = second.endPart();
    partRows = idsOf(part.builder.ids);
    absorbed = first.absorbPart(part);
  }
  if (!absorbed) first.push(text.slice(at));
  const result = first.end();
  return { result, absorbed, partRows, fingerprints: first.fingerprints() };
}

describe('CSV parts: a file read in two parts gives the result of reading it whole (fast-check)', () => {
  it('same store, issues and counts wherever the file is cut after a line break', () => {
    let taken = 0;
    let withPartStart = 0;
    fc.assert(
      fc.property(
        csvFile.filter((t) => t.includes('\n')),
        fc.nat(),
        fc.record({ maxRows: fc.constantFrom(5_000_000, 4, 12), maxIssues: fc.constantFrom(10_000, 3), sniffExtra: fc.nat(60) }),
        (text, pick, { sniffExtra, ...rest }) => {
          // The format is decided once the header line (and a little more) has been read.
          const limits = { ...rest, sniffChars: text.indexOf('\n') + 1 + sniffExtra };
          const breaks: number[] = [];
          for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i + 1);
          const at = breaks[pick % breaks.length] ?? text.length;
          const { result, absorbed, partRows, fingerprints } = parseInParts(text, at, limits);
          if (absorbed) taken++;
          // (Once reading stops, on a fatal error or the row limit, the bytes counted depend on the chunks, as they always have.)
          const whole = parseChunks([text], limits, true);
          expect({ ...snapshot(result), bytes: countedBytes(result) }).toEqual({ ...snapshot(whole), bytes: countedBytes(whole) });
          // partStart: the store's posts from there on are the part's rows, one for one.
          const start = result.partStart ?? null;
          expect(start === null ? null : result.store.postIds.slice(start)).toEqual(start === null ? null : partRows);
          withPartStart += start === null ? 0 : 1;
          // The fingerprints computed while reading (both parts, duplicates dropped) are those of the store's texts.
          const store = result.store;
          expect(fingerprints === null ? null : fingerprintSummary(fingerprints)).toEqual(fingerprintSummary(fingerprintRows(store.text, store.repostOf, 0, store.size, 12)));
        },
      ),
      { numRuns: 2_500 },
    );
    expect(taken).toBeGreaterThan(500); // most cuts are at a record boundary and the part is taken
    expect(withPartStart).toBeGreaterThan(500);
  }, 300_000);

  it('refuses a part when the cut is inside a quoted field, and the caller reads on', () => {
    const text = 'message_id,user_id,message,timestamp\n1,u1,"two\nlines",1600000000\n2,u2,x,1600000001\n';
    const first = createActivityParser();
    first.push(text.slice(0, text.indexOf('\n', 40) + 1)); // ends inside the quoted message
    expect(first.csvBoundary()).toBeNull();
  });

  it('numbers the part rows after the first part and finds duplicates across the cut', () => {
    const head = 'message_id,user_id,message,timestamp\n1,u1,a,1600000000\n2,u1,b,1600000001\n';
    const tail = '1,u2,c,1600000002\nbad,u2,c,x\n3,u3,d,1600000003\n';
    const { result, absorbed } = parseInParts(head + tail, head.length, { sniffChars: 40 });
    expect(absorbed).toBe(true);
    expect(result.issues).toEqual([
      { row: 4, field: 'message_id', code: 'duplicate-message-id', params: { id: '1' }, action: 'row-skipped' },
      { row: 5, field: 'timestamp', code: 'not-a-timestamp', params: { preview: '"x"' }, action: 'row-skipped' },
    ]);
    expect(result.issues.map(describeParseIssue)).toEqual([
      'duplicate message_id 1 (the first row was kept)',
      'not a timestamp: "x" (epoch seconds or ISO 8601, between 1990 and 2100)',
    ]);
    expect(result.store.postIds).toEqual(['1', '2', '3']);
  });
});

/** The file `text` would be: its UTF-8 bytes, read synchronously. */
function fileOf(text: string): TextFile {
  const bytes = new TextEncoder().encode(text);
  return { read: (start, length) => bytes.subarray(start, start + length) };
}

/** Text a file can hold as it is (no lone surrogate: UTF-8 cannot). */
const wellFormed = (text: string): boolean => new TextDecoder().decode(new TextEncoder().encode(text)) === text;

describe('Texts left in the file: read back, they are the texts kept in memory (fast-check)', () => {
  it('whatever the chunks, with or without a byte order mark, CRLF or quoted rows', () => {
    let inFile = 0;
    fc.assert(
      fc.property(csvFile.filter(wellFormed), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (body, cuts, bom) => {
        const text = (bom ? '\ufeff' : '') + body;
        const parser = createActivityParser({}, { textsInFile: { firstByte: 0, file: fileOf(text) } });
        for (const chunk of splitAt(text, cuts)) parser.push(chunk);
        const result = parser.end();
        expect(snapshot(result)).toEqual(snapshot(parseChunks([text], {}, true)));
        // Every byte of a CSV file was counted: the runner's check that the texts' places add up.
        expect(parser.bytesCounted()).toBe(result.format === 'csv' ? new TextEncoder().encode(text).length : null);
        inFile += result.store.text.inFile;
      }),
      { numRuns: 1_500 },
    );
    // (The generator makes most rows hostile or their message empty: about one text in seven is an ordinary row's.)
    expect(inFile).toBeGreaterThan(30);
  }, 300_000);

  it('read in two parts, the part starting at its byte of the file', () => {
    let taken = 0;
    fc.assert(
      fc.property(csvFile.filter((t) => t.includes('\n') && wellFormed(t)), fc.nat(), (text, pick) => {
        const limits = { sniffChars: text.indexOf('\n') + 1 };
        const breaks: number[] = [];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i + 1);
        const at = breaks[pick % breaks.length] ?? text.length;
        const file = fileOf(text);
        const first = createActivityParser(limits, { textsInFile: { firstByte: 0, file } });
        first.push(text.slice(0, at));
        const layout = first.csvLayout;
        let absorbed = false;
        if (layout !== null && first.csvBoundary() !== null) {
          const partStart = new TextEncoder().encode(text.slice(0, at)).length;
          const second = createActivityParser(limits, { csvPart: layout, textsInFile: { firstByte: partStart, file: null } });
          for (const piece of splitAt(text.slice(at), [7, 31])) second.push(piece);
          absorbed = first.absorbPart(second.endPart());
        }
        if (!absorbed) first.push(text.slice(at));
        const result = first.end();
        if (absorbed) taken++;
        expect(snapshot(result)).toEqual(snapshot(parseChunks([text], limits, true)));
        expect(first.bytesCounted()).toBe(result.format === 'csv' ? new TextEncoder().encode(text).length : null);
      }),
      { numRuns: 1_500 },
    );
    expect(taken).toBeGreaterThan(300);
  }, 300_000);

  it('refuses a part that does not start where this parser stopped counting, or whose texts it could not read', () => {
    const head = 'message_id,user_id,message,timestamp\n1,u1,a é,1600000000\n';
    const tail = '2,u2,b,1600000002\n';
    const reading = (inFile: boolean) => {
      const parser = createActivityParser({ sniffChars: 40 }, inFile ? { textsInFile: { firstByte: 0, file: fileOf(head + tail) } } : {});
      parser.push(head);
      return parser;
    };
    const layout = reading(false).csvLayout;
    if (layout === null) throw new Error('not read as CSV');
    const partOf = (firstByte: number | null) => {
      const parser = createActivityParser({}, { csvPart: layout, ...(firstByte === null ? {} : { textsInFile: { firstByte, file: null } }) });
      parser.push(tail);
      return parser.endPart();
    };
    const headBytes = new TextEncoder().encode(head).length;
    expect(reading(true).absorbPart(partOf(head.length))).toBe(false); // counted in characters, not bytes
    expect(reading(false).absorbPart(partOf(headBytes))).toBe(false); // its texts would be unreadable here
    expect(reading(true).absorbPart(partOf(headBytes))).toBe(true);
    expect(reading(true).absorbPart(partOf(null))).toBe(true); // texts kept in memory are fine anywhere
  });

  it('a text the file no longer has reads as empty, and the store says the file is unreadable', () => {
    const text = 'message_id,user_id,message,timestamp\n1,u1,hello,1600000000\n';
    let gone = false;
    const bytes = new TextEncoder().encode(text);
    const file: TextFile = {
      read: (start, length) => {
        if (gone) throw new DOMException('The file changed', 'NotReadableError');
        return bytes.subarray(start, start + length);
      },
    };
    const parser = createActivityParser({}, { textsInFile: { firstByte: 0, file } });
    parser.push(text);
    const { store } = parser.end();
    expect(store.text.inFile).toBe(1);
    gone = true;
    expect([store.text.get(0), store.text.unreadable]).toEqual(['', true]);
  });
});


describe('PostTexts.prefetch: texts scattered over the file in a few reads', () => {
  it('reads the asked rows in file order, one read for texts close together, and get() returns them without reading again', () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `${i + 1},u${i % 7},text number ${i} é ${'x'.repeat(i % 50)},${1_600_000_000 + i}`);
    const text = `message_id,user_id,message,timestamp\n${rows.join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    const reads: number[] = [];
    const file: TextFile = {
      read: (start, length) => {
        reads.push(length);
        return bytes.subarray(start, start + length);
      },
    };
    const parser = createActivityParser({}, { textsInFile: { firstByte: 0, file } });
    parser.push(text);
    const { store } = parser.end();
    expect(store.text.inFile).toBe(2_000);
    const wanted = [1_999, 3, 1_000, 500, 3, 1_500];
    store.text.prefetch(wanted);
    expect(reads).toHaveLength(1); // the whole file is under PREFETCH_READ and no gap is over PREFETCH_GAP
    expect(wanted.map((i) => store.text.get(i))).toEqual(wanted.map((i) => `text number ${i} é ${'x'.repeat(i % 50)}`));
    expect(reads).toHaveLength(1);
    // A row not read ahead is read on its own (through a cached block).
    expect(store.text.get(7)).toBe(`text number 7 é ${'x'.repeat(7)}`);
    expect(reads).toHaveLength(2);
    // The next prefetch replaces the last: row 3 is read again when asked for.
    store.text.prefetch([10]);
    expect(store.text.excerpt(3, 8)).toBe('text num');
  });
});
