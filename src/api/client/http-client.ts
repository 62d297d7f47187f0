// The one typed HTTP client: builds requests from the endpoint table and parses every response with
// its zod schema. No UI side effects here; callers decide what a failure means to the user.
import { safeParse } from 'zod/mini';
import { buildPath } from '../contract/endpoint-definition';
import type {
  EndpointBody,
  EndpointName,
  EndpointParams,
  EndpointQuery,
  EndpointResponse,
  Endpoints,
} from '../contract/endpoints';
import { ApiErrorBody, type ApiErrorCode, type FieldError } from '../contract/errors';
import { firstPageEndpoints } from '../contract/first-page-endpoints';
import { USER_HEADER } from '../contract/users';
import { LIVE_STREAM_PATH, LIVE_STREAM_USER_PARAM } from '../contract/live-stream';

/** Any failure of a call, normalised: HTTP errors carry the server's body, the rest a synthetic code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode | 'network' | 'bad-response';
  readonly fieldErrors: FieldError[];
  readonly currentVersion: number | undefined;
  /** How long the server asked to wait before trying again (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    status: number;
    code: ApiError['code'];
    message: string;
    fieldErrors?: FieldError[];
    currentVersion?: number | undefined;
    retryAfterMs?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
    this.currentVersion = init.currentVersion;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Network failures, 5xx and "too many requests" (429) are worth retrying; other 4xx are answers. */
  get retryable(): boolean {
    return this.code === 'network' || this.status >= 500 || this.status === 429;
  }
}

export interface CallOptions<N extends EndpointName> {
  params?: EndpointParams<N>;
  query?: EndpointQuery<N>;
  body?: EndpointBody<N>;
  /** The case version the write is based on (sent as `If-Match`). */
  ifMatch?: number;
  signal?: AbortSignal;
  /** Lets the request finish after the page is gone (a presence's `gone` as the tab closes). */
  keepalive?: boolean;
  /** The answer is a text file (the CSV exports), checked against the endpoint's schema as text. */
  text?: boolean;
}

let currentUserId: string | null = null;
let sendsUserHeader = true;

/**
 * The user the app acts as: the demo picker's choice (mock backend) or the server's signed-in user.
 * Edits are only ever sent while this is the user who typed them (see the autosave).
 */
export function setApiUser(userId: string | null): void {
  currentUserId = userId;
}

/**
 * How the identity reaches the backend. `demo-header`: the mock backend reads the picker's user from
 * `X-User-Id`. `session-cookie`: the server's signed session cookie says who it is and the header is
 * never sent (the server would ignore it anyway).
 */
export function setApiIdentityTransport(transport: 'demo-header' | 'session-cookie'): void {
  sendsUserHeader = transport === 'demo-header';
}

/**
 * The live stream's address (issue 12 §7) for the current user. An EventSource cannot send the demo
 * picker's header, so the mock backend is told in the query; the server's cookie goes along by itself.
 */
export function liveStreamUrl(): string {
  if (!sendsUserHeader || !currentUserId) return LIVE_STREAM_PATH;
  return `${LIVE_STREAM_PATH}?${new URLSearchParams({ [LIVE_STREAM_USER_PARAM]: currentUserId }).toString()}`;
}

export function getApiUser(): string | null {
  return currentUserId;
}

let unauthenticatedListener: ((endpoint: EndpointName) => void) | null = null;

/**
 * Told of every 401 (server mode: the session ended, expired or was revoked), whichever request met
 * it: a query, a mutation or the autosave. The session gate listens, and asks the person to sign in.
 */
export function setUnauthenticatedListener(listener: ((endpoint: EndpointName) => void) | null): void {
  unauthenticatedListener = listener;
}

export interface ApiResult<T> {
  data: T;
  /** Parsed from `ETag`, when the server sent one. */
  version: number | null;
}

/**
 * The first page's rows of the endpoint table are at hand; the rest of the table (every other schema,
 * and classic zod) loads with the first call that needs it, so the first page does without.
 */
async function endpointFor<N extends EndpointName>(name: N): Promise<Endpoints[N]> {
  if (Object.hasOwn(firstPageEndpoints, name)) {
    return firstPageEndpoints[name as keyof typeof firstPageEndpoints] as Endpoints[N];
  }
  try {
    const { endpoints } = await import('../contract/endpoints');
    return endpoints[name];
  } catch {
    // Offline before the table ever loaded: say so the way any other unreachable server is said.
    throw new ApiError({ status: 0, code: 'network', message: 'network' });
  }
}

export async function callApi<N extends EndpointName>(
  name: N,
  options: CallOptions<N> = {},
): Promise<ApiResult<EndpointResponse<N>>> {
  const endpoint = await endpointFor(name);
  const path = buildPath(endpoint.path, (options.params ?? {}) as Record<string, string>);
  const url = new URL(path, globalThis.location?.origin ?? 'http://localhost');
  for (const [key, value] of Object.entries((options.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: options.text ? '*/*' : 'application/json' };
  if (currentUserId && sendsUserHeader) headers[USER_HEADER] = currentUserId;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  const hasBody = endpoint.method !== 'GET' && options.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : null,
      signal: options.signal ?? null,
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'network' });
  }

  const payload: unknown = options.text && response.ok ? await response.text() : await response.json().catch(() => undefined);
  if (!response.ok) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
    if (response.status === 401) unauthenticatedListener?.(name);
    const parsed = ApiErrorBody.safeParse(payload);
    if (parsed.success) {
      throw new ApiError({ status: response.status, ...parsed.data, retryAfterMs });
    }
    throw new ApiError({
      status: response.status,
      code: response.status >= 500 ? 'server-error' : 'bad-response',
      message: `HTTP ${response.status}`,
      retryAfterMs,
    });
  }
  // The top-level function, not the method: the table holds classic and zod/mini schemas alike.
  const parsed = safeParse(endpoint.response, payload);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: 'bad-response', message: 'bad-response' });
  }
  return { data: parsed.data as EndpointResponse<N>, version: parseEtag(response.headers.get('ETag')) };
}

/** True when a plain link reaches the API as the signed-in person (server mode: the session cookie). */
export function apiLinksCarryIdentity(): boolean {
  return !sendsUserHeader;
}

/**
 * A text file the API answers (the CSV exports), fetched with the identity every call carries: how the
 * mock backend's files are saved, since a link cannot carry its demo header. Failures as callApi's.
 */
export async function fetchApiText<N extends EndpointName>(name: N, options: Pick<CallOptions<N>, 'params' | 'signal'> = {}): Promise<string> {
  return String((await callApi(name, { ...options, text: true })).data);
}

function parseEtag(etag: string | null): number | null {
  const match = etag?.match(/^(?:W\/)?"(\d+)"$/);
  return match?.[1] ? Number(match[1]) : null;
}

/** `Retry-After` as milliseconds from `now`: seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
