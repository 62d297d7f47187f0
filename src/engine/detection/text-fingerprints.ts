// Text fingerprints per post (text-features.ts), for any range of rows: computed row by row while
// a file is read (`FingerprintBuilder`: the text is fingerprinted where it stands in the text
// being read, and only its packed bytes are kept), or for a range of a store's rows
// (`fingerprintRows`: tests, and detection when none were computed while reading). The same
// arrays either way.
import { SIGNATURE_BINS, STORED_BIN_MASK, TextFingerprint } from './text-features';

export interface TextFingerprints {
  /** Posts considered (originals, replies and quotes: reposts copy text by design). */
  eligible: Uint8Array;
  hashA: Uint32Array;
  hashB: Uint32Array;
  /** Normalised length; 0 for reposts. */
  length: Uint32Array;
  /** Row in `signatures` of each post with a signature, else -1. */
  signatureRow: Int32Array;
  /**
   * `SIGNATURE_BINS` values per signed post (at least `signedCount` rows; any further ones are
   * unused): the low 16 bits of each bin's minimum (b-bit MinHash, text-features.ts
   * `STORED_BIN_MASK`), half the memory of the full minima for a 2^-16 chance per bin of a false match.
   */
  signatures: Uint16Array;
  signedCount: number;
}

/** Fingerprints computed ahead of detection, and the signature threshold they were computed for. */
export interface PrecomputedFingerprints extends TextFingerprints {
  minChars: number;
}

/** Where `fingerprintRows` reads texts: a store's `text` (PostTexts) or a plain list. */
export interface TextList {
  get(index: number): string;
}

/**
 * Fingerprints of rows `from`..`to` (exclusive) of `text` / `repostOf`; rows whose normalised text
 * has at least `signatureMinChars` also get a MinHash signature.
 */
export function fingerprintRows(text: TextList, repostOf: ArrayLike<number>, from: number, to: number, signatureMinChars: number): TextFingerprints {
  const out = new FingerprintBuilder(signatureMinChars, to - from);
  for (let i = from; i < to; i++) {
    if ((repostOf[i] ?? -1) >= 0) out.skip();
    else {
      const t = text.get(i);
      out.add(t, 0, t.length);
    }
  }
  return out.result();
}

/**
 * Fingerprints added one row at a time, in row order. A row is a repost or has no text (`skip`),
 * or its text is `text[from, to)` (`add`). Arrays grow by doubling; their untouched capacity is
 * address space, not memory (a fresh typed array is zero pages until written), and `result`
 * returns views, so growing never leaves a copy behind.
 */
export class FingerprintBuilder {
  size = 0;
  signedCount = 0;
  private eligible: Uint8Array;
  private hashA: Uint32Array;
  private hashB: Uint32Array;
  private length: Uint32Array;
  private signatureRow: Int32Array;
  private signatures: Uint16Array;
  private readonly fp = new TextFingerprint();

  constructor(
    readonly minChars: number,
    capacity = 1024,
  ) {
    const n = Math.max(16, capacity);
    this.eligible = new Uint8Array(n);
    this.hashA = new Uint32Array(n);
    this.hashB = new Uint32Array(n);
    this.length = new Uint32Array(n);
    this.signatureRow = new Int32Array(n);
    this.signatures = new Uint16Array(Math.max(16, n >> 1) * SIGNATURE_BINS);
  }

  /** Makes room for `rows` rows, and signatures in proportion to the rows so far (see PostStoreBuilder.reserve). */
  reserve(rows: number): void {
    if (rows > this.eligible.length) this.grow(rows, true);
    const signed = this.size === 0 ? 0 : Math.ceil((this.signedCount / this.size) * rows * 1.05) + 16;
    if (signed > this.signatures.length / SIGNATURE_BINS) this.growSignatures(signed, true);
  }

  /** The next row has no fingerprint (a repost, or no text). */
  skip(): void {
    if (this.size === this.eligible.length) this.grow(this.size + 1);
    this.signatureRow[this.size++] = -1;
  }

  /** The next row's text is `text[from, to)`. */
  add(text: string, from: number, to: number): void {
    if (to <= from) {
      this.skip();
      return;
    }
    if (this.size === this.eligible.length) this.grow(this.size + 1);
    const minChars = this.minChars;
    // Cheap bound: normalisation only shortens, so a short raw text cannot reach the limit.
    const wantSignature = to - from >= minChars;
    const fp = this.fp;
    fp.computeRange(text, from, to, wantSignature);
    const row = this.size++;
    this.eligible[row] = 1;
    this.hashA[row] = fp.hashA;
    this.hashB[row] = fp.hashB;
    this.length[row] = fp.length;
    if (wantSignature && fp.length >= minChars && fp.shingles >= 2) {
      const o = this.signedCount * SIGNATURE_BINS;
      if (o + SIGNATURE_BINS > this.signatures.length) this.growSignatures(this.signedCount + 1);
      // A plain copy of each minimum's low 16 bits (the stored b-bit signature): TypedArray#set per
      // 32-value signature cost more than computing it.
      const source = fp.signature;
      const signatures = this.signatures;
      for (let b = 0; b < SIGNATURE_BINS; b++) signatures[o + b] = (source[b] ?? 0) & STORED_BIN_MASK;
      this.signatureRow[row] = this.signedCount++;
    } else {
      this.signatureRow[row] = -1;
    }
  }

