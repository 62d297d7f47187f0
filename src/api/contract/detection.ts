// The detection report (issue 6) and the detector settings as zod schemas: what the CLI prints,
// what the worker posts, what a settings form or file may contain. Checked against the engine's
// types (`satisfies`), so the documented JSON and the code cannot drift apart.
import { z } from 'zod';
import { ACTIVITY_FORMATS, ISSUE_ACTIONS, JSON_SYNTAX_PROBLEMS, JSON_VALUE_TYPES, PARSE_FATAL_CODES } from '../../engine/detection/parse-types';
import type {
  ParseFatal as ParseFatalModel,
  ParseFatalDetail as ParseFatalDetailModel,
  ParseIssue as ParseIssueModel,
  ParseIssueCode,
  ParseIssueParamsByCode,
  ParseNote as ParseNoteModel,
} from '../../engine/detection/parse-types';
import { DEFAULT_DETECTOR_SETTINGS, DETECTOR_NAMES } from '../../engine/detection/settings';
import type {
  CoActionSettings as CoActionSettingsModel,
  CoReplySettings as CoReplySettingsModel,
  ClusterSettings as ClusterSettingsModel,
  DetectorSettings as DetectorSettingsModel,
  DogpilingSettings as DogpilingSettingsModel,
  NearDuplicateSettings as NearDuplicateSettingsModel,
  SharedIdentifierSettings as SharedIdentifierSettingsModel,
  SynchronisedSettings as SynchronisedSettingsModel,
  TextCoActionSettings as TextCoActionSettingsModel,
} from '../../engine/detection/settings';
import type {
  CoordinationCluster as CoordinationClusterModel,
  DogpilingInciter as DogpilingInciterModel,
  DogpilingTarget as DogpilingTargetModel,
} from '../../engine/detection/clustering';
import type { DetectorRunSummary as DetectorRunSummaryModel } from '../../engine/detection/detect-coordination';
import type { DetectionReport as DetectionReportModel, ParseSummary as ParseSummaryModel } from '../../engine/detection/detection-report';
export { ContinuationFinding, ContinuationPost, ContinuationWatch } from './continuation';
import { TECHNIQUES_BY_KIND } from '../../engine/policy-terms';
import { SignalKind, SignalStrength, SignalTechnique } from './policy-terms';
import { ContinuationFinding } from './continuation';
import { UtcTimestamp } from './scalars';

export const DetectorName = z.enum(DETECTOR_NAMES);
export type DetectorName = z.infer<typeof DetectorName>;
export const ActivityFormat = z.enum(ACTIVITY_FORMATS);
export const ParseFatalCode = z.enum(PARSE_FATAL_CODES);

// --- settings ----------------------------------------------------------------------------------

const seconds = z.number().int().min(1).max(7 * 86_400);
const count = z.number().int().min(1).max(100_000);
const fraction = z.number().min(0).max(1);
const probability = z.number().gt(0).max(1);

export const CoActionSettings = z.object({
  enabled: z.boolean(),
  windowSeconds: seconds,
  minCoItems: count,
  minSimilarity: fraction,
  maxPValue: probability,
  maxNeighbours: z.number().int().min(1).max(1_000),
}) satisfies z.ZodType<CoActionSettingsModel>;

export const TextCoActionSettings = CoActionSettings.extend({
  minTextChars: z.number().int().min(1).max(10_000),
}) satisfies z.ZodType<TextCoActionSettingsModel>;

export const NearDuplicateSettings = TextCoActionSettings.extend({
  bands: z.number().int().min(1).max(32),
  rows: z.number().int().min(1).max(32),
  minTextSimilarity: fraction,
}).refine((s) => s.bands * s.rows <= 32, { message: 'bands x rows must be at most 32', path: ['rows'] }) satisfies z.ZodType<NearDuplicateSettingsModel>;

export const CoReplySettings = CoActionSettings.extend({
  minBurstReplies: count,
}) satisfies z.ZodType<CoReplySettingsModel>;

