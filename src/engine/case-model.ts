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
