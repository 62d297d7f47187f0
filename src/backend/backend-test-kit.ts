// Test helpers for the backend: a backend over memory storage with a hand-driven clock, counting ids,
// a user directory tests may change (role changes), and a small client that speaks in endpoint names.
import { z } from 'zod';
import { buildPath } from '../api/contract/endpoint-definition';
import { endpoints, type EndpointName } from '../api/contract/endpoints';
import { CaseDocument, emptyCaseContent, type CaseContent } from '../api/contract/case';
import { ApiErrorBody, STATUS_BY_CODE } from '../api/contract/errors';
import type { User } from '../api/contract/users';
import { addDaysUtc } from '../engine/schedule';
import { evaluate } from '../engine/evaluate';
import { createBackend, type Backend, type BackendResponse } from './backend';
import type { EvaluateCase } from './case-rules';
import { DEMO_USERS } from './demo-users';
import type { LiveBus } from './live-updates';
import { createMemoryStorage } from './memory-storage';
import { EMPTY_SEED, type BackendStorage, type StorageSeed } from './storage';

export const T0 = '2026-03-02T09:00:00.000Z';

export interface TestClock {
  now: () => string;
  set: (instant: string) => void;
  advanceDays: (days: number) => void;
}

export function createTestClock(start = T0): TestClock {
  let current = start;
  return {
    now: () => current,
    set: (instant) => {
      current = instant;
    },
    advanceDays: (days) => {
      current = addDaysUtc(current, days);
    },
  };
}

export interface CallOptions {
  user?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A version number (sent as `"n"`), a raw header value, or nothing. */
  ifMatch?: number | string;
  headers?: Record<string, string>;
}

export interface TestBackend {
  backend: Backend;
  storage: BackendStorage;
  clock: TestClock;
  /** Mutable: tests may add users or change a role between requests. */
  users: User[];
  call(name: EndpointName, options?: CallOptions): Promise<BackendResponse>;
  /** Calls and expects a 2xx with a case body; returns the case (typed) for the next step. */
  ok(name: EndpointName, options?: CallOptions): Promise<CaseDocument>;
}

