// What a row of the endpoint table says, and the defaults a row leaves out (endpoints.ts has the table).
// zod/mini only, so the first page's rows (first-page-endpoints.ts) are made without classic zod.
import { z } from 'zod/mini';
import type { ApiErrorCode } from './errors';
import type { WorkbenchRole } from './users';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A schema of either zod flavour: classic for most of the contract, zod/mini for the first page's. */
export type WireSchema = z.core.$ZodType;

export interface EndpointDefinition {
  method: Method;
  path: string;
  params: WireSchema;
  query: WireSchema;
  body: WireSchema;
  response: WireSchema;
  successStatus: 200 | 201;
  /** Writes to a case need `If-Match: "<version>"`: 428 without, 412 when stale. */
  ifMatch: boolean;
  /**
   * Who may call it at all (R18); per-object checks (four eyes) happen in the backend. Empty: open to
   * everyone, signed in or not. Case endpoints are for analysts and reviewers only: an admin needs
   * one of those roles as well to read or change a case (issue 11).
   */
  roles: readonly WorkbenchRole[];
  errors: readonly ApiErrorCode[];
}

const none = z.strictObject({});
export const anyRole = ['analyst', 'reviewer'] as const;
/** Anyone signed in, admins included (their own session, the audit trail). */
export const everyRole = ['analyst', 'reviewer', 'admin'] as const;

const defaults = {
  params: none,
  query: none,
  body: none,
  successStatus: 200 as const,
  ifMatch: false,
  roles: anyRole,
  errors: [] as readonly ApiErrorCode[],
};

/** Fills the defaults; the result's type keeps each given schema exactly (not intersected with a default). */
export function endpoint<const E extends Partial<EndpointDefinition> & Pick<EndpointDefinition, 'method' | 'path' | 'response'>>(
  e: E,
): Omit<typeof defaults, keyof E> & E {
  return { ...defaults, ...e };
}

/** Fill `:name` placeholders of a path. */
export function buildPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
