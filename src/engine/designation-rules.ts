// The designation rules of FRAMEWORK.md, one small function per rule (named by its id) and one table
// row per rule that turns the case's facts into reasons. A policy change is a row here plus a test row
// in designation-rules.test.ts; evaluate.ts only composes the table into a verdict.
import type {
  AssessmentQuestionsModel,
  CaseContentModel,
  CoordinationSignalModel,
} from './case-model';
import {
  ENFORCEMENT_ACTION_TYPES,
  HARM_CATEGORIES,
  POLICY_AREAS_BY_CATEGORY,
  SIGNAL_KINDS,
  TECHNIQUES_BY_KIND,
} from './policy-terms';
import type {
  EnforcementActionType,
  HarmCategory,
  PolicyArea,
  PriorityBand,
  Severity,
  SignalKind,
  SignalTechnique,
  VerdictOutcome,
} from './policy-terms';
import { messageKeySpec } from './reason-keys';
import type { MissingKey, ParamsOf, ReasonKey } from './reason-keys';
import { SEVERITY_RANK, answeredCriteria, checkAgainstRubric, isBlank, severityAtLeast } from './severity-rubric';
import type { FieldPath, HarmCategoryResult, MissingInput, Reason, RuleId, ThresholdResult } from './verdict';

/** R12: the four questions, in the policy's order. */
export const ASSESSMENT_QUESTIONS = [
  'identifiableGroup',
  'coordinatedActivity',
  'harmAcrossCategories',
  'risksOfApplying',
] as const satisfies readonly (keyof AssessmentQuestionsModel)[];
export type AssessmentQuestionId = (typeof ASSESSMENT_QUESTIONS)[number];
// Compile-time guard: a question added to the model but not to this list fails typecheck here.
const everyQuestionListed: Exclude<keyof AssessmentQuestionsModel, AssessmentQuestionId> extends never ? true : false = true;
void everyQuestionListed;

export type SeverityByCategory = Readonly<Record<HarmCategory, Severity | null>>;

// ---------------------------------------------------------------------------------------------------
// The rules as decisions on plain values.

/** R1: a signal's technique must be one the policy lists for its kind (technical or social). */
export function R1_techniqueMatchesKind(signal: Pick<CoordinationSignalModel, 'kind' | 'technique'>): boolean {
  return KIND_OF_TECHNIQUE.get(signal.technique) === signal.kind;
}
// Looked up once per signal, so a map rather than a scan of TECHNIQUES_BY_KIND (cases hold thousands).
const KIND_OF_TECHNIQUE: ReadonlyMap<SignalTechnique, SignalKind> = new Map(
  SIGNAL_KINDS.flatMap((kind) => TECHNIQUES_BY_KIND[kind].map((technique): [SignalTechnique, SignalKind] => [technique, kind])),
);

/** R2: coordination is established when at least one signal's evidence is `sufficient`. */
export function R2_coordinationEstablished(signals: readonly CoordinationSignalModel[]): {
  established: boolean;
  establishingSignalIds: string[];
} {
  const ids = sortedUnique(signals.filter((s) => s.evidenceState === 'sufficient').map((s) => s.id));
  return { established: ids.length > 0, establishingSignalIds: ids };
}

/**
 * R3: technical coordination with sufficient evidence is prohibited on its own, whatever the harm:
 * the signals and the union of their accounts form the platform-manipulation track.
 */
export function R3_platformManipulationTrack(
  signals: readonly CoordinationSignalModel[],
): { signalIds: string[]; accounts: string[] } | null {
  const technical = signals.filter((s) => s.kind === 'technical' && s.evidenceState === 'sufficient');
  if (technical.length === 0) return null;
  const accounts = new Set<string>();
  for (const s of technical) for (const account of s.accounts) accounts.add(account);
  return { signalIds: sortedUnique(technical.map((s) => s.id)), accounts: sortedUnique(accounts) };
}

/** R4: social coordination alone is no violation; it counts only together with harm. */
export function R4_socialCoordinationCounts(thresholdMet: boolean): boolean {
  return thresholdMet;
}

