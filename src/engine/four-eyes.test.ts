// R18 four eyes, from the policy: nobody approves a proposal they created, submitted or edited at any
// time in the case's history (updated 2026-12-06: a return does not wash the authorship out).
import { describe, expect, it } from 'vitest';
import { R18_fourEyesBlock } from './four-eyes';

const record = { submission: { submittedBy: 'kim' }, authors: ['ana', 'kim'], editorsSinceReview: ['ben'] };

describe('R18_fourEyesBlock', () => {
  it.each([
    ['the submitter', 'kim', 'submitted'],
    ['an author from before a return', 'ana', 'edited'],
    ['an editor since the last review', 'ben', 'edited'],
    ['someone who never touched the case', 'rui', null],
  ] as const)('%s', (_, userId, expected) => {
    expect(R18_fourEyesBlock(record, userId)).toBe(expected);
  });

  it('a case never submitted blocks only its authors', () => {
    expect(R18_fourEyesBlock({ ...record, submission: null }, 'kim')).toBe('edited');
    expect(R18_fourEyesBlock({ submission: null, authors: [], editorsSinceReview: [] }, 'kim')).toBeNull();
  });
});
