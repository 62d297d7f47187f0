// For each position, the first position holding the same 32-bit key: the LSH buckets of the
// near-duplicate detector. A hash table over all keys (600,000 per band at a million posts) is
// many MB and every probe a cache and TLB miss; here the keys are first split by their top bits
// into partitions of a few thousand (a stable counting sort, sequential passes), and each
// partition is resolved with a small table that stays in cache.

const TARGET_PARTITION = 4096;

export class FirstOccurrence {
  private order = new Int32Array(0);
  private table = new Int32Array(0); // [key, first position] pairs
  private stamp = new Int32Array(0); // partition + 1 that last used the slot

  /**
   * `first[i]` = the smallest j <= i with `keys[j] === keys[i]` (and, when `second` is given,
   * `second[j] === second[i]` too), for i < n. Keys should be well mixed (the partition is taken
   * from their top bits); with `second`, pass a mix of both as `keys`.
   */
  compute(keys: Int32Array, n: number, first: Int32Array, second: Int32Array | null = null): void {
    let bits = 0;
    while (bits < 16 && n >> bits > TARGET_PARTITION) bits++;
    const partitions = 1 << bits;
    const shift = 32 - bits;
    const partitionOf = (key: number): number => (bits === 0 ? 0 : key >>> shift);
    // Stable counting sort of the positions by partition.
    const start = new Int32Array(partitions + 1);
    for (let i = 0; i < n; i++) {
      const p = partitionOf(keys[i] ?? 0) + 1;
      start[p] = (start[p] ?? 0) + 1;
    }
    let largest = 0;
    for (let p = 0; p < partitions; p++) {
      largest = Math.max(largest, start[p + 1] ?? 0);
      start[p + 1] = (start[p + 1] ?? 0) + (start[p] ?? 0);
    }
    if (this.order.length < n) this.order = new Int32Array(n);
    const order = this.order;
    const fill = start.slice(0, partitions);
    for (let i = 0; i < n; i++) {
      const p = partitionOf(keys[i] ?? 0);
      order[fill[p] ?? 0] = i;
      fill[p] = (fill[p] ?? 0) + 1;
    }
    // One small open-addressing table, reused: a slot belongs to the current partition only if
    // its stamp says so, so nothing is cleared between partitions.
    let size = 16;
    while (size < largest * 2) size *= 2;
    if (this.stamp.length < size) {
      this.stamp = new Int32Array(size);
      this.table = new Int32Array(size * 2);
    } else {
      this.stamp.fill(0);
    }
    const table = this.table;
    const stamp = this.stamp;
    const mask = size - 1;
    for (let p = 0; p < partitions; p++) {
      const mark = p + 1;
      const end = start[p + 1] ?? 0;
      for (let k = start[p] ?? 0; k < end; k++) {
        const i = order[k] ?? 0;
        const key = keys[i] ?? 0;
        let slot = key & mask;
        for (;;) {
          if (stamp[slot] !== mark) {
            stamp[slot] = mark;
            table[2 * slot] = key;
            table[2 * slot + 1] = i;
            first[i] = i;
            break;
          }
          if (table[2 * slot] === key) {
            const j = table[2 * slot + 1] ?? i;
            if (second === null || second[j] === second[i]) {
              first[i] = j;
              break;
            }
          }
          slot = (slot + 1) & mask;
        }
      }
    }
  }
}
