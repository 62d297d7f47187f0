// R18, four eyes: nobody approves a proposal they created, edited or submitted at any time in the
// case's history (a return does not wash the authorship out). One definition for the backend, which
// enforces it, and the screens, which explain it before anyone tries. Pure.

export type FourEyesBlock = 'submitted' | 'edited';

/** Why `userId` may not decide on this case, or null when they may. */
export function R18_fourEyesBlock(
  record: { submission: { submittedBy: string } | null; authors: readonly string[]; editorsSinceReview: readonly string[] },
  userId: string,
): FourEyesBlock | null {
  if (record.submission?.submittedBy === userId) return 'submitted';
  if (record.authors.includes(userId) || record.editorsSinceReview.includes(userId)) return 'edited';
  return null;
}

/** The UI's name for the rule above. */
export const fourEyesBlock = R18_fourEyesBlock;
