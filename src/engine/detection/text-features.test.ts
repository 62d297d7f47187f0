// The fingerprint loop is tuned for speed (character-class table, one branch per character); the
// straightforward version it replaced is kept here as the reference it must match bit for bit.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_BINS, STORED_BIN_MASK, TextFingerprint, signatureSimilarity } from './text-features';
import { fingerprintRows } from './text-fingerprints';

const EMPTY = 0xffffffff;

// --- reference implementation (unchanged copy) ---------------------------------------------------
let lowerTable: Uint16Array | null = null;
/** Lower-case mapping for the BMP, built once; characters whose lower case is not one unit map to themselves. */
function lowerCaseTable(): Uint16Array {
  if (lowerTable) return lowerTable;
  const table = new Uint16Array(65_536);
  for (let c = 0; c < 65_536; c++) {
    if (c < 128) {
      table[c] = c >= 65 && c <= 90 ? c | 32 : c;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c; // surrogates: leave astral characters (emoji) as they are
    } else {
      const lower = String.fromCharCode(c).toLowerCase();
      table[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
  }
  lowerTable = table;
  return table;
}

/** Unicode white space (the characters `\s` matches). */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** A token that normalisation drops: an @mention or a URL. */
function isDroppedToken(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 64 /* @ */ || c === 0xff20 /* fullwidth @ */) return true;
  if (c === 104 || c === 72) {
    return startsWithIgnoreCase(text, start, 'http://') || startsWithIgnoreCase(text, start, 'https://');
  }
  if (c === 119 || c === 87) return startsWithIgnoreCase(text, start, 'www.');
  return false;
}

function startsWithIgnoreCase(text: string, start: number, prefix: string): boolean {
  if (start + prefix.length > text.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = text.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** Murmur3's finaliser: spreads the bits of a 32-bit value. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The fingerprint loop as it was before the character-class table (commit 7c5d069). */
class ReferenceFingerprint {
  /** Two 32-bit hashes of the normalised text (over its words' FNV-1a hashes). */
  hashA = 0;
  hashB = 0;
  /** Length of the normalised text in UTF-16 units. */
  length = 0;
  /** Number of word bigrams fed into the signature. */
  shingles = 0;
  readonly signature = new Uint32Array(SIGNATURE_BINS);

  compute(text: string, withSignature: boolean): void {
    const table = lowerCaseTable();
    const sig = this.signature;
    if (withSignature) sig.fill(EMPTY);
    let hashA = 0x811c9dc5;
    let hashB = 0x2f1a3b5d;
    let length = 0;
    let shingles = 0;
    let previousWord = 0;
    let hasPrevious = false;
    const n = text.length;
    let i = 0;
    // One pass: each token is classified at its first character, then hashed while it is scanned.
    while (i < n) {
      const c0 = text.charCodeAt(i);
      if (c0 <= 32 ? c0 === 32 || (c0 >= 9 && c0 <= 13) : c0 >= 0x85 && isSpaceCode(c0)) {
        i++;
        continue;
      }
      if (isDroppedToken(text, i)) {
        while (i < n && !isSpaceCode(text.charCodeAt(i))) i++;
        continue;
      }
      if (length > 0) length++;
      // One multiply per character: the word's hash over all its (lower-cased) characters. The
      // text hashes are built per word from it; the shingle hash ignores ASCII punctuation, which
      // only words that contain some need to recompute.
      let full = 0x811c9dc5;
      let punctuation = false;
      const start = i;
      for (; i < n; i++) {
        const raw = text.charCodeAt(i);
        if (raw <= 32 ? raw === 32 || (raw >= 9 && raw <= 13) : raw >= 0x85 && isSpaceCode(raw)) break;
        const c = table[raw] ?? 0;
        full = Math.imul(full ^ c, 0x01000193);
        if (c < 128 && (c < 48 || (c > 57 && c < 97) || c > 122)) punctuation = punctuation || isAsciiPunctuation(c);
      }
      const size = i - start;
      length += size;
      // Two sequence hashes over the words, the second also keyed by the word's length and first
      // character: two different texts share both only by a far-fetched accident.
      hashA = Math.imul(hashA ^ full, 0x01000193) ^ size;
      hashB = Math.imul(hashB + full, 0x5bd1e995) ^ (((table[text.charCodeAt(start)] ?? 0) << 8) | size);
      hashB ^= hashB >>> 15;
      let word = full;
      let wordChars = size;
      if (punctuation) {
        word = 0x811c9dc5;
        wordChars = 0;
        for (let j = start; j < i; j++) {
          const c = table[text.charCodeAt(j)] ?? 0;
          if (isAsciiPunctuation(c)) continue;
          word = Math.imul(word ^ c, 0x01000193);
          wordChars++;
        }
      }
      if (!withSignature || wordChars === 0) continue;
      if (hasPrevious) {
        const shingle = mix32(Math.imul(previousWord, 0x9e3779b1) ^ word);
        const bin = shingle >>> 27; // top 5 bits choose the bin (32 bins)
        const value = shingle & 0x7ffffff;
        if (value < (sig[bin] ?? EMPTY)) sig[bin] = value;
        shingles++;
      }
      previousWord = word;
      hasPrevious = true;
    }
    this.hashA = hashA >>> 0;
    this.hashB = hashB >>> 0;
    this.length = length;
    this.shingles = shingles;
    if (withSignature && shingles > 0) densify(sig);
  }
}

/**
 * Fills empty bins from other bins chosen by a fixed pseudo-random sequence per bin (Shrivastava's
 * "optimal densification"). Borrowing from the next bin instead would make a run of empty bins
 * all copies of one bigram, so short texts sharing one common bigram would collide in whole LSH
 * bands. The sequence depends only on the bin, so equal sets still get equal signatures.
 */
function densify(sig: Uint32Array): void {
  const k = sig.length;
  let filled = 0; // bitmask of the bins that hold a bigram of their own (k <= 32)
  for (let j = 0; j < k; j++) if (sig[j] !== EMPTY) filled |= 1 << j;
  if (filled === 0) return;
  for (let j = 0; j < k; j++) {
    if ((filled >>> j) & 1) continue;
    for (let attempt = 1; ; attempt++) {
      const source = mix32(Math.imul(j + 1, 0x9e3779b1) + attempt) & (k - 1);
      if ((filled >>> source) & 1) {
        sig[j] = sig[source] ?? EMPTY;
        break;
      }
    }
  }
}


// --- properties ---------------------------------------------------------------------------------

const piece = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', '\u200a', '\u180e', '@user', '＠user', 'http://x.example/a',
    'HTTPS://X.EXAMPLE', 'www.x.example', 'WWW.', 'www', 'http:/', 'hello', 'HELLO', 'Hello,', '...', '!!!', '#tag', "don't", 'İstanbul',
    'ΣΊΣΥΦΟΣ', 'Kelvin\u212a', '🔥', '😀😀', '\ud83d', 'ǅ', 'ß', 'ﬁ', '-', '—', '¡', 'a-b', '(x)', '1,000', '¿qué?',
  ),
);
const text = fc.tuple(fc.array(piece, { maxLength: 30 }), fc.constantFrom(' ', '')).map(([parts, joiner]) => parts.join(joiner));

function summary(fp: { hashA: number; hashB: number; length: number; shingles: number; signature: Uint32Array }, withSignature: boolean): number[] {
  return [fp.hashA, fp.hashB, fp.length, fp.shingles, ...(withSignature ? fp.signature : [])];
}

describe('TextFingerprint matches the reference loop', () => {
  it('same hashes, length, shingle count and signature for any text (fast-check)', () => {
    const fast = new TextFingerprint();
    const reference = new ReferenceFingerprint();
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 })), fc.boolean(), (t, withSignature) => {
        fast.compute(t, withSignature);
        reference.compute(t, withSignature);
        expect(summary(fast, withSignature)).toEqual(summary(reference, withSignature));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on every BMP character alone and between words', () => {
    const fast = new TextFingerprint();
    const reference = new ReferenceFingerprint();
    const mismatches: { c: number; t: string }[] = [];
    for (let c = 0; c < 65_536; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `ab${ch}cd ef`, `x ${ch} y z`]) {
        fast.compute(t, true);
        reference.compute(t, true);
        const same = summary(fast, true).join() === summary(reference, true).join();
        mismatches.push(...(same ? [] : [{ c, t }]));
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('TextFingerprint.computeRange', () => {
  it('fingerprints a text where it stands exactly as compute fingerprints it cut out (fast-check)', () => {
    const inPlace = new TextFingerprint();
    const cut = new TextFingerprint();
    // What surrounds the text must not leak in: a URL or @mention that the range cuts short, words, white space.
    const around = fc.constantFrom('', ' ', 'x', 'http://a.example/b', '@who', 'www.', ',1700000000,', '🔥');
    fc.assert(
      fc.property(around, text, around, fc.boolean(), (before, t, after, withSignature) => {
        const buf = before + t + after;
        inPlace.computeRange(buf, before.length, before.length + t.length, withSignature);
        cut.compute(t, withSignature);
        expect(summary(inPlace, withSignature)).toEqual(summary(cut, withSignature));
      }),
      { numRuns: 5_000 },
    );
  });
});

/** The full minima of `t`'s signature, as TextFingerprint computes them. */
function fullSignature(t: string): number[] {
  const fp = new TextFingerprint();
  fp.compute(t, true);
  return [...fp.signature];
}

/** A plain list of texts as fingerprintRows reads them. */
function list(texts: string[]): { get(i: number): string } {
  return { get: (i) => texts[i] ?? '' };
}

/** Fraction of equal bins of two full signatures. */
function equalBins(a: number[], b: number[]): number {
  return a.filter((v, j) => v === b[j]).length / SIGNATURE_BINS;
}

describe('stored signatures (b-bit MinHash, 16 bits a bin)', () => {
  it('keeps the low 16 bits of each bin\'s minimum, in a Uint16Array (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (texts) => {
        const fp = fingerprintRows(list(texts), new Int32Array(texts.length).fill(-1), 0, texts.length, 0);
        expect(fp.signatures).toBeInstanceOf(Uint16Array);
        const stored = texts.flatMap((_t, i) => {
          const row = fp.signatureRow[i] ?? -1;
          return row < 0 ? [] : [[...fp.signatures.subarray(row * SIGNATURE_BINS, (row + 1) * SIGNATURE_BINS)]];
        });
        const expected = texts.flatMap((t, i) => ((fp.signatureRow[i] ?? -1) < 0 ? [] : [fullSignature(t).map((v) => v & STORED_BIN_MASK)]));
        expect(stored).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('estimates the similarity the full minima give, never lower (fast-check)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const fp = fingerprintRows(list([a, b]), [-1, -1], 0, 2, 0);
        const ra = fp.signatureRow[0] ?? -1;
        const rb = fp.signatureRow[1] ?? -1;
        // Equal minima have equal low bits; unequal ones agree by accident in ~2^-16 of bins.
        const full = ra >= 0 && rb >= 0 ? equalBins(fullSignature(a), fullSignature(b)) : 0;
        const stored = ra >= 0 && rb >= 0 ? signatureSimilarity(fp.signatures, ra, rb) : 0;
        expect(stored).toBeGreaterThanOrEqual(full);
        expect(stored - full).toBeLessThanOrEqual(2 / SIGNATURE_BINS);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives near-duplicates and unrelated texts the same similarity as the full minima', () => {
    const base = 'the quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat by the door';
    const texts = [base, `${base} today`, base.replace('lazy', 'sleepy'), 'an entirely different post about the weather and the trains running late again'];
    const fp = fingerprintRows(list(texts), [-1, -1, -1, -1], 0, texts.length, 0);
    const full = texts.map(fullSignature);
    const pairs = [[0, 1], [0, 2], [1, 2], [0, 3], [2, 3]] as const;
    expect(pairs.map(([a, b]) => signatureSimilarity(fp.signatures, fp.signatureRow[a] ?? -1, fp.signatureRow[b] ?? -1))).toEqual(
      pairs.map(([a, b]) => equalBins(full[a] ?? [], full[b] ?? [])),
    );
  });
});
