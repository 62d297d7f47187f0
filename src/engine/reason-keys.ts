// Every message key the designation engine emits, with its rule, its parameters and what the English
// message should say. The i18n catalogues (written elsewhere) are built from this list, and a test
// checks that every reason the engine produces uses a key from here with exactly these parameters.
//
// Conventions for translators:
// - `en` uses i18next interpolation (`{{name}}`); it describes the message, it is not the shipped text.
// - `terms` names parameters that carry a vocabulary id (a harm category, a severity, a question id…):
//   translate the id through that vocabulary's own labels before interpolating it.
// - `categories` parameters are comma-separated category ids in policy order (physical, psychological,
//   informational), e.g. `physical,informational`.
import type { RuleId } from './verdict';

/** The vocabularies a parameter may name (see `terms`). */
export type TermVocabulary =
  | 'harmCategory'
  | 'harmCategoryList'
  | 'severity'
  | 'signalKind'
  | 'signalTechnique'
  | 'policyArea'
  | 'assessmentQuestion'
  | 'priorityBand';

export interface MessageKeySpec {
  key: string;
  rule: RuleId;
  params: readonly string[];
  terms?: Readonly<Record<string, TermVocabulary>>;
  en: string;
}

/** Keys of `Verdict.reasons[].key`. */
export const REASON_KEYS = [
  // R1: classification of signals.
  {
    key: 'reason.R1.met',
    rule: 'R1',
    params: ['technicalSignals', 'socialSignals'],
    en: 'Every coordination signal is classified: {{technicalSignals}} technical, {{socialSignals}} social, each with a technique of its kind.',
  },
  {
    key: 'reason.R1.techniqueMismatch',
    rule: 'R1',
    params: ['signalId', 'kind', 'technique'],
    terms: { kind: 'signalKind', technique: 'signalTechnique' },
    en: 'Signal {{signalId}} is marked {{kind}}, but its technique "{{technique}}" belongs to the other kind. Correct the kind or the technique.',
  },
  // R2: coordination established.
  {
    key: 'reason.R2.met',
    rule: 'R2',
    params: ['sufficientSignals', 'signals'],
    en: 'Coordination is established: {{sufficientSignals}} of {{signals}} signals have sufficient evidence.',
  },
  {
    key: 'reason.R2.notMet',
    rule: 'R2',
    params: ['signals', 'corroboratedSignals', 'unverifiedSignals'],
    en: 'Coordination is not established: none of the {{signals}} signals has sufficient evidence ({{corroboratedSignals}} corroborated, {{unverifiedSignals}} unverified).',
  },
  {
    key: 'reason.R2.noSignals',
    rule: 'R2',
    params: [],
    en: 'Coordination is not established: the case records no coordination signal.',
  },
  // R3: the separate platform-manipulation track.
  {
    key: 'reason.R3.track',
    rule: 'R3',
    params: ['signals', 'accounts'],
    en: 'Technical coordination with sufficient evidence ({{signals}} signals, {{accounts}} accounts) is prohibited on its own: enforcement always applies, typically permanent suspension of the accounts involved, whatever the harm assessment says.',
  },
  {
    key: 'reason.R3.noTrack',
    rule: 'R3',
    params: ['technicalSignals'],
    en: 'No platform-manipulation track: none of the {{technicalSignals}} technical signals has sufficient evidence.',
  },
  // R4: social coordination needs harm.
  {
    key: 'reason.R4.socialWithHarm',
    rule: 'R4',
    params: [],
    en: 'Coordination rests on social signals only; it counts toward a designation because harm meets the threshold.',
  },
  {
    key: 'reason.R4.socialAlone',
    rule: 'R4',
    params: [],
    en: 'Coordination rests on social signals only, and social coordination alone is no violation: it counts only together with harm that meets the threshold.',
  },
  // R5: categories rated, policy areas in the right category.
  {
    key: 'reason.R5.rated',
    rule: 'R5',
    params: ['category', 'severity', 'evidenceItems', 'credibleEvidenceItems'],
    terms: { category: 'harmCategory', severity: 'severity' },
    en: '{{category}} harm is rated {{severity}}, on {{evidenceItems}} evidence items ({{credibleEvidenceItems}} from credible sources).',
  },
  {
    key: 'reason.R5.unrated',
    rule: 'R5',
    params: ['category'],
    terms: { category: 'harmCategory' },
    en: '{{category}} harm has no severity yet. Rate it (none, low, moderate or high).',
  },
  {
    key: 'reason.R5.policyAreaOutsideCategory',
    rule: 'R5',
    params: ['category', 'policyArea'],
    terms: { category: 'harmCategory', policyArea: 'policyArea' },
    en: 'The policy area "{{policyArea}}" is not one the policy lists under {{category}} harm. Move it to its category or remove it.',
  },
  // R6: severity against the rubric.
  {
    key: 'reason.R6.noSuggestion',
    rule: 'R6',
    params: ['category', 'answeredCriteria'],
    terms: { category: 'harmCategory' },
    en: 'The rubric for {{category}} harm suggests no severity yet ({{answeredCriteria}} of 3 criteria answered, and the unanswered ones could change the suggestion).',
  },
  {
    key: 'reason.R6.agrees',
    rule: 'R6',
    params: ['category', 'severity'],
    terms: { category: 'harmCategory', severity: 'severity' },
    en: 'The {{category}} severity ({{severity}}) matches the rubric\'s suggestion.',
  },
  {
    key: 'reason.R6.disagreesJustified',
    rule: 'R6',
    params: ['category', 'severity', 'suggested'],
    terms: { category: 'harmCategory', severity: 'severity', suggested: 'severity' },
    en: 'The {{category}} severity ({{severity}}) differs from the rubric\'s suggestion ({{suggested}}); the analyst has written a justification.',
  },
  {
    key: 'reason.R6.disagreesUnjustified',
    rule: 'R6',
    params: ['category', 'severity', 'suggested'],
    terms: { category: 'harmCategory', severity: 'severity', suggested: 'severity' },
    en: 'The {{category}} severity ({{severity}}) differs from the rubric\'s suggestion ({{suggested}}). Write a justification or change the severity.',
  },
  // R6a: a rating of moderate or above rests on harm evidence of its category.
  {
    key: 'reason.R6a.met',
    rule: 'R6a',
    params: ['category', 'severity', 'evidenceItems'],
    terms: { category: 'harmCategory', severity: 'severity' },
    en: 'The {{category}} rating ({{severity}}) rests on {{evidenceItems}} harm evidence items.',
  },
  {
    key: 'reason.R6a.noEvidence',
    rule: 'R6a',
    params: ['category', 'severity'],
    terms: { category: 'harmCategory', severity: 'severity' },
    en: '{{category}} harm is rated {{severity}} with no harm evidence: add an evidence item that shows the harm, or lower the rating.',
  },
  // R7: the harm threshold.
  {
    key: 'reason.R7.metHigh',
    rule: 'R7',
    params: ['highCategories', 'categories'],
    terms: { categories: 'harmCategoryList' },
    en: 'Harm meets the threshold: {{highCategories}} category rated high ({{categories}}).',
  },
  {
    key: 'reason.R7.metModerate',
    rule: 'R7',
    params: ['moderateOrHigherCategories', 'categories'],
    terms: { categories: 'harmCategoryList' },
    en: 'Harm meets the threshold: {{moderateOrHigherCategories}} categories rated moderate or higher ({{categories}}).',
  },
  {
    key: 'reason.R7.notMet',
    rule: 'R7',
    params: ['moderateOrHigherCategories', 'moderateCategoriesNeeded', 'unratedCategories'],
    en: 'Harm does not meet the threshold: it needs one category rated high, or {{moderateCategoriesNeeded}} more category rated moderate or higher ({{moderateOrHigherCategories}} now; {{unratedCategories}} not rated yet).',
  },
  // R9: the activism safeguard.
  {
    key: 'reason.R9.notApplicable',
    rule: 'R9',
    params: [],
    en: 'The actor is not flagged as engaged in activism, speaking truth to power or an awareness campaign.',
  },
  {
    key: 'reason.R9.cautionHarmEstablished',
    rule: 'R9',
    params: [],
    en: 'Caution: the actor is engaged in activism, speaking truth to power or an awareness campaign. The framework is unlikely to apply unless harm is established; here harm meets the threshold.',
  },
  {
    key: 'reason.R9.blocks',
    rule: 'R9',
    params: [],
    en: 'The actor is engaged in activism, speaking truth to power or an awareness campaign, and harm is not established: no designation can be recommended.',
  },
  {
    key: 'reason.R9.credibleCategories',
    rule: 'R9',
    params: ['categories'],
    terms: { categories: 'harmCategoryList' },
    en: 'With the activism flag, harm counts where a credible source supports it: {{categories}} count toward the threshold.',
  },
  {
    key: 'reason.R9.notCredibleCategories',
    rule: 'R9',
    params: ['categories'],
    terms: { categories: 'harmCategoryList' },
    en: 'With the activism flag, {{categories}} do not count toward the threshold: none of their evidence items is from a source marked credible.',
  },
  // R10: rights-risk assessment.
  {
    key: 'reason.R10.met',
    rule: 'R10',
    params: [],
    en: 'The risks of applying the policy, including to speech and associational rights, are assessed in writing.',
  },
  {
    key: 'reason.R10.notMet',
    rule: 'R10',
    params: [],
    en: 'The risks of applying the policy, including to speech and associational rights, are not assessed yet. Write the assessment before submitting.',
  },
  // R11: priority.
  {
    key: 'reason.R11.safety',
    rule: 'R11',
    params: ['priority'],
    en: 'Priority {{priority}}: physical or psychological harm at moderate or above; safety comes first in the review queue.',
  },
  {
    key: 'reason.R11.informational',
    rule: 'R11',
    params: ['priority'],
    en: 'Priority {{priority}}: informational harm only at moderate or above; ranks after cases with physical or psychological harm.',
  },
  {
    key: 'reason.R11.none',
    rule: 'R11',
    params: ['priority'],
    en: 'Priority {{priority}}: no category rated moderate or above.',
  },
  // R12: the four assessment questions.
  {
    key: 'reason.R12.met',
    rule: 'R12',
    params: [],
    en: 'The four assessment questions are answered.',
  },
  {
    key: 'reason.R12.notMet',
    rule: 'R12',
    params: ['unansweredQuestions'],
    en: '{{unansweredQuestions}} of the four assessment questions are not answered yet.',
  },
  // R13: the verdict itself.
  {
    key: 'reason.R13.recommended',
    rule: 'R13',
    params: [],
    en: 'Designation recommended: coordination is established, harm meets the threshold and no safeguard blocks it.',
  },
  {
    key: 'reason.R13.notRecommended',
    rule: 'R13',
    params: ['unmetConditions'],
    en: 'Designation not recommended: {{unmetConditions}} condition(s) are not met (listed above).',
  },
  {
    key: 'reason.R13.incomplete',
    rule: 'R13',
    params: ['missingInputs', 'unmetConditions'],
    en: 'Assessment incomplete: {{missingInputs}} input(s) missing; {{unmetConditions}} condition(s) not met so far (both listed above).',
  },
  // R14: what becomes available.
  {
    key: 'reason.R14.actionsAvailable',
    rule: 'R14',
    params: ['actions'],
    en: 'Once a reviewer approves the designation, {{actions}} enforcement actions become available on associated accounts and Tweets.',
  },
] as const satisfies readonly MessageKeySpec[];