/** R5: the policy areas recorded under a category that the policy does not list for it. */
export function R5_policyAreasOutsideCategory(category: HarmCategory, areas: readonly PolicyArea[]): PolicyArea[] {
  const allowed: readonly PolicyArea[] = POLICY_AREAS_BY_CATEGORY[category];
  return sortedUnique(areas.filter((area) => !allowed.includes(area)));
}

/**
 * R7: at least one category `high`, or at least two categories `moderate` or higher.
 * Interpretation (FRAMEWORK.md): "multiple moderate severities" counts categories, not evidence items.
 * Unrated categories (`null`) count as reaching nothing.
 */
export function R7_meetsThreshold(severities: SeverityByCategory): ThresholdResult {
  let high = 0;
  let moderateOrHigher = 0;
  for (const category of HARM_CATEGORIES) {
    if (severityAtLeast(severities[category], 'high')) high += 1;
    if (severityAtLeast(severities[category], 'moderate')) moderateOrHigher += 1;
  }
  if (high >= 1) return { met: true, clause: 'one-high', margin: null };
  if (moderateOrHigher >= 2) return { met: true, clause: 'two-moderate', margin: null };
  // Not met: one high always suffices; otherwise this many more categories at moderate or higher.
  return { met: false, clause: null, margin: { moderateCategoriesNeeded: 2 - moderateOrHigher, orOneHigh: true } };
}

/**
 * R6a: a rating of `moderate` or above rests on evidence ("evidence that the results of that
 * coordination cause harm"): without one harm evidence item of its category it is a missing input.
 */
export function R6a_ratingNeedsEvidence(severity: Severity | null, evidenceItems: number): boolean {
  return severityAtLeast(severity, 'moderate') && evidenceItems === 0;
}

/**
 * R9 (interpretation of 2026-12-06): with the activism flag, harm is established only by evidence from
 * sources marked credible, so R7 counts only the categories with at least one such item; an excluded
 * category counts as reaching nothing. Without the flag every rating counts.
 */
export function R9_countedSeverities(
  severities: SeverityByCategory,
  credibleEvidenceItems: Readonly<Record<HarmCategory, number>>,
  activismContext: boolean,
): SeverityByCategory {
  if (!activismContext) return severities;
  const counted = {} as Record<HarmCategory, Severity | null>;
  for (const category of HARM_CATEGORIES) counted[category] = credibleEvidenceItems[category] > 0 ? severities[category] : null;
  return counted;
}

/** R7 category by category: which ratings count toward the threshold, and which R9 leaves out. */
export interface ThresholdBreakdown extends ThresholdResult {
  /** The counted categories at `high`, in the policy's order: any one of them meets R7 ("one high"). */
  high: HarmCategory[];
  /** The counted categories at `moderate` or higher (the `high` ones too), in the policy's order: two meet R7. */
  moderateOrHigher: HarmCategory[];
  /** Rated categories (`low` or above) R9 does not count: activism flag set, no evidence from a credible source. */
  notCounted: HarmCategory[];
}

/**
 * R7 (over the ratings R9 counts) with the categories behind the answer, for what draws the threshold
 * on the harm ratings (the severity matrix). The answer itself is R7_meetsThreshold's, over
 * R9_countedSeverities: the same as the verdict's `threshold` for the same case.
 */
export function R7_thresholdBreakdown(
  severities: SeverityByCategory,
  credibleEvidenceItems: Readonly<Record<HarmCategory, number>>,
  activismContext: boolean,
): ThresholdBreakdown {
  const counted = R9_countedSeverities(severities, credibleEvidenceItems, activismContext);
  const atLeast = (floor: Severity) => HARM_CATEGORIES.filter((category) => severityAtLeast(counted[category], floor));
  return {
    ...R7_meetsThreshold(counted),
    high: atLeast('high'),
    moderateOrHigher: atLeast('moderate'),
    notCounted: HARM_CATEGORIES.filter((category) => severityAtLeast(severities[category], 'low') && counted[category] === null),
  };
}

