// The backend rules module: identity, roles, validation, versions, four eyes, lifecycle and audit
// behind one `handle(request)`. MSW calls it in the browser and in tests; a real server could call
// it unchanged. Routing and request/response shapes come from the contract's endpoint table.
import { z } from 'zod';
import { endpoints, type EndpointName, type Endpoints } from '../api/contract/endpoints';
import { MAX_ACCOUNT_PAGE_CASES, MAX_PIVOT_ACCOUNTS, MAX_PIVOT_CASES_PER_ACCOUNT, PIVOT_KINDS } from '../api/contract/cross-case-pivots';
import type { AuditEvent, FieldChange } from '../api/contract/audit';
import {
  ACCOUNT_CSV_COLUMNS,
  ACTION_CSV_COLUMNS,
  accountCsvRow,
  actionCsvRow,
  BULK_COUNT_PATH,
} from '../api/contract/designation-lists';
import { csvRecords } from '../components/csv-cell';
import { CONVERSATION_EVENT_TYPES, latestReturn } from '../api/contract/conversation';
import type { StorageHealth } from '../api/contract/storage-health';
import type { Session } from '../api/contract/session';
import type { User } from '../api/contract/users';
import { createIdentityRules, toUser, type IdentityDeps, type IdentityRules, type SessionGrant } from './identity/identity-rules';
import { ApiFailure, fieldErrorsFromZod } from './backend-errors';
import {
  applyAction,
  assignCase,
  createCase,
  decideAccount,
  decideAccountsInBulk,
  decideCase,
  periodicReview,
  reapplyAction,
  liftAction,
  submitCase,
  updateCase,
  withSuggestedAccounts,
  type EvaluateCase,
  type EventSpec,
  type IdKind,
  type RuleEnv,
  type Transition,
} from './case-rules';
import { accountInCase, accountKey, crossCaseRefsOf, pivotValuesOf } from './cross-case-pivots';
import { diffCases } from './audit-diff';
import { commentOnCase, REQUEST_TICK_TYPES, requestStates, tickRequest } from './conversation-rules';
import { decideManipulationEnforcement, proposeManipulationEnforcement } from './manipulation-rules';
import { decideReapplication, proposeReapplications, setAutoReapply } from './reapplication-rules';
import { listingWith } from './case-listing';
import { buildDecisionRecord } from './decision-record-builder';
import { createLiveUpdates, type LiveBus, type LiveListener } from './live-updates';
import { DEMO_USERS } from './demo-users';
import { matchRoute } from './route-matcher';
import { caseAccountsAsRead, matchesAccountFilter } from './storage-queries';
import { StorageCorruptError, type BackendStorage, type CaseChanges, type StorageSeed, type StoredCase } from './storage';

export interface BackendRequest {
  method: string;
  /** Path only, e.g. `/api/cases/abc`. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /**
   * The acting user's id as the adapter established it, or `null`: the MSW adapter takes the demo
   * picker's `X-User-Id`, the server its signed session cookie. The rules never read an identity
   * header themselves, so a server cannot be fooled by one.
   */
  userId: string | null;
  /** Parsed JSON, `undefined` when there was none, or a MalformedJsonBody. */
  body: unknown;
  /** The client's network address as the server sees it (throttling of failed sign-ins); null in the mock. */
  clientAddress?: string | null;
  /**
   * The acting person as the adapter already read them with the session (the server: an enabled
   * account whose session is current), saving the rules a second read. Must be the user `userId` names.
   */
  actingUser?: User | null;
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /**
   * A file's text instead of a JSON body (the CSV exports, issue 10 §3), in chunks as the storage
   * yields its batches: the server sends each as it comes, the mock backend joins them. `body` is null.
   */
  stream?: AsyncIterable<string>;
  /**
   * Set by sign-in (the person to keep signed in, and their session epoch) and sign-out (`null`); the
   * server turns it into a new session and its cookie, or ends the current one. Absent: unchanged.
   */
  session?: SessionGrant | null;
}

