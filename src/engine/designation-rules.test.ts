// One table per rule of FRAMEWORK.md: at least one case that meets the rule and one that does not,
// each checked through `evaluate` (what users see) and, where useful, the rule's own function.
import { describe, expect, it } from 'vitest';
import type { CaseContentModel } from './case-model';
import {
  R11_priority,
  R1_techniqueMatchesKind,
  R2_coordinationEstablished,
  R3_platformManipulationTrack,
  R5_policyAreasOutsideCategory,
  R6a_ratingNeedsEvidence,
  R7_meetsThreshold,
  R7_thresholdBreakdown,
  thresholdBreakdown,
  R8_decisionIsOverride,
  R9_activismBlocks,
  R9_countedSeverities,
  R12_unansweredQuestions,
  R13_outcome,
  comparePriority,
  meetsThreshold,
} from './designation-rules';
import type { ReviewDecisionKind, SeverityByCategory } from './designation-rules';
import { evaluate } from './evaluate';
import { ENFORCEMENT_ACTION_TYPES } from './policy-terms';
import type { PriorityBand, Severity, VerdictOutcome } from './policy-terms';
import { NOW, buildCase, evidenceItem, recommendedCase, rubricAt, signal, technicalSignal } from './test-fixtures';
import type { Reason, Verdict } from './verdict';

const run = (content: CaseContentModel): Verdict => evaluate(content, { now: NOW });
const reason = (verdict: Verdict, key: string): Reason | undefined => verdict.reasons.find((r) => r.key === key);
const keys = (verdict: Verdict): string[] => verdict.reasons.map((r) => r.key);
const sev = (physical: Severity | null, psychological: Severity | null, informational: Severity | null): SeverityByCategory => ({
  physical,
  psychological,
  informational,
});

