// URL, timestamp and text normalisation: the equivalences the detectors rely on.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextFingerprint, normaliseText } from './text-features';
import { parseTimestamp, toIsoUtc } from './timestamp';
import { normaliseUrl } from './url-normalise';

describe('normaliseUrl', () => {
  it.each([
    ['https://www.Example.COM/Path/?utm_source=x&utm_medium=y&b=2&a=1#frag', 'example.com/Path?a=1&b=2'],
    ['http://example.com:80/a/', 'example.com/a'],
    ['https://example.com:8443/a', 'example.com:8443/a'],
    ['https://example.com/?fbclid=abc', 'example.com'],
    ['https://example.com/a?gclid=1&id=7', 'example.com/a?id=7'],
    ['https://twitter.com/x/status/1?s=20&t=abc', 'twitter.com/x/status/1'],
    ['https://m.youtube.com/watch?v=abc&si=xyz&feature=share', 'youtube.com/watch?v=abc'],
    ['www.example.com/a', 'example.com/a'],
    ['https://user:pw@example.com/a', 'example.com/a'],
    ['HTTPS://EXAMPLE.COM', 'example.com'],
    ['https://example.com./a', 'example.com/a'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseUrl(raw)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://x.example', 'https://', 'https://exa mple.com', 'https://a..b', 'https://0..', 'notaurl', '', `https://x.example/${'a'.repeat(3000)}`])(
    'rejects %j',
    (raw) => {
      expect(normaliseUrl(raw)).toBeNull();
    },
  );

  it('is idempotent on its own output (after re-adding a scheme) and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const once = normaliseUrl(`https://${s}`);
        const again = once === null ? null : normaliseUrl(`https://${once}`);
        expect(again).toBe(once);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseTimestamp', () => {
  it.each<[string | number, number | null]>([
    ['1600000000', 1_600_000_000],
    ['1600000000.5', 1_600_000_000.5],
    [1_600_000_000_000, 1_600_000_000],
    ['2020-09-13T12:26:40Z', 1_600_000_000],
    ['2020-09-13T12:26:40.250Z', 1_600_000_000.25],
    ['2020-09-13T14:26:40+02:00', 1_600_000_000],
    ['2020-09-13T14:26:40+0200', 1_600_000_000],
    ['2020-09-13 12:26:40', 1_600_000_000],
    ['2020-09-13', 1_599_955_200],
    ['Sun Sep 13 12:26:40 +0000 2020', 1_600_000_000],
    ['2020-02-30T00:00:00Z', null],
    ['13/09/2020', null],
    ['-5', null],
    ['1e9', null],
    ['99', null],
    ['', null],
    [Number.NaN, null],
  ])('%j -> %j', (value, expected) => {
    expect(parseTimestamp(value)).toBe(expected);
  });

  it('prints UTC with a Z', () => {
    expect(toIsoUtc(1_600_000_000)).toBe('2020-09-13T12:26:40.000Z');
  });
});

describe('text normalisation', () => {
  it('ignores case, @mentions, URLs and spacing', () => {
    expect(normaliseText('  @Alice  Vote NOW!\n\thttps://t.co/x www.example.com   ok ')).toBe('vote now! ok');
  });

  it('hashes equal exactly when the normalised texts are equal (property)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(' ', '\n', '@bob', 'HTTP://x.y', 'https://t.co/a', 'ÄÖ', 'İ', '🔥', 'www.x'));
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' '));
    const a = new TextFingerprint();
    const b = new TextFingerprint();
    fc.assert(
      fc.property(text, text, (x, y) => {
        a.compute(x, true);
        b.compute(y, true);
        const sameText = normaliseText(x) === normaliseText(y);
        expect(a.length).toBe(normaliseText(x).length);
        const sameHash = a.hashA === b.hashA && a.hashB === b.hashB;
        expect(sameHash).toBe(sameText);
        // Equal texts have equal signatures (unequal ones may share bins: that is the point of MinHash).
        expect(sameText && a.signature.some((v, i) => v !== b.signature[i])).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });
});
