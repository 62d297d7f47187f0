// The store's packed columns (post-store.ts): texts as UTF-8 blocks with each distinct text once,
// message ids as bytes behind a read-only array view, and strings that keep nothing of the text
// they were cut from. The parser tests compare whole stores; these pin down the packing itself.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostStoreBuilder, buildPostStore, detach } from './post-store';
import type { ValidPost } from './post-store';
import { fingerprintRows } from './text-fingerprints';

function post(messageId: string, text: string, extra: Partial<ValidPost> = {}): ValidPost {
  return {
    messageId, userId: 'u1', username: null, time: 1_700_000_000, text, repostId: null, replyId: null, quoteId: null,
    urls: [], deviceHash: null, ipHash: null, ...extra,
  };
}

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates, astral characters, NUL, controls
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '\ufeffBOM first', 'é', '🔥🔥', '\ud83d', 'x\udc00y', 'RT @a: same text', 'RT @a: same text'),
);

describe('PostTexts', () => {
  it('gives back every text exactly, repeated or not, whatever its characters (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, fc.boolean()), { maxLength: 60 }), (rows) => {
        const texts = rows.map(([t]) => t);
        const store = buildPostStore(rows.map(([t, repost], i) => post(String(i), t, { repostId: repost ? 'r' : null })));
        expect(store.text.length).toBe(texts.length);
        expect(store.text.toArray()).toEqual(texts);
        for (const [i, t] of texts.entries()) {
          for (const n of [0, 1, 3, 280]) expect(store.text.excerpt(i, n)).toBe(t.slice(0, n));
        }
        expect(store.text.get(-1)).toBe('');
        expect(store.text.get(texts.length)).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the repeated texts of reposts once, across blocks, with texts larger than a block', () => {
    const long = 'x'.repeat(70_000); // three UTF-8 bytes per character are set aside: more than the first 64 KiB block
    const texts: string[] = [];
    for (let i = 0; i < 3_000; i++) texts.push(i % 3 === 0 ? `RT @source: the same repost text ${i % 2}` : i % 500 === 7 ? `${long}${i}` : `post number ${i} 🔥`);
    const store = buildPostStore(texts.map((t, i) => post(String(i), t, { repostId: i % 3 === 0 ? 'source' : null })));
    expect(store.text.toArray()).toEqual(texts);
    expect(store.text.excerpt(7, 280)).toBe(long.slice(0, 280));
    // Two distinct repost texts for 1,000 reposts, each original once.
    const packed = (store.text as unknown as { packed: { ends: Int32Array } }).packed;
    expect(packed.ends.length).toBe(2 + 2_000);
  });

  it('drops the texts of duplicate rows with them', () => {
    const store = buildPostStore([post('1', 'first'), post('2', 'second'), post('1', 'again'), post('3', 'second')]);
    expect([...store.postIds]).toEqual(['1', '2', '3']);
    expect(store.text.toArray()).toEqual(['first', 'second', 'second']);
  });
});

describe('fingerprints computed as rows are added', () => {
  it('equal those computed from the stored texts, reposts and duplicates included (fast-check)', () => {
    const row = fc.record({ id: fc.integer({ min: 0, max: 30 }), text: anyText, repost: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), fc.integer({ min: 1, max: 30 }), (rows, minChars) => {
        const builder = new PostStoreBuilder(minChars);
        for (const r of rows) builder.add(post(String(r.id), r.text, { repostId: r.repost ? 'r1' : null }));
        const store = builder.build();
        const computed = builder.builtFingerprints();
        const expected = fingerprintRows(store.text, store.repostOf, 0, store.size, minChars);
        expect(computed?.minChars).toBe(minChars);
        const summary = (f: typeof expected) => [[...f.eligible], [...f.hashA], [...f.hashB], [...f.length], [...f.signatureRow], [...f.signatures.subarray(0, f.signedCount * 32)]];
        expect(computed === null ? null : summary(computed)).toEqual(summary(expected));
      }),
      { numRuns: 500 },
    );
  });
});

describe('postIds', () => {
  it('reads like a read-only array of the ids', () => {
    const store = buildPostStore(['a1', 'b_2', '17000000000001234', 'x:y.z-1'].map((id) => post(id, 't')));
    const ids = store.postIds;
    expect(ids.length).toBe(4);
    expect(ids[2]).toBe('17000000000001234');
    expect(ids[4]).toBeUndefined();
    expect([...ids]).toEqual(['a1', 'b_2', '17000000000001234', 'x:y.z-1']);
    expect(ids.slice(1, 3)).toEqual(['b_2', '17000000000001234']);
    expect(ids.map((id) => id.length)).toEqual([2, 3, 17, 7]);
    expect(ids.indexOf('x:y.z-1')).toBe(3);
    expect(Array.isArray(ids)).toBe(true);
    expect(Object.keys(ids)).toEqual(['0', '1', '2', '3']);
    expect(2 in ids).toBe(true);
    expect(JSON.stringify(ids)).toBe('["a1","b_2","17000000000001234","x:y.z-1"]');
    expect(ids).toEqual(['a1', 'b_2', '17000000000001234', 'x:y.z-1']);
    expect(() => {
      (ids as string[])[0] = 'changed';
    }).toThrow(TypeError);
    expect(ids[0]).toBe('a1');
    // Ids the row validator would refuse are kept all the same.
    expect([...buildPostStore([post('ïd-1', 't'), post('🔥', 't'), post('ïd-1', 'u')]).postIds]).toEqual(['ïd-1', '🔥']);
  });
});

describe('detach', () => {
  it('returns an equal string for any text (fast-check)', () => {
    fc.assert(
      fc.property(anyText, fc.nat(20), (t, cut) => {
        const s = `${'p'.repeat(20)}${t}${'q'.repeat(20)}`.slice(cut, cut + 15 + t.length);
        expect(detach(s)).toBe(s);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('making room ahead (reserve)', () => {
  it('changes nothing in the store or its fingerprints, whatever the estimate', () => {
    const posts = Array.from({ length: 2_000 }, (_, i) =>
      post(String(i % 1_900), i % 4 === 0 ? 'RT @a: shared text' : `text ${i} with some words 🔥`, {
        userId: `u${i % 37}`, urls: i % 5 === 0 ? [`https://x.example/${i % 7}`] : [], repostId: i % 4 === 0 ? 'r1' : null, deviceHash: i % 3 === 0 ? `d${i % 11}` : null,
      }),
    );
    const build = (reserveAt: number, rows: number) => {
      const builder = new PostStoreBuilder(10);
      for (const [i, p] of posts.entries()) {
        if (i === reserveAt) builder.reserve(rows);
        builder.add(p);
      }
      const store = builder.build();
      const f = builder.builtFingerprints();
      return {
        ids: [...store.postIds], text: store.text.toArray(), account: [...store.account], repostOf: [...store.repostOf], urls: [[...store.urlOffsets], [...store.urlIds], store.urls],
        device: [...store.device], fingerprints: f === null ? null : [[...f.eligible], [...f.hashA], [...f.signatureRow], [...f.signatures.subarray(0, f.signedCount * 32)]],
      };
    };
    const plain = build(-1, 0);
    for (const [at, rows] of [[100, 2_100], [100, 600], [1_000, 10_000], [1_999, 1], [5, 2_000]] as const) expect(build(at, rows)).toEqual(plain);
  });
});