describe('R1: a signal is technical or social, with a technique of its kind', () => {
  it('meets: every technique belongs to its kind', () => {
    expect(R1_techniqueMatchesKind({ kind: 'technical', technique: 'technical-linkage' })).toBe(true);
    expect(R1_techniqueMatchesKind({ kind: 'social', technique: 'incitement-dogpiling' })).toBe(true);
    const verdict = run(recommendedCase({ signals: [technicalSignal(), signal()] }));
    expect(reason(verdict, 'reason.R1.met')?.params).toEqual({ technicalSignals: 1, socialSignals: 1 });
  });

  it('does not meet: a technical signal with a social technique is an input to correct', () => {
    expect(R1_techniqueMatchesKind({ kind: 'technical', technique: 'incitement-dogpiling' })).toBe(false);
    const bad = technicalSignal({ id: 'sig-bad', technique: 'incitement-dogpiling' });
    const verdict = run(recommendedCase({ signals: [bad] }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing).toContainEqual({
      rule: 'R1',
      key: 'missing.R1.techniqueMismatch',
      params: { signalId: 'sig-bad', kind: 'technical', technique: 'incitement-dogpiling' },
      field: 'signals',
    });
    expect(reason(verdict, 'reason.R1.techniqueMismatch')).toMatchObject({ met: false, blocking: true });
  });
});

describe('R2: coordination is established by at least one sufficient signal', () => {
  it('meets: one sufficient signal among weaker ones', () => {
    const signals = [signal({ id: 'a', evidenceState: 'unverified' }), signal({ id: 'b' }), signal({ id: 'c', evidenceState: 'corroborated' })];
    expect(R2_coordinationEstablished(signals)).toEqual({ established: true, establishingSignalIds: ['b'] });
    const verdict = run(recommendedCase({ signals }));
    expect(verdict.coordination).toEqual({ established: true, establishingSignalIds: ['b'] });
    expect(reason(verdict, 'reason.R2.met')?.params).toEqual({ sufficientSignals: 1, signals: 3 });
  });

  it.each(['corroborated', 'unverified'] as const)('does not meet: only %s signals, however strong', (evidenceState) => {
    const verdict = run(recommendedCase({ signals: [signal({ evidenceState, strength: 'strong' })] }));
    expect(verdict.outcome).toBe('not-recommended');
    expect(reason(verdict, 'reason.R2.notMet')).toMatchObject({ met: false, blocking: true });
  });

  it('does not meet: no signal at all is a missing input', () => {
    const verdict = run(recommendedCase({ signals: [] }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing.map((m) => m.field)).toEqual(['signals']);
    expect(reason(verdict, 'reason.R2.noSignals')?.blocking).toBe(true);
  });
});

describe('R3: technical coordination with sufficient evidence has its own track, whatever the harm', () => {
  it('meets: track lists the signals and the union of their accounts, even with no harm', () => {
    const signals = [
      technicalSignal({ id: 't2', accounts: ['b_acc', 'a_acc'] }),
      technicalSignal({ id: 't1', technique: 'technical-linkage', accounts: ['a_acc', 'c_acc'] }),
      technicalSignal({ id: 't3', evidenceState: 'corroborated', accounts: ['z_acc'] }),
    ];
    const verdict = run(buildCase({ signals }));
    expect(verdict.outcome).toBe('not-recommended');
    expect(verdict.platformManipulationTrack).toEqual({ signalIds: ['t1', 't2'], accounts: ['a_acc', 'b_acc', 'c_acc'] });
    expect(reason(verdict, 'reason.R3.track')?.params).toEqual({ signals: 2, accounts: 3 });
  });

  it.each([
    ['technical but only corroborated', technicalSignal({ evidenceState: 'corroborated' })],
    ['social with sufficient evidence', signal()],
  ])('does not meet: %s', (_label, s) => {
    expect(R3_platformManipulationTrack([s])).toBeNull();
    const verdict = run(recommendedCase({ signals: [s] }));
    expect(verdict.platformManipulationTrack).toBeNull();
    // Reported, but never what blocks a designation.
    expect(reason(verdict, 'reason.R3.noTrack')).toMatchObject({ met: false, blocking: false });
  });
});

describe('R4: social coordination alone is no violation', () => {
  it('meets: social coordination together with harm at the threshold', () => {
    const verdict = run(recommendedCase({ signals: [signal()] }));
    expect(verdict.outcome).toBe('recommended');
    expect(keys(verdict)).toContain('reason.R4.socialWithHarm');
  });

  it('does not meet: social coordination without harm is not recommended', () => {
    const verdict = run(buildCase({ signals: [signal()], severities: { physical: 'low' } }));
    expect(verdict.outcome).toBe('not-recommended');
    expect(reason(verdict, 'reason.R4.socialAlone')).toMatchObject({ met: false, blocking: false });
    expect(reason(verdict, 'reason.R7.notMet')?.blocking).toBe(true);
  });

  it('does not apply when technical coordination is established', () => {
    expect(keys(run(buildCase({ signals: [technicalSignal(), signal()] })))).not.toContain('reason.R4.socialAlone');
  });
});

describe('R5: three categories, each rated, with its own policy areas', () => {
  it('meets: every category rated, areas in their category', () => {
    expect(R5_policyAreasOutsideCategory('psychological', ['private-information', 'abuse-harassment'])).toEqual([]);
    const verdict = run(recommendedCase());
    expect(verdict.reasons.filter((r) => r.key === 'reason.R5.rated').map((r) => r.params.category)).toEqual([
      'physical',
      'psychological',
      'informational',
    ]);
  });

  it('does not meet: an unrated category is missing', () => {
    const verdict = run(recommendedCase({ severities: { informational: null } }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing).toEqual([
      { rule: 'R5', key: 'missing.R5.severity', params: { category: 'informational' }, field: 'harm.informational.severity' },
    ]);
  });

  it('does not meet: a policy area the policy lists under another category', () => {
    expect(R5_policyAreasOutsideCategory('physical', ['violence', 'civic-integrity'])).toEqual(['civic-integrity']);
    const verdict = run(recommendedCase({ harm: { physical: { policyAreas: ['violence', 'civic-integrity'] } } }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing.map((m) => [m.key, m.field])).toEqual([['missing.R5.policyArea', 'harm.physical.policyAreas']]);
  });
});

describe('R6: a severity that differs from the rubric needs a justification', () => {
  it('meets: severity as suggested', () => {
    const verdict = run(recommendedCase());
    expect(verdict.harm[0]).toEqual({
      category: 'physical', severity: 'high', suggested: 'high', disagrees: false, justificationMissing: false,
      evidenceItems: 1, credibleEvidenceItems: 1, countsTowardThreshold: true,
    });
  });

  it('meets: differs, with a justification', () => {
    const verdict = run(recommendedCase({ harm: { physical: { rubric: rubricAt('moderate'), justification: 'Two attacks in a week.' } } }));
    expect(verdict.outcome).toBe('recommended');
    expect(reason(verdict, 'reason.R6.disagreesJustified')?.params).toEqual({ category: 'physical', severity: 'high', suggested: 'moderate' });
  });

  it('does not meet: differs without a justification', () => {
    const verdict = run(recommendedCase({ harm: { physical: { rubric: rubricAt('moderate'), justification: ' ' } } }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing).toEqual([{
      rule: 'R6',
      key: 'missing.R6.justification',
      params: { category: 'physical', severity: 'high', suggested: 'moderate' },
      field: 'harm.physical.justification',
    }]);
  });

  it('does not meet: none while the rubric suggests low', () => {
    const verdict = run(recommendedCase({ harm: { informational: { rubric: rubricAt('low') } } }));
    expect(verdict.harm[2]).toMatchObject({ severity: 'none', suggested: 'low', disagrees: true, justificationMissing: true });
    expect(verdict.outcome).toBe('incomplete');
  });
});

describe('R7: one category high, or two at moderate or higher (categories, not evidence items)', () => {
  it.each<[SeverityByCategory, boolean, 'one-high' | 'two-moderate' | null, number | null]>([
    [sev('high', 'none', 'none'), true, 'one-high', null],
    [sev('none', 'none', 'high'), true, 'one-high', null],
    [sev('moderate', 'moderate', 'none'), true, 'two-moderate', null],
    [sev('none', 'moderate', 'moderate'), true, 'two-moderate', null],
    [sev('high', 'moderate', null), true, 'one-high', null],
    [sev('moderate', 'low', 'low'), false, null, 1],
    [sev('low', 'low', 'low'), false, null, 2],
    [sev('none', 'none', 'none'), false, null, 2],
    [sev('moderate', null, null), false, null, 1],
  ])('%o → met %s (%s), needs %s more moderate', (severities, met, clause, needed) => {
    const threshold = R7_meetsThreshold(severities);
    expect(threshold).toEqual({ met, clause, margin: needed === null ? null : { moderateCategoriesNeeded: needed, orOneHigh: true } });
    expect(meetsThreshold).toBe(R7_meetsThreshold);
  });

  it('does not meet: many evidence items in one moderate category are still one category', () => {
    const evidence = Array.from({ length: 40 }, (_, i) => ({
      id: `ev-${i}`, description: 'Doxxing post', observed: 'on-platform' as const, date: null, source: 'report', link: '', credibleSource: true,
    }));
    const verdict = run(buildCase({ severities: { psychological: 'moderate' }, harm: { psychological: { evidence } } }));
    expect(verdict.outcome).toBe('not-recommended');
    expect(reason(verdict, 'reason.R7.notMet')?.params).toEqual({ moderateOrHigherCategories: 1, moderateCategoriesNeeded: 1, unratedCategories: 0 });
  });

  it('meets: reasons name the categories that reach the clause', () => {
    const verdict = run(buildCase({ severities: { physical: 'moderate', informational: 'high' } }));
    expect(reason(verdict, 'reason.R7.metHigh')?.params).toEqual({ highCategories: 1, categories: 'informational' });
    const two = run(buildCase({ severities: { physical: 'moderate', informational: 'moderate' } }));
    expect(reason(two, 'reason.R7.metModerate')?.params).toEqual({ moderateOrHigherCategories: 2, categories: 'physical,informational' });
  });
});

describe('R7 category by category (the severity matrix draws it): which ratings count toward the threshold', () => {
  const noCredible = { physical: 0, psychological: 0, informational: 0 };
  const allCredible = { physical: 1, psychological: 1, informational: 1 };

  it.each<[SeverityByCategory, boolean, 'one-high' | 'two-moderate' | null, string[], string[]]>([
    [sev('none', 'high', 'low'), true, 'one-high', ['psychological'], ['psychological']],
    [sev('moderate', null, 'high'), true, 'one-high', ['informational'], ['physical', 'informational']],
    [sev('moderate', 'moderate', 'low'), true, 'two-moderate', [], ['physical', 'psychological']],
    [sev('moderate', 'low', null), false, null, [], ['physical']],
    [sev(null, null, null), false, null, [], []],
  ])('%o → met %s (%s), high %o, moderate or higher %o', (severities, met, clause, high, moderateOrHigher) => {
    const breakdown = R7_thresholdBreakdown(severities, noCredible, false);
    expect(breakdown).toMatchObject({ met, clause, high, moderateOrHigher, notCounted: [] });
    // The answer is R7's own, not a second implementation of it.
    expect({ met: breakdown.met, clause: breakdown.clause, margin: breakdown.margin }).toEqual(R7_meetsThreshold(severities));
    expect(thresholdBreakdown).toBe(R7_thresholdBreakdown);
  });

  it('R9: with the activism flag, a rated category without credible evidence is not counted, and is named', () => {
    const severities = sev('high', 'moderate', 'low');
    const credible = { physical: 0, psychological: 1, informational: 0 };
    expect(R7_thresholdBreakdown(severities, credible, true)).toEqual({
      met: false, clause: null, margin: { moderateCategoriesNeeded: 1, orOneHigh: true },
      high: [], moderateOrHigher: ['psychological'], notCounted: ['physical', 'informational'],
    });
    // Without the flag, or with credible evidence everywhere, every rating counts.
    expect(R7_thresholdBreakdown(severities, credible, false)).toMatchObject({ met: true, clause: 'one-high', high: ['physical'], notCounted: [] });
    expect(R7_thresholdBreakdown(severities, allCredible, true)).toMatchObject({ met: true, clause: 'one-high', notCounted: [] });
    // An unrated or `none` category is never "not counted": there is nothing to count.
    expect(R7_thresholdBreakdown(sev(null, 'none', 'moderate'), noCredible, true).notCounted).toEqual(['informational']);
  });
});

describe('R8: deciding against the verdict is an override', () => {
  it.each<[VerdictOutcome, ReviewDecisionKind, boolean]>([
    ['recommended', 'approve', false],
    ['recommended', 'reject', true],
    ['recommended', 'return', false],
    ['not-recommended', 'approve', true],
    ['not-recommended', 'reject', false],
    ['incomplete', 'approve', true],
    ['incomplete', 'return', false],
  ])('%s + %s → override %s', (outcome, decision, override) => {
    expect(R8_decisionIsOverride(outcome, decision)).toBe(override);
  });
});

describe('R6a: a rating of moderate or above rests on harm evidence of its category', () => {
  it('meets: a high rating with an evidence item of its category', () => {
    expect(R6a_ratingNeedsEvidence('high', 1)).toBe(false);
    const verdict = run(recommendedCase());
    expect(reason(verdict, 'reason.R6a.met')).toMatchObject({ met: true, params: { category: 'physical', severity: 'high', evidenceItems: 1 }, field: 'harm.physical.evidence' });
  });

  it('does not meet: "high" with no evidence at all is a missing input linked to the category\'s evidence list', () => {
    expect(R6a_ratingNeedsEvidence('high', 0)).toBe(true);
    expect(R6a_ratingNeedsEvidence('moderate', 0)).toBe(true);
    const verdict = run(recommendedCase({ harm: { physical: { evidence: [] } } }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing).toEqual([{ rule: 'R6a', key: 'missing.R6a.evidence', params: { category: 'physical', severity: 'high' }, field: 'harm.physical.evidence' }]);
    expect(reason(verdict, 'reason.R6a.noEvidence')).toMatchObject({ met: false, blocking: true });
  });

  it('does not apply: low, none and unrated need no evidence', () => {
    expect(R6a_ratingNeedsEvidence('low', 0)).toBe(false);
    expect(R6a_ratingNeedsEvidence('none', 0)).toBe(false);
    expect(R6a_ratingNeedsEvidence(null, 0)).toBe(false);
    const verdict = run(buildCase({ severities: { physical: 'low' }, harm: { physical: { evidence: [] } } }));
    expect(verdict.reasons.filter((r) => r.rule === 'R6a')).toEqual([]);
  });
});

describe('R9: activism context blocks a recommendation unless harm meets the threshold', () => {
  it('does not meet (blocks): awareness campaign, harm not established', () => {
    expect(R9_activismBlocks(true, false)).toBe(true);
    const verdict = run(buildCase({ activismContext: true, severities: { informational: 'moderate' } }));
    expect(verdict.outcome).toBe('not-recommended');
    expect(verdict.safeguards).toMatchObject({ activismCaution: true, activismBlocks: true });
    expect(reason(verdict, 'reason.R9.blocks')).toMatchObject({ met: false, blocking: true });
  });

  it('meets with caution: activism, harm established', () => {
    expect(R9_activismBlocks(true, true)).toBe(false);
    const verdict = run(recommendedCase({ activismContext: true }));
    expect(verdict.outcome).toBe('recommended');
    expect(verdict.safeguards).toMatchObject({ activismCaution: true, activismBlocks: false });
    expect(keys(verdict)).toContain('reason.R9.cautionHarmEstablished');
  });

  it('does not meet (blocks): activism, harm rated high but resting on no credible source (interpretation of 2026-12-06)', () => {
    const uncredited = { evidence: [evidenceItem({ id: 'ev-blog', credibleSource: false })] };
    const verdict = run(recommendedCase({ activismContext: true, harm: { physical: uncredited } }));
    // Without the flag the same case is recommended: R9 now changes the outcome on its own.
    expect(run(recommendedCase({ harm: { physical: uncredited } })).outcome).toBe('recommended');
    expect(verdict.outcome).toBe('not-recommended');
    expect(verdict.harm[0]).toMatchObject({ category: 'physical', credibleEvidenceItems: 0, countsTowardThreshold: false });
    expect(verdict.threshold.met).toBe(false);
    expect(reason(verdict, 'reason.R9.blocks')).toMatchObject({ met: false, blocking: true });
    expect(reason(verdict, 'reason.R9.notCredibleCategories')).toMatchObject({ met: false, blocking: false, params: { categories: 'physical' } });
  });

  it('meets with caution: activism, and the categories with credible evidence reach the threshold; the others are named', () => {
    const verdict = run(recommendedCase({
      activismContext: true,
      severities: { psychological: 'moderate' },
      harm: { psychological: { evidence: [evidenceItem({ id: 'ev-rumour', credibleSource: false })] } },
    }));
    expect(verdict.outcome).toBe('recommended');
    expect(reason(verdict, 'reason.R9.credibleCategories')?.params).toEqual({ categories: 'physical' });
    expect(reason(verdict, 'reason.R9.notCredibleCategories')?.params).toEqual({ categories: 'psychological' });
    expect(reason(verdict, 'reason.R7.metHigh')?.params).toEqual({ highCategories: 1, categories: 'physical' });
  });

  it('counts every rating without the flag, and only credible categories with it', () => {
    const severities = sev('high', 'moderate', 'low');
    const credible = { physical: 0, psychological: 2, informational: 1 };
    expect(R9_countedSeverities(severities, credible, false)).toBe(severities);
    expect(R9_countedSeverities(severities, credible, true)).toEqual(sev(null, 'moderate', 'low'));
  });

  it('meets: no activism context', () => {
    expect(R9_activismBlocks(false, false)).toBe(false);
    expect(run(buildCase()).safeguards).toMatchObject({ activismCaution: false, activismBlocks: false });
  });
});

describe('R10: rights risks assessed in writing', () => {
  it('meets: an assessment is written', () => {
    const verdict = run(recommendedCase());
    expect(verdict.safeguards.rightsRiskAssessed).toBe(true);
    expect(keys(verdict)).toContain('reason.R10.met');
  });

  it.each(['', '   \n'])('does not meet: %j', (text) => {
    const verdict = run(recommendedCase({ rightsRiskAssessment: text }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing).toEqual([{ rule: 'R10', key: 'missing.R10.rightsRiskAssessment', params: {}, field: 'rightsRiskAssessment' }]);
  });
});

describe('R11: physical and psychological safety first', () => {
  it.each<[SeverityByCategory, PriorityBand]>([
    [sev('moderate', 'none', 'none'), 'safety'],
    [sev('none', 'high', 'none'), 'safety'],
    [sev('low', 'low', 'high'), 'informational'],
    [sev('none', 'none', 'moderate'), 'informational'],
    [sev('low', 'low', 'low'), 'none'],
    [sev(null, null, null), 'none'],
  ])('%o → band %s', (severities, band) => {
    expect(R11_priority(severities).band).toBe(band);
  });

  it('meets: a safety case outranks any informational-only case; higher severities rank higher within a band', () => {
    const ordered: SeverityByCategory[] = [
      sev('high', 'high', 'high'),
      sev('high', 'moderate', 'none'),
      sev('moderate', 'none', 'high'),
      sev('moderate', 'none', 'none'),
      sev('low', 'low', 'high'),
      sev('none', 'none', 'high'),
      sev('none', 'none', 'moderate'),
      sev('low', 'low', 'low'),
      sev('none', 'none', 'none'),
    ];
    const withPriority = ordered.map((severities, index) => ({ index, ...R11_priority(severities) }));
    const sorted = withPriority.toReversed().toSorted(comparePriority);
    expect(sorted.map((entry) => entry.index)).toEqual(ordered.map((_, index) => index));
  });

  it('does not meet: informational harm alone never reaches the safety band', () => {
    const verdict = run(buildCase({ severities: { informational: 'high' } }));
    expect(verdict.priorityBand).toBe('informational');
    expect(verdict.priority).toBeLessThan(run(buildCase({ severities: { psychological: 'moderate' } })).priority);
  });
});

describe('R12: the four questions answered before submission', () => {
  it('meets: all four answered', () => {
    expect(R12_unansweredQuestions(buildCase().questions)).toEqual([]);
    expect(run(recommendedCase()).safeguards.questionsAnswered).toBe(true);
  });

  it('does not meet: each blank or whitespace-only question is a missing input at its field', () => {
    const verdict = run(recommendedCase({ questions: { identifiableGroup: '', risksOfApplying: ' \t' } }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing.map((m) => m.field)).toEqual(['questions.identifiableGroup', 'questions.risksOfApplying']);
    expect(reason(verdict, 'reason.R12.notMet')?.params).toEqual({ unansweredQuestions: 2 });
    expect(verdict.safeguards.questionsAnswered).toBe(false);
  });
});

describe('R13: the verdict', () => {
  it.each<[number, number, VerdictOutcome]>([
    [0, 0, 'recommended'],
    [0, 2, 'not-recommended'],
    [1, 0, 'incomplete'],
    [3, 2, 'incomplete'],
  ])('%i missing, %i unmet → %s', (missing, unmet, outcome) => {
    expect(R13_outcome(missing, unmet)).toBe(outcome);
  });

  it('meets: recommended rests on R2, R7, R9 and lists its rule ids in order', () => {
    const verdict = run(recommendedCase());
    expect(verdict.outcome).toBe('recommended');
    expect(verdict.ruleIds).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R6a', 'R7', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14']);
    expect(verdict.reasons.filter((r) => r.blocking)).toEqual([]);
  });

  it('does not meet: not-recommended names every unmet condition', () => {
    const verdict = run(buildCase({ activismContext: true, signals: [signal({ evidenceState: 'corroborated' })] }));
    expect(verdict.outcome).toBe('not-recommended');
    expect(verdict.reasons.filter((r) => r.blocking).map((r) => r.key)).toEqual([
      'reason.R2.notMet', 'reason.R7.notMet', 'reason.R9.blocks', 'reason.R13.notRecommended',
    ]);
    expect(reason(verdict, 'reason.R13.notRecommended')?.params).toEqual({ unmetConditions: 3 });
  });

  it('incomplete: missing inputs never hide unmet conditions', () => {
    const verdict = run(buildCase({ rightsRiskAssessment: '', signals: [signal({ evidenceState: 'unverified' })] }));
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.reasons.filter((r) => r.blocking).map((r) => r.key)).toEqual([
      'reason.R2.notMet', 'reason.R7.notMet', 'reason.R10.notMet', 'reason.R13.incomplete',
    ]);
    expect(reason(verdict, 'reason.R13.incomplete')?.params).toEqual({ missingInputs: 1, unmetConditions: 2 });
  });
});

describe('R14: actions available on a recommended designation', () => {
  it('meets: the six action types of R14, not R3\'s suspension (it follows its own decision)', () => {
    expect(run(recommendedCase()).availableActions).toEqual(ENFORCEMENT_ACTION_TYPES.filter((type) => type !== 'suspend-platform-manipulation'));
    expect(run(recommendedCase()).availableActions).toHaveLength(6);
  });

  it.each([
    ['not recommended', buildCase()],
    ['incomplete', recommendedCase({ rightsRiskAssessment: '' })],
  ])('does not meet: %s → none', (_label, content) => {
    expect(run(content).availableActions).toEqual([]);
  });
});