/** The UI's name for R7. */
export const meetsThreshold = R7_meetsThreshold;

/** The UI's name for R7 category by category (components call lower-case functions). */
export const thresholdBreakdown = R7_thresholdBreakdown;

export type ReviewDecisionKind = 'approve' | 'return' | 'reject';

/** The UI's name for R8 (components call lower-case functions). */
export const decisionIsOverride = (outcome: VerdictOutcome, decision: ReviewDecisionKind): boolean => R8_decisionIsOverride(outcome, decision);

/**
 * R8: the threshold is what typically designates; a reviewer may decide against the verdict, but that
 * is an override needing a written justification. Approving anything but `recommended`, or rejecting a
 * `recommended` case, goes against it; returning a case to its analyst decides nothing.
 */
export function R8_decisionIsOverride(outcome: VerdictOutcome, decision: ReviewDecisionKind): boolean {
  if (decision === 'approve') return outcome !== 'recommended';
  if (decision === 'reject') return outcome === 'recommended';
  return false;
}

/**
 * R9: the activism context flag blocks a recommendation when harm is not established: the threshold
 * (R7), counted over the categories R9_countedSeverities keeps, is not met.
 */
export function R9_activismBlocks(activismContext: boolean, thresholdMet: boolean): boolean {
  return activismContext && !thresholdMet;
}

/** R10: the written assessment of risks to speech and associational rights. */
export function R10_rightsRiskAssessed(rightsRiskAssessment: string): boolean {
  return !isBlank(rightsRiskAssessment);
}

const rank = (severity: Severity | null): number => (severity === null ? 0 : SEVERITY_RANK[severity]);
const BAND_BASE: Readonly<Record<PriorityBand, number>> = { safety: 200, informational: 100, none: 0 };

/**
 * R11: physical and psychological safety first. The band is `safety` when physical or psychological
 * harm is moderate or above, `informational` when only informational harm is, else `none`.
 * The number orders bands first (200 / 100 / 0), then within a band the sum of the physical and
 * psychological severity ranks (0-6, tens), then the informational rank (0-3, units): so a
 * more severe safety harm always outranks any informational harm, and no band can overlap the next
 * (the largest `informational` value is 123, the largest `none` value 21).
 */
export function R11_priority(severities: SeverityByCategory): { priority: number; band: PriorityBand } {
  const safety = severityAtLeast(severities.physical, 'moderate') || severityAtLeast(severities.psychological, 'moderate');
  const band: PriorityBand = safety ? 'safety' : severityAtLeast(severities.informational, 'moderate') ? 'informational' : 'none';
  const safetyRanks = rank(severities.physical) + rank(severities.psychological);
  return { priority: BAND_BASE[band] + safetyRanks * 10 + rank(severities.informational), band };
}

/** R11 for `Array.prototype.sort`: higher priority first. */
export function comparePriority(a: { priority: number }, b: { priority: number }): number {
  return b.priority - a.priority;
}

/** R12: the questions still unanswered (empty or whitespace only), in the policy's order. */
export function R12_unansweredQuestions(questions: AssessmentQuestionsModel): AssessmentQuestionId[] {
  return ASSESSMENT_QUESTIONS.filter((question) => isBlank(questions[question]));
}

/**
 * R13: missing inputs make the verdict `incomplete` (a recommendation needs every input, R10 and R12
 * being preconditions of submission); otherwise `recommended` when every designation condition holds,
 * else `not-recommended`. Either way the reasons name every condition, met or not.
 */
export function R13_outcome(missingInputs: number, unmetConditions: number): VerdictOutcome {
  if (missingInputs > 0) return 'incomplete';
  return unmetConditions === 0 ? 'recommended' : 'not-recommended';
}

/** R14: the enforcement actions a recommended designation makes available on approval. */
export function R14_availableActions(outcome: VerdictOutcome): EnforcementActionType[] {
  // R3's suspension is not the designation's: it follows the platform-manipulation track's own decision.
  return outcome === 'recommended' ? ENFORCEMENT_ACTION_TYPES.filter((type) => type !== 'suspend-platform-manipulation') : [];
}

