// The policy's closed vocabularies as plain constants (FRAMEWORK.md §1-§7). The API contract wraps
// them in zod; the engine itself depends on nothing.

export const ACTOR_KINDS = ['group', 'movement', 'campaign'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** R5: the three principal forms of harm. */
export const HARM_CATEGORIES = ['physical', 'psychological', 'informational'] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/** R5: the Twitter Rules policy areas the categories draw on. */
export const POLICY_AREAS = [
  'violence',
  'terrorism-violent-extremism',
  'child-sexual-exploitation',
  'abuse-harassment',
  'hateful-conduct',
  'suicide-self-harm',
  'private-information',
  'non-consensual-nudity',
  'civic-integrity',
  'synthetic-manipulated-media',
  'platform-manipulation-spam',
  'medical-misinformation',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];

/** R5: which policy areas each category covers, as the policy lists them. */
export const POLICY_AREAS_BY_CATEGORY = {
  physical: ['violence', 'terrorism-violent-extremism', 'child-sexual-exploitation', 'abuse-harassment', 'hateful-conduct', 'suicide-self-harm'],
  psychological: ['abuse-harassment', 'hateful-conduct', 'suicide-self-harm', 'private-information', 'non-consensual-nudity'],
  informational: ['civic-integrity', 'synthetic-manipulated-media', 'platform-manipulation-spam', 'medical-misinformation'],
} as const satisfies Record<HarmCategory, readonly PolicyArea[]>;

/** R5/R6: a category's severity; `none` = assessed, no harm found. `null` in a case = not yet rated. */
export const SEVERITIES = ['none', 'low', 'moderate', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** R6: the level one rubric criterion is answered at. */
export const RUBRIC_LEVELS = ['low', 'moderate', 'high'] as const;
export type RubricLevel = (typeof RUBRIC_LEVELS)[number];

/** R6: the three rubric criteria as the policy words them. */
export const RUBRIC_CRITERIA = ['magnitude', 'sources', 'likelihood'] as const;
export type RubricCriterion = (typeof RUBRIC_CRITERIA)[number];

/** R1: where a signal or evidence item was observed. */
export const OBSERVED = ['on-platform', 'off-platform'] as const;
export type Observed = (typeof OBSERVED)[number];

/** R1: technical or social coordination. */
export const SIGNAL_KINDS = ['technical', 'social'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** R1: the techniques the policy names, per kind. */
export const TECHNICAL_TECHNIQUES = [
  'multiple-accounts-same-message',
  'technical-linkage',
  'automation-bulk-posting',
  'fake-engagement',
  'trend-manipulation',
  'copy-paste-amplification',
  'coordinated-reposting',
] as const;
export const SOCIAL_TECHNIQUES = [
  'organised-messaging-campaign',
  'incitement-dogpiling',
  'synchronised-posting',
  'other-social',
] as const;
export const SIGNAL_TECHNIQUES = [...TECHNICAL_TECHNIQUES, ...SOCIAL_TECHNIQUES] as const;
export type SignalTechnique = (typeof SIGNAL_TECHNIQUES)[number];
export const TECHNIQUES_BY_KIND = {
  technical: TECHNICAL_TECHNIQUES,
  social: SOCIAL_TECHNIQUES,
} as const satisfies Record<SignalKind, readonly SignalTechnique[]>;

export const SIGNAL_STRENGTHS = ['weak', 'moderate', 'strong'] as const;
export type SignalStrength = (typeof SIGNAL_STRENGTHS)[number];

/** R2: only `sufficient` establishes coordination. */
export const EVIDENCE_STATES = ['unverified', 'corroborated', 'sufficient'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/** R17: lifecycle states. */
export const CASE_STATUSES = ['draft', 'in_review', 'designated', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** R18: who may do what. */
export const ROLES = ['analyst', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** R14: enforcement actions available on an approved designation. */
export const ENFORCEMENT_ACTION_TYPES = [
  'limit-visibility',
  'prevent-recommendations',
  'prevent-trends',
  'suspend-primary-use',
  'require-tweet-removal',
  'suspend-severe-violations',
  'suspend-platform-manipulation',
] as const;
export type EnforcementActionType = (typeof ENFORCEMENT_ACTION_TYPES)[number];

/** R14: what an action applies to. */
export const ENFORCEMENT_TARGETS = ['account', 'tweet', 'trend-term'] as const;
export type EnforcementTarget = (typeof ENFORCEMENT_TARGETS)[number];

/**
 * R14's wording: what each action can be aimed at (accounts, Tweets, trends). The one definition: the
 * backend refuses any other pairing, and the action form offers only these.
 */
export const ACTION_TARGETS: Readonly<Record<EnforcementActionType, readonly EnforcementTarget[]>> = {
  'limit-visibility': ['account', 'tweet'],
  'prevent-recommendations': ['account', 'tweet'],
  'prevent-trends': ['trend-term'],
  'suspend-primary-use': ['account'],
  'require-tweet-removal': ['tweet'],
  'suspend-severe-violations': ['account'],
  // R3: permanent suspension of the accounts of the establishing technical signals.
  'suspend-platform-manipulation': ['account'],
};

/** R16: the basis on which a person confirms an account's association. */
export const ASSOCIATION_BASES = ['recent-behaviour', 'profile-information', 'signals'] as const;
export type AssociationBasis = (typeof ASSOCIATION_BASES)[number];

export const VERDICT_OUTCOMES = ['recommended', 'not-recommended', 'incomplete'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

/** R11 priority bands: physical/psychological safety first. */
export const PRIORITY_BANDS = ['safety', 'informational', 'none'] as const;
export type PriorityBand = (typeof PRIORITY_BANDS)[number];
