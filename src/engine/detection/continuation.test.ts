// R15: the posts by which an account whose visibility limit expired continues the group's behaviour.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from './clustering';
import { MAX_CONTINUATION_EXAMPLES, findContinuations } from './continuation';
import type { ContinuationWatch } from './continuation';
import { buildPostStore } from './post-store';
import type { ValidPost } from './post-store';
import { toIsoUtc } from './timestamp';
import { normaliseUrl } from './url-normalise';

const T0 = 1_700_000_000;
const EXPIRED = toIsoUtc(T0);
const HOUR = 3_600;

function post(id: string, user: string, time: number, text: string, extra: Partial<ValidPost> = {}): ValidPost {
  return {
    messageId: id,
    userId: `id-${user}`,
    username: user,
    time,
    text,
    repostId: null,
    replyId: null,
    quoteId: null,
    urls: [],
    deviceHash: null,
    ipHash: null,
    ...extra,
  };
}

/** Post URLs as the parser stores them. */
const urls = (...raw: string[]): string[] => raw.map((u) => normaliseUrl(u) ?? '');

/** A post of the property test's generated content. */
function toPost(id: string, c: { user: string; text: string; links: string[] }, time: number): ValidPost {
  return post(id, c.user, time, c.text, { urls: urls(...c.links) });
}

/** A detected cluster of alice and bob whose evidence cites `postIds`; its window is `window` (default: the expiry instant only). */
function cluster(id: string, postIds: string[], window = { start: EXPIRED, end: EXPIRED }): CoordinationCluster {
  return {
    id,
    accounts: [{ id: 'id-alice', username: 'alice' }, { id: 'id-bob', username: 'bob' }],
    score: 0.9,
    strength: 'strong',
    detectors: [{ detector: 'co-post', edges: 1, accounts: 2, meanScore: 0.9, maxCoItems: 3 }],
    primaryDetector: 'co-post',
    suggestedSignal: { kind: 'technical', technique: 'multiple-accounts-same-message' },
    window,
    evidence: [{ detector: 'co-post', label: 'same text', postIds, accounts: ['id-alice', 'id-bob'], start: EXPIRED, end: EXPIRED }],
    evidenceCount: 1,
    edges: [{ a: 'id-alice', b: 'id-bob', detector: 'co-post', score: 0.9, coItems: 3 }],
    edgeCount: 1,
  };
}

function watch(handles: string[], markers: Partial<Omit<ContinuationWatch, 'accounts'>> = {}): ContinuationWatch {
  return {
    accounts: handles.map((handle, i) => ({ handle, actionId: `action-${i + 1}`, expiredAt: EXPIRED })),
    hashtags: [],
    keywords: [],
    links: [],
    ...markers,
  };
}

