// fast-check arbitraries for a schema-valid CaseContentModel (test-only: imported by *.test.ts files).
// Every value they produce passes the `CaseContent` zod schema unchanged; src/cli/evaluate-files.test.ts
// checks that, since the engine may not import the contract itself.
import * as fc from 'fast-check';
import type {
  ActorModel,
  CaseContentModel,
  CoordinationSignalModel,
  HarmAssessmentModel,
  HarmEvidenceItemModel,
  RubricAnswersModel,
} from './case-model';
import {
  ACTOR_KINDS,
  EVIDENCE_STATES,
  HARM_CATEGORIES,
  OBSERVED,
  POLICY_AREAS,
  POLICY_AREAS_BY_CATEGORY,
  RUBRIC_LEVELS,
  SEVERITIES,
  SIGNAL_KINDS,
  SIGNAL_STRENGTHS,
  SIGNAL_TECHNIQUES,
  TECHNIQUES_BY_KIND,
} from './policy-terms';
import type { HarmCategory, PolicyArea, Severity } from './policy-terms';

/** Options that bias generation: `complete` cases have every input R1-R12 asks for. */
export interface CaseArbitraryOptions {
  complete?: boolean;
  maxSignals?: number;
  maxEvidence?: number;
}

const word = fc.stringMatching(/^[a-z]{1,10}$/);
const tag = fc.stringMatching(/^[A-Za-z0-9#][A-Za-z0-9 #_-]{0,20}[A-Za-z0-9]$/);
const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
const handle = fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/);
const link = fc.oneof(fc.constant(''), word.map((path) => `https://example.org/${path}`));
const instantArb = fc
  .date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2030-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const calendarDate = instantArb.map((instant) => instant.slice(0, 10));
/** Answers: text, or (when incomplete inputs are allowed) empty or whitespace-only. */
const answer = (complete: boolean): fc.Arbitrary<string> =>
  complete
    ? fc.lorem({ maxCount: 8 }).map((text) => `Answer: ${text}`)
    : fc.oneof(fc.constantFrom('', '   ', '\n\t'), fc.lorem({ maxCount: 8 }).map((text) => `Answer: ${text}`));

const actorArb: fc.Arbitrary<ActorModel> =
  fc.record({
    kind: fc.constantFrom(...ACTOR_KINDS),
    name: tag,
    aliases: fc.array(tag, { maxLength: 3 }),
    purpose: fc.lorem({ maxCount: 6 }),
    geographies: fc.array(fc.constantFrom('NL', 'TR', 'DE', 'BR', 'IN'), { maxLength: 3 }),
    languages: fc.array(fc.constantFrom('nl', 'tr', 'en', 'pt'), { maxLength: 3 }),
    hashtags: fc.array(tag, { maxLength: 3 }),
    keywords: fc.array(tag, { maxLength: 3 }),
    trendTerms: fc.array(tag, { maxLength: 2 }),
    activismContext: fc.boolean(),
  });

const evidenceArb: fc.Arbitrary<HarmEvidenceItemModel> = fc.record({
  id: idArb,
  description: fc.lorem({ maxCount: 6 }).map((text) => `Evidence: ${text}`),
  observed: fc.constantFrom(...OBSERVED),
  date: fc.option(calendarDate, { nil: null }),
  source: fc.lorem({ maxCount: 3 }),
  link,
  credibleSource: fc.boolean(),
});

const rubricLevel = fc.option(fc.constantFrom(...RUBRIC_LEVELS), { nil: null });
const rubricArb: fc.Arbitrary<RubricAnswersModel> = fc.record({
  magnitude: rubricLevel,
  sources: rubricLevel,
  likelihood: rubricLevel,
});

const harmArb = (category: HarmCategory, options: Required<CaseArbitraryOptions>): fc.Arbitrary<HarmAssessmentModel> => {
  const ownAreas: readonly PolicyArea[] = POLICY_AREAS_BY_CATEGORY[category];
  const severity: fc.Arbitrary<Severity | null> = options.complete
    ? fc.constantFrom(...SEVERITIES)
    : fc.option(fc.constantFrom(...SEVERITIES), { nil: null, freq: 4 });
  // Complete cases keep areas in their category and always carry a justification (R5, R6).
  const areas = options.complete
    ? fc.subarray([...ownAreas])
    : fc.oneof({ arbitrary: fc.subarray([...ownAreas]), weight: 4 }, { arbitrary: fc.subarray([...POLICY_AREAS]), weight: 1 });
  return fc.record({
    policyAreas: areas,
    evidence: fc.array(evidenceArb, { maxLength: options.maxEvidence }),
    rubric: rubricArb,
    severity,
    justification: options.complete ? answer(true) : answer(false),
  });
};

const windowArb = fc
  .tuple(fc.option(instantArb, { nil: null }), fc.option(instantArb, { nil: null }))
  .map(([a, b]) => (a !== null && b !== null && a > b ? { start: b, end: a } : { start: a, end: b }));

const signalArb = (complete: boolean): fc.Arbitrary<Omit<CoordinationSignalModel, 'id'>> =>
  fc
    .constantFrom(...SIGNAL_KINDS)
    .chain((kind) =>
      fc.record({
        kind: fc.constant(kind),
        // Mostly a technique of the signal's kind; incomplete cases sometimes break R1.
        technique: complete
          ? fc.constantFrom(...TECHNIQUES_BY_KIND[kind])
          : fc.oneof({ arbitrary: fc.constantFrom(...TECHNIQUES_BY_KIND[kind]), weight: 9 }, { arbitrary: fc.constantFrom(...SIGNAL_TECHNIQUES), weight: 1 }),
        observed: fc.constantFrom(...OBSERVED),
        description: fc.lorem({ maxCount: 5 }),
        accounts: fc.array(handle, { maxLength: 5 }),
        window: windowArb,
        sources: fc.array(link.filter((l) => l !== ''), { maxLength: 2 }),
        strength: fc.constantFrom(...SIGNAL_STRENGTHS),
        evidenceState: fc.constantFrom(...EVIDENCE_STATES),
        origin: fc.constantFrom('manual' as const, 'detected' as const),
      }),
    );

/** Signals with unique ids (as the backend keeps them). */
const signalsArb = (options: Required<CaseArbitraryOptions>): fc.Arbitrary<CoordinationSignalModel[]> =>
  fc
    .uniqueArray(fc.tuple(idArb, signalArb(options.complete)), {
      selector: ([id]) => id,
      minLength: options.complete ? 1 : 0,
      maxLength: options.maxSignals,
    })
    .map((pairs) => pairs.map(([id, rest]) => ({ id, ...rest })));

export function caseContentArb(options: CaseArbitraryOptions = {}): fc.Arbitrary<CaseContentModel> {
  const resolved: Required<CaseArbitraryOptions> = { complete: false, maxSignals: 8, maxEvidence: 3, ...options };
  const { complete } = resolved;
  return fc.record({
    actor: actorArb,
    questions: fc.record({
      identifiableGroup: answer(complete),
      coordinatedActivity: answer(complete),
      harmAcrossCategories: answer(complete),
      risksOfApplying: answer(complete),
    }),
    rightsRiskAssessment: answer(complete),
    harm: fc.record({
      physical: harmArb('physical', resolved),
      psychological: harmArb('psychological', resolved),
      informational: harmArb('informational', resolved),
    }),
    signals: signalsArb(resolved),
    settings: fc.record({
      visibilityLimitDays: fc.integer({ min: 1, max: 365 }),
      reviewIntervalDays: fc.integer({ min: 7, max: 730 }),
    }),
  });
}

/** An evaluation instant. */
export const nowArb = instantArb;

/** A harm category, for properties that change one category. */
export const categoryArb = fc.constantFrom(...HARM_CATEGORIES);

/** A deterministic permutation driven by a seed (Fisher-Yates with a small PRNG). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0 || 1;
  for (let i = result.length - 1; i > 0; i -= 1) {
    // xorshift32: enough to scramble order; not for anything else.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}
