// Dogpiling per target (issue 16 §5, R1 social): a planted dogpile with its inciter is found with
// the right target; organic popular posts (replies spread over a day, or the usual cascade right
// after a post) are not; the targets found depend on the posts, not on their order or on unrelated
// activity around them.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterToSignal } from './cluster-signal';
import { detectCoordination } from './detect-coordination';
import { DetectionContext } from './detection-context';
import type { Dogpile } from './detection-types';
import { detectDogpiling, mentionsOf, namesAccount, resolveRefs } from './dogpiling-detector';
import { buildPostStore } from './post-store';
import type { PostStore, ValidPost } from './post-store';
import { DEFAULT_DETECTOR_SETTINGS, resolveDetectorSettings, withWindow } from './settings';

const T0 = 1_700_000_000;
const HOUR = 3_600;
const D = DEFAULT_DETECTOR_SETTINGS.dogpiling;

function post(id: string, user: string, time: number, text: string, extra: Partial<ValidPost> = {}): ValidPost {
  return {
    messageId: id, userId: user, username: user, time, text,
    repostId: null, replyId: null, quoteId: null, urls: [], deviceHash: null, ipHash: null,
    ...extra,
  };
}

/** Deterministic pseudo-random numbers. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

/**
 * Two days of ordinary activity: 200 accounts posting, and replying to each other's posts the way
 * people do (most replies within the first hour, a tail over the day). The detector compares a
 * burst with the import's own reply delays, so a fixture needs this background.
 */
function background(seed = 1, prefix = 'bg'): ValidPost[] {
  const rnd = lcg(seed);
  const posts: ValidPost[] = [];
  const originals: { id: string; user: string; time: number }[] = [];
  for (let k = 0; k < 200; k++) {
    for (let j = 0; j < 4; j++) {
      const id = `${prefix}-${k}-${j}`;
      const time = Math.round(T0 + rnd() * 48 * HOUR);
      posts.push(post(id, `${prefix}${k}`, time, `ordinary post ${k}-${j} about the weather and the market`));
      originals.push({ id, user: `${prefix}${k}`, time });
    }
  }
  let n = 0;
  for (const original of originals) {
    const replies = Math.floor(rnd() * 4);
    for (let r = 0; r < replies; r++) {
      const user = `${prefix}${Math.floor(rnd() * 200)}`;
      if (user === original.user) continue;
      const delay = rnd() < 0.7 ? -Math.log(1 - rnd()) * 1_200 : -Math.log(1 - rnd()) * 8 * HOUR;
      posts.push(post(`${prefix}-r${n++}`, user, Math.round(original.time + 5 + delay), `@${original.user} fair point`, { replyId: original.id }));
    }
  }
  return posts;
}

/** The seed's example: @inciter names @target, then 20 accounts pile onto the target's post within minutes. */
function plantedDogpile(at = T0 + 20 * HOUR): ValidPost[] {
  const posts = [
    post('target-post', 'target', T0 + 10 * HOUR, 'My view on the new bridge: build it, and build it well'),
    post('incite-1', 'inciter', at, '@target look at this… tell this clown what you think of the bridge'),
  ];
  for (let k = 0; k < 20; k++) {
    posts.push(post(`pile-${k}`, `pile${k}`, at + 120 + k * 20, `@target you are a disgrace ${k}`, { replyId: 'target-post' }));
  }
  return posts;
}

function run(store: PostStore, settings = D) {
  return detectDogpiling(new DetectionContext(store), settings);
}

/** What a dogpile names, in ids and times (independent of store indices). */
function describeTarget(store: PostStore, d: Dogpile) {
  return {
    kind: d.kind,
    post: d.post >= 0 ? store.postIds[d.post] : null,
    account: d.account >= 0 ? store.accountIds[d.account] : d.username,
    start: d.start,
    end: d.end,
    repliers: d.repliers,
    inciters: d.inciters.map((i) => ({ account: store.accountIds[i.account], posts: i.posts.map((p) => store.postIds[p]) })),
  };
}

