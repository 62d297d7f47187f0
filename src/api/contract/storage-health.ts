// The mock backend's storage report (`GET /api/dev/storage`, dev only like `/api/dev/reset`, so not
// in the endpoint table): stored records that no longer parsed and were set aside (quarantined) rather
// than deleted (issue 14, defect 3). zod/mini, because the app shell reads it on the first page.
import { z } from 'zod/mini';

export const DEV_STORAGE_PATH = '/api/dev/storage';
/** Dev only: drops all data and reseeds the demo cases (the mock backend; no real server has it). */
export const DEV_RESET_PATH = '/api/dev/reset';

export const QuarantinedRecordKind = z.enum(['case', 'audit-event', 'meta', 'other']);
export type QuarantinedRecordKind = z.infer<typeof QuarantinedRecordKind>;

export const QuarantinedRecord = z.object({
  kind: QuarantinedRecordKind,
  /** The case id, the event's sequence number, or the stored key, as text. */
  ref: z.string(),
  /** Why it was set aside (the first validation issue), for the console and support. */
  reason: z.string(),
  quarantinedAt: z.string(),
});
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;

export const StorageHealth = z.object({ quarantined: z.array(QuarantinedRecord) });
export type StorageHealth = z.infer<typeof StorageHealth>;