// ---------------------------------------------------------------------------------------------------
// Facts: everything the rules read, computed once per evaluation (one pass over signals).

export interface CaseFacts {
  content: CaseContentModel;
  signals: {
    total: number;
    technical: number;
    social: number;
    corroborated: number;
    unverified: number;
    /** R1 violations, sorted by id (then kind, technique) so signal order never shows. */
    techniqueMismatches: CoordinationSignalModel[];
  };
  coordination: { established: boolean; establishingSignalIds: string[]; bySocialSignalsOnly: boolean };
  platformManipulationTrack: { signalIds: string[]; accounts: string[] } | null;
  /** In the policy's category order, never the object's key order. */
  harm: HarmCategoryResult[];
  /** The ratings as the analyst set them (R5, R6a, R11). */
  severities: SeverityByCategory;
  /** The ratings R7 counts (R9: with the activism flag, only categories with credible evidence). */
  countedSeverities: SeverityByCategory;
  threshold: ThresholdResult;
  activismBlocks: boolean;
  rightsRiskAssessed: boolean;
  unansweredQuestions: AssessmentQuestionId[];
  priority: { priority: number; band: PriorityBand };
}

export function gatherFacts(content: CaseContentModel): CaseFacts {
  let technical = 0;
  let corroborated = 0;
  let unverified = 0;
  const techniqueMismatches: CoordinationSignalModel[] = [];
  const sufficientIds: string[] = [];
  const trackSignals: CoordinationSignalModel[] = [];
  for (const signal of content.signals) {
    if (signal.kind === 'technical') technical += 1;
    if (!R1_techniqueMatchesKind(signal)) techniqueMismatches.push(signal);
    if (signal.evidenceState === 'sufficient') {
      sufficientIds.push(signal.id);
      if (signal.kind === 'technical') trackSignals.push(signal);
    } else if (signal.evidenceState === 'corroborated') corroborated += 1;
    else unverified += 1;
  }

  // Same answers as R2_coordinationEstablished / R3_platformManipulationTrack, from the single pass above.
  const establishingSignalIds = sortedUnique(sufficientIds);
  const platformManipulationTrack = R3_platformManipulationTrack(trackSignals);

  const harm: HarmCategoryResult[] = [];
  const severities = {} as Record<HarmCategory, Severity | null>;
  const credible = {} as Record<HarmCategory, number>;
  for (const category of HARM_CATEGORIES) {
    const assessment = content.harm[category];
    const rubric = checkAgainstRubric(assessment);
    severities[category] = assessment.severity;
    let credibleItems = 0;
    for (const item of assessment.evidence) if (item.credibleSource) credibleItems += 1;
    credible[category] = credibleItems;
    harm.push({
      category,
      severity: assessment.severity,
      suggested: rubric.suggested,
      disagrees: rubric.disagrees,
      justificationMissing: rubric.justificationMissing,
      evidenceItems: assessment.evidence.length,
      credibleEvidenceItems: credibleItems,
      countsTowardThreshold: !content.actor.activismContext || credibleItems > 0,
    });
  }
  const countedSeverities = R9_countedSeverities(severities, credible, content.actor.activismContext);
  const threshold = R7_meetsThreshold(countedSeverities);

  return {
    content,
    signals: {
      total: content.signals.length,
      technical,
      social: content.signals.length - technical,
      corroborated,
      unverified,
      techniqueMismatches: techniqueMismatches.toSorted(
        (a, b) => compareStrings(a.id, b.id) || compareStrings(a.kind, b.kind) || compareStrings(a.technique, b.technique),
      ),
    },
    coordination: {
      established: establishingSignalIds.length > 0,
      establishingSignalIds,
      bySocialSignalsOnly: establishingSignalIds.length > 0 && platformManipulationTrack === null,
    },
    platformManipulationTrack,
    harm,
    severities,
    countedSeverities,
    threshold,
    activismBlocks: R9_activismBlocks(content.actor.activismContext, threshold.met),
    rightsRiskAssessed: R10_rightsRiskAssessed(content.rightsRiskAssessment),
    unansweredQuestions: R12_unansweredQuestions(content.questions),
    priority: R11_priority(severities),
  };
}