describe('dogpiling', () => {
  it('finds the planted dogpile with its target and its inciter, and clusters them as incitement/dogpiling', () => {
    const store = buildPostStore([...background(), ...plantedDogpile()]);
    const result = run(store);
    expect(result.dogpiles?.map((d) => describeTarget(store, d))).toEqual([
      {
        kind: 'post', post: 'target-post', account: 'target', start: T0 + 20 * HOUR + 120, end: T0 + 20 * HOUR + 120 + 19 * 20, repliers: 20,
        inciters: [{ account: 'inciter', posts: ['incite-1'] }],
      },
    ]);
    // 20 repliers pairwise (190) and the inciter to each of them (20).
    expect(result.edges).toHaveLength(210);
    expect(result.edges.every((e) => e.detector === 'dogpiling' && e.coItems === 1 && e.score > 0.9)).toBe(true);

    const outcome = detectCoordination(store);
    const cluster = outcome.clusters.find((c) => c.accounts.some((a) => a.id === 'pile0'));
    expect(cluster?.accounts.map((a) => a.id).toSorted()).toEqual(['inciter', ...Array.from({ length: 20 }, (_, k) => `pile${k}`)].toSorted());
    expect(cluster?.primaryDetector).toBe('dogpiling');
    expect(cluster?.suggestedSignal).toEqual({ kind: 'social', technique: 'incitement-dogpiling' });
    expect(cluster?.targets).toEqual([
      {
        kind: 'post', postId: 'target-post', accountId: 'target', username: 'target',
        start: new Date((T0 + 20 * HOUR + 120) * 1000).toISOString(), end: new Date((T0 + 20 * HOUR + 500) * 1000).toISOString(),
        repliers: 20, incitedBy: ['inciter'],
      },
    ]);
    expect(cluster?.inciters).toEqual([{ accountId: 'inciter', username: 'inciter', postIds: ['incite-1'] }]);
    // No other cluster: the background is organic.
    expect(outcome.clusters).toHaveLength(1);

    // R1: the signal says who was targeted and who incited, observed on the platform.
    const signal = clusterToSignal(cluster ?? outcome.clusters[0]!);
    expect(signal.kind).toBe('social');
    expect(signal.technique).toBe('incitement-dogpiling');
    expect(signal.observed).toBe('on-platform');
    expect(signal.description).toContain('Targeted: @target (post target-post, 20 accounts within 7 min).');
    expect(signal.description).toContain('Incited by: @inciter (post incite-1).');
  });

  it('finds a dogpile without an inciter in the import (the call may have come from elsewhere)', () => {
    const store = buildPostStore([...background(), ...plantedDogpile().filter((p) => p.messageId !== 'incite-1')]);
    const [dogpile] = run(store).dogpiles ?? [];
    expect(dogpile && describeTarget(store, dogpile)).toMatchObject({ kind: 'post', post: 'target-post', account: 'target', repliers: 20, inciters: [] });
  });

  it('links the inciter by a quote of the target post or a link to it, not by a reply in its thread', () => {
    const at = T0 + 20 * HOUR;
    const pile = plantedDogpile(at).filter((p) => p.messageId !== 'incite-1');
    const store = buildPostStore([
      ...background(),
      ...pile,
      post('quote', 'quoter', at - 600, 'what a take', { quoteId: 'target-post' }),
      post('link', 'linker', at - 300, 'see this', { urls: ['https://social.example/target/status/target-post'] }),
      post('early-reply', 'early', at - 200, '@target hm', { replyId: 'target-post' }),
      post('too-early', 'old', at - 2 * HOUR, '@target remember this'),
    ]);
    const [dogpile] = run(store).dogpiles ?? [];
    expect(dogpile && describeTarget(store, dogpile).inciters).toEqual([
      { account: 'quoter', posts: ['quote'] },
      { account: 'linker', posts: ['link'] },
    ]);
  });

  it('finds an account piled on in replies to the inciter’s post that @-mention it', () => {
    const at = T0 + 30 * HOUR;
    const posts = [...background(), post('call', 'caller', at, '@victim is lying again, you know what to do')];
    for (let k = 0; k < 15; k++) posts.push(post(`m-${k}`, `mob${k}`, at + 60 + k * 30, `@caller @victim shame on you ${k}`, { replyId: 'call' }));
    const store = buildPostStore(posts);
    // The victim wrote nothing in the import: it is known by its @-mention only.
    expect(run(store).dogpiles?.map((d) => describeTarget(store, d))).toEqual([
      { kind: 'account', post: null, account: 'victim', start: at + 60, end: at + 60 + 14 * 30, repliers: 15, inciters: [{ account: 'caller', posts: ['call'] }] },
    ]);
  });

  it('does not flag an organic popular post: many replies spread over a day, no inciter', () => {
    const rnd = lcg(7);
    const posts = [...background(), post('popular', 'celebrity', T0 + 5 * HOUR, 'Big announcement today')];
    for (let k = 0; k < 200; k++) posts.push(post(`fan-${k}`, `fan${k}`, Math.round(T0 + 5 * HOUR + 60 + rnd() * 24 * HOUR), '@celebrity congratulations', { replyId: 'popular' }));
    const store = buildPostStore(posts);
    const result = run(store);
    expect(result.dogpiles).toEqual([]);
    expect(result.edges).toEqual([]);
  });

  it('does not flag the usual cascade of replies right after a post', () => {
    const rnd = lcg(11);
    const posts = [...background(), post('fresh', 'newsdesk', T0 + 12 * HOUR, 'Breaking: the bridge opens tomorrow')];
    // Delays drawn like the background's: most within the first hour.
    for (let k = 0; k < 60; k++) {
      const delay = rnd() < 0.7 ? -Math.log(1 - rnd()) * 1_200 : -Math.log(1 - rnd()) * 8 * HOUR;
      posts.push(post(`reader-${k}`, `reader${k}`, Math.round(T0 + 12 * HOUR + 5 + delay), '@newsdesk finally', { replyId: 'fresh' }));
    }
    expect(run(buildPostStore(posts)).dogpiles).toEqual([]);
  });

  it('needs minRepliers distinct accounts in the window: one account replying twenty times is not a pile', () => {
    const at = T0 + 20 * HOUR;
    const posts = [...background(), post('target-post', 'target', T0 + 10 * HOUR, 'hello')];
    for (let k = 0; k < 20; k++) posts.push(post(`spam-${k}`, k < 17 ? 'spammer' : `other${k}`, at + k * 20, '@target !!!', { replyId: 'target-post' }));
    expect(run(buildPostStore(posts)).dogpiles).toEqual([]);
    // Five distinct accounts within the window are enough on a quiet post.
    const five = [...background(), post('target-post', 'target', T0 + 10 * HOUR, 'hello')];
    for (let k = 0; k < 5; k++) five.push(post(`r-${k}`, `r${k}`, at + k * 60, '@target !!!', { replyId: 'target-post' }));
    expect(run(buildPostStore(five)).dogpiles).toHaveLength(1);
    expect(run(buildPostStore(five), { ...D, minRepliers: 6 }).dogpiles).toEqual([]);
  });

  it('bounds the links of a viral burst: each replier to its maxNeighbours nearest repliers on each side', () => {
    const at = T0 + 20 * HOUR;
    const posts = [...background(), post('target-post', 'target', T0 + 10 * HOUR, 'hello')];
    for (let k = 0; k < 300; k++) posts.push(post(`v-${k}`, `v${k}`, at + k * 2, '@target !!!', { replyId: 'target-post' }));
    const result = run(buildPostStore(posts), { ...D, maxNeighbours: 10 });
    expect(result.dogpiles?.[0]?.repliers).toBe(300);
    // sum over i of min(10, 299 - i)
    expect(result.edges).toHaveLength(300 * 10 - (10 * 11) / 2);
  });

  it('is off when disabled, and its settings follow resolve and --window', () => {
    const store = buildPostStore([...background(), ...plantedDogpile()]);
    const off = detectCoordination(store, { dogpiling: { enabled: false } });
    expect(off.runs.find((r) => r.detector === 'dogpiling')).toEqual({ detector: 'dogpiling', enabled: false, edges: 0, actions: 0, candidatePairs: 0 });
    expect(off.clusters.flatMap((c) => c.targets ?? [])).toEqual([]);
    expect(resolveDetectorSettings({ dogpiling: { minRepliers: 8 } }).dogpiling).toEqual({ ...D, minRepliers: 8 });
    expect(withWindow(resolveDetectorSettings(), 60).dogpiling.windowSeconds).toBe(60);
  });

  it('reads @-mentions as names: case, e-mail addresses and trailing punctuation', () => {
    expect(namesAccount('@Target look', 'target')).toBe(true);
    expect(namesAccount('hey @target.', 'target')).toBe(true);
    expect(namesAccount('mail me: me@target', 'target')).toBe(false);
    expect(namesAccount('@targets', 'target')).toBe(false);
    expect(namesAccount('@bob.bsky.social hi', 'bob.bsky.social')).toBe(true);
  });

  it('resolves replied-to and quoted ids to the posts of the import', () => {
    const store = buildPostStore([post('a', 'u', T0, 'x'), post('b', 'v', T0 + 1, 'y', { replyId: 'a' }), post('c', 'w', T0 + 2, 'z', { quoteId: 'missing' })]);
    const refPost = resolveRefs(store);
    expect(store.refIds.map((ref, i) => [ref, refPost[i]])).toEqual([['a', 0], ['missing', -1]]);
  });
});