/** Keys of `Verdict.missing[].key`: an input the analyst still has to give or correct. */
export const MISSING_KEYS = [
  {
    key: 'missing.R1.techniqueMismatch',
    rule: 'R1',
    params: ['signalId', 'kind', 'technique'],
    terms: { kind: 'signalKind', technique: 'signalTechnique' },
    en: 'Signal {{signalId}}: technique "{{technique}}" is not a {{kind}} technique.',
  },
  {
    key: 'missing.R2.signals',
    rule: 'R2',
    params: [],
    en: 'Add at least one coordination signal.',
  },
  {
    key: 'missing.R5.severity',
    rule: 'R5',
    params: ['category'],
    terms: { category: 'harmCategory' },
    en: 'Rate the severity of {{category}} harm.',
  },
  {
    key: 'missing.R5.policyArea',
    rule: 'R5',
    params: ['category', 'policyArea'],
    terms: { category: 'harmCategory', policyArea: 'policyArea' },
    en: 'Remove "{{policyArea}}" from {{category}} harm or move it to its category.',
  },
  {
    key: 'missing.R6.justification',
    rule: 'R6',
    params: ['category', 'severity', 'suggested'],
    terms: { category: 'harmCategory', severity: 'severity', suggested: 'severity' },
    en: 'Justify why {{category}} harm is rated {{severity}} when the rubric suggests {{suggested}}.',
  },
  {
    key: 'missing.R6a.evidence',
    rule: 'R6a',
    params: ['category', 'severity'],
    terms: { category: 'harmCategory', severity: 'severity' },
    en: 'Add harm evidence for {{category}} harm (rated {{severity}}), or lower the rating.',
  },
  {
    key: 'missing.R10.rightsRiskAssessment',
    rule: 'R10',
    params: [],
    en: 'Assess the risks of applying the policy, including impacts on speech and associational rights.',
  },
  {
    key: 'missing.R12.question',
    rule: 'R12',
    params: ['question'],
    terms: { question: 'assessmentQuestion' },
    en: 'Answer the assessment question "{{question}}".',
  },
] as const satisfies readonly MessageKeySpec[];

export type ReasonKey = (typeof REASON_KEYS)[number]['key'];
export type MissingKey = (typeof MISSING_KEYS)[number]['key'];
type Spec = (typeof REASON_KEYS)[number] | (typeof MISSING_KEYS)[number];

/** The parameters a key takes, as an object type: the engine cannot emit a key with the wrong ones. */
export type ParamsOf<K extends ReasonKey | MissingKey> = {
  [P in Extract<Spec, { key: K }>['params'][number]]: string | number;
};

const SPEC_BY_KEY: ReadonlyMap<string, MessageKeySpec> = new Map(
  [...REASON_KEYS, ...MISSING_KEYS].map((spec): [string, MessageKeySpec] => [spec.key, spec]),
);

/** The catalogue entry of a key, or undefined for a key the engine never emits. */
export function messageKeySpec(key: string): MessageKeySpec | undefined {
  return SPEC_BY_KEY.get(key);
}
