// The @-mention column (mentions.ts): each row's mentions as `mentionsOf` reads them from its text,
// whatever range of the text being read the row is, and the same store columns whether the rows
// were read in one go or partly taken over from a part, duplicates dropped or not.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActivityParser, parseActivity } from './activity-parser';
import { MAX_MENTIONS_PER_POST, mentionsOf } from './mentions';
import type { Mentions } from './mentions';
import { PostStoreBuilder, mentionColumn } from './post-store';
import type { PostStore, ValidPost } from './post-store';

/** Row `i`'s names. */
function rowNames(m: Mentions, i: number): string[] {
  return Array.from(m.ids.subarray(m.offsets[i] ?? 0, m.offsets[i + 1] ?? 0), (id) => m.names[id] ?? '?');
}

/** Every row's names, for texts added one row each. */
function columnOf(texts: readonly string[]): string[][] {
  const column = mentionColumn();
  for (const t of texts) column.add(t, 0, t.length);
  const m = column.result();
  return texts.map((_, i) => rowNames(m, i));
}

function storeMentions(store: PostStore): Mentions {
  return { offsets: store.mentionOffsets, ids: store.mentionIds, names: [...store.mentionNames] };
}

function plain(m: Mentions): unknown {
  return { offsets: [...m.offsets], ids: [...m.ids], names: [...m.names] };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function post(messageId: string, text: string, extra: Partial<ValidPost> = {}): ValidPost {
  return {
    messageId, userId: 'u1', username: null, time: 1_700_000_000, text, repostId: null, replyId: null, quoteId: null,
    urls: [], deviceHash: null, ipHash: null, ...extra,
  };
}

// Texts made of the pieces mentions are made of and broken by: '@', names in any case, inner and
// trailing '.' and '-', e-mail addresses, '@@', letters whose lower case is longer or another letter.
const piece = fc.constantFrom('@', '@', '@', 'bob', 'Bob', 'BOB', 'bo', 'b', '.', '-', '_', ' ', ',', 'x', 'é', 'É', 'İ', '\u212A', 'a@', '@@', '1', '🔥', '\ud83d');
const mentionText = fc.oneof(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join('')), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 12 }));