export interface BackendDeps {
  storage: BackendStorage;
  /** UTC ISO instant; injectable so tests and Playwright's clock control expiry and review dates. */
  now: () => string;
  evaluate: EvaluateCase;
  newId: (kind: IdKind) => string;
  /** What a fresh (or reset) store starts with. */
  seed: () => Promise<StorageSeed>;
  /** The demo directory (mock backend), read per request (a test can change a role between requests). */
  users?: () => readonly User[];
  /**
   * Accounts (the server): people sign in with a password or single sign-on, and the directory is
   * the accounts'. Without it the demo picker's `X-User-Id` names one of `users`.
   */
  identity?: IdentityDeps;
  /** How this backend hears of other instances' writes and presence (issue 12 §7); none: it is the only one. */
  liveBus?: LiveBus;
}

/** An open live stream (issue 12 §7), or why it cannot be opened. */
export type LiveConnection = { ok: true; user: User; close: () => void } | { ok: false; response: BackendResponse };

export interface Backend {
  handle(request: BackendRequest): Promise<BackendResponse>;
  /** Drops all data and reseeds. */
  reset(): Promise<void>;
  /** Stored records set aside because they no longer parsed (dev storage only; empty elsewhere). */
  storageHealth(): Promise<StorageHealth>;
  /** The account rules, for the server's single sign-on and the `users` command; null without accounts. */
  identity: IdentityRules | null;
  /**
   * Opens a live stream for a signed-in person: `listener` hears of every change, comment and presence
   * from now on until `close`. The transport (server-sent events) passes the person it identified.
   */
  openLiveStream(userId: string | null, listener: LiveListener): Promise<LiveConnection>;
}

/** A request body that was not valid JSON; the adapter passes it so `handle` answers 400. */
export class MalformedJsonBody {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** Parses a raw request body the way every adapter should: empty = none, bad JSON = MalformedJsonBody. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new MalformedJsonBody(text);
  }
}

type Parsed<N extends EndpointName> = {
  params: z.output<Endpoints[N]['params']>;
  query: z.output<Endpoints[N]['query']>;
  body: z.output<Endpoints[N]['body']>;
};

interface Context<N extends EndpointName> extends Parsed<N> {
  /** `null` only for endpoints open to everyone (empty `roles`). */
  user: User | null;
  ifMatch: number | null;
  clientAddress: string | null;
}

interface Outcome {
  body: unknown;
  /** A file answer (BackendResponse.stream); `headers` then name its type. */
  stream?: AsyncIterable<string>;
  /** Set when the body is a case: becomes the ETag. */
  caseVersion?: number;
  headers?: Record<string, string>;
  session?: BackendResponse['session'];
}

const ETAG = 'ETag';

/** Rows per batch of a CSV export: memory stays flat, round trips stay few. */
const CSV_BATCH = 2_000;