export const DogpilingSettings = z.object({
  enabled: z.boolean(),
  windowSeconds: seconds,
  minRepliers: z.number().int().min(2).max(100_000),
  incitementLeadSeconds: seconds,
  maxPValue: probability,
  maxNeighbours: z.number().int().min(1).max(1_000),
}) satisfies z.ZodType<DogpilingSettingsModel>;

export const SynchronisedSettings = z.object({
  enabled: z.boolean(),
  windowSeconds: seconds,
  minCoMoments: count,
  minLift: z.number().min(0).max(1e9),
  maxPValue: probability,
  maxNeighbours: z.number().int().min(1).max(1_000),
  densityBinSeconds: z.number().int().min(60).max(86_400),
}) satisfies z.ZodType<SynchronisedSettingsModel>;

export const SharedIdentifierSettings = z.object({
  enabled: z.boolean(),
  maxAccountsPerIdentifier: z.number().int().min(2).max(100_000),
  minSharedIps: z.number().int().min(1).max(1_000),
}) satisfies z.ZodType<SharedIdentifierSettingsModel>;

export const ClusterSettings = z.object({
  minAccounts: z.number().int().min(2).max(100_000),
  maxEvidence: z.number().int().min(0).max(10_000),
  maxEdges: z.number().int().min(0).max(1_000_000),
}) satisfies z.ZodType<ClusterSettingsModel>;

export const DetectorSettings = z.object({
  coPost: TextCoActionSettings,
  nearDuplicate: NearDuplicateSettings,
  coLink: CoActionSettings,
  coRetweet: CoActionSettings,
  coReply: CoReplySettings,
  dogpiling: DogpilingSettings,
  synchronised: SynchronisedSettings,
  sharedIdentifier: SharedIdentifierSettings,
  clustering: ClusterSettings,
}) satisfies z.ZodType<DetectorSettingsModel>;
export type DetectorSettings = z.infer<typeof DetectorSettings>;

/**
 * The settings a stored report echoes. Reports kept before a detector existed (dogpiling, issue 16)
 * have no settings for it: they ran without it, and read as its defaults.
 */
export const StoredDetectorSettings = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !('dogpiling' in value) ? { ...value, dogpiling: { ...DEFAULT_DETECTOR_SETTINGS.dogpiling } } : value,
  DetectorSettings,
) satisfies z.ZodType<DetectorSettingsModel>;

/** A settings file or form: any subset, merged over the defaults (`resolveDetectorSettings`). Unknown keys are errors. */
export const DetectorSettingsInput = z
  .object({
    coPost: TextCoActionSettings.partial().strict(),
    nearDuplicate: TextCoActionSettings.extend({
      bands: z.number().int().min(1).max(32),
      rows: z.number().int().min(1).max(32),
      minTextSimilarity: fraction,
    })
      .partial()
      .strict(),
    coLink: CoActionSettings.partial().strict(),
    coRetweet: CoActionSettings.partial().strict(),
    coReply: CoReplySettings.partial().strict(),
    dogpiling: DogpilingSettings.partial().strict(),
    synchronised: SynchronisedSettings.partial().strict(),
    sharedIdentifier: SharedIdentifierSettings.partial().strict(),
    clustering: ClusterSettings.partial().strict(),
  })
  .partial()
  .strict();
export type DetectorSettingsInput = z.infer<typeof DetectorSettingsInput>;

// --- the report --------------------------------------------------------------------------------

const IssueAction = z.enum(ISSUE_ACTIONS);
const limit = z.number().int().min(0);
const shortText = z.string().max(1_000);
const noParams = z.strictObject({});

/** One row issue of one code; the params are those the code's wording needs (parse-types.ts). */
function issueOf<C extends ParseIssueCode>(code: C, params: z.ZodType<ParseIssueParamsByCode[C]>) {
  return z.object({ row: z.number().int().min(0), field: z.string().max(200).nullable(), code: z.literal(code), params, action: IssueAction });
}

