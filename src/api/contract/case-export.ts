// The versioned case export format (`schemaVersion`): what `npm run evaluate` reads and examples/ shows.
import { z } from 'zod';
import { CaseDocument } from './case';

export const CASE_EXPORT_SCHEMA_VERSION = 1;

export const CaseExport = z.object({
  schemaVersion: z.literal(CASE_EXPORT_SCHEMA_VERSION),
  kind: z.literal('cha.case'),
  exportedAt: z.iso.datetime(),
  case: CaseDocument,
});
export type CaseExport = z.infer<typeof CaseExport>;
