// A hash table from pairs of int32 keys to dense ids (typed arrays, open addressing): account pairs
// sharing identifiers, and the two 32-bit hashes that identify a normalised text.

/** Hash of an unordered pair given as a < b. */
export function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Dense ids for account pairs (a < b), with growable typed storage. */
export class PairTable {
  private slots: Int32Array; // pair id + 1, 0 = empty
  private mask: number;
  pairA: Int32Array;
  pairB: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.pairA = new Int32Array(Math.max(16, capacity));
    this.pairB = new Int32Array(Math.max(16, capacity));
  }

  /** The id of the pair, or -1 when absent. */
  get(a: number, b: number): number {
    let i = pairHash(a, b) & this.mask;
    for (;;) {
      const s = this.slots[i] ?? 0;
      if (s === 0) return -1;
      const id = s - 1;
      if (this.pairA[id] === a && this.pairB[id] === b) return id;
      i = (i + 1) & this.mask;
    }
  }

  /** The id of the pair, inserting it when absent (check `size` to see whether it was new). */
  intern(a: number, b: number): number {
    let i = pairHash(a, b) & this.mask;
    for (;;) {
      const s = this.slots[i] ?? 0;
      if (s === 0) break;
      const id = s - 1;
      if (this.pairA[id] === a && this.pairB[id] === b) return id;
      i = (i + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.pairA.length) this.growPairs();
    this.pairA[id] = a;
    this.pairB[id] = b;
    this.slots[i] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private growPairs(): void {
    const n = this.pairA.length * 2;
    const a = new Int32Array(n);
    a.set(this.pairA);
    const b = new Int32Array(n);
    b.set(this.pairB);
    this.pairA = a;
    this.pairB = b;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let i = pairHash(this.pairA[id] ?? 0, this.pairB[id] ?? 0) & mask;
      while ((slots[i] ?? 0) !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Growable typed column helpers for per-pair payloads indexed by pair id. */
export function ensureInt32(array: Int32Array<ArrayBuffer>, size: number, fill = 0): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export function ensureFloat64(array: Float64Array<ArrayBuffer>, size: number, fill = 0): Float64Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Float64Array(Math.max(size, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}
