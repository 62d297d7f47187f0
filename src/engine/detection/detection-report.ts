// The documented JSON a detection run produces (the CLI prints it, the worker posts it, the API
// contract schema in src/api/contract/detection.ts checks it). Plain data: no typed arrays.
import type { CoordinationCluster } from './clustering';
import { findContinuations } from './continuation';
import type { ContinuationFinding, ContinuationWatch } from './continuation';
import type { DetectionOutcome, DetectorRunSummary } from './detect-coordination';
import type { ActivityFormat, ParseFatal, ParseIssue, ParseNote, ParseResult } from './parse-types';
import type { DetectorSettings } from './settings';
import { toIsoUtc } from './timestamp';

export const DETECTION_REPORT_VERSION = 1;

export interface ParseSummary {
  format: ActivityFormat | null;
  fatal: ParseFatal | null;
  bytes: number;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  truncated: boolean;
  notes: ParseNote[];
  issueCount: number;
  /** The first issues (at most `maxIssues`); `issueCount` has them all. */
  issues: ParseIssue[];
}

export interface DetectionReport {
  version: typeof DETECTION_REPORT_VERSION;
  posts: number;
  accounts: number;
  timeRange: { start: string; end: string } | null;
  parse: ParseSummary;
  settings: DetectorSettings;
  detectors: DetectorRunSummary[];
  clusters: CoordinationCluster[];
  /** R15: accounts of the watch whose limit expired and which continue the group's behaviour (empty without a watch). */
  continuations: ContinuationFinding[];
}

export function summariseParse(parse: ParseResult, maxIssues = parse.issues.length): ParseSummary {
  return {
    format: parse.format,
    fatal: parse.fatal,
    bytes: parse.bytes,
    rowsRead: parse.rowsRead,
    rowsImported: parse.rowsImported,
    rowsSkipped: parse.rowsSkipped,
    truncated: parse.truncated,
    notes: parse.notes,
    issueCount: parse.issueCount,
    issues: parse.issues.slice(0, maxIssues),
  };
}

/** `watch`: the case's accounts whose visibility limit expired, and its hashtags, keywords and links (R15). */
export function buildDetectionReport(parse: ParseResult, outcome: DetectionOutcome, maxIssues?: number, watch?: ContinuationWatch): DetectionReport {
  const store = parse.store;
  return {
    version: DETECTION_REPORT_VERSION,
    posts: store.size,
    accounts: store.accountIds.length,
    timeRange: store.size > 0 ? { start: toIsoUtc(store.minTime), end: toIsoUtc(store.maxTime) } : null,
    parse: summariseParse(parse, maxIssues),
    settings: outcome.settings,
    detectors: outcome.runs,
    clusters: outcome.clusters,
    continuations: watch === undefined || parse.fatal !== null ? [] : findContinuations(store, outcome.clusters, watch),
  };
}
