// fast-check properties of the designation engine over schema-valid cases (see case-arbitraries.ts).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseContentArb, categoryArb, nowArb, shuffled } from './case-arbitraries';
import type { CaseContentModel, HarmAssessmentModel } from './case-model';
import { R7_thresholdBreakdown } from './designation-rules';
import { evaluate } from './evaluate';
import { HARM_CATEGORIES, SEVERITIES } from './policy-terms';
import type { HarmCategory, Severity } from './policy-terms';
import { MISSING_KEYS, REASON_KEYS, messageKeySpec } from './reason-keys';
import { SEVERITY_RANK } from './severity-rubric';
import type { Verdict } from './verdict';

const NUM_RUNS = 300;
const completeCase = caseContentArb({ complete: true });
/** Half with gaps (mostly `incomplete`), half complete (about as many `recommended` as `not-recommended`). */
const anyCase = fc.oneof(caseContentArb(), completeCase);
/** Complete cases, half of them pushed to a sufficient signal and high-ish harm, so `recommended` is common. */
const likelyRecommended = fc.tuple(completeCase, fc.boolean()).map(([content, boost]) => (boost ? boosted(content) : content));

function boosted(content: CaseContentModel): CaseContentModel {
  const [first, ...rest] = content.signals;
  return {
    ...content,
    signals: first ? [{ ...first, evidenceState: 'sufficient' }, ...rest] : rest,
    harm: { ...content.harm, physical: { ...content.harm.physical, severity: 'high' } },
  };
}

const run = (content: CaseContentModel, now = '2026-03-01T12:00:00.000Z'): Verdict => evaluate(content, { now });

function withSeverity(content: CaseContentModel, category: HarmCategory, patch: Partial<HarmAssessmentModel>): CaseContentModel {
  return { ...content, harm: { ...content.harm, [category]: { ...content.harm[category], ...patch } } };
}

