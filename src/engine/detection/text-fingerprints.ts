// Text fingerprints per post (text-features.ts), for any range of rows: the detection context
// computes them for a whole store; in a two-thread import each thread computes them for the rows
// it read and the halves are joined. The same function either way, so the arrays are the same.
import { SIGNATURE_BINS, TextFingerprint } from './text-features';

export interface TextFingerprints {
  /** Posts considered (originals, replies and quotes: reposts copy text by design). */
  eligible: Uint8Array;
  hashA: Uint32Array;
  hashB: Uint32Array;
  /** Normalised length; 0 for reposts. */
  length: Uint32Array;
  /** Row in `signatures` of each post with a signature, else -1. */
  signatureRow: Int32Array;
  /** `SIGNATURE_BINS` values per signed post. */
  signatures: Uint32Array;
  signedCount: number;
}

/** Fingerprints computed ahead of detection, and the signature threshold they were computed for. */
export interface PrecomputedFingerprints extends TextFingerprints {
  minChars: number;
}

/**
 * Fingerprints of rows `from`..`to` (exclusive) of `text` / `repostOf`; rows whose normalised text
 * has at least `signatureMinChars` also get a MinHash signature.
 */
export function fingerprintRows(text: readonly string[], repostOf: ArrayLike<number>, from: number, to: number, signatureMinChars: number): TextFingerprints {
  const n = to - from;
  const eligible = new Uint8Array(n);
  const hashA = new Uint32Array(n);
  const hashB = new Uint32Array(n);
  const length = new Uint32Array(n);
  const signatureRow = new Int32Array(n).fill(-1);
  // Sized up front from the raw lengths (an upper bound): no 100 MB copies while growing.
  let candidates = 0;
  for (let i = from; i < to; i++) {
    if ((repostOf[i] ?? -1) < 0 && (text[i]?.length ?? 0) >= signatureMinChars) candidates++;
  }
  const signatures = new Uint32Array(Math.max(1, candidates) * SIGNATURE_BINS);
  let signed = 0;
  const fp = new TextFingerprint();
  for (let i = from; i < to; i++) {
    if ((repostOf[i] ?? -1) >= 0) continue;
    const t = text[i] ?? '';
    if (t.length === 0) continue;
    // Cheap bound: normalisation only shortens, so a short raw text cannot reach the limit.
    const wantSignature = t.length >= signatureMinChars;
    fp.compute(t, wantSignature);
    const row = i - from;
    eligible[row] = 1;
    hashA[row] = fp.hashA;
    hashB[row] = fp.hashB;
    length[row] = fp.length;
    if (wantSignature && fp.length >= signatureMinChars && fp.shingles >= 2) {
      // A plain copy: TypedArray#set per 32-value signature cost more than computing it.
      const source = fp.signature;
      const o = signed * SIGNATURE_BINS;
      for (let b = 0; b < SIGNATURE_BINS; b++) signatures[o + b] = source[b] ?? 0;
      signatureRow[row] = signed++;
    }
  }
  return { eligible, hashA, hashB, length, signatureRow, signatures, signedCount: signed };
}

/** The fingerprints of rows `a` followed by rows `b`. */
function join<T extends Uint8Array | Uint32Array | Int32Array>(x: T, y: T, make: (n: number) => T): T {
  const out = make(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out;
}

export function concatFingerprints(a: TextFingerprints, b: TextFingerprints): TextFingerprints {
  const signatureRow = join(a.signatureRow, b.signatureRow, (n) => new Int32Array(n));
  for (let i = a.signatureRow.length; i < signatureRow.length; i++) if ((signatureRow[i] ?? -1) >= 0) signatureRow[i] = (signatureRow[i] ?? 0) + a.signedCount;
  const signatures = new Uint32Array(Math.max(1, a.signedCount + b.signedCount) * SIGNATURE_BINS);
  signatures.set(a.signatures.subarray(0, a.signedCount * SIGNATURE_BINS));
  signatures.set(b.signatures.subarray(0, b.signedCount * SIGNATURE_BINS), a.signedCount * SIGNATURE_BINS);
  return {
    eligible: join(a.eligible, b.eligible, (n) => new Uint8Array(n)),
    hashA: join(a.hashA, b.hashA, (n) => new Uint32Array(n)),
    hashB: join(a.hashB, b.hashB, (n) => new Uint32Array(n)),
    length: join(a.length, b.length, (n) => new Uint32Array(n)),
    signatureRow,
    signatures,
    signedCount: a.signedCount + b.signedCount,
  };
}