// ---------------------------------------------------------------------------------------------------
// The rule table: each row turns facts into reasons (and missing inputs).

/** What one rule row reports: its reasons, and the inputs it still needs (each with a blocking reason). */
export interface RuleReport {
  reasons: Reason[];
  missing: MissingInput[];
}

export interface DesignationRule {
  rule: RuleId;
  /** For a designation condition (R2, R7, R9): whether it holds. Other rows only report. */
  condition?: (facts: CaseFacts) => boolean;
  report: (facts: CaseFacts) => RuleReport;
}

/** A reason whose rule comes from the key catalogue, so a key and its rule id cannot drift apart. */
export function reasonFor<K extends ReasonKey>(
  key: K,
  met: boolean,
  params: ParamsOf<K>,
  field: FieldPath | null,
  blocking = !met,
): Reason {
  return { rule: ruleOfKey(key), met, key, params: { ...params }, field, blocking };
}

export function missingFor<K extends MissingKey>(key: K, params: ParamsOf<K>, field: FieldPath): MissingInput {
  return { rule: ruleOfKey(key), key, params: { ...params }, field };
}

function ruleOfKey(key: string): RuleId {
  const spec = messageKeySpec(key);
  // Unreachable: `key` is typed against the catalogue; kept as a loud failure for a broken catalogue.
  if (spec === undefined) throw new Error(`message key not in reason-keys.ts: ${key}`);
  return spec.rule;
}

const reasons = (...list: Reason[]): RuleReport => ({ reasons: list, missing: [] });
const harmField = (category: HarmCategory, field: 'severity' | 'justification' | 'policyAreas' | 'evidence'): FieldPath =>
  `harm.${category}.${field}`;
const categoriesAtLeast = (severities: SeverityByCategory, floor: Severity): HarmCategory[] =>
  HARM_CATEGORIES.filter((category) => severityAtLeast(severities[category], floor));