/** A harm evidence item, from a source marked credible or not (R6a, R9). */
function evidenceItem(credibleSource: boolean): HarmAssessmentModel['evidence'][number] {
  return { id: `ev-added-${credibleSource ? 'credible' : 'other'}`, description: 'Added evidence.', observed: 'on-platform', date: null, source: 'Added source', link: '', credibleSource };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('engine properties', () => {
  it('never throws on a valid case, and never mutates it', () => {
    fc.assert(
      fc.property(anyCase, nowArb, (content, now) => {
        const verdict = evaluate(deepFreeze(content), { now });
        expect(verdict.outcome).toBeDefined();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('raising a severity never turns `recommended` into `not-recommended`; with a justification on file it stays `recommended`', () => {
    fc.assert(
      fc.property(likelyRecommended, categoryArb, fc.constantFrom(...SEVERITIES), (content, category, target) => {
        const before = run(content);
        const current = content.harm[category].severity;
        fc.pre(before.outcome === 'recommended' && current !== null && SEVERITY_RANK[target] > SEVERITY_RANK[current]);
        const unjustified = withSeverity(content, category, { severity: target, justification: '' });
        // Raising can only open an R6 disagreement (a missing justification), never an unmet condition.
        expect(run(unjustified).outcome).not.toBe('not-recommended');
        // With a justification and (R6a) harm evidence of the category on file, it stays recommended.
        const justified = withSeverity(content, category, { severity: target, justification: 'Raised after new reports.' });
        justified.harm[category].evidence = [...justified.harm[category].evidence, evidenceItem(true)];
        expect(run(justified).outcome).toBe('recommended');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R6a: a category rated moderate or above with no harm evidence of its own is a missing input, and the verdict is incomplete', () => {
    fc.assert(
      fc.property(likelyRecommended, categoryArb, fc.constantFrom('moderate' as const, 'high' as const), (content, category, severity) => {
        const bare = withSeverity(content, category, { severity, evidence: [] });
        const verdict = run(bare);
        expect(verdict.outcome).toBe('incomplete');
        expect(verdict.missing).toContainEqual(expect.objectContaining({ rule: 'R6a', field: `harm.${category}.evidence` }));
        // One evidence item of that category answers R6a for it.
        const backed = withSeverity(content, category, { severity, evidence: [evidenceItem(false)] });
        expect(run(backed).missing.filter((input) => input.rule === 'R6a' && input.field === `harm.${category}.evidence`)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adding credible-source evidence never turns `recommended` into anything else (R9 counts more, never less)', () => {
    fc.assert(
      fc.property(likelyRecommended, categoryArb, fc.boolean(), (content, category, activism) => {
        const flagged = { ...content, actor: { ...content.actor, activismContext: activism } };
        fc.pre(run(flagged).outcome === 'recommended');
        const more = withSeverity(flagged, category, { evidence: [...flagged.harm[category].evidence, evidenceItem(true)] });
        expect(run(more).outcome).toBe('recommended');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R9: with the activism flag and no credible-source evidence in any category, a designation is never recommended', () => {
    fc.assert(
      fc.property(likelyRecommended, (content) => {
        const harm = Object.fromEntries(
          HARM_CATEGORIES.map((category) => [category, { ...content.harm[category], evidence: content.harm[category].evidence.map((item) => ({ ...item, credibleSource: false })) }]),
        ) as CaseContentModel['harm'];
        const verdict = run({ ...content, actor: { ...content.actor, activismContext: true }, harm });
        expect(verdict.outcome).not.toBe('recommended');
        expect(verdict.safeguards.activismBlocks || verdict.outcome === 'incomplete').toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('removing the only sufficient signal never yields `recommended` (nor does downgrading it)', () => {
    fc.assert(
      fc.property(likelyRecommended, fc.constantFrom('unverified' as const, 'corroborated' as const), (content, downgrade) => {
        const sufficient = content.signals.filter((s) => s.evidenceState === 'sufficient');
        fc.pre(sufficient.length === 1);
        const only = sufficient[0];
        const removed = { ...content, signals: content.signals.filter((s) => s !== only) };
        const downgraded = { ...content, signals: content.signals.map((s) => (s === only ? { ...s, evidenceState: downgrade } : s)) };
        expect(run(removed).outcome).not.toBe('recommended');
        expect(run(downgraded).outcome).not.toBe('recommended');
        expect(run(downgraded).coordination.established).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of signals, evidence, accounts or policy areas', () => {
    fc.assert(
      fc.property(anyCase, fc.integer(), (content, seed) => {
        const reordered: CaseContentModel = {
          ...content,
          signals: shuffled(content.signals, seed).map((s) => ({ ...s, accounts: shuffled(s.accounts, seed + 1) })),
          harm: {
            physical: reorderHarm(content.harm.physical, seed),
            psychological: reorderHarm(content.harm.psychological, seed + 2),
            informational: reorderHarm(content.harm.informational, seed + 3),
          },
        };
        expect(run(reordered)).toEqual(run(content));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the key order of the harm object', () => {
    fc.assert(
      fc.property(anyCase, fc.integer(), (content, seed) => {
        const harm = {} as Record<HarmCategory, HarmAssessmentModel>;
        for (const category of shuffled(HARM_CATEGORIES, seed)) harm[category] = content.harm[category];
        expect(run({ ...content, harm })).toEqual(run(content));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every unmet condition and every missing input has a blocking reason with its rule id', () => {
    fc.assert(
      fc.property(anyCase, (content) => {
        const verdict = run(content);
        const blocking = (rule: string): boolean => verdict.reasons.some((r) => r.rule === rule && !r.met && r.blocking);
        const unexplained = [
          ...(verdict.coordination.established || blocking('R2') ? [] : ['R2']),
          ...(verdict.threshold.met || blocking('R7') ? [] : ['R7']),
          ...(!verdict.safeguards.activismBlocks || blocking('R9') ? [] : ['R9']),
          ...(verdict.safeguards.rightsRiskAssessed || blocking('R10') ? [] : ['R10']),
          ...(verdict.safeguards.questionsAnswered || blocking('R12') ? [] : ['R12']),
          ...verdict.harm.filter((h) => h.justificationMissing && !blocking('R6')).map(() => 'R6'),
          ...verdict.missing.filter((m) => !blocking(m.rule)).map((m) => m.key),
        ];
        expect(unexplained).toEqual([]);
        // And the outcome agrees with the reasons.
        expect(verdict.outcome === 'incomplete').toBe(verdict.missing.length > 0);
        expect(verdict.outcome === 'recommended').toBe(!verdict.reasons.some((r) => r.blocking));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('recommended ⇔ availableActions non-empty; ruleIds sorted, unique and covering every reason', () => {
    fc.assert(
      fc.property(likelyRecommended, (content) => {
        const verdict = run(content);
        expect(verdict.availableActions.length > 0).toBe(verdict.outcome === 'recommended');
        const order = verdict.ruleIds.map((id) => Number(id.slice(1)));
        expect(order).toEqual([...new Set(order)].toSorted((a, b) => a - b));
        for (const entry of [...verdict.reasons, ...verdict.missing]) expect(verdict.ruleIds).toContain(entry.rule);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R3 track exists exactly when a technical signal has sufficient evidence, whatever the harm', () => {
    fc.assert(
      fc.property(anyCase, fc.constantFrom<Severity | null>(null, ...SEVERITIES), (content, severity) => {
        const expected = content.signals.some((s) => s.kind === 'technical' && s.evidenceState === 'sufficient');
        const verdict = run(content);
        expect(verdict.platformManipulationTrack !== null).toBe(expected);
        let otherHarm = content;
        for (const category of HARM_CATEGORIES) otherHarm = withSeverity(otherHarm, category, { severity });
        expect(run(otherHarm).platformManipulationTrack).toEqual(verdict.platformManipulationTrack);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('R7_thresholdBreakdown answers as the verdict does, and names the categories behind it', () => {
    fc.assert(
      fc.property(anyCase, fc.boolean(), (content, activism) => {
        const flagged = { ...content, actor: { ...content.actor, activismContext: activism } };
        const verdict = run(flagged);
        const severities = Object.fromEntries(HARM_CATEGORIES.map((c) => [c, flagged.harm[c].severity])) as Record<HarmCategory, Severity | null>;
        const credible = Object.fromEntries(HARM_CATEGORIES.map((c) => [c, flagged.harm[c].evidence.filter((item) => item.credibleSource).length])) as Record<HarmCategory, number>;
        const breakdown = R7_thresholdBreakdown(severities, credible, activism);
        expect({ met: breakdown.met, clause: breakdown.clause, margin: breakdown.margin }).toEqual(verdict.threshold);
        // One high, or two at moderate or higher, among the categories that count.
        expect(breakdown.met).toBe(breakdown.high.length >= 1 || breakdown.moderateOrHigher.length >= 2);
        for (const category of breakdown.high) expect(breakdown.moderateOrHigher).toContain(category);
        for (const row of verdict.harm) {
          // A category counted toward R7 is one the verdict counts (R9).
          expect(!breakdown.moderateOrHigher.includes(row.category) || row.countsTowardThreshold).toBe(true);
          expect(breakdown.notCounted.includes(row.category)).toBe(!row.countsTowardThreshold && row.severity !== null && row.severity !== 'none');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('emits only catalogued keys with exactly their parameters', () => {
    fc.assert(
      fc.property(anyCase, (content) => {
        const verdict = run(content);
        for (const entry of [...verdict.reasons, ...verdict.missing]) {
          const spec = messageKeySpec(entry.key);
          expect(spec).toBeDefined();
          expect(entry.rule).toBe(spec?.rule);
          expect(Object.keys(entry.params).toSorted()).toEqual([...(spec?.params ?? [])].toSorted());
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the catalogue has unique keys, each under its rule', () => {
    const all = [...REASON_KEYS, ...MISSING_KEYS];
    expect(new Set(all.map((spec) => spec.key)).size).toBe(all.length);
    for (const spec of all) expect(spec.key.split('.')[1]).toBe(spec.rule);
  });
});

function reorderHarm(assessment: HarmAssessmentModel, seed: number): HarmAssessmentModel {
  return { ...assessment, evidence: shuffled(assessment.evidence, seed), policyAreas: shuffled(assessment.policyAreas, seed + 7) };
}