describe('MentionColumn', () => {
  it('reads names as nameAt does: lower case, distinct, in text order, no e-mail address or @@', () => {
    expect(columnOf([
      'mail me@example.org or @Bob, cc @bob and @Carol.',
      '@@x and x@@y but @@ @ @. @-',
      'hey @Éva, @ÉVA and @müller-lüdenscheid; @İzmir @日本語',
      '@bob.bsky.social. @a-b- @_x_',
      'no mention at all',
      '',
    ])).toEqual([
      ['bob', 'carol'],
      [],
      ['éva', 'müller-lüdenscheid', 'i̇zmir', '日本語'],
      ['bob.bsky.social', 'a-b', '_x_'],
      [],
      [],
    ]);
  });

  it(`keeps at most ${MAX_MENTIONS_PER_POST} distinct names a post, the first ones (repeats do not count)`, () => {
    const names = Array.from({ length: 40 }, (_, i) => `user${i}`);
    const text = names.map((n) => `@${n} @${n.toUpperCase()}`).join(' ');
    expect(columnOf([text, '@after'])).toEqual([names.slice(0, MAX_MENTIONS_PER_POST), ['after']]);
    expect(mentionsOf(text)).toEqual(names.slice(0, MAX_MENTIONS_PER_POST));
  });

  it('reads a row as the range of the text it stands in, nothing before or after it', () => {
    const buf = 'me@alice,@bob and @carol,x@dave';
    const column = mentionColumn();
    column.add(buf, buf.indexOf('@alice'), buf.indexOf(',')); // '@alice': the row starts at its '@'
    column.add(buf, buf.indexOf(',') + 1, buf.indexOf('@carol') + 3); // the last name is cut where the row ends
    column.skip();
    column.add(buf, buf.lastIndexOf(',') + 1, buf.length);
    const m = column.result();
    expect([0, 1, 2, 3].map((i) => rowNames(m, i))).toEqual([['alice'], ['bob', 'ca'], [], []]);
    expect([...m.offsets]).toEqual([0, 1, 3, 3, 3]);
  });

  it('takes over a part: its names remapped, the same column as reading its rows here', () => {
    const head = ['@Bob hi @carol', 'nothing', '@dave'];
    const tail = ['@erin and @BOB', '', '@dave @frank @erin'];
    const column = mentionColumn();
    for (const t of head) column.add(t, 0, t.length);
    const part = mentionColumn();
    for (const t of tail) part.add(t, 0, t.length);
    const partResult = part.result();
    expect(partResult.names).toEqual(['erin', 'bob', 'dave', 'frank']);
    column.append(partResult);
    const whole = mentionColumn();
    for (const t of [...head, ...tail]) whole.add(t, 0, t.length);
    expect(plain(column.result())).toEqual(plain(whole.result()));
    expect(column.result().names).toEqual(['bob', 'carol', 'dave', 'erin', 'frank']);
    expect(rowNames(column.result(), 3)).toEqual(['erin', 'bob']);
  });

  it('gives the names mentionsOf reads, uncapped on short texts (fast-check)', () => {
    const { counterexample } = fc.check(
      fc.property(fc.array(mentionText, { maxLength: 6 }), (texts) => same(columnOf(texts), texts.map((t) => mentionsOf(t, Number.POSITIVE_INFINITY)))),
      { numRuns: 3_000 },
    );
    expect(counterexample).toBeNull();
  });

  it('reads a range of a larger text as that text alone (fast-check)', () => {
    const { counterexample } = fc.check(
      fc.property(mentionText, mentionText, mentionText, (before, text, after) => {
        const column = mentionColumn();
        column.add(before + text + after, before.length, before.length + text.length);
        return same(rowNames(column.result(), 0), mentionsOf(text));
      }),
      { numRuns: 2_000 },
    );
    expect(counterexample).toBeNull();
  });

  it('reads rows of several texts in any order, one column for all (its search reused only where it answers) (fast-check)', () => {
    const row = fc.tuple(fc.nat(2), fc.nat(), fc.nat());
    const { counterexample } = fc.check(
      fc.property(fc.array(mentionText, { minLength: 1, maxLength: 4 }), fc.array(row, { maxLength: 12 }), fc.boolean(), (parts, rows, inOrder) => {
        const joined = parts.join(' ');
        // The same text twice (equal, not the same string), and another one.
        const texts = [joined, [...parts, ''].join(' ').slice(0, joined.length), `${parts[0] ?? ''}@x`];
        const ranges = rows.map(([t, a, b]) => {
          const text = texts[t] ?? '';
          const from = a % (text.length + 1);
          return { text, from, to: from + (b % (text.length - from + 1)) };
        });
        const list = inOrder ? ranges.toSorted((x, y) => x.from - y.from || x.to - y.to) : ranges;
        const column = mentionColumn();
        for (const r of list) column.add(r.text, r.from, r.to);
        const m = column.result();
        return same(list.map((_, i) => rowNames(m, i)), list.map((r) => mentionsOf(r.text.slice(r.from, r.to))));
      }),
      { numRuns: 3_000 },
    );
    expect(counterexample).toBeNull();
  });

  it('grows past its first capacity and its result is exact', () => {
    const texts = Array.from({ length: 3_000 }, (_, i) => (i % 3 === 0 ? `@u${i % 700} @U${(i * 7) % 700} text` : `plain ${i}`));
    const m = mentionColumn();
    for (const [i, t] of texts.entries()) {
      if (i === 100) m.reserve(2_000);
      m.add(t, 0, t.length);
    }
    const result = m.result();
    expect(result.offsets.length).toBe(texts.length + 1);
    expect(result.ids.length).toBe(result.offsets[texts.length]);
    expect(texts.map((_, i) => rowNames(result, i))).toEqual(texts.map((t) => mentionsOf(t)));
  });
});