  /** Appends another range's fingerprints (rows and signatures after these). */
  append(other: TextFingerprints): void {
    const n = other.eligible.length;
    const at = this.size;
    if (at + n > this.eligible.length) this.grow(at + n);
    if (this.signedCount + other.signedCount > this.signatures.length / SIGNATURE_BINS) this.growSignatures(this.signedCount + other.signedCount);
    this.eligible.set(other.eligible, at);
    this.hashA.set(other.hashA.subarray(0, n), at);
    this.hashB.set(other.hashB.subarray(0, n), at);
    this.length.set(other.length.subarray(0, n), at);
    const shift = this.signedCount;
    for (let i = 0; i < n; i++) {
      const row = other.signatureRow[i] ?? -1;
      this.signatureRow[at + i] = row < 0 ? -1 : row + shift;
    }
    this.signatures.set(other.signatures.subarray(0, other.signedCount * SIGNATURE_BINS), shift * SIGNATURE_BINS);
    this.size = at + n;
    this.signedCount += other.signedCount;
  }

  /** The rows so far (views of this builder's arrays: add no more rows afterwards). */
  result(): TextFingerprints {
    const n = this.size;
    return {
      eligible: this.eligible.subarray(0, n),
      hashA: this.hashA.subarray(0, n),
      hashB: this.hashB.subarray(0, n),
      length: this.length.subarray(0, n),
      signatureRow: this.signatureRow.subarray(0, n),
      signatures: this.signatures.subarray(0, Math.max(1, this.signedCount) * SIGNATURE_BINS),
      signedCount: this.signedCount,
    };
  }

  private grow(atLeast: number, exact = false): void {
    const n = exact ? atLeast : Math.max(atLeast, this.eligible.length * 2);
    const grown = <T extends Uint8Array | Uint32Array | Int32Array>(old: T, make: (len: number) => T): T => {
      const next = make(n);
      next.set(old.subarray(0, this.size));
      return next;
    };
    this.eligible = grown(this.eligible, (len) => new Uint8Array(len));
    this.hashA = grown(this.hashA, (len) => new Uint32Array(len));
    this.hashB = grown(this.hashB, (len) => new Uint32Array(len));
    this.length = grown(this.length, (len) => new Uint32Array(len));
    this.signatureRow = grown(this.signatureRow, (len) => new Int32Array(len));
  }

  private growSignatures(atLeast: number, exact = false): void {
    const rows = exact ? atLeast : Math.max(atLeast, (this.signatures.length / SIGNATURE_BINS) * 2);
    const next = new Uint16Array(rows * SIGNATURE_BINS);
    next.set(this.signatures.subarray(0, this.signedCount * SIGNATURE_BINS));
    this.signatures = next;
  }
}

/** The fingerprints of the rows `keep` marks 1, as `fingerprintRows` gives them for those rows alone. */
export function keepFingerprintRows(fp: TextFingerprints, keep: Uint8Array): TextFingerprints {
  const n = fp.eligible.length;
  let size = 0;
  let signed = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    size++;
    if ((fp.signatureRow[i] ?? -1) >= 0) signed++;
  }
  const out: TextFingerprints = {
    eligible: new Uint8Array(size),
    hashA: new Uint32Array(size),
    hashB: new Uint32Array(size),
    length: new Uint32Array(size),
    signatureRow: new Int32Array(size),
    signatures: new Uint16Array(Math.max(1, signed) * SIGNATURE_BINS),
    signedCount: signed,
  };
  let j = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    out.eligible[j] = fp.eligible[i] ?? 0;
    out.hashA[j] = fp.hashA[i] ?? 0;
    out.hashB[j] = fp.hashB[i] ?? 0;
    out.length[j] = fp.length[i] ?? 0;
    const row = fp.signatureRow[i] ?? -1;
    if (row >= 0) {
      out.signatures.set(fp.signatures.subarray(row * SIGNATURE_BINS, (row + 1) * SIGNATURE_BINS), s * SIGNATURE_BINS);
      out.signatureRow[j] = s++;
    } else {
      out.signatureRow[j] = -1;
    }
    j++;
  }
  return out;
}
