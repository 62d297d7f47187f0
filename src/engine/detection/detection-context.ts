// Per-store work shared by several detectors, computed once on first use: the time order, and the
// text fingerprints that co-post and near-duplicate both need.
import type { PostStore } from './post-store';
import { fingerprintRows } from './text-fingerprints';
import type { PrecomputedFingerprints, TextFingerprints } from './text-fingerprints';
import { timeOrder } from './time-order';

export type { TextFingerprints } from './text-fingerprints';

export class DetectionContext {
  private order: Uint32Array | null = null;
  private fingerprints: TextFingerprints | null = null;
  private fingerprintMinChars = -1;

  /** `precomputed`: fingerprints computed while the file was read (used when their threshold matches). */
  constructor(
    readonly store: PostStore,
    private readonly precomputed: PrecomputedFingerprints | null = null,
  ) {}

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
    const given = this.precomputed;
    this.fingerprints =
      given !== null && given.minChars === signatureMinChars && given.eligible.length === this.store.size
        ? given
        : fingerprintRows(this.store.text, this.store.repostOf, 0, this.store.size, signatureMinChars);
    this.fingerprintMinChars = signatureMinChars;
    return this.fingerprints;
  }
}
