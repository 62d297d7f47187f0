// The detection report (issue 6) and the detector settings as zod schemas: what the CLI prints,
// what the worker posts, what a settings form or file may contain. Checked against the engine's
// types (`satisfies`), so the documented JSON and the code cannot drift apart.
import { z } from 'zod';
import { ACTIVITY_FORMATS, PARSE_FATAL_CODES } from '../../engine/detection/parse-types';
import type { ParseFatal as ParseFatalModel, ParseIssue as ParseIssueModel } from '../../engine/detection/parse-types';
import { DETECTOR_NAMES } from '../../engine/detection/settings';
import type {
  CoActionSettings as CoActionSettingsModel,
  CoReplySettings as CoReplySettingsModel,
  ClusterSettings as ClusterSettingsModel,
  DetectorSettings as DetectorSettingsModel,
  NearDuplicateSettings as NearDuplicateSettingsModel,
  SharedIdentifierSettings as SharedIdentifierSettingsModel,
  SynchronisedSettings as SynchronisedSettingsModel,
  TextCoActionSettings as TextCoActionSettingsModel,
} from '../../engine/detection/settings';
import type { CoordinationCluster as CoordinationClusterModel } from '../../engine/detection/clustering';
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
  synchronised: SynchronisedSettings,
  sharedIdentifier: SharedIdentifierSettings,
  clustering: ClusterSettings,
}) satisfies z.ZodType<DetectorSettingsModel>;
export type DetectorSettings = z.infer<typeof DetectorSettings>;

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
    synchronised: SynchronisedSettings.partial().strict(),
    sharedIdentifier: SharedIdentifierSettings.partial().strict(),
    clustering: ClusterSettings.partial().strict(),
  })
  .partial()
  .strict();
export type DetectorSettingsInput = z.infer<typeof DetectorSettingsInput>;

// --- the report --------------------------------------------------------------------------------

export const ParseIssue = z.object({
  row: z.number().int().min(0),
  field: z.string().nullable(),
  reason: z.string(),
  action: z.enum(['row-skipped', 'field-dropped', 'stopped']),
}) satisfies z.ZodType<ParseIssueModel>;

export const ParseFatal = z.object({ code: ParseFatalCode, message: z.string() }) satisfies z.ZodType<ParseFatalModel>;

export const ParseSummary = z.object({
  format: ActivityFormat.nullable(),
  fatal: ParseFatal.nullable(),
  bytes: z.number().int().min(0),
  rowsRead: z.number().int().min(0),
  rowsImported: z.number().int().min(0),
  rowsSkipped: z.number().int().min(0),
  truncated: z.boolean(),
  notes: z.array(z.string()),
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
}) satisfies z.ZodType<CoordinationClusterModel>;
export type CoordinationCluster = z.infer<typeof CoordinationCluster>;

export const DetectionReport = z.object({
  version: z.literal(1),
  posts: z.number().int().min(0),
  accounts: z.number().int().min(0),
  timeRange: z.object({ start: UtcTimestamp, end: UtcTimestamp }).nullable(),
  parse: ParseSummary,
  settings: DetectorSettings,
  detectors: z.array(DetectorRunSummary),
  clusters: z.array(CoordinationCluster),
  /** A report stored before R15's continuations has none. */
  continuations: z.array(ContinuationFinding).max(10_000).default([]),
}) satisfies z.ZodType<DetectionReportModel>;
export type DetectionReport = z.infer<typeof DetectionReport>;