/** Positions of `after` whose item is not the very item at that position of `before` (new or replaced). */
function changedPositions<T>(before: readonly T[], after: readonly T[]): number[] {
  const changed: number[] = [];
  for (let index = 0; index < after.length; index += 1) if (before[index] !== after[index]) changed.push(index);
  return changed;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * What a write changed from the case the rule read (CaseChanges, issue 10 §3). The rules are pure and
 * never change an item in place: an account or action they leave alone is the very object they were
 * given, and one they change is a new object, so comparing by identity finds every changed row without
 * comparing 100,000 items by value. What the case names for the pivots changes only with a new or
 * replaced handle or target, fewer children, or other names in the document (pivotValuesOf's own
 * reading of it, children left out).
 */
function caseChanges(previous: StoredCase, next: StoredCase): CaseChanges {
  const accounts = changedPositions(previous.accounts, next.accounts);
  const actions = changedPositions(previous.enforcementActions, next.enforcementActions);
  const names =
    next.accounts.length < previous.accounts.length ||
    next.enforcementActions.length < previous.enforcementActions.length ||
    accounts.some((index) => previous.accounts[index]?.handle !== next.accounts[index]?.handle) ||
    actions.some((index) => {
      const [was, is] = [previous.enforcementActions[index], next.enforcementActions[index]];
      return was?.target !== is?.target || was?.targetRef !== is?.targetRef;
    }) ||
    !sameDocumentNames(previous, next);
  return { accounts, actions, names };
}

/** What the case's document names for the pivots, its accounts and actions left out. */
const documentNames = (record: StoredCase) => pivotValuesOf({ ...record, accounts: [], enforcementActions: [] });

function sameDocumentNames(previous: StoredCase, next: StoredCase): boolean {
  const [was, is] = [documentNames(previous), documentNames(next)];
  return PIVOT_KINDS.every((kind) => sameList(was[kind], is[kind]));
}

/** Default ids for the dev backend: kind-prefixed and random, e.g. `case-3f2a9c1e0b7d`. */
export function randomId(kind: IdKind): string {
  return `${kind}-${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function formatEtag(version: number): string {
  return `"${version}"`;
}

/** `"3"`, `W/"3"` or a bare `3`; anything else counts as no usable precondition. */
export function parseIfMatch(value: string | undefined): number | null {
  const match = value?.trim().match(/^(?:W\/)?"?(\d+)"?$/);
  return match?.[1] ? Number(match[1]) : null;
}

function adminActor(user: User | null): { actorId: string; source: 'admin' } {
  return { actorId: requireUser(user).id, source: 'admin' };
}

function requireUser(user: User | null): User {
  if (!user) throw new ApiFailure('unauthenticated', 'Sign in first: the request names no known user.');
  return user;
}

function caseOutcome(record: StoredCase, headers: Record<string, string> = {}): Outcome {
  return { body: withSuggestedAccounts(record), caseVersion: record.version, headers };
}

function staleVersion(currentVersion: number): ApiFailure {
  return new ApiFailure(
    'precondition-failed',
    `Someone saved this case in the meantime: it is at version ${currentVersion} now. Reload it and apply your change again.`,
    { currentVersion },
  );
}

export function createBackend(deps: BackendDeps): Backend {
  const identity = deps.identity ? createIdentityRules(deps.identity) : null;
  const accounts = deps.identity?.storage ?? null;
  const signIn = identity ? 'accounts' : 'demo-picker';
  const singleSignOn = deps.identity?.singleSignOn ?? null;
  const demoUsers = deps.users ?? (() => DEMO_USERS);

  /** Everyone who may appear in the trail (disabled people keep their names). */
  async function users(): Promise<readonly User[]> {
    return accounts ? (await accounts.listAccounts()).map(toUser) : demoUsers();
  }

  /** The acting person: an enabled account, or the demo user the picker names. */
  async function actingUser(userId: string | null): Promise<User | null> {
    if (userId === null) return null;
    if (!accounts) return demoUsers().find((candidate) => candidate.id === userId) ?? null;
    const account = await accounts.getAccount(userId);
    return account && !account.disabled ? toUser(account) : null;
  }

  function sessionOf(user: User | null): Session {
    return { user, signIn, singleSignOn };
  }

  function requireAccounts(): IdentityRules {
    if (!identity) throw new ApiFailure('not-found', 'There are no accounts here: the mock backend signs in through the demo identity picker.');
    return identity;
  }
  let ready: Promise<void> | null = null;

  const listingOf = listingWith(deps.evaluate);
  const live = createLiveUpdates(deps.liveBus ?? null, deps.now);

  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      if (!(await deps.storage.isSeeded())) await deps.storage.seedIfEmpty(await deps.seed(), listingOf);
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  async function reset(): Promise<void> {
    const seed = await deps.seed();
    ready = deps.storage.reset(seed, listingOf);
    await ready;
  }

  // -------------------------------------------------------------------------------------------
  // shared steps

  function env(user: User | null): RuleEnv {
    return { user: requireUser(user), now: deps.now(), newId: deps.newId, evaluate: deps.evaluate };
  }

  async function loadCase(caseId: string): Promise<StoredCase> {
    const record = await deps.storage.getCase(caseId);
    if (!record) throw new ApiFailure('not-found', `No case ${caseId}.`);
    return record;
  }

  /** Stamps the version and writer, and stores the case with its audit events in one atomic write. */
  async function commit(previous: StoredCase | null, transition: Transition, ruleEnv: RuleEnv): Promise<StoredCase> {
    const next: StoredCase = {
      ...transition.next,
      version: (previous?.version ?? 0) + 1,
      updatedAt: ruleEnv.now,
      updatedBy: ruleEnv.user.id,
    };
    // The field-level diff only where an event needs it: a rule that says what changed (a bulk
    // decision over 10,000 accounts) spares diffing the case's 100,000.
    let diff: FieldChange[] | null = null;
    const diffed = () => (diff ??= diffCases(previous, next));
    const events = transition.events.map((spec, index) => ({
      id: ruleEnv.newId('event'),
      caseId: next.id,
      type: spec.type,
      actorId: ruleEnv.user.id,
      at: ruleEnv.now,
      reason: spec.reason,
      changes: spec.changes ?? (index === 0 ? diffed() : []),
      caseVersion: next.version,
    }));
    const changes = previous ? caseChanges(previous, next) : undefined;
    const result = await deps.storage.putCase(next, previous?.version ?? null, events, listingOf(next), changes);
    if (!result.ok) {
      if (result.currentVersion === null) throw new ApiFailure('not-found', `No case ${next.id}.`);
      throw staleVersion(result.currentVersion);
    }
    live.published(result.events);
    return next;
  }

  /** Events that change no case (a comment, a tick), stamped like a write's and appended to the trail. */
  async function appendEvents(record: StoredCase, specs: readonly EventSpec[], ruleEnv: RuleEnv): Promise<AuditEvent[]> {
    const written = await deps.storage.appendEvents(
      specs.map((spec) => ({
        id: ruleEnv.newId('event'),
        caseId: record.id,
        type: spec.type,
        actorId: ruleEnv.user.id,
        at: ruleEnv.now,
        reason: spec.reason,
        changes: spec.changes ?? [],
        caseVersion: record.version,
        ...(spec.mentions ? { mentions: spec.mentions } : {}),
      })),
    );
    live.published(written);
    return written;
  }

  /** The ticks of the latest return's requests, read from the trail page by page (none without requests). */
  async function ticksOf(record: StoredCase): Promise<AuditEvent[]> {
    if (!latestReturn(record)?.requests.length) return [];
    const ticks: AuditEvent[] = [];
    const types = [...REQUEST_TICK_TYPES];
    for (let page = 1; ; page += 1) {
      const { items, total } = await deps.storage.queryAudit({ caseId: record.id, types, page, pageSize: 500 });
      ticks.push(...items);
      if (items.length === 0 || ticks.length >= total) break;
    }
    return ticks;
  }

  /** The common shape of every case write: load, check If-Match, apply the rule, commit. */
  async function writeCaseRecord(
    context: { user: User | null; ifMatch: number | null },
    caseId: string,
    rule: (record: StoredCase, ruleEnv: RuleEnv) => Transition,
  ): Promise<StoredCase> {
    const ruleEnv = env(context.user);
    const record = await loadCase(caseId);
    if (context.ifMatch !== record.version) throw staleVersion(record.version);
    return commit(record, rule(record, ruleEnv), ruleEnv);
  }

  /** A case write answered with the whole case. */
  async function writeCase(
    context: { user: User | null; ifMatch: number | null },
    caseId: string,
    rule: (record: StoredCase, ruleEnv: RuleEnv) => Transition,
  ): Promise<Outcome> {
    return caseOutcome(await writeCaseRecord(context, caseId, rule));
  }

  /** A CSV export (R19) of one case's rows, written batch by batch as the storage reads them (issue 10 §3). */
  async function csvExport<T>(
    caseId: string,
    file: string,
    columns: readonly string[],
    batches: () => AsyncGenerator<T[]>,
    row: (item: T) => string[],
  ): Promise<Outcome> {
    // Found or not is said before the first byte: a missing case is a 404 like any other.
    if (!(await deps.storage.queryCaseActions(caseId, { dir: 'asc', now: deps.now(), offset: 0, limit: 1 }))) {
      throw new ApiFailure('not-found', `No case ${caseId}.`);
    }
    async function* text(): AsyncGenerator<string> {
      // A byte-order mark, so spreadsheet programs read the UTF-8 as UTF-8; each cell through the app's
      // one cell writer (formula starts neutralised, separators of every locale quoted).
      yield `\uFEFF${csvRecords([columns])}`;
      for await (const batch of batches()) yield csvRecords(batch.map(row));
    }
    return {
      body: null,
      stream: text(),
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}-${caseId}.csv"` },
    };
  }

  // -------------------------------------------------------------------------------------------
  // one handler per endpoint; the mapped type makes a new endpoint without a handler a type error

  const routes: { [N in EndpointName]: (context: Context<N>) => Promise<Outcome> } = {
    listUsers: async ({ user }) => {
      // The team's directory: open in the mock (its picker lists it), for signed-in people on the server.
      if (accounts) requireUser(user);
      return { body: await users() };
    },
    session: async ({ user }) => ({ body: sessionOf(user) }),
    passwordSignIn: async ({ body, clientAddress }) => {
      const grant = await requireAccounts().signInWithPassword(body, clientAddress, deps.now());
      return { body: sessionOf(await actingUser(grant.userId)), session: grant };
    },
    setPassword: async ({ body }) => {
      const grant = await requireAccounts().setPasswordWithToken(body, deps.now());
      return { body: sessionOf(await actingUser(grant.userId)), session: grant };
    },
    signOut: async () => ({ body: sessionOf(null), session: null }),
    signOutEverywhere: async ({ user }) => {
      await requireAccounts().signOutEverywhere(requireUser(user), deps.now());
      return { body: sessionOf(null), session: null };
    },
    changePassword: async ({ body, user, clientAddress }) => {
      const grant = await requireAccounts().changePassword(requireUser(user), body, clientAddress, deps.now());
      return { body: sessionOf(await actingUser(grant.userId)), session: grant };
    },
    me: async ({ user }) => ({ body: requireUser(user) }),
    adminUsers: async () => ({ body: await requireAccounts().listDirectory() }),
    createUser: async ({ body, user }) => ({ body: await requireAccounts().createUser(body, adminActor(user), deps.now()) }),
    changeRoles: async ({ params, body, user }) => ({
      body: await requireAccounts().changeRoles(params.userId, body.roles, adminActor(user), deps.now()),
    }),
    disableUser: async ({ params, user }) => ({ body: await requireAccounts().disableUser(params.userId, adminActor(user), deps.now()) }),
    enableUser: async ({ params, user }) => ({ body: await requireAccounts().enableUser(params.userId, adminActor(user), deps.now()) }),
    resetPassword: async ({ params, user }) => ({
      body: await requireAccounts().resetPassword(params.userId, adminActor(user), deps.now()),
    }),
    userEvents: async ({ query }) => {
      requireAccounts();
      const { items, total } = await (accounts as NonNullable<typeof accounts>).queryUserEvents(query);
      return { body: { items, total, page: query.page, pageSize: query.pageSize } };
    },
    listCases: async ({ query, user }) => {
      requireUser(user);
      const { items, total } = await deps.storage.queryCases(query);
      return { body: { items, total, page: query.page, pageSize: query.pageSize } };
    },
    createCase: async ({ body, user }) => {
      const ruleEnv = env(user);
      const created = await commit(null, createCase(body, ruleEnv), ruleEnv);
      return caseOutcome(created, { Location: `/api/cases/${encodeURIComponent(created.id)}` });
    },
    getCase: async ({ params }) => caseOutcome(await loadCase(params.caseId)),
    updateCase: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => updateCase(record, context.body, ruleEnv)),
    submitCase: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => submitCase(record, context.body, ruleEnv)),
    decideCase: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => decideCase(record, context.body, ruleEnv)),
    periodicReview: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => periodicReview(record, context.body, ruleEnv)),
    decideAccount: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => decideAccount(record, context.body, ruleEnv)),
    // Issue 10 §3: the designation's lists a page at a time, without reading the whole case.
    caseAccounts: async ({ params, query }) => {
      const page = await deps.storage.queryCaseAccounts(params.caseId, query);
      if (!page) throw new ApiFailure('not-found', `No case ${params.caseId}.`);
      return { body: { ...page, offset: query.offset, limit: query.limit } };
    },
    caseActions: async ({ params, query }) => {
      const page = await deps.storage.queryCaseActions(params.caseId, { ...query, now: deps.now() });
      if (!page) throw new ApiFailure('not-found', `No case ${params.caseId}.`);
      return { body: { ...page, offset: query.offset, limit: query.limit } };
    },
    decideAccountsInBulk: async (context) => {
      const { body } = context;
      let count = 0;
      let ended = 0;
      const written = await writeCaseRecord(context, context.params.caseId, (record, ruleEnv) => {
        // `allMatching`: the accounts the list's filter matches in the version the If-Match names (R16).
        const handles = body.allMatching
          ? caseAccountsAsRead(record).flatMap((account) => (body.allMatching && matchesAccountFilter(account, body.allMatching) ? [account.handle] : []))
          : (body.handles ?? []);
        const selection = body.allMatching ? { allMatching: body.allMatching } : { handles: handles.length };
        const transition = decideAccountsInBulk(record, handles, body, selection, ruleEnv);
        count = Number(transition.events[0]?.changes?.find((change) => change.path === BULK_COUNT_PATH)?.after ?? 0);
        ended = transition.events.filter((event) => event.type === 'action.ended').length;
        return transition;
      });
      // Not the whole case: at 100,000 accounts that is tens of megabytes; the page reads what it shows.
      return { body: { caseId: written.id, version: written.version, decided: count, endedActions: ended }, caseVersion: written.version };
    },
    caseAccountsCsv: async ({ params }) =>
      csvExport(params.caseId, 'accounts', ACCOUNT_CSV_COLUMNS, () => deps.storage.caseAccountsInBatches(params.caseId, CSV_BATCH), accountCsvRow),
    caseActionsCsv: async ({ params }) => {
      const now = deps.now();
      return csvExport(params.caseId, 'enforcement-actions', ACTION_CSV_COLUMNS, () => deps.storage.caseActionsInBatches(params.caseId, CSV_BATCH), (action) =>
        actionCsvRow(action, now),
      );
    },
    applyAction: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => applyAction(record, context.body, ruleEnv)),
    reapplyAction: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) =>
        reapplyAction(record, context.params.actionId, context.body, ruleEnv),
      ),
    liftAction: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => liftAction(record, context.params.actionId, context.body, ruleEnv)),
    proposeManipulationEnforcement: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => proposeManipulationEnforcement(record, context.body, ruleEnv)),
    decideManipulationEnforcement: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) =>
        decideManipulationEnforcement(record, context.params.proposalId, context.body, ruleEnv),
      ),
    proposeReapplications: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => proposeReapplications(record, context.body, ruleEnv)),
    decideReapplication: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => decideReapplication(record, context.params.proposalId, context.body, ruleEnv)),
    setAutoReapply: async (context) =>
      writeCase(context, context.params.caseId, (record, ruleEnv) => setAutoReapply(record, context.body, ruleEnv)),
    crossCaseRefs: async ({ params }) => {
      const record = await loadCase(params.caseId);
      const values = pivotValuesOf(record);
      const found = await Promise.all(
        PIVOT_KINDS.map((kind) => deps.storage.casesWithRefs(kind, values[kind].slice(0, MAX_PIVOT_ACCOUNTS), record.id, MAX_PIVOT_CASES_PER_ACCOUNT)),
      );
      return { body: crossCaseRefsOf(found.flat()) };
    },
    accountPivot: async ({ params }) => {
      const refs = await deps.storage.casesWithRefs('account', [params.handle], null, MAX_ACCOUNT_PAGE_CASES);
      const records = await Promise.all(refs.map((ref) => deps.storage.getCase(ref.caseId)));
      const cases = records.filter((record): record is StoredCase => record !== null).map((record) => accountInCase(record, params.handle));
      return { body: { handle: accountKey(params.handle), cases, moreCases: Math.max(0, (refs[0]?.caseCount ?? 0) - cases.length) } };
    },
    caseAudit: async ({ params, query }) => {
      await loadCase(params.caseId);
      const { items, total } = await deps.storage.queryAudit({ ...query, caseId: params.caseId });
      return { body: { items, total, page: query.page, pageSize: query.pageSize } };
    },
    assignCase: async (context) => {
      const assignee = context.body.userId === null ? null : ((await users()).find((candidate) => candidate.id === context.body.userId) ?? null);
      return writeCase(context, context.params.caseId, (record, ruleEnv) => assignCase(record, context.body, assignee, ruleEnv));
    },
    caseConversation: async ({ params, query }) => {
      await loadCase(params.caseId);
      const types = [...CONVERSATION_EVENT_TYPES];
      const { items, total } = await deps.storage.queryAudit({ ...query, caseId: params.caseId, types });
      return { body: { items, total, page: query.page, pageSize: query.pageSize } };
    },
    commentOnCase: async ({ params, body, user }) => {
      const ruleEnv = env(user);
      const record = await loadCase(params.caseId);
      const [written] = await appendEvents(record, [commentOnCase(body, await users())], ruleEnv);
      return { body: written };
    },
    returnRequests: async ({ params }) => {
      const record = await loadCase(params.caseId);
      return { body: requestStates(record, await ticksOf(record)) };
    },
    tickRequest: async ({ params, body, user }) => {
      const ruleEnv = env(user);
      const record = await loadCase(params.caseId);
      const ticks = await ticksOf(record);
      const tick = tickRequest(record, params.requestId, body, requestStates(record, ticks));
      if (!tick) return { body: requestStates(record, ticks) };
      // The trail read once: the new tick is put beside the ones read.
      const written = await appendEvents(record, [tick], ruleEnv);
      return { body: requestStates(record, [...ticks, ...written]) };
    },
    casePresence: async ({ params, body, user }) => {
      const me = requireUser(user);
      await loadCase(params.caseId);
      const people = live.touch({ caseId: params.caseId, userId: me.id, tab: body.tab, state: body.state, at: deps.now() });
      return { body: { caseId: params.caseId, people } };
    },
    audit: async ({ query }) => {
      const { items, total } = await deps.storage.queryAudit(query);
      return { body: { items, total, page: query.page, pageSize: query.pageSize } };
    },
    expiringActions: async ({ query }) => {
      const { items, total } = await deps.storage.queryExpiringActions(query);
      return { body: { items, total, page: query.page, pageSize: query.pageSize } };
    },
    decisionRecord: async ({ params }) => ({
      body: buildDecisionRecord(await loadCase(params.caseId), await users(), deps.now()),
    }),
  };

  // -------------------------------------------------------------------------------------------
  // the pipeline: route, identify, authorise, validate, precondition, handle

  async function dispatch(request: BackendRequest): Promise<BackendResponse> {
    const match = matchRoute(request.method, request.path);
    if (!match) throw new ApiFailure('not-found', `No endpoint ${request.method} ${request.path}.`);
    if ('methodMismatch' in match) throw new ApiFailure('not-found', `${request.method} is not supported on ${request.path}.`);
    const definition: Endpoints[EndpointName] = endpoints[match.name];

    // The adapter's own reading of the person, when it made one for this very id; else the rules read it.
    const given = request.actingUser;
    const user = given !== undefined && (given?.id ?? null) === request.userId ? given : await actingUser(request.userId);
    const roles: readonly string[] = definition.roles;
    if (roles.length > 0) {
      requireUser(user);
      if (user && !user.roles.some((role) => roles.includes(role))) {
        throw new ApiFailure(
          'forbidden',
          `This needs the ${roles.join(' or ')} role; ${user.name} is signed in as ${user.roles.join(' and ')} (R18).`,
        );
      }
    }

    const params = parsePart(definition.params, match.params, 'params', 'The address names an invalid id.');
    const query = parsePart(definition.query, request.query, 'query', 'The query parameters are invalid.');
    if (request.body instanceof MalformedJsonBody) {
      throw new ApiFailure('validation', 'The request body is not valid JSON.', {
        fieldErrors: [{ path: '', message: 'body.invalidJson' }],
      });
    }
    const body = parsePart(definition.body, request.body ?? {}, 'body', 'Some fields are invalid.');

    let ifMatch: number | null = null;
    if (definition.ifMatch) {
      ifMatch = parseIfMatch(request.headers['if-match']);
      if (ifMatch === null) {
        throw new ApiFailure(
          'precondition-required',
          'This write needs an If-Match header naming the case version it is based on, e.g. "3".',
        );
      }
    }

    const handler = routes[match.name] as (context: Context<EndpointName>) => Promise<Outcome>;
    const outcome = await handler({ params, query, body, user, ifMatch, clientAddress: request.clientAddress ?? null } as Context<EndpointName>);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...outcome.headers };
    if (outcome.caseVersion !== undefined) headers[ETAG] = formatEtag(outcome.caseVersion);
    const response: BackendResponse = { status: definition.successStatus, headers, body: outcome.body };
    if (outcome.stream) response.stream = outcome.stream;
    if (outcome.session !== undefined) response.session = outcome.session;
    return response;
  }

  async function handle(request: BackendRequest): Promise<BackendResponse> {
    try {
      await ensureReady();
      return await dispatch(request);
    } catch (error) {
      return failureResponse(error);
    }
  }


  async function storageHealth(): Promise<StorageHealth> {
    await ensureReady();
    return { quarantined: (await deps.storage.listQuarantined?.()) ?? [] };
  }

  async function openLiveStream(userId: string | null, listener: LiveListener): Promise<LiveConnection> {
    try {
      await ensureReady();
      const user = requireUser(await actingUser(userId));
      return { ok: true, user, close: live.subscribe(listener) };
    } catch (error) {
      return { ok: false, response: failureResponse(error) };
    }
  }

  return { handle, reset, storageHealth, identity, openLiveStream };
}

/** A failure as the answer every adapter sends: ApiFailure as it says, anything else a 500 that drops nothing. */
function failureResponse(error: unknown): BackendResponse {
  if (error instanceof ApiFailure) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.max(1, error.retryAfterSeconds));
    return { status: error.status, headers, body: error.toBody() };
  }
  // Never reseed here: a storage that cannot read a record sets it aside itself (issue 14, defect 3);
  // what still fails is reported, and only the explicit dev reset drops data.
  const message = error instanceof StorageCorruptError
    ? 'The stored data could not be read. Nothing was deleted; try again, or reset the demo data to start over.'
    : 'The server failed unexpectedly.';
  console.error('[mock backend] unexpected failure', error);
  return {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
    body: { code: 'server-error', message, fieldErrors: [] },
  };
}

function parsePart<S extends z.core.$ZodType>(schema: S, value: unknown, part: string, message: string): z.output<S> {
  // The top-level function, not the method: the table holds classic and zod/mini schemas alike.
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  // Query and params errors name their part; body errors are field paths the form knows.
  throw new ApiFailure('validation', message, {
    fieldErrors: fieldErrorsFromZod(result.error, part === 'body' ? '' : part),
  });
}
