// R19 export of a decision as statements of reasons shaped like the records of the EU Digital
// Services Act Transparency Database (Art. 17, 24(5) DSA; its API's field names and enum values),
// one statement per enforcement action. The envelope is ours and versioned; each statement is
// the database's shape. Statements carry no personal data (no handles): the database forbids it.
import { z } from 'zod';
import { DECISION_RECORD_SCHEMA_VERSION } from './decision-record';
import { Id, UtcTimestamp } from './scalars';

export const STATEMENTS_OF_REASONS_SCHEMA_VERSION = 1;

export const SorDecisionVisibility = z.enum([
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
]);
export const SorDecisionAccount = z.enum(['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED']);
export const SorDecisionGround = z.enum(['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT']);
export const SorCategory = z.enum([
  'STATEMENT_CATEGORY_ANIMAL_WELFARE',
  'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR',
  'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_SELF_HARM',
  'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
  'STATEMENT_CATEGORY_VIOLENCE',
]);
/** The database's keyword for this framework (listed under "Violence"). */
export const COORDINATED_HARM_KEYWORD = 'KEYWORD_COORDINATED_HARM';
export const SorContentType = z.enum([
  'CONTENT_TYPE_APP',
  'CONTENT_TYPE_AUDIO',
  'CONTENT_TYPE_IMAGE',
  'CONTENT_TYPE_PRODUCT',
  'CONTENT_TYPE_SYNTHETIC_MEDIA',
  'CONTENT_TYPE_TEXT',
  'CONTENT_TYPE_VIDEO',
  'CONTENT_TYPE_OTHER',
]);
export const SorSourceType = z.enum(['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_TYPE_OTHER_NOTIFICATION', 'SOURCE_VOLUNTARY']);
export const SorAutomatedDecision = z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']);
const YesNo = z.enum(['Yes', 'No']);
/** The database's dates: `YYYY-MM-DD`. */
const SorDate = z.iso.date();
const CountryCode = z.string().regex(/^[A-Z]{2}$/);

export const StatementOfReasons = z
  .object({
    decision_visibility: z.array(SorDecisionVisibility),
    decision_visibility_other: z.string().max(500).nullable(),
    end_date_visibility_restriction: SorDate.nullable(),
    decision_monetary: z.null(),
    decision_provision: z.null(),
    decision_account: SorDecisionAccount.nullable(),
    end_date_account_restriction: SorDate.nullable(),
    account_type: z.null(),
    decision_ground: SorDecisionGround,
    decision_ground_reference_url: z.url(),
    incompatible_content_ground: z.string().min(1).max(500),
    incompatible_content_explanation: z.string().min(1).max(2_000),
    incompatible_content_illegal: YesNo,
    category: SorCategory,
    category_addition: z.array(SorCategory),
    category_specification: z.array(z.string().regex(/^KEYWORD_[A-Z_]+$/)).refine((keywords) => keywords.includes(COORDINATED_HARM_KEYWORD), {
      message: 'sor.coordinatedHarmKeyword',
    }),
    content_type: z.array(SorContentType).min(1),
    content_type_other: z.string().max(500).nullable(),
    content_language: z.string().regex(/^[A-Z]{2}$/).nullable(),
    content_date: SorDate,
    application_date: SorDate,
    territorial_scope: z.array(CountryCode).min(1),
    decision_facts: z.string().min(1).max(5_000),
    source_type: SorSourceType,
    automated_detection: YesNo,
    automated_decision: SorAutomatedDecision,
    puid: z.string().min(1).max(500),
  })
  .refine((s) => s.decision_visibility.length > 0 || s.decision_account !== null, { message: 'sor.noRestriction' })
  .refine((s) => !s.decision_visibility.includes('DECISION_VISIBILITY_OTHER') || !!s.decision_visibility_other, {
    message: 'sor.visibilityOtherRequired',
    path: ['decision_visibility_other'],
  })
  .refine((s) => !s.content_type.includes('CONTENT_TYPE_OTHER') || !!s.content_type_other, {
    message: 'sor.contentTypeOtherRequired',
    path: ['content_type_other'],
  })
  .refine((s) => s.content_date <= s.application_date, { message: 'sor.contentAfterApplication', path: ['content_date'] });
export type StatementOfReasons = z.infer<typeof StatementOfReasons>;

export const StatementsOfReasonsExport = z.object({
  schemaVersion: z.literal(STATEMENTS_OF_REASONS_SCHEMA_VERSION),
  kind: z.literal('cha.statements-of-reasons'),
  generatedAt: UtcTimestamp,
  caseId: Id,
  caseVersion: z.number().int().min(1),
  /** The decision record these statements were built from. */
  decisionRecordSchemaVersion: z.literal(DECISION_RECORD_SCHEMA_VERSION),
  /** One statement per enforcement action, in the order they were applied. */
  statements: z.array(StatementOfReasons),
});
export type StatementsOfReasonsExport = z.infer<typeof StatementsOfReasonsExport>;
