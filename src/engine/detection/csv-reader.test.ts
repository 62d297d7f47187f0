import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, parseQuotedRecord, utf8Length } from './csv-reader';
import { chunksOf, countReads, splitAt } from './parse-test-kit';

interface Read {
  records: { fields: string[]; line: number }[];
  oversize: number[];
  unterminated: number[];
}

function read(chunks: readonly string[], max = 1_000_000, delimiter = ','): Read {
  const out: Read = { records: [], oversize: [], unterminated: [] };
  const reader = new CsvRecordReader(delimiter, max, {
    record: (fields, line) => out.records.push({ fields, line }),
    oversize: (line) => out.oversize.push(line),
    unterminated: (line) => out.unterminated.push(line),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return out;
}

function readsFor(text: string, chunk: number): { reads: number; out: Read } {
  const { result, reads } = countReads(() => read(chunksOf(text, chunk)));
  return { reads, out: result };
}

const doubledQuotes = (n: number) => `a,b\n1,"${'""'.repeat(n)}"\n2,x\n`;
const longLine = (n: number) => `a,b\n1,${'x'.repeat(n)}\n2,"y"\n`;
const longQuotedRecord = (n: number) => `a,b\n1,"${'x,\n'.repeat(n)}"\n2,y\n`;

describe('CsvRecordReader', () => {
  it('reads RFC 4180 records: quoted delimiters, doubled quotes, quoted newlines, CRLF', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line one\nline two",z\n3,,\n';
    const { records } = read([text]);
    expect(records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, y', 'say "hi"'], line: 2 },
      { fields: ['2', 'line one\nline two', 'z'], line: 3 },
      { fields: ['3', '', ''], line: 5 },
    ]);
  });

  it('reads a last record without a line break', () => {
    expect(read(['a,b\n1,"2"']).records.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('is lenient with stray quotes: literal inside an unquoted field, text after a closing quote kept', () => {
    expect(parseQuotedRecord('ab"c,"d"e,f', ',')).toEqual(['ab"c', 'de', 'f']);
  });

  it('reports an unterminated quote at the end of the input and drops that record', () => {
    const out = read(['a,b\n1,"open\n2,3\n']);
    expect(out.records.map((r) => r.fields)).toEqual([['a', 'b']]);
    expect(out.unterminated).toEqual([2]);
  });

  it('skips a record longer than the limit up to the next line break after the limit, then continues', () => {
    const long = `1,"${'x'.repeat(50)}\n${'y'.repeat(50)}`;
    const out = read([`h,i\n${long}\n2,ok\n`], 40);
    // Line 2 is cut at the limit; reading resumes on line 3, itself too long; line 4 parses again.
    expect(out.oversize).toEqual([2, 3]);
    expect(out.records.map((r) => r.fields)).toEqual([['h', 'i'], ['2', 'ok']]);
  });

  it('never buffers an endless unquoted line beyond the limit', () => {
    let oversize = 0;
    const reader = new CsvRecordReader(',', 1_000, { record: () => {}, oversize: () => oversize++, unterminated: () => {} });
    for (let i = 0; i < 100; i++) reader.push('z'.repeat(10_000));
    reader.end();
    // One oversize record, skipped as it streamed by (the reader never held the megabyte).
    expect(oversize).toBe(1);
  });

  it('gives the same records whatever the chunk boundaries (property)', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', '"', '""', ',', '\n', '\r\n', '"a,b"', 'x"y', '\r'),
    );
    const line = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) =>
      fields.map((f) => (/[",\n\r]/.test(f) && !f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f)).join(','),
    );
    const text = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 5, max: 200 }), (t, cuts, max) => {
        const whole = read([t], max);
        const chunked = read(splitAt(t, cuts), max);
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 3_000 },
    );
  });

  it('counts the UTF-8 bytes of everything it reads, wherever chunks split and records are skipped (property)', () => {
    // The store reads texts back from the file at the byte offsets the reader counts (post-store.ts TextsInFile).
    const field = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', '"', ',', '\n', '\r\n', 'é', '🔥🔥', 'x"y', '\ufeff', '中文'));
    const line = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) =>
      fields.map((f) => (/[",\n\r]/.test(f) && !f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f)).join(','),
    );
    const text = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 3, max: 200 }), fc.nat(10), (t, cuts, max, firstByte) => {
        const starts: number[] = [];
        const sink = {
          record: () => {},
          plainRecord: (buf: string, start: number, end: number, _line: number, byteStart: number) => {
            starts.push(byteStart);
            return start % 2 === 0 ? utf8Length(buf, start, end) : -1; // consumed here or sent on as fields: counted either way
          },
          oversize: () => {},
          unterminated: () => {},
        };
        const reader = new CsvRecordReader(',', max, sink, firstByte);
        for (const chunk of splitAt(t, cuts)) reader.push(chunk);
        reader.end();
        const bytes = new TextEncoder().encode(t);
        expect(reader.byteOffset).toBe(firstByte + bytes.length);
        // Each quote-free record starts where the file has a line start.
        for (const at of starts) expect(at === firstByte || bytes[at - firstByte - 1] === 10).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('utf8Length counts a surrogate pair as 4 bytes even when a span ends between its halves', () => {
    const s = 'a🔥é中';
    expect(utf8Length(s, 0, s.length)).toBe(new TextEncoder().encode(s).length);
    expect(utf8Length(s, 0, 2) + utf8Length(s, 2, s.length)).toBe(new TextEncoder().encode(s).length);
    expect(utf8Length('x'.repeat(5_000) + '🔥', 0, 5_002)).toBe(5_004);
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 50 }), { maxLength: 10 }), (chunks) => {
        expect(() => read(chunks, 30)).not.toThrow();
      }),
      { numRuns: 2_000 },
    );
  });

  // Issue 14, defect 7: linear work, shown by counting characters read (no clock). Doubling the
  // input must about double the work, and the work stays a small multiple of the input.
  it.each([
    ['whole', Number.POSITIVE_INFINITY],
    ['in 1 KiB chunks', 1024],
  ])('reads a field of doubled quotes in linear work (%s)', (_how, chunk) => {
    const text = doubledQuotes;
    const small = readsFor(text(20_000), chunk);
    const large = readsFor(text(40_000), chunk);
    expect(large.out.records.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '"'.repeat(40_000)], ['2', 'x']]);
    expect(large.reads / small.reads).toBeLessThan(2.5);
    expect(large.reads).toBeLessThan(8 * text(40_000).length);
  });

  it('reads a long unquoted line streamed in small chunks in linear work', () => {
    const text = longLine;
    const small = readsFor(text(50_000), 512);
    const large = readsFor(text(100_000), 512);
    expect(large.out.records.map((r) => r.fields)).toEqual([['a', 'b'], ['1', 'x'.repeat(100_000)], ['2', 'y']]);
    expect(large.reads / small.reads).toBeLessThan(2.5);
    expect(large.reads).toBeLessThan(8 * text(100_000).length);
  });

  it('reads a long quoted record streamed in small chunks in linear work', () => {
    const text = longQuotedRecord;
    const small = readsFor(text(20_000), 512);
    const large = readsFor(text(40_000), 512);
    expect(large.out.records.at(-1)).toEqual({ fields: ['2', 'y'], line: 40_003 });
    expect(large.reads / small.reads).toBeLessThan(2.5);
    expect(large.reads).toBeLessThan(8 * text(40_000).length);
  });
});
