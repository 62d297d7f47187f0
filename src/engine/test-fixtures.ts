// Case builders for tests and benchmarks: a complete, schema-valid case by default, changed by small
// overrides, so each test states only the facts its rule reads. Fictional data only.
import type {
  CaseContentModel,
  CoordinationSignalModel,
  HarmAssessmentModel,
  HarmEvidenceItemModel,
  RubricAnswersModel,
} from './case-model';
import { DEFAULT_CASE_SETTINGS } from './case-model';
import { HARM_CATEGORIES, POLICY_AREAS_BY_CATEGORY } from './policy-terms';
import type { HarmCategory, RubricLevel, Severity, SignalTechnique } from './policy-terms';

/** A rubric whose every criterion says `level`, so `suggestSeverity` suggests exactly that level. */
export function rubricAt(level: RubricLevel | null): RubricAnswersModel {
  return { magnitude: level, sources: level, likelihood: level };
}

export function evidenceItem(overrides: Partial<HarmEvidenceItemModel> = {}): HarmEvidenceItemModel {
  return {
    id: 'ev-1',
    description: 'Screenshots of coordinated abusive replies to a local journalist.',
    observed: 'on-platform',
    date: '2026-02-14',
    source: 'Trust & Safety investigation notes',
    link: 'https://example.org/evidence/ev-1',
    credibleSource: true,
    ...overrides,
  };
}

/**
 * One category's assessment rated `severity`, with a rubric that agrees (R6) so no justification is
 * needed; `none` has an unanswered rubric because the rubric never suggests `none`.
 */
export function harmAt(
  category: HarmCategory,
  severity: Severity | null,
  overrides: Partial<HarmAssessmentModel> = {},
): HarmAssessmentModel {
  const agreeing: RubricLevel | null = severity === null || severity === 'none' ? null : severity;
  return {
    policyAreas: severity === null || severity === 'none' ? [] : [POLICY_AREAS_BY_CATEGORY[category][0]],
    evidence: severity === null || severity === 'none' ? [] : [evidenceItem({ id: `ev-${category}` })],
    rubric: rubricAt(agreeing),
    severity,
    justification: '',
    ...overrides,
  };
}

let signalCounter = 0;

/** A signal; by default a social, sufficient organised-messaging campaign (policy example, R1). */
export function signal(overrides: Partial<CoordinationSignalModel> = {}): CoordinationSignalModel {
  signalCounter += 1;
  return {
    id: `sig-${signalCounter}`,
    kind: 'social',
    technique: 'organised-messaging-campaign',
    observed: 'off-platform',
    description: 'Members organise in a messaging-app group to post the same message at a set time.',
    accounts: ['harbor_watch_1', 'harbor_watch_2'],
    window: { start: '2026-02-01T18:00:00.000Z', end: '2026-02-01T19:00:00.000Z' },
    sources: ['https://example.org/messaging-export'],
    strength: 'strong',
    evidenceState: 'sufficient',
    origin: 'manual',
    ...overrides,
  };
}

/** R1/R3 policy example: one person running many accounts that post the same message. */
export function technicalSignal(overrides: Partial<CoordinationSignalModel> = {}): CoordinationSignalModel {
  return signal({
    kind: 'technical',
    technique: 'multiple-accounts-same-message',
    observed: 'on-platform',
    description: 'One operator runs several accounts that post the same message within seconds.',
    accounts: ['tidewire_a', 'tidewire_b', 'tidewire_c'],
    ...overrides,
  });
}

/** R1 policy example: an individual inciting followers to reply abusively to a person. */
export function dogpilingSignal(overrides: Partial<CoordinationSignalModel> = {}): CoordinationSignalModel {
  return signal({
    technique: 'incitement-dogpiling' satisfies SignalTechnique,
    observed: 'on-platform',
    description: 'An account urges its followers to flood a named person\'s replies with abuse.',
    accounts: ['ringleader_x'],
    ...overrides,
  });
}

export interface CaseOverrides {
  severities?: Partial<Record<HarmCategory, Severity | null>>;
  harm?: Partial<Record<HarmCategory, Partial<HarmAssessmentModel>>>;
  signals?: CoordinationSignalModel[];
  activismContext?: boolean;
  questions?: Partial<CaseContentModel['questions']>;
  rightsRiskAssessment?: string;
}

/**
 * A complete case: every question answered, rights risks assessed, every category rated (`none` by
 * default, rubric agreeing), one sufficient social signal. Not recommended until some harm is set.
 */
export function buildCase(overrides: CaseOverrides = {}): CaseContentModel {
  const harm = {} as Record<HarmCategory, HarmAssessmentModel>;
  for (const category of HARM_CATEGORIES) {
    const severity = overrides.severities?.[category] === undefined ? 'none' : overrides.severities[category];
    harm[category] = harmAt(category, severity ?? null, overrides.harm?.[category]);
  }
  return {
    actor: {
      kind: 'group',
      name: 'Harbor Watch Collective',
      aliases: ['HWC'],
      purpose: 'Fictional test actor: a group that targets harbour-town officials online.',
      geographies: ['NL'],
      languages: ['nl', 'en'],
      hashtags: ['#harborwatch'],
      keywords: ['harbor watch'],
      trendTerms: [],
      activismContext: overrides.activismContext ?? false,
    },
    questions: {
      identifiableGroup: 'Yes: a named group with a shared channel and a stated purpose.',
      coordinatedActivity: 'Members schedule identical posts through a messaging-app group.',
      harmAcrossCategories: 'See the harm assessment per category.',
      risksOfApplying: 'Low risk to legitimate local debate; the group\'s criticism stays possible.',
      ...overrides.questions,
    },
    rightsRiskAssessment:
      overrides.rightsRiskAssessment ?? 'Designation limits reach of coordinated abuse, not the members\' opinions.',
    harm,
    signals: overrides.signals ?? [signal()],
    settings: { ...DEFAULT_CASE_SETTINGS },
  };
}

/** A case the engine recommends: sufficient social coordination and physical harm at `high`. */
export function recommendedCase(overrides: CaseOverrides = {}): CaseContentModel {
  return buildCase({ ...overrides, severities: { physical: 'high', ...overrides.severities } });
}

export const NOW = '2026-03-01T12:00:00.000Z';