const CodedParseIssue = z.discriminatedUnion('code', [
  issueOf('wrong-field-count', z.object({ expected: limit, found: limit })),
  issueOf('record-too-long', z.object({ limit })),
  issueOf('unterminated-quote', noParams),
  issueOf('line-too-long', z.object({ limit })),
  issueOf('too-deep', z.object({ limit })),
  issueOf('invalid-json', z.object({ preview: shortText })),
  issueOf('not-a-json-object', noParams),
  issueOf('tweet-too-long', z.object({ limit })),
  issueOf('duplicate-message-id', z.object({ id: shortText })),
  issueOf('missing-required', noParams),
  issueOf('missing-timestamp', noParams),
  issueOf('not-a-timestamp', z.object({ preview: shortText })),
  issueOf('not-text', noParams),
  issueOf('too-long', z.object({ limit })),
  issueOf('nul-character', noParams),
  issueOf('not-an-integer-id', noParams),
  issueOf('wrong-type', z.object({ found: z.enum(JSON_VALUE_TYPES) })),
  issueOf('invalid-id', z.object({ preview: shortText })),
  issueOf('invalid-username', z.object({ preview: shortText })),
  issueOf('invalid-identifier', z.object({ limit })),
  issueOf('invalid-urls', noParams),
  issueOf('too-many-urls', z.object({ limit })),
  issueOf('not-http-urls', z.object({ count: limit, preview: shortText })),
  issueOf('stopped-incomplete-json', noParams),
  issueOf('stopped-malformed-json', z.object({ offset: limit, problem: z.enum(JSON_SYNTAX_PROBLEMS) })),
  issueOf('stopped-internal-error', z.object({ message: shortText })),
  issueOf('legacy-reason', z.object({ reason: z.string().max(5_000) })),
]);
/** A type error when a code has no schema above. */
export const EVERY_ISSUE_CODE_HAS_A_SCHEMA: Exclude<ParseIssueCode, z.infer<typeof CodedParseIssue>['code']> extends never ? true : never = true;

/**
 * Reports stored before issues had codes (IndexedDB, last-import-storage.ts) have `{row, field,
 * reason, action}`: read as `legacy-reason`, so the page still shows their English reason.
 */
function fromLegacyIssue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'code' in value || !('reason' in value)) return value;
  const { reason, ...rest } = value as { reason: unknown };
  return { ...rest, code: 'legacy-reason', params: { reason } };
}

export const ParseIssue = z.preprocess(fromLegacyIssue, CodedParseIssue) satisfies z.ZodType<ParseIssueModel>;

export const ParseFatalDetail = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('nul-bytes') }),
  z.object({ kind: z.literal('not-utf8') }),
  z.object({ kind: z.literal('control-characters') }),
  z.object({ kind: z.literal('json-array-not-v2') }),
  z.object({ kind: z.literal('json-not-recognised') }),
  z.object({ kind: z.literal('first-line-too-long') }),
  z.object({ kind: z.literal('no-csv-header') }),
  z.object({ kind: z.literal('missing-columns'), missing: z.array(shortText).max(20), found: z.array(shortText).max(20) }),
  z.object({ kind: z.literal('too-large'), limit }),
  z.object({ kind: z.literal('no-posts') }),
  z.object({ kind: z.literal('no-row-valid'), rows: limit }),
  z.object({ kind: z.literal('stopped'), issue: ParseIssue }),
]) satisfies z.ZodType<ParseFatalDetailModel>;

/** A report stored before notes had codes has English strings: read as `legacy-note`. */
export const ParseNote = z.preprocess(
  (value) => (typeof value === 'string' ? { code: 'legacy-note', text: value } : value),
  z.discriminatedUnion('code', [
    z.object({ code: z.enum(['no-message-column', 'no-urls-column', 'no-repost-id-column', 'no-reply-id-column']) }),
    z.object({ code: z.literal('row-limit'), limit }),
    z.object({ code: z.literal('legacy-note'), text: z.string().max(5_000) }),
  ]),
) satisfies z.ZodType<ParseNoteModel>;

/** `detail` is absent in reports stored before it existed (the page then shows `message`). */
export const ParseFatal = z.object({ code: ParseFatalCode, message: z.string(), detail: ParseFatalDetail.optional() }) satisfies z.ZodType<ParseFatalModel>;

