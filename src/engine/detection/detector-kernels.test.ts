// The sorting and bucketing kernels the detectors share, against the obvious implementations
// they replaced (fast-check).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstOccurrence } from './first-occurrence';
import { buildPostStore } from './post-store';
import type { ValidPost } from './post-store';
import { timeOrder } from './time-order';

function post(i: number, time: number): ValidPost {
  return {
    messageId: `m${i}`, userId: 'u', username: null, time, text: '', repostId: null, replyId: null, quoteId: null, urls: [],
    deviceHash: null, ipHash: null,
  };
}

describe('timeOrder', () => {
  it('orders by whole second, ties in input order (the packed-key sort it replaced)', () => {
    const times = fc.oneof(
      fc.array(fc.integer({ min: 1_600_000_000, max: 1_600_000_050 }), { maxLength: 60 }),
      fc.array(fc.double({ min: 1_600_000_000, max: 1_600_604_800, noNaN: true }), { maxLength: 60 }),
      fc.array(fc.integer({ min: 700_000_000, max: 4_000_000_000 }), { maxLength: 30 }), // a span too wide for counting
    );
    fc.assert(
      fc.property(times, (list) => {
        const store = buildPostStore(list.map((t, i) => post(i, t)));
        const base = Math.floor(store.minTime);
        const expected = list.map((_, i) => i).toSorted((a, b) => Math.floor(list[a] ?? 0) - base - (Math.floor(list[b] ?? 0) - base) || a - b);
        expect([...timeOrder(store)]).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('FirstOccurrence', () => {
  it('gives each position the first position with the same key', () => {
    const keys = fc.oneof(
      fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 200 }),
      fc.array(fc.integer(), { maxLength: 200 }),
      fc.array(fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 12345), { maxLength: 200 }),
    );
    const buckets = new FirstOccurrence();
    fc.assert(
      fc.property(keys, (list) => {
        const first = new Int32Array(list.length);
        buckets.compute(Int32Array.from(list), list.length, first);
        const seen = new Map<number, number>();
        const expected = list.map((k, i) => {
          if (!seen.has(k)) seen.set(k, i);
          return seen.get(k) ?? i;
        });
        expect([...first]).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('handles many partitions (20,000 keys)', () => {
    const n = 20_000;
    const keys = new Int32Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.imul((i % 7_001) + 1, 0x9e3779b1);
    const first = new Int32Array(n);
    new FirstOccurrence().compute(keys, n, first);
    for (let i = 0; i < n; i++) expect(first[i]).toBe(i % 7_001);
  });
});
