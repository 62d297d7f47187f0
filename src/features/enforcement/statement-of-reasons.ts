// Builds DSA-shaped statements of reasons from the server's decision record (R19), one per action.
// Interpretations, because the database asks for things the framework does not record:
// - category: "Violence", where the database lists the coordinated-harm keyword; psychological and
//   informational harm at moderate or above add "illegal or harmful speech" and "negative effects on
//   civic discourse" as additional categories;
// - ground: the platform's rules (content incompatible with terms), never illegality;
// - content date: the date the actor was first designated (`firstApprovedAt`), which a re-approved
//   modification does not move, so it never falls after an action applied before the re-approval;
// - territorial scope: the whole EEA, as the framework's actions are not geo-restricted;
// - detection is automated when the account was named by a detected signal; decisions are never
//   automated: a reviewer approved the designation and applied the action, a person confirmed the account;
// - a suspension for platform manipulation (R3) rests on its own four-eyes decision, not on a
//   designation: its facts are the establishing technical signals, its content date the day it was
//   proposed, and its explanation the reviewer's rationale.
import type { DecisionRecord } from '../../api/contract/decision-record';
import {
  COORDINATED_HARM_KEYWORD,
  STATEMENTS_OF_REASONS_SCHEMA_VERSION,
  StatementsOfReasonsExport,
  type StatementOfReasons,
} from '../../api/contract/decision-record-export';
import type { EnforcementAction } from '../../api/contract/case';
import type { HarmCategory, Severity } from '../../engine/policy-terms';
import { HARM_CATEGORIES } from '../../engine/policy-terms';

export const POLICY_URL = 'https://help.twitter.com/en/rules-and-policies/coordinated-harmful-activity';

/** EEA member states (ISO 3166-1 alpha-2), the database's territorial scope values. */
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE',
  'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

type RecordAction = DecisionRecord['actions'][number];

const date = (instant: string) => instant.slice(0, 10);
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const atLeastModerate = (severity: Severity | null) => severity === 'moderate' || severity === 'high';

const ACTION_WORDING: Record<EnforcementAction['type'], string> = {
  'limit-visibility': 'Visibility limited in search results, replies and timelines',
  'prevent-recommendations': 'Excluded from e-mail and in-product recommendations',
  'prevent-trends': 'Prevented from appearing in trends',
  'suspend-primary-use': 'Account suspended: its primary use is to propagate the coordinated harmful activity',
  'require-tweet-removal': 'Removal of a Tweet that violates the Twitter Rules required',
  'suspend-severe-violations': 'Account suspended for severe or repeated violations of the Twitter Rules',
  'suspend-platform-manipulation': 'Account suspended permanently for platform manipulation (technical coordination)',
};
const TARGET_WORDING: Record<EnforcementAction['target'], string> = {
  account: 'an account associated with the actor',
  tweet: 'a Tweet associated with the actor',
  'trend-term': 'a trend term directly linked to the actor',
};

/** The restriction ends at its expiry, or earlier if it was ended (withdrawal, lifted association). */
function restrictionEnd(action: RecordAction): string | null {
  const ends = [action.expiresAt, action.endedAt].filter((value): value is string => value !== null);
  if (ends.length === 0) return null;
  return date(ends.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)));
}

function restriction(action: RecordAction): Pick<
  StatementOfReasons,
  'decision_visibility' | 'decision_visibility_other' | 'end_date_visibility_restriction' | 'decision_account' | 'end_date_account_restriction'
