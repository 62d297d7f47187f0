// The error body every non-2xx response carries, so the client can put field errors at the fields.
// zod/mini: the client parses it on every page, the first included (see scalars.ts).
import { z } from 'zod/mini';

export const ApiErrorCode = z.enum([
  'validation', // 400
  'unauthenticated', // 401
  'forbidden', // 403
  'not-found', // 404
  'invalid-transition', // 409
  'precondition-failed', // 412 (stale version)
  'payload-too-large', // 413 (the server's request body limit)
  'precondition-required', // 428 (no If-Match)
  'rate-limited', // 429 (the server's per-user write limit; Retry-After says when)
  'server-error', // 500
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  code: ApiErrorCode,
  message: z.string(),
  fieldErrors: z._default(z.array(FieldError), []),
  /** With 412: the version the server holds now. */
  currentVersion: z.optional(z.int()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-transition': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'precondition-required': 428,
  'rate-limited': 429,
  'server-error': 500,
};
