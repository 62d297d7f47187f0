// What the page keeps of one import: the detection report the worker sent (parse summary, row
// issues, settings, clusters) plus the file's name and timing. The contract's zod schema checks it
// when it comes back from IndexedDB.
import { z } from 'zod';
import { DetectionReport } from '../../api/contract/detection';
import type { DetectionReport as DetectionReportModel } from '../../engine/detection/detection-report';

export const ImportOutcomeSchema = z.object({
  fileName: z.string().max(1_000),
  fileBytes: z.number().int().min(0),
  /** Milliseconds from Start to the report, for the summary line. */
  elapsedMs: z.number().min(0),
  finishedAt: z.string().max(40),
  report: DetectionReport,
});

export interface ImportOutcome {
  fileName: string;
  fileBytes: number;
  elapsedMs: number;
  finishedAt: string;
  report: DetectionReportModel;
}
