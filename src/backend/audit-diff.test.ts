import { describe, expect, it } from 'vitest';
import { diffCases, diffValues } from './audit-diff';
import { recommendedContent } from './backend-test-kit';

describe('audit diff', () => {
  it('names changed leaves by their path in the case document', () => {
    const before = recommendedContent();
    const after = recommendedContent();
    after.actor.name = 'Harbour Watch Crew';
    after.harm.informational.severity = 'moderate';
    expect(diffValues(before, after)).toEqual([
      { path: 'actor.name', before: 'Harbor Watch Crew', after: 'Harbour Watch Crew' },
      { path: 'harm.informational.severity', before: 'none', after: 'moderate' },
    ]);
  });

  it('matches list items by id, so reordering is not a change of every field', () => {
    const before = recommendedContent();
    const first = before.signals[0];
    if (!first) throw new Error('fixture has a signal');
    before.signals = [first, { ...first, id: 'sig-12', evidenceState: 'unverified' }];
    const after = structuredClone(before);
    after.signals = [{ ...first, id: 'sig-12', evidenceState: 'corroborated' }, first, { ...first, id: 'sig-13' }];
    expect(diffValues(before, after)).toEqual([
      { path: 'signals[sig-12].evidenceState', before: 'unverified', after: 'corroborated' },
      { path: 'signals[sig-13]', before: null, after: { ...first, id: 'sig-13' } },
      { path: 'signals.$order', before: ['sig-1', 'sig-12'], after: ['sig-12', 'sig-1'] },
    ]);
  });

  it('records removed items, plain-value lists as one field, and id-less items by position', () => {
    expect(diffValues({ list: [{ id: 'a', x: 1 }] }, { list: [] })).toEqual([{ path: 'list[a]', before: { id: 'a', x: 1 }, after: null }]);
    expect(diffValues({ tags: ['#a'] }, { tags: ['#a', '#b'] })).toEqual([{ path: 'tags', before: ['#a'], after: ['#a', '#b'] }]);
    expect(diffValues({ reviews: [{ d: 'return' }] }, { reviews: [{ d: 'return' }, { d: 'approve' }] })).toEqual([
      { path: 'reviews.1', before: null, after: { d: 'approve' } },
    ]);
    expect(diffValues({ accounts: [{ handle: 'x', status: 'suggested' }] }, { accounts: [{ handle: 'x', status: 'confirmed' }] })).toEqual([
      { path: 'accounts[x].status', before: 'suggested', after: 'confirmed' },
    ]);
  });

  it('leaves bookkeeping and content snapshots out of a case diff', () => {
    const content = recommendedContent();
    const base = {
      ...content, id: 'case-1', version: 1, status: 'draft' as const, createdBy: 'ana', createdAt: '2026-03-02T09:00:00.000Z',
      updatedBy: 'ana', updatedAt: '2026-03-02T09:00:00.000Z', editorsSinceReview: ['ana'], authors: ['ana'], ownerId: 'ana', reviewerId: null, submission: null,
      contentAtLastReview: null, reviews: [], designation: null, accounts: [], enforcementActions: [], manipulationProposals: [],
      reapplicationProposals: [], autoReapply: null,
    };
    const next = {
      ...base, version: 2, updatedAt: '2026-03-03T09:00:00.000Z', status: 'in_review' as const, contentAtLastReview: content,
      submission: { submittedBy: 'ana', submittedAt: '2026-03-03T09:00:00.000Z', verdict: { outcome: 'recommended' as const, ruleIds: [], priority: 1, platformManipulationTrack: false }, contentAtSubmission: content },
    };
    expect(diffCases(base, next)).toEqual([
      { path: 'status', before: 'draft', after: 'in_review' },
      { path: 'submission', before: null, after: { submittedBy: 'ana', submittedAt: '2026-03-03T09:00:00.000Z', verdict: next.submission.verdict } },
    ]);
  });
});