> {
  const none = { decision_visibility_other: null, end_date_visibility_restriction: null, decision_account: null, end_date_account_restriction: null };
  switch (action.type) {
    case 'limit-visibility':
    case 'prevent-recommendations':
      return { ...none, decision_visibility: ['DECISION_VISIBILITY_CONTENT_DEMOTED'], end_date_visibility_restriction: restrictionEnd(action) };
    case 'prevent-trends':
      return {
        ...none,
        decision_visibility: ['DECISION_VISIBILITY_OTHER'],
        decision_visibility_other: 'Prevented from appearing in trends',
        end_date_visibility_restriction: restrictionEnd(action),
      };
    case 'require-tweet-removal':
      return { ...none, decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'] };
    case 'suspend-primary-use':
    case 'suspend-severe-violations':
    case 'suspend-platform-manipulation':
      return { ...none, decision_visibility: [], decision_account: 'DECISION_ACCOUNT_SUSPENDED', end_date_account_restriction: restrictionEnd(action) };
  }
}

function contentType(action: RecordAction): Pick<StatementOfReasons, 'content_type' | 'content_type_other'> {
  if (action.target === 'tweet') return { content_type: ['CONTENT_TYPE_TEXT'], content_type_other: null };
  return { content_type: ['CONTENT_TYPE_OTHER'], content_type_other: action.target === 'account' ? 'Account' : 'Trend term' };
}

function categoryAdditions(record: DecisionRecord): StatementOfReasons['category_addition'] {
  const harm = record.facts.harm;
  const additions: StatementOfReasons['category_addition'] = [];
  if (atLeastModerate(harm.psychological.severity)) additions.push('STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH');
  if (atLeastModerate(harm.informational.severity)) additions.push('STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS');
  return additions;
}

function harmSummary(record: DecisionRecord): string {
  return HARM_CATEGORIES.map((category: HarmCategory) => `${category} ${record.facts.harm[category].severity ?? 'not rated'}`).join(', ');
}

/** A modification approved after the first designation says so, with its date. */
function reapproval(designation: Designated['designation']): string {
  const { approvedAt, firstApprovedAt } = designation;
  return approvedAt === firstApprovedAt ? '' : `; a modification was approved on ${date(approvedAt)}`;
}

/** A record with its designation part: every action but R3's rests on it. */
type Designated = DecisionRecord & {
  designation: NonNullable<DecisionRecord['designation']>;
  decision: NonNullable<DecisionRecord['decision']>;
  verdictAtDecision: NonNullable<DecisionRecord['verdictAtDecision']>;
};

function designatedRecord(record: DecisionRecord): Designated {
  const { designation, decision, verdictAtDecision } = record;
  if (!designation || !decision || !verdictAtDecision) throw new Error(`decision record of ${record.caseId}: an action without a designation or an R3 decision`);
  return { ...record, designation, decision, verdictAtDecision };
}

type R3Decision = DecisionRecord['platformManipulation'][number] & { decision: NonNullable<DecisionRecord['platformManipulation'][number]['decision']> };

/** The approved platform-manipulation decision an R3 suspension was applied by. */
function r3DecisionOf(record: DecisionRecord, action: RecordAction): R3Decision {
  const found = record.platformManipulation.find((proposal) => proposal.decision?.actionIds.includes(action.id));
  if (!found?.decision) throw new Error(`decision record of ${record.caseId}: no R3 decision applied ${action.id}`);
  return { ...found, decision: found.decision };
}

/** Facts and circumstances of an R3 suspension: the technical coordination, not any harm (R3). */
function r3Facts(record: DecisionRecord, action: RecordAction, decision: R3Decision): string {
  // The signals the proposal rested on; during a modification the record's facts are those of the last
  // review, which may not hold them all, so the count is the proposal's.
  const technical = record.facts.signals.filter((signal) => decision.signalIds.includes(signal.id));
  const techniques = [...new Set(technical.map((signal) => signal.technique))].join(', ') || 'technical coordination';
  return clip(
    `Technical coordination by the ${record.actor.kind} "${record.actor.name}" was established with sufficient evidence ` +
      `(${decision.signalIds.length} technical signal(s): ${techniques}). Under the coordinated harmful activity framework this is platform manipulation, ` +
      `prohibited whatever the harm (R3). An analyst proposed enforcement on ${date(decision.proposedAt)}; a second reviewer approved it on ` +
      `${date(decision.decision.decidedAt)} (four eyes). Action: ${ACTION_WORDING[action.type]}, applied on ${date(action.appliedAt)}. Basis: ${action.basis}`,
    5_000,
  );
}

/** Facts and circumstances (Art. 17(3)(b) DSA), without personal data. */
function decisionFacts(record: Designated, action: RecordAction): string {
  const sufficient = record.facts.signals.filter((signal) => signal.evidenceState === 'sufficient');
  const kinds = [...new Set(sufficient.map((signal) => signal.kind))].join(' and ') || 'no';
  const override = record.decision.override ? ' The reviewer decided against the engine’s verdict, with a written justification (override, R8).' : '';
  return clip(
    `The ${record.actor.kind} "${record.actor.name}" was designated as engaged in coordinated harmful activity on ${date(record.designation.firstApprovedAt)} after four-eyes review${reapproval(record.designation)}. ` +
      `Coordination: ${sufficient.length} signal(s) with sufficient evidence (${kinds} coordination). Harm severity: ${harmSummary(record)}. ` +
      `Engine verdict at decision: ${record.verdictAtDecision.outcome} (rules ${record.rulesApplied.join(', ')}).${override} ` +
      `Action: ${ACTION_WORDING[action.type]}, on ${TARGET_WORDING[action.target]}, applied on ${date(action.appliedAt)}` +
      `${action.reappliesId ? ', re-applying an expired limit because the behaviour continued' : ''}. Basis: ${action.basis}`,
    5_000,
  );
}

function automatedDetection(record: DecisionRecord, action: RecordAction): 'Yes' | 'No' {
  if (action.target !== 'account') return 'No';
  const handle = action.targetRef.toLowerCase();
  const detected = record.facts.signals.some((signal) => signal.origin === 'detected' && signal.accounts.some((a) => a.toLowerCase() === handle));
  return detected ? 'Yes' : 'No';
}

function contentLanguage(record: DecisionRecord): string | null {
  const first = record.actor.languages[0]?.trim() ?? '';
  return /^[a-z]{2}$/i.test(first) ? first.toUpperCase() : null;
}

export function buildStatementOfReasons(record: DecisionRecord, action: RecordAction): StatementOfReasons {
  return action.type === 'suspend-platform-manipulation' ? r3Statement(record, action) : designationStatement(designatedRecord(record), action);
}

/** The fields every statement fills the same way, whatever the action rests on. */
function commonFields(
  record: DecisionRecord,
  action: RecordAction,
): Omit<StatementOfReasons, 'incompatible_content_ground' | 'incompatible_content_explanation' | 'category_addition' | 'content_date' | 'decision_facts'> {
  return {
    ...restriction(action),
    decision_monetary: null,
    decision_provision: null,
    account_type: null,
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    decision_ground_reference_url: POLICY_URL,
    incompatible_content_illegal: 'No',
    category: 'STATEMENT_CATEGORY_VIOLENCE',
    category_specification: [COORDINATED_HARM_KEYWORD],
    ...contentType(action),
    content_language: contentLanguage(record),
    application_date: date(action.appliedAt),
    territorial_scope: [...EEA_COUNTRIES],
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: automatedDetection(record, action),
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    puid: `${record.caseId}/${action.id}`,
  };
}

/** R3: the statement of a suspension for platform manipulation, from its own decision. */
function r3Statement(record: DecisionRecord, action: RecordAction): StatementOfReasons {
  const decision = r3DecisionOf(record, action);
  return {
    ...commonFields(record, action),
    incompatible_content_ground: 'Twitter Rules: coordinated harmful activity framework, platform manipulation (technical coordination, R3)',
    incompatible_content_explanation: clip(`${decision.decision.rationale}\n\nAction basis: ${action.basis}`, 2_000),
    category_addition: [],
    content_date: date(decision.proposedAt),
    decision_facts: r3Facts(record, action, decision),
  };
}

function designationStatement(record: Designated, action: RecordAction): StatementOfReasons {
  const general = action.type === 'require-tweet-removal' || action.type === 'suspend-severe-violations';
  return {
    ...commonFields(record, action),
    incompatible_content_ground: general
      ? 'Twitter Rules, applied to content associated with an actor designated under the coordinated harmful activity framework'
      : 'Twitter Rules: coordinated harmful activity framework (actor-level designation)',
    incompatible_content_explanation: clip(`${record.decision.rationale}\n\nAction basis: ${action.basis}`, 2_000),
    category_addition: categoryAdditions(record),
    content_date: date(record.designation.firstApprovedAt),
    decision_facts: decisionFacts(record, action),
  };
}

/** The versioned export; parsed with its schema so a malformed statement never leaves the app. */
export function buildStatementsOfReasons(record: DecisionRecord, generatedAt: string): StatementsOfReasonsExport {
  const actions = record.actions.toSorted((a, b) => Date.parse(a.appliedAt) - Date.parse(b.appliedAt) || a.id.localeCompare(b.id));
  return StatementsOfReasonsExport.parse({
    schemaVersion: STATEMENTS_OF_REASONS_SCHEMA_VERSION,
    kind: 'cha.statements-of-reasons',
    generatedAt,
    caseId: record.caseId,
    caseVersion: record.caseVersion,
    decisionRecordSchemaVersion: record.schemaVersion,
    statements: actions.map((action) => buildStatementOfReasons(record, action)),
  });
}