describe('dogpiling properties', () => {
  it('finds a name in a text exactly when it is one of the text’s @-mentions', () => {
    const piece = fc.constantFrom('@', '@', 'bob', 'Bob', 'BOB', 'bo', 'b', '.', '-', '_', ' ', 'x', 'é', 'İ', '\u212A', 'a@', '1');
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    const name = fc.constantFrom('bob', 'bob.b', 'b', 'bo-b', 'kate', 'bobx', 'é', 'i̇');
    fc.assert(
      fc.property(text, name, (t, n) => {
        expect(namesAccount(t, n)).toBe(mentionsOf(t).includes(n));
      }),
      { numRuns: 2_000 },
    );
  });


  const base = [...background(3), ...plantedDogpile()];

  it('finds the same targets whatever the order of the posts', () => {
    const expected = (() => {
      const store = buildPostStore(base);
      return (run(store).dogpiles ?? []).map((d) => describeTarget(store, d));
    })();
    expect(expected.map((t) => t.post)).toEqual(['target-post']);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: base.length, maxLength: base.length }), (keys) => {
        const shuffled = base.map((p, i) => ({ p, k: keys[i] ?? 0 })).toSorted((x, y) => x.k - y.k).map((x) => x.p);
        const store = buildPostStore(shuffled);
        expect((run(store).dogpiles ?? []).map((d) => describeTarget(store, d))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('keeps the planted dogpile when unrelated accounts post and reply around it', () => {
    const noise = fc.record({
      user: fc.integer({ min: 0, max: 99 }),
      offset: fc.integer({ min: 0, max: 48 * HOUR }),
      kind: fc.constantFrom('original', 'reply', 'mention'),
      replyTo: fc.integer({ min: 0, max: 199 }),
    });
    fc.assert(
      fc.property(fc.array(noise, { maxLength: 300 }), (extra) => {
        const posts = extra.map((e, i) =>
          e.kind === 'original'
            ? post(`n-${i}`, `noise${e.user}`, T0 + e.offset, 'something unrelated')
            : e.kind === 'reply'
              ? post(`n-${i}`, `noise${e.user}`, T0 + e.offset, '@bg1 sure', { replyId: `bg-${e.replyTo}-0` })
              : post(`n-${i}`, `noise${e.user}`, T0 + e.offset, `@noise${e.replyTo % 100} hello`),
        );
        const store = buildPostStore([...base, ...posts]);
        const found = (run(store).dogpiles ?? []).map((d) => describeTarget(store, d));
        expect(found).toContainEqual(expect.objectContaining({ kind: 'post', post: 'target-post', account: 'target', repliers: 20 }));
      }),
      { numRuns: 15 },
    );
  });
});
