// Failures the rules module answers with: one class carrying the wire error body, so every refusal
// leaves `handle` as a proper ApiErrorBody with the status the contract assigns to its code.
import type { z } from 'zod';
import { STATUS_BY_CODE, type ApiErrorBody, type ApiErrorCode, type FieldError } from '../api/contract/errors';

export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly fieldErrors: FieldError[];
  readonly currentVersion: number | undefined;
  /** With 429: when to try again, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { fieldErrors?: FieldError[]; currentVersion?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.fieldErrors = extra.fieldErrors ?? [];
    this.currentVersion = extra.currentVersion;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message, fieldErrors: this.fieldErrors };
    if (this.currentVersion !== undefined) body.currentVersion = this.currentVersion;
    return body;
  }
}

/** Dot paths the forms use (`actor.name`, `signals.3.sources.0`), so the client can put errors at fields. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

export function fieldErrorsFromZod(error: z.core.$ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, issuePath(issue.path)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

export function validationFailure(message: string, fieldErrors: FieldError[]): ApiFailure {
  return new ApiFailure('validation', message, { fieldErrors });
}

export function invalidTransition(message: string): ApiFailure {
  return new ApiFailure('invalid-transition', message);
}

export function forbidden(message: string): ApiFailure {
  return new ApiFailure('forbidden', message);
}