export function createTestBackend(
  options: {
    storage?: BackendStorage; seed?: StorageSeed; evaluate?: EvaluateCase; clock?: TestClock; liveBus?: LiveBus;
  } = {},
): TestBackend {
  const storage = options.storage ?? createMemoryStorage();
  const clock = options.clock ?? createTestClock();
  const users: User[] = DEMO_USERS.map((user) => ({ ...user }));
  let counter = 0;
  const backend = createBackend({
    storage,
    now: clock.now,
    evaluate: options.evaluate ?? evaluate,
    newId: (kind) => `${kind}-${String((counter += 1)).padStart(4, '0')}`,
    seed: async () => options.seed ?? EMPTY_SEED,
    users: () => users,
    ...(options.liveBus ? { liveBus: options.liveBus } : {}),
  });

  async function call(name: EndpointName, call: CallOptions = {}): Promise<BackendResponse> {
    const endpoint = endpoints[name];
    const headers: Record<string, string> = { ...call.headers };
    const user = call.user === undefined ? 'ana' : call.user;
    if (call.ifMatch !== undefined) {
      headers['if-match'] = typeof call.ifMatch === 'number' ? `"${call.ifMatch}"` : call.ifMatch;
    }
    const response = await backend.handle({
      method: endpoint.method,
      path: buildPath(endpoint.path, call.params ?? {}),
      query: call.query ?? {},
      headers,
      userId: user,
      body: call.body,
    });
    // A file answer (a CSV export) is read whole, as the mock backend sends it.
    if (response.stream) {
      let text = '';
      for await (const chunk of response.stream) text += chunk;
      const { stream: _stream, ...rest } = response;
      const read = { ...rest, body: text };
      expectContract(name, read);
      return read;
    }
    expectContract(name, response);
    return response;
  }

  async function ok(name: EndpointName, options: CallOptions = {}): Promise<CaseDocument> {
    const response = await call(name, options);
    if (response.status >= 300) {
      throw new Error(`${name} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as CaseDocument;
  }

  return { backend, storage, clock, users, call, ok };
}

/**
 * Every answer the tests see is checked against the contract: a success parses with the endpoint's
 * response schema (and a case carries its version as ETag), a failure is an ApiErrorBody whose
 * status is the one its code stands for.
 */
export function expectContract(name: EndpointName, response: BackendResponse): void {
  if (response.status < 300) {
    if (response.status !== endpoints[name].successStatus) throw new Error(`${name}: status ${response.status}`);
    const parsed = z.safeParse(endpoints[name].response, response.body);
    if (!parsed.success) throw new Error(`${name}: response breaks the contract: ${parsed.error.message}`);
    const version = (response.body as { version?: unknown }).version;
    if (CaseDocument.safeParse(response.body).success && response.headers.ETag !== `"${String(version)}"`) {
      throw new Error(`${name}: ETag ${response.headers.ETag ?? 'missing'} does not match version ${String(version)}`);
    }
    return;
  }
  const body = ApiErrorBody.safeParse(response.body);
  if (!body.success) throw new Error(`${name}: error body breaks the contract: ${JSON.stringify(response.body)}`);
  if (STATUS_BY_CODE[body.data.code] !== response.status) {
    throw new Error(`${name}: ${body.data.code} answered with ${response.status}`);
  }
}

export function errorBody(response: BackendResponse): ApiErrorBody {
  return response.body as ApiErrorBody;
}

export const NEW_CASE = {
  actor: { kind: 'group', name: 'Harbor Watch Crew', purpose: 'Coordinates abusive replies to harbour staff.', activismContext: false },
} as const;

/** Content the engine recommends (R2, R7, R10, R12 all met), in the policy's words. */
export function recommendedContent(): CaseContent {
  const content = emptyCaseContent({
    kind: 'group', name: 'Harbor Watch Crew', aliases: [], purpose: 'Coordinates abusive replies to harbour staff.',
    geographies: [], languages: [], hashtags: ['#HarborWatch'], keywords: [], trendTerms: ['HarborWatch'], activismContext: false,
  });
  content.questions = {
    identifiableGroup: 'A named group with a shared purpose.',
    coordinatedActivity: 'Members organise replies in a messaging channel.',
    harmAcrossCategories: 'Threats against harbour staff.',
    risksOfApplying: 'Low: criticism of the harbour authority stays untouched.',
  };
  content.rightsRiskAssessment = 'Actions target confirmed accounts only.';
  content.harm.physical = {
    policyAreas: ['violence'],
    evidence: [{ id: 'ev-1', description: 'Threats naming staff.', observed: 'on-platform', date: '2026-02-01', source: 'Notes', link: '', credibleSource: true }],
    rubric: { magnitude: 'high', sources: 'high', likelihood: 'high' },
    severity: 'high',
    justification: '',
  };
  content.harm.psychological = { ...content.harm.psychological, severity: 'none' };
  content.harm.informational = { ...content.harm.informational, severity: 'none' };
  content.signals = [
    {
      id: 'sig-1', kind: 'social', technique: 'incitement-dogpiling', observed: 'on-platform', description: 'Dogpiling on cue.',
      accounts: ['harbor_one', 'harbor_two'], window: { start: null, end: null }, sources: [], strength: 'strong',
      evidenceState: 'sufficient', origin: 'manual',
    },
  ];
  return content;
}

/**
 * A case on the platform-manipulation track (R3): a technical signal with sufficient evidence naming
 * `relay_one` and `relay_two`, and harm below the threshold, so the designation is not recommended.
 */
export function manipulationContent(): CaseContent {
  const content = notRecommendedContent();
  content.signals.push({
    id: 'sig-tech', kind: 'technical', technique: 'multiple-accounts-same-message', observed: 'on-platform',
    description: 'One operator runs both accounts.', accounts: ['relay_one', 'relay_two'], window: { start: null, end: null },
    sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
  });
  return content;
}

/** Same case, but harm below the threshold: not recommended (so approving it is an override, R8). */
export function notRecommendedContent(): CaseContent {
  const content = recommendedContent();
  content.harm.physical = { ...content.harm.physical, rubric: { magnitude: 'low', sources: 'low', likelihood: 'low' }, severity: 'low' };
  return content;
}

/**
 * Drives a fresh case to a state: `draft` (complete content), `in_review` (submitted),
 * `designated` (rui approved) with `harbor_one` confirmed when `withAccount`. The `owner` (an
 * analyst, `ana` by default) creates, edits and submits it.
 */
export async function caseIn(
  kit: TestBackend,
  state: 'draft' | 'in_review' | 'designated',
  options: { content?: CaseContent; withAccount?: boolean; owner?: string } = {},
): Promise<CaseDocument> {
  const owner = options.owner ?? 'ana';
  let doc = await kit.ok('createCase', { user: owner, body: NEW_CASE });
  const params = { caseId: doc.id };
  doc = await kit.ok('updateCase', { user: owner, params, ifMatch: doc.version, body: options.content ?? recommendedContent() });
  if (state === 'draft') return doc;
  doc = await kit.ok('submitCase', { user: owner, params, ifMatch: doc.version, body: {} });
  if (state === 'in_review') return doc;
  const recommended = doc.submission?.verdict.outcome === 'recommended';
  doc = await kit.ok('decideCase', {
    user: 'rui', params, ifMatch: doc.version,
    body: { decision: 'approve', rationale: 'Meets the threshold.', overrideJustification: recommended ? null : 'Override for the test.' },
  });
  if (options.withAccount) {
    doc = await kit.ok('decideAccount', {
      user: 'sam', params, ifMatch: doc.version,
      body: { handle: 'harbor_one', status: 'confirmed', basis: ['signals'], note: '', primaryUseFinding: false },
    });
  }
  return doc;
}

export function contentOfDoc(doc: CaseDocument): CaseContent {
  const { actor, questions, rightsRiskAssessment, harm, signals, settings } = doc;
  return structuredClone({ actor, questions, rightsRiskAssessment, harm, signals, settings });
}