export const ParseSummary = z.object({
  format: ActivityFormat.nullable(),
  fatal: ParseFatal.nullable(),
  bytes: z.number().int().min(0),
  rowsRead: z.number().int().min(0),
  rowsImported: z.number().int().min(0),
  rowsSkipped: z.number().int().min(0),
  truncated: z.boolean(),
  notes: z.array(ParseNote).max(100),
  issueCount: z.number().int().min(0),
  issues: z.array(ParseIssue),
}) satisfies z.ZodType<ParseSummaryModel>;

export const DetectorRunSummary = z.object({
  detector: DetectorName,
  enabled: z.boolean(),
  edges: z.number().int().min(0),
  actions: z.number().int().min(0),
  candidatePairs: z.number().int().min(0),
}) satisfies z.ZodType<DetectorRunSummaryModel>;

const accountId = z.string().min(1).max(200);

export const DogpilingTarget = z.object({
  kind: z.enum(['post', 'account']),
  postId: z.string().min(1).max(200).nullable(),
  accountId: accountId.nullable(),
  username: z.string().max(200).nullable(),
  start: UtcTimestamp,
  end: UtcTimestamp,
  repliers: z.number().int().min(2),
  incitedBy: z.array(accountId).max(1_000),
}) satisfies z.ZodType<DogpilingTargetModel>;

export const DogpilingInciter = z.object({
  accountId,
  username: z.string().max(200).nullable(),
  postIds: z.array(z.string().min(1).max(200)).min(1).max(1_000),
}) satisfies z.ZodType<DogpilingInciterModel>;

export const CoordinationCluster = z.object({
  id: z.string().regex(/^cluster-[0-9a-f]{16}$/),
  accounts: z.array(z.object({ id: z.string().min(1), username: z.string().nullable() })).min(2),
  score: fraction,
  strength: SignalStrength,
  detectors: z.array(
    z.object({
      detector: DetectorName,
      edges: z.number().int().min(1),
      accounts: z.number().int().min(2),
      meanScore: fraction,
      maxCoItems: z.number().int().min(1),
    }),
  ).min(1),
  primaryDetector: DetectorName,
  suggestedSignal: z
    .object({ kind: SignalKind, technique: SignalTechnique })
    .refine((s) => (TECHNIQUES_BY_KIND[s.kind] as readonly string[]).includes(s.technique), { message: 'technique.kind' }),
  window: z.object({ start: UtcTimestamp, end: UtcTimestamp }),
  evidence: z.array(
    z.object({
      detector: DetectorName,
      label: z.string(),
      postIds: z.array(z.string()),
      accounts: z.array(z.string()),
      start: UtcTimestamp,
      end: UtcTimestamp,
    }),
  ),
  evidenceCount: z.number().int().min(0),
  edges: z.array(z.object({ a: z.string(), b: z.string(), detector: DetectorName, score: fraction, coItems: z.number().int().min(1) })),
  edgeCount: z.number().int().min(1),
  /** Reports stored before dogpiling (issue 16) have no targets or inciters. */
  targets: z.array(DogpilingTarget).max(1_000).default([]),
  inciters: z.array(DogpilingInciter).max(1_000).default([]),
}) satisfies z.ZodType<CoordinationClusterModel>;
export type CoordinationCluster = z.infer<typeof CoordinationCluster>;

export const DetectionReport = z.object({
  version: z.literal(1),
  posts: z.number().int().min(0),
  accounts: z.number().int().min(0),
  timeRange: z.object({ start: UtcTimestamp, end: UtcTimestamp }).nullable(),
  parse: ParseSummary,
  settings: StoredDetectorSettings,
  detectors: z.array(DetectorRunSummary),
  clusters: z.array(CoordinationCluster),
  /** A report stored before R15's continuations has none. */
  continuations: z.array(ContinuationFinding).max(10_000).default([]),
}) satisfies z.ZodType<DetectionReportModel>;
export type DetectionReport = z.infer<typeof DetectionReport>;
