// Issue 16 §1: the cluster activity timeline's data — lanes, co-action marks, bins and bursts.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNAL_ACTIVITY_LIMITS } from '../case-model';
import { ACTIVITY_KINDS, clusterActivity, coActionBit, coActionsOf, decodeMarkCode, findBursts, markCode, signalActivitySnapshot } from './cluster-activity';
import { buildPostStore } from './post-store';
import type { TextFile, ValidPost } from './post-store';
import { createActivityParser } from './activity-parser';
import { DEFAULT_DETECTOR_SETTINGS } from './settings';

const T0 = 1_700_000_000;
const TEXT = 'Everyone needs to see this before they delete it, share everywhere now';

function post(id: string, user: string, time: number, extra: Partial<ValidPost> = {}): ValidPost {
  return {
    messageId: id, userId: user, username: `name_${user}`, time, text: '', repostId: null, replyId: null,
    quoteId: null, urls: [], deviceHash: null, ipHash: null, ...extra,
  };
}

const laneMarks = (activity: ReturnType<typeof clusterActivity>, user: string) =>
  activity.lanes.find((lane) => lane.accountId === user)?.marks ?? [];

describe('clusterActivity', () => {
  it('marks the same text, link, repost and reply burst between accounts, and not an account with itself', () => {
    const store = buildPostStore([
      post('1', 'a', T0, { text: TEXT }),
      post('2', 'b', T0 + 600, { text: TEXT }),
      post('3', 'c', T0 + 7_200, { text: TEXT }), // outside the co-post window (30 min)
      post('4', 'a', T0 + 10_000, { urls: ['example.com/x'] }),
      post('5', 'c', T0 + 10_060, { urls: ['example.com/x'] }),
      post('6', 'b', T0 + 20_000, { repostId: 'orig', text: 'RT something' }),
      post('7', 'c', T0 + 20_030, { repostId: 'orig', text: 'RT something' }),
      post('8', 'a', T0 + 30_000, { replyId: 'target' }),
      post('9', 'b', T0 + 30_100, { replyId: 'target' }),
      post('10', 'c', T0 + 30_200, { replyId: 'target' }),
      post('11', 'a', T0 + 40_000, { text: 'alone', urls: ['example.com/solo'] }),
      post('12', 'a', T0 + 40_050, { text: 'alone again', urls: ['example.com/solo'] }),
      post('13', 'outsider', T0 + 40_010, { text: 'not in the group', urls: ['example.com/solo'] }),
    ]);
    const activity = clusterActivity(store, ['a', 'b', 'c', 'unknown'], DEFAULT_DETECTOR_SETTINGS);
    expect(activity.lanes.map((lane) => [lane.accountId, lane.username, lane.posts])).toEqual([
      ['a', 'name_a', 5],
      ['b', 'name_b', 3],
      ['c', 'name_c', 4],
    ]);
    expect(activity.missingAccounts).toBe(1);
    const kinds = (user: string, id: string) => coActionsOf(laneMarks(activity, user).find((m) => m.post === id)?.coActions ?? 0);
    expect(kinds('a', '1')).toEqual(['same-text']);
    expect(kinds('b', '2')).toEqual(['same-text']);
    expect(kinds('c', '3')).toEqual([]);
    expect(kinds('a', '4')).toEqual(['same-link']);
    expect(kinds('c', '5')).toEqual(['same-link']);
    expect(kinds('b', '6')).toEqual(['same-repost', 'synchronised']);
    expect(kinds('a', '8')).toEqual(['reply-burst']);
    expect(kinds('c', '10')).toEqual(['reply-burst']);
    // The same account twice, and an account outside the group, are no co-action.
    expect(kinds('a', '11')).toEqual([]);
    expect(kinds('a', '12')).toEqual([]);
    expect(laneMarks(activity, 'b').map((m) => m.kind)).toEqual(['post', 'repost', 'reply']);
    expect(activity.start).toBe(T0);
    expect(activity.end).toBe(T0 + 40_050);
    expect(activity.lanes.find((l) => l.accountId === 'c')?.coActionPosts).toBe(3);
  });

  it('counts posts per bin and finds the burst', () => {
    const posts: ValidPost[] = [];
    for (let m = 0; m < 120; m++) posts.push(post(`q${m}`, `u${m % 3}`, T0 + m * 60));
    for (let k = 0; k < 30; k++) posts.push(post(`b${k}`, `u${k % 3}`, T0 + 3_600 + k));
    const activity = clusterActivity(buildPostStore(posts), ['u0', 'u1', 'u2'], DEFAULT_DETECTOR_SETTINGS);
    expect(activity.bins.binSeconds).toBe(60);
    expect(activity.bins.counts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(activity.bursts).toEqual([{ start: T0 - (T0 % 60) + 3_600, end: T0 - (T0 % 60) + 3_660, posts: 31 }]);
  });

  it('keeps co-action posts first when a lane is cut to its share of marks, in time order', () => {
    const posts: ValidPost[] = [];
    for (let i = 0; i < 50; i++) posts.push(post(`p${i}`, 'a', T0 + i * 3_600));
    posts.push(post('shared-a', 'a', T0 + 100, { urls: ['example.com/y'] }));
    posts.push(post('shared-b', 'b', T0 + 110, { urls: ['example.com/y'] }));
    const activity = clusterActivity(buildPostStore(posts), ['a', 'b'], DEFAULT_DETECTOR_SETTINGS, { maxAccounts: 10, maxMarks: 10, maxBins: 100 });
    const marks = laneMarks(activity, 'a');
    expect(marks).toHaveLength(5);
    expect(marks.some((m) => m.post === 'shared-a' && (m.coActions & coActionBit('same-link')) !== 0)).toBe(true);
    expect(marks.map((m) => m.t)).toEqual(marks.map((m) => m.t).toSorted((x, y) => x - y));
    expect(activity.omittedMarks).toBe(51 - 5);
    expect(activity.lanes.find((l) => l.accountId === 'a')?.posts).toBe(51);
  });

  it('keeps the bins within the limit however long the activity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 * 86_400 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 10, max: 2_000 }), (offsets, maxBins) => {
        const store = buildPostStore(offsets.map((o, i) => post(`p${i}`, `u${i % 4}`, T0 + o)));
        const activity = clusterActivity(store, ['u0', 'u1', 'u2', 'u3'], DEFAULT_DETECTOR_SETTINGS, { maxAccounts: 10, maxMarks: 1_000, maxBins });
        expect(activity.bins.counts.length).toBeLessThanOrEqual(maxBins + 1);
        expect(activity.bins.counts.reduce((a, b) => a + b, 0)).toBe(offsets.length);
        expect(activity.lanes.reduce((n, lane) => n + lane.marks.length, 0)).toBe(offsets.length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds no burst in an even rate', () => {
    expect(findBursts({ start: 0, binSeconds: 60, counts: Array.from({ length: 100 }, () => 5) })).toEqual([]);
  });
});

describe('signalActivitySnapshot', () => {
  it('names lanes by handle, packs marks as [seconds after start, code] and keeps within the limits', () => {
    const posts: ValidPost[] = [];
    for (let i = 0; i < 9_000; i++) posts.push(post(`p${i}`, `u${i % 3}`, T0 + i * 7));
    posts.push(post('x', 'u0', T0 + 3, { urls: ['example.com/z'] }), post('y', 'u1', T0 + 4, { urls: ['example.com/z'] }));
    const activity = clusterActivity(buildPostStore(posts), ['u0', 'u1', 'u2'], DEFAULT_DETECTOR_SETTINGS);
    const snapshot = signalActivitySnapshot(activity, new Map([['u0', 'alpha'], ['u1', 'beta']]));
    expect(snapshot.lanes.map((lane) => [lane.account, lane.posts])).toEqual([['alpha', 3_001], ['beta', 3_001]]);
    expect(snapshot.lanes.reduce((n, lane) => n + lane.marks.length, 0)).toBeLessThanOrEqual(SIGNAL_ACTIVITY_LIMITS.marks);
    const linked = snapshot.lanes[0]?.marks.find(([, code]) => (decodeMarkCode(code).coActions & coActionBit('same-link')) !== 0);
    expect(linked).toEqual([(T0 % 60) + 3, markCode('post', coActionBit('same-link') | coActionBit('synchronised'))]);
    expect(snapshot.counts.length).toBeLessThanOrEqual(SIGNAL_ACTIVITY_LIMITS.bins);
    expect(snapshot.counts.reduce((a, b) => a + b, 0)).toBe(9_002);
    expect(snapshot.start <= snapshot.end).toBe(true);
  });

  it('says when the file the texts were left in can no longer be read, and gives empty excerpts', () => {
    const text = 'message_id,user_id,message,timestamp\n1,u1,hello there,1600000000\n2,u2,hello there,1600000001\n';
    const bytes = new TextEncoder().encode(text);
    let gone = false;
    const file: TextFile = {
      read: (start, length) => {
        if (gone) throw new Error('NotReadableError');
        return bytes.subarray(start, start + length);
      },
    };
    const parser = createActivityParser({}, { textsInFile: { firstByte: 0, file } });
    parser.push(text);
    const { store } = parser.end();
    const readable = clusterActivity(store, ['u1', 'u2'], DEFAULT_DETECTOR_SETTINGS);
    expect([readable.textsUnreadable, readable.lanes[0]?.marks[0]?.excerpt]).toEqual([false, 'hello there']);
    gone = true;
    const unreadable = clusterActivity(store, ['u1', 'u2'], DEFAULT_DETECTOR_SETTINGS);
    expect([unreadable.textsUnreadable, unreadable.lanes[0]?.marks[0]?.excerpt]).toEqual([true, '']);
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIVITY_KINDS), fc.integer({ min: 0, max: 31 }), (kind, bits) => {
        expect(decodeMarkCode(markCode(kind, bits))).toEqual({ kind, coActions: bits });
      }),
    );
  });
});
