// Text normalisation and fingerprints for copy-paste detection, computed in one pass over each
// text without building intermediate strings (a million texts must cost well under a second).
//
// Normalisation: split on whitespace, drop @mentions and URLs (http://, https://, www.), lower-case,
// join with single spaces. Co-post compares the 64-bit hash of that normalised text; near-duplicate
// compares a one-permutation MinHash (OPH) over word bigrams of it, ASCII punctuation ignored.

/** Bins of the one-permutation MinHash signature. */
export const SIGNATURE_BINS = 32;
/**
 * What a post keeps of each bin's minimum (b-bit MinHash, b = 16): its low 16 bits, so stored
 * signatures are `Uint16Array` rows. Why: memory. The full 27-bit minima are needed only while a
 * text is hashed (to take the minimum); stored as 32-bit values, 32 bins cost 128 bytes a signed
 * post (~80 MiB at a million posts), as 16-bit values half that. The cost: two different minima
 * agree by accident in about 2^-16 of bins (the low bits of a minimum are as good as uniform for a
 * post's few bigrams per bin, and a minimum under 2^16 is kept whole), i.e. ~0.0005 spurious equal
 * bins among 32, where the similarity threshold moves in steps of one bin.
 */
export const STORED_BIN_MASK = 0xffff;
const EMPTY = 0xffffffff;

let lowerTable: Uint16Array | null = null;
/** Per UTF-16 unit: CHAR_SPACE for white space, CHAR_PUNCTUATION for ASCII punctuation, else 0. */
let classTable: Uint8Array | null = null;
const CHAR_SPACE = 1;
const CHAR_PUNCTUATION = 2;

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

/**
 * Character classes for the fingerprint loop: one table read instead of a chain of comparisons
 * per character. Punctuation is classified on the raw unit: lower-casing maps only letters, and
 * no letter's lower case is ASCII punctuation.
 */
function charClassTable(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(65_536);
  for (let c = 0; c < 65_536; c++) {
    if (isSpaceCode(c)) table[c] = CHAR_SPACE;
    else if (isAsciiPunctuation(c)) table[c] = CHAR_PUNCTUATION;
  }
  classTable = table;
  return table;
}

/** Unicode white space (the characters `\s` matches). */
export function isSpaceCode(c: number): boolean {
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

/** A token that normalisation drops: an @mention or a URL (the text ends at `end`). */
function isDroppedToken(text: string, start: number, end = text.length): boolean {
  const c = text.charCodeAt(start);
  if (c === 64 /* @ */ || c === 0xff20 /* fullwidth @ */) return true;
  if (c === 104 || c === 72) {
    return startsWithIgnoreCase(text, start, end, 'http://') || startsWithIgnoreCase(text, start, end, 'https://');
  }
  if (c === 119 || c === 87) return startsWithIgnoreCase(text, start, end, 'www.');
  return false;
}

function startsWithIgnoreCase(text: string, start: number, end: number, prefix: string): boolean {
  if (start + prefix.length > end) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = text.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** The normalised text as a string: for display and tests; detection uses the hashes. */
export function normaliseText(text: string): string {
  const table = lowerCaseTable();
  const parts: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && !isSpaceCode(text.charCodeAt(i))) i++;
    if (isDroppedToken(text, start)) continue;
    let token = '';
    for (let j = start; j < i; j++) token += String.fromCharCode(table[text.charCodeAt(j)] ?? 0);
    parts.push(token);
  }
  return parts.join(' ');
}

/** Murmur3's finaliser: spreads the bits of a 32-bit value. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Reusable per-text fingerprint computer; `compute` overwrites the fields. */
export class TextFingerprint {
  /** Two 32-bit hashes of the normalised text (over its words' FNV-1a hashes). */
  hashA = 0;
  hashB = 0;
  /** Length of the normalised text in UTF-16 units. */
  length = 0;
  /** Number of word bigrams fed into the signature. */
  shingles = 0;
  /** Each bin's full (27-bit) minimum; what a post keeps of it is its low 16 bits (`STORED_BIN_MASK`). */
  readonly signature = new Uint32Array(SIGNATURE_BINS);

  compute(text: string, withSignature: boolean): void {
    this.computeRange(text, 0, text.length, withSignature);
  }