describe('findContinuations', () => {
  it('counts a cluster member’s posts within the cluster’s window, cited by its evidence or not, and not outside it', () => {
    const store = buildPostStore([
      post('p1', 'alice', T0 + HOUR, 'an ordinary post'),
      post('p2', 'alice', T0 + 5 * HOUR, 'after the window'),
      post('p3', 'carol', T0 + HOUR, 'not a member'),
    ]);
    const clusters = [cluster('cluster-00000000000000bb', [], { start: EXPIRED, end: toIsoUtc(T0 + 2 * HOUR) })];
    const findings = findContinuations(store, clusters, watch(['alice', 'carol']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ handle: 'alice', posts: 1, examples: [{ postId: 'p1', matches: [{ kind: 'cluster', value: 'cluster-00000000000000bb' }] }] });
  });

  it('finds a post cited by a cluster', () => {
    const store = buildPostStore([post('p1', 'alice', T0 + HOUR, 'hello'), post('p2', 'alice', T0 + 2 * HOUR, 'hello again')]);
    const findings = findContinuations(store, [cluster('cluster-00000000000000aa', ['p2', 'other'])], watch(['alice']));
    expect(findings).toEqual([
      {
        handle: 'alice',
        actionId: 'action-1',
        expiredAt: EXPIRED,
        posts: 1,
        firstAt: toIsoUtc(T0 + 2 * HOUR),
        lastAt: toIsoUtc(T0 + 2 * HOUR),
        examples: [{ postId: 'p2', at: toIsoUtc(T0 + 2 * HOUR), matches: [{ kind: 'cluster', value: 'cluster-00000000000000aa' }] }],
      },
    ]);
  });

  it('finds a watched hashtag, written with or without #, case-insensitively and in any script', () => {
    const store = buildPostStore([
      post('p1', 'alice', T0 + 1, 'Save the #RIVERS today'),
      post('p2', 'alice', T0 + 2, 'nothing here'),
      post('p3', 'alice', T0 + 3, 'Encore #Rivières!'),
    ]);
    const [finding] = findContinuations(store, [], watch(['alice'], { hashtags: ['rivers', '#rivières'] }));
    expect(finding?.posts).toBe(2);
    expect(finding?.examples.map((e) => [e.postId, e.matches])).toEqual([
      ['p1', [{ kind: 'hashtag', value: '#rivers' }]],
      ['p3', [{ kind: 'hashtag', value: '#rivières' }]],
    ]);
  });

  it('matches a hashtag only as a whole #tag token', () => {
    const store = buildPostStore([
      post('p1', 'alice', T0 + 1, 'listening to #riversong'),
      post('p2', 'alice', T0 + 2, 'no#rivers here, nor rivers'),
      post('p3', 'alice', T0 + 3, '(#rivers)'),
    ]);
    const [finding] = findContinuations(store, [], watch(['alice'], { hashtags: ['#rivers'] }));
    expect(finding?.examples.map((e) => e.postId)).toEqual(['p3']);
  });

  it('finds a keyword case-insensitively and ignores keywords shorter than 3 characters', () => {
    const store = buildPostStore([post('p1', 'alice', T0 + 1, 'The BRIDGE closure is a scandal'), post('p2', 'alice', T0 + 2, 'ab ab no')]);
    const [finding] = findContinuations(store, [], watch(['alice'], { keywords: ['bridge Closure', 'ab', 'no', ' '] }));
    expect(finding?.posts).toBe(1);
    expect(finding?.examples[0]?.matches).toEqual([{ kind: 'keyword', value: 'bridge Closure' }]);
    expect(findContinuations(store, [], watch(['alice'], { keywords: ['ab', 'no'] }))).toEqual([]);
  });

  it('finds a watched link by its normalised form', () => {
    const link = 'https://www.example.org/article/?utm_source=feed#top';
    const store = buildPostStore([
      post('p1', 'alice', T0 + 1, 'read this', { urls: urls('http://example.org/article') }),
      post('p2', 'alice', T0 + 2, 'and this', { urls: urls('https://example.org/other') }),
    ]);
    const [finding] = findContinuations(store, [], watch(['alice'], { links: [link, 'not a url'] }));
    expect(finding?.examples).toEqual([{ postId: 'p1', at: toIsoUtc(T0 + 1), matches: [{ kind: 'link', value: link }] }]);
  });

  it('gives one post all its matches, in kind order', () => {
    const store = buildPostStore([post('p1', 'alice', T0 + 1, 'Flood warning #rivers', { urls: urls('https://example.org/a') })]);
    const markers = { hashtags: ['rivers'], keywords: ['flood'], links: ['https://example.org/a'] };
    const [finding] = findContinuations(store, [cluster('cluster-00000000000000aa', ['p1'])], watch(['alice'], markers));
    expect(finding?.examples[0]?.matches).toEqual([
      { kind: 'cluster', value: 'cluster-00000000000000aa' },
      { kind: 'hashtag', value: '#rivers' },
      { kind: 'keyword', value: 'flood' },
      { kind: 'link', value: 'https://example.org/a' },
    ]);
  });

  it('ignores posts before the expiry and at it', () => {
    const store = buildPostStore([post('p1', 'alice', T0 - HOUR, '#rivers'), post('p2', 'alice', T0, '#rivers'), post('p3', 'alice', T0 + 0.5, '#rivers')]);
    const [finding] = findContinuations(store, [], watch(['alice'], { hashtags: ['rivers'] }));
    expect(finding?.posts).toBe(1);
    expect(finding?.examples.map((e) => e.postId)).toEqual(['p3']);
  });

  it('ignores accounts that are not watched', () => {
    const store = buildPostStore([post('p1', 'carol', T0 + 1, '#rivers')]);
    expect(findContinuations(store, [cluster('cluster-00000000000000aa', ['p1'])], watch(['alice'], { hashtags: ['rivers'] }))).toEqual([]);
  });

  it("compares handles case-insensitively, with or without '@', and knows an account without a username by its cluster handle", () => {
    const store = buildPostStore([
      post('p1', 'alice', T0 + 1, '#rivers'),
      post('p2', 'Bob', T0 + 2, '#rivers'),
      post('p3', 'x', T0 + 3, '#rivers', { userId: '42', username: null }),
    ]);
    const findings = findContinuations(store, [], watch(['@ALICE', 'bob', 'user-42'], { hashtags: ['rivers'] }));
    expect(findings.map((f) => [f.handle, f.actionId, f.examples.map((e) => e.postId)])).toEqual([
      ['ALICE', 'action-1', ['p1']],
      ['bob', 'action-2', ['p2']],
      ['user-42', 'action-3', ['p3']],
    ]);
  });

  it('counts every matching post but keeps only the first ones in time order as examples', () => {
    const posts = Array.from({ length: 15 }, (_, k) => post(`p${k}`, 'alice', T0 + (15 - k) * 60, `#rivers ${k}`));
    const [finding] = findContinuations(buildPostStore(posts), [], watch(['alice'], { hashtags: ['rivers'] }));
    expect(finding?.posts).toBe(15);
    expect(finding?.firstAt).toBe(toIsoUtc(T0 + 60));
    expect(finding?.lastAt).toBe(toIsoUtc(T0 + 15 * 60));
    expect(finding?.examples).toHaveLength(MAX_CONTINUATION_EXAMPLES);
    expect(finding?.examples.map((e) => e.postId)).toEqual(['p14', 'p13', 'p12', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p5']);
  });

  it('has no finding for a watched account without a matching post, and sorts the findings by handle', () => {
    const store = buildPostStore([
      post('p1', 'zed', T0 + 1, '#rivers'),
      post('p2', 'alice', T0 + 1, 'just lunch'),
      post('p3', 'Mia', T0 + 1, '#rivers'),
    ]);
    const findings = findContinuations(store, [], watch(['zed', 'alice', 'Mia'], { hashtags: ['rivers'] }));
    expect(findings.map((f) => f.handle)).toEqual(['Mia', 'zed']);
  });

  it('never changes its findings when posts dated before the expiry are added', () => {
    const USERS = ['alice', 'bob', 'carol'] as const;
    const EXPIRY: Record<string, number> = { alice: T0, bob: T0 + 500, carol: T0 };
    const FRAGMENTS = ['#rivers', '#riversong', 'flood warning', 'FLOOD', 'nothing', 'ab', '#Rivers,'];
    const LINKS = ['https://example.org/a', 'https://example.org/b?utm_source=x', 'https://other.example/c'];
    const content = fc.record({
      user: fc.constantFrom(...USERS),
      text: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3 }).map((parts) => parts.join(' ')),
      links: fc.subarray(LINKS),
    });
    const base = fc.array(fc.record({ content, offset: fc.integer({ min: -1_000, max: 1_000 }) }), { maxLength: 25 });
    const extra = fc.array(fc.record({ content, offset: fc.integer({ min: -1_000, max: 0 }), position: fc.nat() }), { maxLength: 15 });
    const markers = { hashtags: ['rivers'], keywords: ['flood', 'ab'], links: ['http://example.org/b'] };
    const watched: ContinuationWatch = {
      accounts: [
        { handle: 'alice', actionId: 'action-1', expiredAt: toIsoUtc(EXPIRY.alice ?? T0) },
        { handle: 'Bob', actionId: 'action-2', expiredAt: toIsoUtc(EXPIRY.bob ?? T0) },
      ],
      ...markers,
    };
    fc.assert(
      fc.property(base, extra, (baseRows, extraRows) => {
        const before = baseRows.map((r, i) => toPost(`b${i}`, r.content, (EXPIRY[r.content.user] ?? T0) + r.offset));
        const after = [...before];
        for (const [i, r] of extraRows.entries()) {
          after.splice(r.position % (after.length + 1), 0, toPost(`x${i}`, r.content, (EXPIRY[r.content.user] ?? T0) + r.offset));
        }
        const ids = [...before.filter((_, i) => i % 3 === 0), ...after.filter((p) => p.messageId.startsWith('x'))].map((p) => p.messageId);
        const clusters = [cluster('cluster-00000000000000aa', ids)];
        expect(findContinuations(buildPostStore(after), clusters, watched)).toEqual(findContinuations(buildPostStore(before), clusters, watched));
      }),
    );
  });
});