// --- the store's mention columns ----------------------------------------------------------------

/** A store built from `posts` in one builder, or with the rows from `cut` on read by a second one and taken over. */
function build(posts: readonly ValidPost[], cut: number | null): PostStore {
  const builder = new PostStoreBuilder();
  const head = cut === null ? posts : posts.slice(0, cut);
  for (const p of head) builder.add(p);
  if (cut !== null) {
    const second = new PostStoreBuilder();
    for (const p of posts.slice(cut)) second.add(p);
    builder.importPart(second.exportPart(), head.length);
  }
  return builder.build();
}

/** The posts a store keeps: the first of each message id. */
function kept(posts: readonly ValidPost[]): ValidPost[] {
  const seen = new Set<string>();
  return posts.filter((p) => !seen.has(p.messageId) && seen.add(p.messageId) !== undefined);
}

describe('the store\'s mention columns', () => {
  const posts = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), mentionText, fc.boolean()), { maxLength: 40 }).map((rows) =>
    rows.map(([id, text, repost], i) => post(String(id), text, { userId: `u${i % 5}`, repostId: repost ? 'r' : null })),
  );

  it('are the same read in one builder or partly taken over from a part, and stay aligned when duplicates are dropped (fast-check)', () => {
    const { counterexample } = fc.check(
      fc.property(posts, fc.nat(), (list, pick) => {
        const whole = build(list, null);
        const parted = build(list, pick % (list.length + 1));
        const rows = kept(list);
        const m = storeMentions(whole);
        return (
          same(plain(storeMentions(parted)), plain(m)) &&
          whole.size === rows.length &&
          m.offsets.length === rows.length + 1 &&
          same(rows.map((_, i) => rowNames(m, i)), rows.map((p) => mentionsOf(p.text))) &&
          m.names.every((n) => n === n.toLowerCase())
        );
      }),
      { numRuns: 1_000 },
    );
    expect(counterexample).toBeNull();
  });

  it('drops a duplicate row\'s mentions with it', () => {
    const store = build([post('1', '@a @b'), post('2', '@c'), post('1', '@d'), post('3', 'none'), post('2', '@e @a'), post('4', '@A @f')], 3);
    const m = storeMentions(store);
    expect([...store.postIds]).toEqual(['1', '2', '3', '4']);
    expect([0, 1, 2, 3].map((i) => rowNames(m, i))).toEqual([['a', 'b'], ['c'], [], ['a', 'f']]);
    expect([...m.offsets]).toEqual([0, 2, 3, 3, 5]);
  });

  it('are the same from a CSV file read whole, read as two parts, and read without the fast path', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 50},u${i % 7},user${i % 7},,,@User${i % 9} says hi to @user${(i * 5) % 9} (mail x@y.z),${1_600_000_000 + i}`);
    const text = ['message_id,user_id,username,repost_id,reply_id,message,timestamp', ...rows].join('\n') + '\n';
    const whole = parseActivity(text, {}, { csvFastPath: true }).store;
    const slow = parseActivity(text, {}, { csvFastPath: false }).store;
    const at = text.indexOf('\n', text.length / 2) + 1;
    const first = createActivityParser({ sniffChars: 80 });
    first.push(text.slice(0, at));
    const layout = first.csvLayout;
    expect(layout).not.toBeNull();
    const second = createActivityParser({ sniffChars: 80 }, { csvPart: layout ?? undefined });
    second.push(text.slice(at));
    const absorbed = first.absorbPart(second.endPart());
    const parted = first.end().store;
    expect(absorbed).toBe(true);
    expect(plain(storeMentions(parted))).toEqual(plain(storeMentions(whole)));
    expect(plain(storeMentions(slow))).toEqual(plain(storeMentions(whole)));
    expect(whole.size).toBe(50);
    expect(rowNames(storeMentions(whole), 1)).toEqual(['user1', 'user5']);
    expect(rowNames(storeMentions(whole), 9)).toEqual(['user0']);
  });
});
