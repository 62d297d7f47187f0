// Each detector on a small hand-made fixture, with the expected edges written out.
import { describe, expect, it } from 'vitest';
import { detectCoLink, detectCoPost, detectCoReply, detectCoRetweet, detectNearDuplicate } from './co-action-detectors';
import { DetectionContext } from './detection-context';
import type { DetectorRun } from './detection-types';
import { buildPostStore } from './post-store';
import type { PostStore, ValidPost } from './post-store';
import { DEFAULT_DETECTOR_SETTINGS as D } from './settings';
import { detectSharedIdentifiers } from './shared-identifier-detector';
import { poissonUpperTail } from './poisson';
import { detectSynchronised } from './synchronised-detector';
import { normaliseUrl } from './url-normalise';

const T0 = 1_700_000_000;
let nextId = 1;

function post(user: string, time: number, text: string, extra: Partial<ValidPost> = {}): ValidPost {
  return {
    messageId: String(nextId++),
    userId: user,
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

/** Edges as sorted `a-b:coItems` strings with user ids, for exact comparison. */
function edgesOf(store: PostStore, run: DetectorRun): string[] {
  return run.edges
    .map((e) => {
      const [x, y] = [store.accountIds[e.a] ?? '', store.accountIds[e.b] ?? ''].toSorted();
      return `${x}-${y}:${e.coItems}`;
    })
    .toSorted();
}

/** Deterministic pseudo-random numbers for background noise. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

const HOUR = 3_600;
const n = (url: string): string => normaliseUrl(url) ?? '';

/**
 * Unrelated platform activity: 300 accounts with their own texts, links, repost and reply targets.
 * The chance model compares a fixture's shared items with everything else on the platform, so a
 * fixture without a background would be all coincidence.
 */
function background(): ValidPost[] {
  const posts: ValidPost[] = [];
  for (let k = 0; k < 300; k++) {
    for (let j = 0; j < 5; j++) {
      const at = T0 + (k * 5 + j) * 97;
      posts.push(post(`bg${k}`, at, `background post ${k}-${j} about nothing in particular today`, { urls: [`bg.example/${k}/${j}`] }));
      posts.push(post(`bg${k}`, at + 1, 'RT', { repostId: `bg-repost-${k}-${j}` }));
      posts.push(post(`bg${k}`, at + 2, '@x reply', { replyId: `bg-reply-${k}-${j}` }));
    }
  }
  return posts;
}

describe('co-post', () => {
  it('links accounts that post the same texts (case, @mentions, URLs, spacing ignored) within the window', () => {
    const texts = [
      'Vote for the candidate who actually listens to our town',
      'The bridge closure is a scandal and the mayor knows it',
      'Share this before they take it down, everyone must see',
    ];
    const posts: ValidPost[] = [];
    texts.forEach((t, i) => {
      const at = T0 + i * 5 * HOUR;
      posts.push(post('a', at, t));
      posts.push(post('b', at + 20, `@someone ${t.toUpperCase()}`));
      posts.push(post('c', at + 40, `${t}   https://t.co/xyz`));
      posts.push(post('e', at + 3 * HOUR, t)); // same texts, hours later: outside the window
      posts.push(post('a', at + 1, 'ok lol')); // too short to count
      posts.push(post('f', at + 2, 'ok lol'));
    });
    posts.push(post('d', T0 + 10, texts[0] ?? '')); // one shared text only
    const store = buildPostStore([...posts, ...background()]);
    const run = detectCoPost(new DetectionContext(store), D.coPost, 40);
    expect(edgesOf(store, run)).toEqual(['a-b:3', 'a-c:3', 'b-c:3']);
    expect(run.edges[0]?.evidence[0]?.label).toBe('vote for the candidate who actually listens to our town');
  });
});

describe('near-duplicate', () => {
  it('links accounts posting variants of the same templates, via MinHash/LSH groups', () => {
    const templates = [
      'they rigged the count in the northern district again and nobody in the press will report it',
      'the new pipeline will poison every river from here to the coast and the council approved it',
      'our children deserve better schools but the budget went to stadiums and consultants instead',
    ];
    const posts: ValidPost[] = [];
    templates.forEach((t, i) => {
      const at = T0 + i * 6 * HOUR;
      posts.push(post('a', at, `${t} #wakeup`));
      posts.push(post('b', at + 60, `${t.replace('the', 'THE')} 4711`));
      posts.push(post('c', at + 120, `${t} 🔥🔥`));
      posts.push(post('x', at + 30, 'an unrelated post about gardening tomatoes and the weather this weekend'));
    });
    const store = buildPostStore([...posts, ...background()]);
    const run = detectNearDuplicate(new DetectionContext(store), D.nearDuplicate);
    expect(edgesOf(store, run)).toEqual(['a-b:3', 'a-c:3', 'b-c:3']);
  });
});

describe('co-link', () => {
  it('links accounts sharing the same normalised URLs within the window, ignoring reposts', () => {
    const posts: ValidPost[] = [];
    const links = ['https://news.example/a', 'https://news.example/b', 'https://news.example/c'];
    links.forEach((link, i) => {
      const at = T0 + i * HOUR;
      posts.push(post('a', at, 'look', { urls: [n(link)] }));
      posts.push(post('b', at + 10, 'wow', { urls: [n(`${link.replace('https://', 'http://www.')}/?utm_source=tw`)] }));
      posts.push(post('c', at + 20, 'read', { urls: [n(`${link}#comments`)] }));
      // A repost carries its source's link by design: not a co-link.
      posts.push(post('r', at + 5, 'RT', { urls: [n(link)], repostId: '999' }));
    });
    const store = buildPostStore([...posts, ...background()]);
    const run = detectCoLink(new DetectionContext(store), D.coLink);
    expect(edgesOf(store, run)).toEqual(['a-b:3', 'a-c:3', 'b-c:3']);
    expect(run.edges.find((e) => e.coItems === 3)?.evidence.map((e) => e.label)).toEqual(['news.example/a', 'news.example/b', 'news.example/c']);
  });
});

describe('co-retweet', () => {
  it('links accounts reposting the same posts within seconds; organic reposters hours apart are not linked', () => {
    const posts: ValidPost[] = [];
    ['r1', 'r2', 'r3', 'r4'].forEach((target, i) => {
      const at = T0 + i * 4 * HOUR;
      for (const [k, user] of ['a', 'b', 'c'].entries()) posts.push(post(user, at + k * 7, 'RT', { repostId: target }));
      // Organic: the same targets reposted by others, spread over hours.
      for (let k = 0; k < 5; k++) posts.push(post(`o${k}`, at + 600 + k * 900, 'RT', { repostId: target }));
    });
    const store = buildPostStore([...posts, ...background()]);
    const run = detectCoRetweet(new DetectionContext(store), D.coRetweet);
    expect(edgesOf(store, run)).toEqual(['a-b:4', 'a-c:4', 'b-c:4']);
    expect(run.edges[0]?.evidence[0]?.label).toBe('repost of r1');
  });

  it('compares co-actions with activity: two busy accounts meeting by chance on popular posts are not linked', () => {
    const rnd = lcg(3);
    const posts: ValidPost[] = [];
    // 200 popular posts, each reposted by 20 of 50 background accounts over the following hours.
    for (let p = 0; p < 200; p++) {
      const at = T0 + p * HOUR;
      for (let k = 0; k < 20; k++) posts.push(post(`bg${Math.floor(rnd() * 50)}`, at + rnd() * 6 * HOUR, 'RT', { repostId: `pop${p}` }));
      // Two hyperactive accounts repost every one of them; three times they happen to be seconds apart.
      posts.push(post('h1', at + 100, 'RT', { repostId: `pop${p}` }));
      posts.push(post('h2', at + (p < 3 ? 110 : 2 * HOUR), 'RT', { repostId: `pop${p}` }));
    }
    const store = buildPostStore(posts);
    const ctx = new DetectionContext(store);
    // A naive co-action count links them...
    const naive = detectCoRetweet(ctx, { ...D.coRetweet, minSimilarity: 0, maxPValue: 1 });
    expect(edgesOf(store, naive)).toContain('h1-h2:3');
    // ...the IDF-weighted similarity does not (three chance meetings among 200 reposts each),
    const bySimilarity = detectCoRetweet(ctx, { ...D.coRetweet, maxPValue: 1 });
    expect(edgesOf(store, bySimilarity).filter((e) => e.startsWith('h1-h2'))).toEqual([]);
    // and neither does the chance model: 200 x 200 reposts of popular posts meet a few times anyway.
    const byChance = detectCoRetweet(ctx, { ...D.coRetweet, minSimilarity: 0 });
    expect(edgesOf(store, byChance).filter((e) => e.startsWith('h1-h2'))).toEqual([]);
  });
});

describe('co-reply (dogpiling)', () => {
  it('links accounts replying to the same targets inside bursts of at least three replies', () => {
    const posts: ValidPost[] = [];
    ['p1', 'p2', 'p3'].forEach((target, i) => {
      const at = T0 + i * 5 * HOUR;
      for (const [k, user] of ['a', 'b', 'c', 'd'].entries()) posts.push(post(user, at + k * 60, `@victim you are a disgrace ${k}`, { replyId: target }));
      // Two accounts who also reply to the same targets, together but hours later: a pair, not a burst.
      posts.push(post('e', at + 2 * HOUR, 'I disagree', { replyId: target }));
      posts.push(post('f', at + 2 * HOUR + 30, 'me too', { replyId: target }));
    });
    const store = buildPostStore([...posts, ...background()]);
    const run = detectCoReply(new DetectionContext(store), D.coReply);
    expect(edgesOf(store, run)).toEqual(['a-b:3', 'a-c:3', 'a-d:3', 'b-c:3', 'b-d:3', 'c-d:3']);
  });
});

describe('synchronised posting', () => {
  it('links accounts posting at the same moments far more often than their activity predicts', () => {
    const rnd = lcg(7);
    const posts: ValidPost[] = [];
    const week = 7 * 24 * HOUR;
    // Background: 150 accounts posting 5-80 times at random.
    for (let k = 0; k < 150; k++) {
      const n = 5 + Math.floor(rnd() * 75);
      for (let j = 0; j < n; j++) posts.push(post(`bg${k}`, T0 + rnd() * week, 'something'));
    }
    // A clock-driven bot pair: both post on the hour, every hour. Simultaneous, but explained by
    // their own minute-of-hour profile, so not coordination.
    for (let h = 0; h < 7 * 24; h += 1) {
      posts.push(post('clock1', T0 + h * HOUR + 1, 'news'));
      posts.push(post('clock2', T0 + h * HOUR + 2, 'news'));
    }
    // Four accounts that post together at 8 random moments, and otherwise at random.
    for (let m = 0; m < 8; m++) {
      const at = T0 + rnd() * week;
      for (const [k, user] of ['s1', 's2', 's3', 's4'].entries()) posts.push(post(user, at + k * 4, 'my own words'));
    }
    for (const user of ['s1', 's2', 's3', 's4']) for (let j = 0; j < 20; j++) posts.push(post(user, T0 + rnd() * week, 'other'));
    const store = buildPostStore(posts.toSorted((x, y) => x.time - y.time));
    const run = detectSynchronised(new DetectionContext(store), D.synchronised);
    // The 8 planted moments, plus the odd chance coincidence of their other posts.
    expect(edgesOf(store, run).map((e) => e.split(':')[0])).toEqual(['s1-s2', 's1-s3', 's1-s4', 's2-s3', 's2-s4', 's3-s4']);
    for (const e of run.edges) expect(e.coItems).toBeGreaterThanOrEqual(8);
    expect(run.edges.every((e) => e.score > 0.5)).toBe(true);
  });

  it('computes Poisson tails', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 0.5)).toBeCloseTo(1 - Math.exp(-0.5), 12);
    expect(poissonUpperTail(3, 0.1)).toBeCloseTo(1 - Math.exp(-0.1) * (1 + 0.1 + 0.005), 12);
    expect(poissonUpperTail(50, 1)).toBeLessThan(1e-60);
  });
});

