// Issue 16 §1: what a signal's activity snapshot holds, in numbers, for the lines that name it
// without drawing it (the board card's button, the review, the decision record, the conflict view).
// Reads only the snapshot's shape, so those screens do not load the timeline's code.
import type { SignalActivityModel } from '../../engine/case-model';

export interface ActivitySummary {
  accounts: number;
  /** Posts of the accounts in the import the snapshot was taken from. */
  posts: number;
  /** Of those, the marks the snapshot kept. */
  marks: number;
  bursts: number;
  start: string;
  end: string;
}

export function activitySummary(activity: SignalActivityModel): ActivitySummary {
  let posts = 0;
  let marks = 0;
  for (const lane of activity.lanes) {
    posts += lane.posts;
    marks += lane.marks.length;
  }
  return { accounts: activity.lanes.length, posts, marks, bursts: activity.bursts.length, start: activity.start, end: activity.end };
}
