// Per-store work shared by several detectors, computed once on first use: the time order, and the
// text fingerprints that co-post and near-duplicate both need.
import type { PostStore } from './post-store';
import { SIGNATURE_BINS, TextFingerprint } from './text-features';
import { timeOrder } from './time-order';

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

export class DetectionContext {
  private order: Uint32Array | null = null;
  private fingerprints: TextFingerprints | null = null;
  private fingerprintMinChars = -1;

  constructor(readonly store: PostStore) {}

  get timeOrder(): Uint32Array {
    this.order ??= timeOrder(this.store);
    return this.order;
  }

  /** Computes the shared time order up front (so the phase can be timed and reported). */
  prepare(): void {
    this.order ??= timeOrder(this.store);
  }

  /** Fingerprints; posts whose normalised text has at least `signatureMinChars` also get a MinHash signature. */
  textFingerprints(signatureMinChars: number): TextFingerprints {
    if (this.fingerprints !== null && this.fingerprintMinChars === signatureMinChars) return this.fingerprints;
    const store = this.store;
    const n = store.size;
    const eligible = new Uint8Array(n);
    const hashA = new Uint32Array(n);
    const hashB = new Uint32Array(n);
    const length = new Uint32Array(n);
    const signatureRow = new Int32Array(n).fill(-1);
    // Sized up front from the raw lengths (an upper bound): no 100 MB copies while growing.
    let candidates = 0;
    for (let i = 0; i < n; i++) {
      if ((store.repostOf[i] ?? -1) < 0 && (store.text[i]?.length ?? 0) >= signatureMinChars) candidates++;
    }
    let signatures = new Uint32Array(Math.max(1, candidates) * SIGNATURE_BINS);
    let signed = 0;
    const fp = new TextFingerprint();
    for (let i = 0; i < n; i++) {
      if ((store.repostOf[i] ?? -1) >= 0) continue;
      const text = store.text[i] ?? '';
      if (text.length === 0) continue;
      // Cheap bound: normalisation only shortens, so a short raw text cannot reach the limit.
      const wantSignature = text.length >= signatureMinChars;
      fp.compute(text, wantSignature);
      eligible[i] = 1;
      hashA[i] = fp.hashA;
      hashB[i] = fp.hashB;
      length[i] = fp.length;
      if (wantSignature && fp.length >= signatureMinChars && fp.shingles >= 2) {
        if ((signed + 1) * SIGNATURE_BINS > signatures.length) {
          const next = new Uint32Array(signatures.length * 2);
          next.set(signatures);
          signatures = next;
        }
        // A plain copy: TypedArray#set per 32-value signature cost more than computing it.
        const from = fp.signature;
        const o = signed * SIGNATURE_BINS;
        for (let b = 0; b < SIGNATURE_BINS; b++) signatures[o + b] = from[b] ?? 0;
        signatureRow[i] = signed++;
      }
    }
    this.fingerprints = { eligible, hashA, hashB, length, signatureRow, signatures, signedCount: signed };
    this.fingerprintMinChars = signatureMinChars;
    return this.fingerprints;
  }
}
