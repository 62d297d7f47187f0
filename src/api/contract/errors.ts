// The error body every non-2xx response carries, so the client can put field errors at the fields.
import { z } from 'zod';

export const ApiErrorCode = z.enum([
  'validation', // 400
  'unauthenticated', // 401
  'forbidden', // 403
  'not-found', // 404
  'invalid-transition', // 409
  'precondition-failed', // 412 (stale version)
  'precondition-required', // 428 (no If-Match)
  'server-error', // 500
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  code: ApiErrorCode,
  message: z.string(),
  fieldErrors: z.array(FieldError).default([]),
  /** With 412: the version the server holds now. */
  currentVersion: z.number().int().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-transition': 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'server-error': 500,
};