  /**
   * `compute(buf.slice(start, end), withSignature)` without the slice: the CSV fast path
   * fingerprints a message where it stands in the text being read.
   */
  computeRange(text: string, from: number, to: number, withSignature: boolean): void {
    const lower = lowerCaseTable();
    const classes = charClassTable();
    const sig = this.signature;
    if (withSignature) sig.fill(EMPTY);
    let hashA = 0x811c9dc5;
    let hashB = 0x2f1a3b5d;
    let length = 0;
    let shingles = 0;
    let previousWord = 0;
    let hasPrevious = false;
    let filled = 0; // bins that received a bigram
    const n = to;
    let i = from;
    // One pass: each token is classified at its first character, then hashed while it is scanned.
    while (i < n) {
      const c0 = text.charCodeAt(i);
      if (classes[c0] === CHAR_SPACE) {
        i++;
        continue;
      }
      if (isDroppedToken(text, i, n)) {
        for (i++; i < n; i++) if (classes[text.charCodeAt(i)] === CHAR_SPACE) break;
        continue;
      }
      if (length > 0) length++;
      // One multiply per character: the word's hash over all its (lower-cased) characters. The
      // text hashes are built per word from it; the shingle hash ignores ASCII punctuation, which
      // only words that contain some need to recompute.
      let full = 0x811c9dc5;
      let punctuation = 0;
      const start = i;
      for (; i < n; i++) {
        const raw = text.charCodeAt(i);
        const kind = classes[raw] ?? 0;
        if (kind === CHAR_SPACE) break;
        full = Math.imul(full ^ (lower[raw] ?? 0), 0x01000193);
        punctuation |= kind;
      }
      const size = i - start;
      length += size;
      // Two sequence hashes over the words, the second also keyed by the word's length and first
      // character: two different texts share both only by a far-fetched accident.
      hashA = Math.imul(hashA ^ full, 0x01000193) ^ size;
      hashB = Math.imul(hashB + full, 0x5bd1e995) ^ (((lower[c0] ?? 0) << 8) | size);
      hashB ^= hashB >>> 15;
      if (!withSignature) continue;
      let word = full;
      if (punctuation !== 0) {
        word = 0x811c9dc5;
        let wordChars = 0;
        for (let j = start; j < i; j++) {
          const raw = text.charCodeAt(j);
          if (classes[raw] === CHAR_PUNCTUATION) continue;
          word = Math.imul(word ^ (lower[raw] ?? 0), 0x01000193);
          wordChars++;
        }
        if (wordChars === 0) continue;
      }
      if (hasPrevious) {
        const shingle = mix32(Math.imul(previousWord, 0x9e3779b1) ^ word);
        const bin = shingle >>> 27; // top 5 bits choose the bin (32 bins)
        const value = shingle & 0x7ffffff;
        if (value < (sig[bin] ?? EMPTY)) sig[bin] = value;
        filled |= 1 << bin;
        shingles++;
      }
      previousWord = word;
      hasPrevious = true;
    }
    this.hashA = hashA >>> 0;
    this.hashB = hashB >>> 0;
    this.length = length;
    this.shingles = shingles;
    if (withSignature && shingles > 0) densify(sig, filled);
  }
}

/**
 * Fills empty bins from other bins chosen by a fixed pseudo-random sequence per bin (Shrivastava's
 * "optimal densification"). Borrowing from the next bin instead would make a run of empty bins
 * all copies of one bigram, so short texts sharing one common bigram would collide in whole LSH
 * bands. The sequence depends only on the bin, so equal sets still get equal signatures.
 * `filled` has bit j set when bin j holds a bigram of its own.
 */
function densify(sig: Uint32Array, filled: number): void {
  if (filled === 0) return;
  const sources = densifySources();
  for (let j = 0; j < SIGNATURE_BINS; j++) {
    if ((filled >>> j) & 1) continue;
    let attempt = 1;
    for (; attempt <= DENSIFY_TABLE_ATTEMPTS; attempt++) {
      const source = sources[j * DENSIFY_TABLE_ATTEMPTS + attempt - 1] ?? 0;
      if ((filled >>> source) & 1) {
        sig[j] = sig[source] ?? EMPTY;
        break;
      }
    }
    if (attempt <= DENSIFY_TABLE_ATTEMPTS) continue;
    for (; ; attempt++) {
      const source = densifySource(j, attempt);
      if ((filled >>> source) & 1) {
        sig[j] = sig[source] ?? EMPTY;
        break;
      }
    }
  }
}

/** The bin that empty bin `j` borrows from at `attempt` (1, 2, ...). */
function densifySource(j: number, attempt: number): number {
  return mix32(Math.imul(j + 1, 0x9e3779b1) + attempt) & (SIGNATURE_BINS - 1);
}

/** The first attempts of every bin's sequence, precomputed: all but about 1 in 3,000 empty bins find a source among them. */
const DENSIFY_TABLE_ATTEMPTS = 256;
let densifyTable: Uint8Array | null = null;
function densifySources(): Uint8Array {
  if (densifyTable) return densifyTable;
  const table = new Uint8Array(SIGNATURE_BINS * DENSIFY_TABLE_ATTEMPTS);
  for (let j = 0; j < SIGNATURE_BINS; j++) {
    for (let a = 1; a <= DENSIFY_TABLE_ATTEMPTS; a++) table[j * DENSIFY_TABLE_ATTEMPTS + a - 1] = densifySource(j, a);
  }
  densifyTable = table;
  return table;
}

/**
 * Fraction of equal bins between stored signatures `a` and `b` (16 bits a bin, `STORED_BIN_MASK`):
 * an estimate of the Jaccard similarity of the two bigram sets, high by about 2^-16 per unequal bin.
 */
export function signatureSimilarity(signatures: Uint16Array, a: number, b: number, bins = SIGNATURE_BINS): number {
  let equal = 0;
  const oa = a * bins;
  const ob = b * bins;
  for (let j = 0; j < bins; j++) if (signatures[oa + j] === signatures[ob + j]) equal++;
  return equal / bins;
}