describe('shared identifiers', () => {
  it('links accounts on one device, or on at least two shared IPs; ignores infrastructure IPs', () => {
    const posts: ValidPost[] = [
      post('a', T0, 'x', { deviceHash: 'D1', ipHash: 'home-a' }),
      post('b', T0 + 5, 'x', { deviceHash: 'D1' }),
      post('c', T0 + 9, 'x', { deviceHash: 'D1' }),
      post('d', T0, 'x', { ipHash: 'ip1' }),
      post('e', T0, 'x', { ipHash: 'ip1' }), // one shared IP: a household, not a link
      post('d', T0 + 50, 'x', { ipHash: 'ip2' }),
      post('f', T0 + 60, 'x', { ipHash: 'ip2' }),
      post('f', T0 + 70, 'x', { ipHash: 'ip1' }),
    ];
    // A carrier NAT address used by 60 accounts, two of which are a and d.
    for (let k = 0; k < 60; k++) posts.push(post(k === 0 ? 'a' : k === 1 ? 'd' : `m${k}`, T0 + k, 'x', { ipHash: 'nat' }));
    const store = buildPostStore(posts);
    const run = detectSharedIdentifiers(new DetectionContext(store), D.sharedIdentifier);
    expect(edgesOf(store, run)).toEqual(['a-b:1', 'a-c:1', 'b-c:1', 'd-f:2']);
    expect(run.edges.find((e) => e.coItems === 2)?.score).toBe(0.5);
    expect(run.edges.find((e) => e.coItems === 1)?.evidence.map((e) => e.label)).toEqual(['device D1']);
  });
});
