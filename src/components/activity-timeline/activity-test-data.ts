// Test data for the activity timeline: a small group's activity as the worker answers it.
import { coActionBit, type ActivityKind, type ClusterActivity, type CoActionKind } from '../../engine/detection/cluster-activity';

export const T0 = 1_700_000_000;

type MarkSpec = [post: string, offset: number, kind: ActivityKind, coActions: CoActionKind[], excerpt?: string];

/** A ClusterActivity with per-minute bins built from the marks (every post drawn unless `posts` says more). */
export function activityOf(lanes: { id: string; username: string | null; marks: MarkSpec[]; posts?: number }[], bursts: ClusterActivity['bursts'] = []): ClusterActivity {
  const all = lanes.flatMap((lane) => lane.marks.map(([, offset]) => T0 + offset));
  const start = all.length > 0 ? Math.min(...all) : 0;
  const end = all.length > 0 ? Math.max(...all) : 0;
  const first = Math.floor(start / 60) * 60;
  const counts = all.length === 0 ? [] : Array.from({ length: Math.floor((end - first) / 60) + 1 }, () => 0);
  for (const t of all) counts[Math.floor((t - first) / 60)] = (counts[Math.floor((t - first) / 60)] ?? 0) + 1;
  return {
    lanes: lanes.map((lane) => ({
      accountId: lane.id,
      username: lane.username,
      posts: lane.posts ?? lane.marks.length,
      coActionPosts: lane.marks.filter(([, , , co]) => co.length > 0).length,
      marks: lane.marks.map(([post, offset, kind, co, excerpt]) => ({
        post,
        t: T0 + offset,
        kind,
        coActions: co.reduce((bits, c) => bits | coActionBit(c), 0),
        excerpt: excerpt ?? '',
      })),
    })),
    missingAccounts: 0,
    start,
    end,
    bins: { start: first, binSeconds: 60, counts },
    bursts,
    omittedMarks: lanes.reduce((n, lane) => n + (lane.posts ?? lane.marks.length) - lane.marks.length, 0),
    textsUnreadable: false,
  };
}

/** Three accounts: two posting the same text and reposting the same post at the same moment, one replying alone. */
export const GROUP = activityOf(
  [
    {
      id: 'u1', username: 'alpha_one', posts: 4,
      marks: [
        ['p1', 0, 'post', ['same-text'], 'Share this before they delete it'],
        ['p4', 600, 'post', [], 'Good morning'],
        ['p7', 1_800, 'repost', ['same-repost', 'synchronised'], 'Original post text'],
      ],
    },
    {
      id: 'u2', username: 'bravo_two',
      marks: [
        ['p2', 30, 'post', ['same-text'], 'Share this before they delete it'],
        ['p8', 1_805, 'repost', ['same-repost', 'synchronised'], 'Original post text'],
      ],
    },
    { id: 'u3', username: null, marks: [['p9', 3_000, 'reply', []]] },
  ],
  [{ start: Math.floor((T0 + 1_800) / 60) * 60, end: Math.floor((T0 + 1_800) / 60) * 60 + 60, posts: 2 }],
);

export const GROUP_HANDLES = new Map([
  ['u1', 'alpha_one'],
  ['u2', 'bravo_two'],
  ['u3', 'user-u3'],
]);
