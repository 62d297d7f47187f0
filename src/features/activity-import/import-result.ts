// What the page keeps of one import: the parse report and the clusters, without the post store
// (which stays in the worker). The zod schema checks it when it comes back from IndexedDB.
import { z } from 'zod';
import { SignalKind, SignalStrength, SignalTechnique } from '../../api/contract/policy-terms';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { DetectorRunSummary } from '../../engine/detection/detect-coordination';
import { ACTIVITY_FORMATS, PARSE_FATAL_CODES } from '../../engine/detection/parse-types';
import type { ActivityFormat, ParseFatal, ParseIssue } from '../../engine/detection/parse-types';
import { DETECTOR_NAMES } from '../../engine/detection/settings';

const DetectorName = z.enum(DETECTOR_NAMES);
const IsoText = z.string().max(40);

export const ClusterSchema = z.object({
  id: z.string().max(64),
  accounts: z.array(z.object({ id: z.string().max(200), username: z.string().max(200).nullable() })).max(100_000),
  score: z.number(),
  strength: SignalStrength,
  detectors: z
    .array(z.object({ detector: DetectorName, edges: z.number(), accounts: z.number(), meanScore: z.number(), maxCoItems: z.number() }))
    .max(DETECTOR_NAMES.length),
  primaryDetector: DetectorName,
  suggestedSignal: z.object({ kind: SignalKind, technique: SignalTechnique }),
  window: z.object({ start: IsoText, end: IsoText }),
  evidence: z
    .array(
      z.object({
        detector: DetectorName,
        label: z.string().max(100_000),
        postIds: z.array(z.string().max(200)).max(1_000),
        accounts: z.array(z.string().max(200)).max(1_000),
        start: IsoText,
        end: IsoText,
      }),
    )
    .max(1_000),
  evidenceCount: z.number(),
  edges: z.array(z.object({ a: z.string(), b: z.string(), detector: DetectorName, score: z.number(), coItems: z.number() })).max(100_000),
  edgeCount: z.number(),
}) satisfies z.ZodType<CoordinationCluster>;

export const ImportOutcomeSchema = z.object({
  fileName: z.string().max(1_000),
  fileBytes: z.number(),
  format: z.enum(ACTIVITY_FORMATS).nullable(),
  fatal: z.object({ code: z.enum(PARSE_FATAL_CODES), message: z.string() }).nullable(),
  issues: z
    .array(z.object({ row: z.number(), field: z.string().nullable(), reason: z.string(), action: z.enum(['row-skipped', 'field-dropped', 'stopped']) }))
    .max(100_000),
  issueCount: z.number(),
  rowsRead: z.number(),
  rowsImported: z.number(),
  rowsSkipped: z.number(),
  truncated: z.boolean(),
  notes: z.array(z.string()).max(1_000),
  runs: z.array(z.object({ detector: DetectorName, enabled: z.boolean(), edges: z.number(), actions: z.number(), candidatePairs: z.number() })),
  clusters: z.array(ClusterSchema).max(100_000),
  /** Milliseconds the whole import took, for the summary line. */
  elapsedMs: z.number(),
  finishedAt: IsoText,
}) satisfies z.ZodType<{ format: ActivityFormat | null; fatal: ParseFatal | null; issues: ParseIssue[]; runs: DetectorRunSummary[] }>;

export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;
