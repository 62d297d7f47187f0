// The case as the engine reads it: plain types, no zod. The API contract's schemas are checked
// against these (`satisfies z.ZodType<...>`), so the two cannot drift apart.
import type {
  ActorKind,
  EvidenceState,
  HarmCategory,
  Observed,
  PolicyArea,
  RubricLevel,
  Severity,
  SignalKind,
  SignalStrength,
  SignalTechnique,
} from './policy-terms';

export interface ActorModel {
  kind: ActorKind;
  name: string;
  aliases: string[];
  purpose: string;
  geographies: string[];
  languages: string[];
  hashtags: string[];
  keywords: string[];
  trendTerms: string[];
  /** R9 context flag. */
  activismContext: boolean;
}

/** R12. */
export interface AssessmentQuestionsModel {
  identifiableGroup: string;
  coordinatedActivity: string;
  harmAcrossCategories: string;
  risksOfApplying: string;
}

export interface HarmEvidenceItemModel {
  id: string;
  description: string;
  observed: Observed;
  date: string | null;
  source: string;
  link: string;
  credibleSource: boolean;
  /** R6a: the signals whose coordination led to this harm. */
  signalIds?: string[];
}

export interface RubricAnswersModel {
  magnitude: RubricLevel | null;
  sources: RubricLevel | null;
  likelihood: RubricLevel | null;
}

export interface HarmAssessmentModel {
  policyAreas: PolicyArea[];
  evidence: HarmEvidenceItemModel[];
  rubric: RubricAnswersModel;
  severity: Severity | null;
  justification: string;
}

export interface CoordinationSignalModel {
  id: string;
  kind: SignalKind;
  technique: SignalTechnique;
  observed: Observed;
  description: string;
  accounts: string[];
  window: { start: string | null; end: string | null };
  sources: string[];
  strength: SignalStrength;
  evidenceState: EvidenceState;
  origin: 'manual' | 'detected';
  /**
   * Issue 16 §4: texts the signal's accounts posted alike (copy-pasta, R1's "same message"), as
   * posted; the cross-case pivots compare them by fingerprint. Absent on signals made before.
   */
  sharedTexts?: string[];
  /** Issue 16 §1: the activity timeline the signal keeps as evidence (a detected signal's). */
  activity?: SignalActivityModel;
}

/**
 * Issue 16 §1: a snapshot of a group's activity — each account's posts as marks on one time axis,
 * the posts per bin above it, and its bursts — kept with a detected signal (R1-R2 evidence).
 * A mark is `[seconds after start, code]`; code = kind index (SIGNAL_ACTIVITY_KINDS) + 4 × the
 * co-action bits (SIGNAL_CO_ACTIONS: bit i set = that co-action).
 */
export const SIGNAL_ACTIVITY_LIMITS = { lanes: 200, marks: 6_000, bins: 1_500, sharedTexts: 20 } as const;

export interface SignalActivityModel {
  start: string;
  end: string;
  binSeconds: number;
  counts: number[];
  bursts: { start: string; end: string }[];
  lanes: { account: string; posts: number; marks: [number, number][] }[];
}

export interface CaseSettingsModel {
  visibilityLimitDays: number;
  reviewIntervalDays: number;
}

/** What an analyst edits; what `evaluate` takes. */
export interface CaseContentModel {
  actor: ActorModel;
  questions: AssessmentQuestionsModel;
  rightsRiskAssessment: string;
  harm: Record<HarmCategory, HarmAssessmentModel>;
  signals: CoordinationSignalModel[];
  settings: CaseSettingsModel;
}

export const DEFAULT_CASE_SETTINGS: CaseSettingsModel = { visibilityLimitDays: 30, reviewIntervalDays: 90 };