/** Rows in rule order; reasons and missing inputs come out in this order. */
export const DESIGNATION_RULES: readonly DesignationRule[] = [
  {
    rule: 'R1',
    report: ({ signals }) => {
      if (signals.total === 0) return reasons(); // R2 reports the absence of signals.
      if (signals.techniqueMismatches.length === 0) {
        return reasons(reasonFor('reason.R1.met', true, { technicalSignals: signals.technical, socialSignals: signals.social }, 'signals'));
      }
      const params = signals.techniqueMismatches.map((s) => ({ signalId: s.id, kind: s.kind, technique: s.technique }));
      return {
        reasons: params.map((p) => reasonFor('reason.R1.techniqueMismatch', false, p, 'signals')),
        missing: params.map((p) => missingFor('missing.R1.techniqueMismatch', p, 'signals')),
      };
    },
  },
  {
    rule: 'R2',
    condition: ({ coordination }) => coordination.established,
    report: ({ signals, coordination }) => {
      if (signals.total === 0) {
        return { reasons: [reasonFor('reason.R2.noSignals', false, {}, 'signals')], missing: [missingFor('missing.R2.signals', {}, 'signals')] };
      }
      if (coordination.established) {
        return reasons(reasonFor('reason.R2.met', true, { sufficientSignals: coordination.establishingSignalIds.length, signals: signals.total }, 'signals'));
      }
      return reasons(reasonFor('reason.R2.notMet', false, {
        signals: signals.total,
        corroboratedSignals: signals.corroborated,
        unverifiedSignals: signals.unverified,
      }, 'signals'));
    },
  },
  {
    rule: 'R3',
    // Never blocking: the track is reported beside the designation, not as a condition of it.
    report: ({ platformManipulationTrack: track, signals }) =>
      reasons(track
        ? reasonFor('reason.R3.track', true, { signals: track.signalIds.length, accounts: track.accounts.length }, 'signals')
        : reasonFor('reason.R3.noTrack', false, { technicalSignals: signals.technical }, 'signals', false)),
  },
  {
    rule: 'R4',
    // Only when social signals alone establish coordination. Not blocking: R7 is the blocking condition.
    report: ({ coordination, threshold }) => {
      if (!coordination.bySocialSignalsOnly) return reasons();
      return reasons(R4_socialCoordinationCounts(threshold.met)
        ? reasonFor('reason.R4.socialWithHarm', true, {}, 'signals')
        : reasonFor('reason.R4.socialAlone', false, {}, 'signals', false));
    },
  },
  {
    rule: 'R5',
    report: ({ content }) => {
      const report: RuleReport = { reasons: [], missing: [] };
      for (const category of HARM_CATEGORIES) {
        const assessment = content.harm[category];
        if (assessment.severity === null) {
          report.reasons.push(reasonFor('reason.R5.unrated', false, { category }, harmField(category, 'severity')));
          report.missing.push(missingFor('missing.R5.severity', { category }, harmField(category, 'severity')));
        } else {
          let credible = 0;
          for (const item of assessment.evidence) if (item.credibleSource) credible += 1;
          report.reasons.push(reasonFor('reason.R5.rated', true, {
            category,
            severity: assessment.severity,
            evidenceItems: assessment.evidence.length,
            credibleEvidenceItems: credible,
          }, harmField(category, 'severity')));
        }
        for (const policyArea of R5_policyAreasOutsideCategory(category, assessment.policyAreas)) {
          report.reasons.push(reasonFor('reason.R5.policyAreaOutsideCategory', false, { category, policyArea }, harmField(category, 'policyAreas')));
          report.missing.push(missingFor('missing.R5.policyArea', { category, policyArea }, harmField(category, 'policyAreas')));
        }
      }
      return report;
    },
  },
  {
    rule: 'R6',
    // Only for rated categories: an unrated one is already missing under R5.
    report: ({ harm, content }) => {
      const report: RuleReport = { reasons: [], missing: [] };
      for (const { category, severity, suggested, disagrees, justificationMissing } of harm) {
        if (severity === null) continue;
        if (suggested === null) {
          const answered = answeredCriteria(content.harm[category].rubric);
          report.reasons.push(reasonFor('reason.R6.noSuggestion', true, { category, answeredCriteria: answered }, harmField(category, 'severity')));
        } else if (!disagrees) {
          report.reasons.push(reasonFor('reason.R6.agrees', true, { category, severity }, harmField(category, 'severity')));
        } else if (!justificationMissing) {
          report.reasons.push(reasonFor('reason.R6.disagreesJustified', true, { category, severity, suggested }, harmField(category, 'justification')));
        } else {
          report.reasons.push(reasonFor('reason.R6.disagreesUnjustified', false, { category, severity, suggested }, harmField(category, 'justification')));
          report.missing.push(missingFor('missing.R6.justification', { category, severity, suggested }, harmField(category, 'justification')));
        }
      }
      return report;
    },
  },
  {
    rule: 'R6a',
    // Only ratings of moderate or above need evidence; an unrated category is missing under R5.
    report: ({ harm }) => {
      const report: RuleReport = { reasons: [], missing: [] };
      for (const { category, severity, evidenceItems } of harm) {
        if (severity === null || !severityAtLeast(severity, 'moderate')) continue;
        if (!R6a_ratingNeedsEvidence(severity, evidenceItems)) {
          report.reasons.push(reasonFor('reason.R6a.met', true, { category, severity, evidenceItems }, harmField(category, 'evidence')));
        } else {
          report.reasons.push(reasonFor('reason.R6a.noEvidence', false, { category, severity }, harmField(category, 'evidence')));
          report.missing.push(missingFor('missing.R6a.evidence', { category, severity }, harmField(category, 'evidence')));
        }
      }
      return report;
    },
  },
  {
    rule: 'R7',
    condition: ({ threshold }) => threshold.met,
    // Over the counted ratings (R9): with the activism flag, categories without credible evidence reach nothing.
    report: ({ threshold, countedSeverities: severities }) => {
      const high = categoriesAtLeast(severities, 'high');
      const moderateOrHigher = categoriesAtLeast(severities, 'moderate');
      if (threshold.clause === 'one-high') {
        return reasons(reasonFor('reason.R7.metHigh', true, { highCategories: high.length, categories: high.join(',') }, 'harm'));
      }
      if (threshold.clause === 'two-moderate') {
        return reasons(reasonFor('reason.R7.metModerate', true, {
          moderateOrHigherCategories: moderateOrHigher.length,
          categories: moderateOrHigher.join(','),
        }, 'harm'));
      }
      return reasons(reasonFor('reason.R7.notMet', false, {
        moderateOrHigherCategories: moderateOrHigher.length,
        moderateCategoriesNeeded: threshold.margin?.moderateCategoriesNeeded ?? 2 - moderateOrHigher.length,
        unratedCategories: HARM_CATEGORIES.filter((category) => severities[category] === null).length,
      }, 'harm'));
    },
  },
  {
    rule: 'R9',
    condition: ({ activismBlocks }) => !activismBlocks,
    report: ({ content, activismBlocks, harm }) => {
      if (!content.actor.activismContext) return reasons(reasonFor('reason.R9.notApplicable', true, {}, 'actor.activismContext'));
      const list: Reason[] = [activismBlocks
        ? reasonFor('reason.R9.blocks', false, {}, 'actor.activismContext')
        : reasonFor('reason.R9.cautionHarmEstablished', true, {}, 'actor.activismContext')];
      // Which rated categories count toward R7 here, and which do not for want of a credible source.
      const rated = harm.filter((row) => severityAtLeast(row.severity, 'low'));
      const counted = rated.filter((row) => row.countsTowardThreshold).map((row) => row.category);
      const excluded = rated.filter((row) => !row.countsTowardThreshold).map((row) => row.category);
      if (counted.length > 0) list.push(reasonFor('reason.R9.credibleCategories', true, { categories: counted.join(',') }, 'harm', false));
      if (excluded.length > 0) list.push(reasonFor('reason.R9.notCredibleCategories', false, { categories: excluded.join(',') }, 'harm', false));
      return reasons(...list);
    },
  },
  {
    rule: 'R10',
    report: ({ rightsRiskAssessed }) =>
      rightsRiskAssessed
        ? reasons(reasonFor('reason.R10.met', true, {}, 'rightsRiskAssessment'))
        : {
            reasons: [reasonFor('reason.R10.notMet', false, {}, 'rightsRiskAssessment')],
            missing: [missingFor('missing.R10.rightsRiskAssessment', {}, 'rightsRiskAssessment')],
          },
  },
  {
    rule: 'R11',
    report: ({ priority }) => {
      const key = priority.band === 'safety' ? 'reason.R11.safety' : priority.band === 'informational' ? 'reason.R11.informational' : 'reason.R11.none';
      return reasons(reasonFor(key, true, { priority: priority.priority }, 'harm'));
    },
  },
  {
    rule: 'R12',
    report: ({ unansweredQuestions }) => {
      if (unansweredQuestions.length === 0) return reasons(reasonFor('reason.R12.met', true, {}, 'questions'));
      // One reason for the rule; one missing input per question, so each field can be marked.
      return {
        reasons: [reasonFor('reason.R12.notMet', false, { unansweredQuestions: unansweredQuestions.length }, 'questions')],
        missing: unansweredQuestions.map((question) => missingFor('missing.R12.question', { question }, `questions.${question}`)),
      };
    },
  },
];

// ---------------------------------------------------------------------------------------------------

/**
 * Sorted by UTF-16 code units (not the locale), without duplicates: stable whatever the input order.
 * The default sort already compares strings by code units, and is the fastest path in V8 (the R3
 * account union of a large case is most of an evaluation's cost).
 */
function sortedUnique<T extends string>(values: Iterable<T>): T[] {
  return Array.from(new Set(values)).toSorted();
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
