// Every endpoint x every kind of caller x ownership, driven from the endpoint table: an endpoint
// added to the table without a row here fails this test (and the type check, MATRIX is total).
import { describe, expect, it } from 'vitest';
import { endpoints, type EndpointName } from '../api/contract/endpoints';
import type { WorkbenchRole as Role } from '../api/contract/users';
import { caseIn, createTestBackend, manipulationContent, NEW_CASE, recommendedContent, type CallOptions, type TestBackend } from './backend-test-kit';

/**
 * `owner`: the user who created, edited and submitted the case, `kim`. As `analyst-owner` she is
 * still an analyst; as `reviewer-owner` she has since become a reviewer (four eyes must hold anyway).
 */
const PRINCIPALS = ['anonymous', 'analyst', 'analyst-owner', 'reviewer', 'reviewer-owner'] as const;
type Principal = (typeof PRINCIPALS)[number];

const USER_OF: Record<Principal, string | null> = {
  anonymous: null,
  analyst: 'ben',
  'analyst-owner': 'kim',
  reviewer: 'sam',
  'reviewer-owner': 'kim',
};
const ROLE_OF: Record<Principal, Role | null> = {
  anonymous: null,
  analyst: 'analyst',
  'analyst-owner': 'analyst',
  reviewer: 'reviewer',
  'reviewer-owner': 'reviewer',
};

type Setup = (kit: TestBackend) => Promise<Omit<CallOptions, 'user'>>;
interface Row {
  setup: Setup;
  expect: Record<Principal, number>;
}

const owner = 'kim';

/** A designated case whose limit on harbor_one expired (R15). */
async function expiredLimit(kit: TestBackend) {
  const doc = await caseIn(kit, 'designated', { owner, withAccount: true });
  const applied = await kit.ok('applyAction', {
    user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version,
    body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
  });
  kit.clock.advanceDays(31);
  return { doc: applied, actionId: applied.enforcementActions[0]?.id ?? '' };
}

/** An import's finding: one post after the expiry that repeats the case's hashtag. */
function continuation(actionId: string, at: string) {
  return {
    actionId,
    handle: 'harbor_one',
    activity: { posts: 1, firstAt: at, lastAt: at, fileName: 'activity.csv', examples: [{ postId: 'p-1', at, matches: [{ kind: 'hashtag' as const, value: '#harbor' }] }] },
  };
}
const open = { anonymous: 401, analyst: 200, 'analyst-owner': 200, reviewer: 200, 'reviewer-owner': 200 };
const adminOnly = { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 403, 'reviewer-owner': 403 };
const none: Setup = async () => ({});
const onCase = (state: 'draft' | 'in_review' | 'designated', withAccount = false): Setup => async (kit) => {
  const doc = await caseIn(kit, state, { owner, withAccount });
  return { params: { caseId: doc.id }, ifMatch: doc.version };
};

const MATRIX: Record<EndpointName, Row> = {
  listUsers: { setup: none, expect: { ...open, anonymous: 200 } },
  session: { setup: none, expect: { ...open, anonymous: 200 } },
  // The mock backend's kit has the demo picker, no accounts: the account endpoints are not there
  // (404) once the role gate lets a request through. The server's HTTP tests cover them for real.
  passwordSignIn: {
    setup: async () => ({ body: { login: 'ana', password: 'whatever it is' } }),
    expect: { anonymous: 404, analyst: 404, 'analyst-owner': 404, reviewer: 404, 'reviewer-owner': 404 },
  },
  setPassword: {
    setup: async () => ({ body: { token: 'a'.repeat(43), password: 'whatever it is' } }),
    expect: { anonymous: 404, analyst: 404, 'analyst-owner': 404, reviewer: 404, 'reviewer-owner': 404 },
  },
  signOut: { setup: none, expect: { ...open, anonymous: 200 } },
  signOutEverywhere: { setup: none, expect: { anonymous: 401, analyst: 404, 'analyst-owner': 404, reviewer: 404, 'reviewer-owner': 404 } },
  changePassword: {
    setup: async () => ({ body: { currentPassword: 'whatever it is', newPassword: 'something else entirely' } }),
    expect: { anonymous: 401, analyst: 404, 'analyst-owner': 404, reviewer: 404, 'reviewer-owner': 404 },
  },
  adminUsers: { setup: none, expect: adminOnly },
  createUser: { setup: async () => ({ body: { login: 'eve', name: 'Eve', roles: ['admin'] } }), expect: adminOnly },
  changeRoles: { setup: async () => ({ params: { userId: 'ana' }, body: { roles: ['admin'] } }), expect: adminOnly },
  disableUser: { setup: async () => ({ params: { userId: 'ana' } }), expect: adminOnly },
  enableUser: { setup: async () => ({ params: { userId: 'ana' } }), expect: adminOnly },
  resetPassword: { setup: async () => ({ params: { userId: 'ana' } }), expect: adminOnly },
  userEvents: { setup: none, expect: adminOnly },
  me: { setup: none, expect: open },
  listCases: { setup: none, expect: open },
  createCase: {
    setup: async () => ({ body: NEW_CASE }),
    expect: { anonymous: 401, analyst: 201, 'analyst-owner': 201, reviewer: 403, 'reviewer-owner': 403 },
  },
  getCase: { setup: onCase('draft'), expect: open },
  updateCase: {
    setup: async (kit) => ({ ...(await onCase('draft')(kit)), body: recommendedContent() }),
    expect: { anonymous: 401, analyst: 200, 'analyst-owner': 200, reviewer: 403, 'reviewer-owner': 403 },
  },
  submitCase: {
    setup: async (kit) => ({ ...(await onCase('draft')(kit)), body: {} }),
    expect: { anonymous: 401, analyst: 200, 'analyst-owner': 200, reviewer: 403, 'reviewer-owner': 403 },
  },
  decideCase: {
    setup: async (kit) => ({ ...(await onCase('in_review')(kit)), body: { decision: 'approve', rationale: 'Fine.' } }),
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 403 },
  },
  periodicReview: {
    setup: async (kit) => ({ ...(await onCase('designated')(kit)), body: { outcome: 'maintain', rationale: 'Still active.' } }),
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  decideAccount: {
    setup: async (kit) => ({
      ...(await onCase('designated')(kit)), body: { handle: 'harbor_one', status: 'confirmed', basis: ['signals'] },
    }),
    expect: open,
  },
  // Issue 10 §3: the designation's lists, its CSV exports and the bulk decision (roles as one decision's).
  caseAccounts: { setup: onCase('designated', true), expect: open },
  caseActions: { setup: onCase('designated', true), expect: open },
  caseAccountsCsv: { setup: onCase('designated', true), expect: open },
  caseActionsCsv: { setup: onCase('designated', true), expect: open },
  decideAccountsInBulk: {
    setup: async (kit) => ({
      ...(await onCase('designated')(kit)), body: { handles: ['harbor_one', 'harbor_two'], decision: 'confirmed', basis: ['signals'] },
    }),
    expect: open,
  },
  applyAction: {
    setup: async (kit) => ({
      ...(await onCase('designated', true)(kit)),
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
    }),
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  proposeManipulationEnforcement: {
    setup: async (kit) => {
      const doc = await caseIn(kit, 'draft', { owner, content: manipulationContent() });
      return { params: { caseId: doc.id }, ifMatch: doc.version, body: { accounts: ['relay_one'], basis: 'One operator runs both.' } };
    },
    expect: { anonymous: 401, analyst: 200, 'analyst-owner': 200, reviewer: 403, 'reviewer-owner': 403 },
  },
  decideManipulationEnforcement: {
    setup: async (kit) => {
      const doc = await caseIn(kit, 'draft', { owner, content: manipulationContent() });
      const proposed = await kit.ok('proposeManipulationEnforcement', {
        user: 'ben', params: { caseId: doc.id }, ifMatch: doc.version, body: { accounts: ['relay_one'], basis: 'One operator runs both.' },
      });
      return {
        params: { caseId: doc.id, proposalId: proposed.manipulationProposals[0]?.id ?? '' },
        ifMatch: proposed.version,
        body: { outcome: 'approve', rationale: 'The device link is conclusive.' },
      };
    },
    // Four eyes (R18): Kim wrote the case, so even as a reviewer she cannot decide it.
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 403 },
  },
  liftAction: {
    setup: async (kit) => {
      const doc = await caseIn(kit, 'designated', { owner, withAccount: true });
      const applied = await kit.ok('applyAction', {
        user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version,
        body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
      });
      return {
        params: { caseId: doc.id, actionId: applied.enforcementActions[0]?.id ?? '' },
        ifMatch: applied.version,
        body: { reason: 'Appeal upheld: a fan account.' },
      };
    },
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  proposeReapplications: {
    setup: async (kit) => {
      const { doc, actionId } = await expiredLimit(kit);
      return { params: { caseId: doc.id }, ifMatch: doc.version, body: { findings: [continuation(actionId, kit.clock.now())] } };
    },
    expect: { ...open, anonymous: 401 },
  },
  decideReapplication: {
    setup: async (kit) => {
      const { doc, actionId } = await expiredLimit(kit);
      const proposed = await kit.ok('proposeReapplications', {
        user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version, body: { findings: [continuation(actionId, kit.clock.now())] },
      });
      return {
        params: { caseId: doc.id, proposalId: proposed.reapplicationProposals[0]?.id ?? '' },
        ifMatch: proposed.version,
        body: { outcome: 'apply', note: 'Continues the campaign.' },
      };
    },
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  setAutoReapply: {
    setup: async (kit) => {
      const doc = await caseIn(kit, 'designated', { owner, withAccount: true });
      return { params: { caseId: doc.id }, ifMatch: doc.version, body: { enabled: true } };
    },
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  reapplyAction: {
    setup: async (kit) => {
      const { doc, actionId } = await expiredLimit(kit);
      return { params: { caseId: doc.id, actionId }, ifMatch: doc.version, body: { justification: 'Continues.' } };
    },
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  caseAudit: { setup: onCase('draft'), expect: open },
  crossCaseRefs: { setup: onCase('draft'), expect: open },
  accountPivot: { setup: async () => ({ params: { handle: 'harbor_one' } }), expect: open },
  caseConversation: { setup: onCase('in_review'), expect: open },
  // Issue 12 §6: a reviewer assigns a reviewer (themselves here); four eyes keeps the owner out.
  assignCase: {
    setup: async (kit) => ({ ...(await onCase('in_review')(kit)), body: { role: 'reviewer', userId: 'sam' } }),
    expect: { anonymous: 401, analyst: 403, 'analyst-owner': 403, reviewer: 200, 'reviewer-owner': 200 },
  },
  commentOnCase: {
    setup: async (kit) => ({ ...(await onCase('in_review')(kit)), body: { text: 'Which source is the screenshot from?' } }),
    expect: { anonymous: 401, analyst: 201, 'analyst-owner': 201, reviewer: 201, 'reviewer-owner': 201 },
  },
  returnRequests: { setup: onCase('draft'), expect: open },
  casePresence: {
    setup: async (kit) => ({ ...(await onCase('in_review')(kit)), body: { tab: 'tab-12345678', state: 'viewing' } }),
    expect: open,
  },
  // Issue 12 §2: only analysts tick a return's requests off.
  tickRequest: {
    setup: async (kit) => {
      const doc = await caseIn(kit, 'in_review', { owner });
      const returned = await kit.ok('decideCase', {
        user: 'rui', params: { caseId: doc.id }, ifMatch: doc.version,
        body: { decision: 'return', rationale: 'Two things first.', requests: [{ text: 'Name the source.', target: 'harm.physical.evidence' }] },
      });
      return { params: { caseId: doc.id, requestId: returned.reviews.at(-1)?.requests[0]?.id ?? '' }, body: { addressed: true } };
    },
    expect: { anonymous: 401, analyst: 200, 'analyst-owner': 200, reviewer: 403, 'reviewer-owner': 403 },
  },
  audit: { setup: none, expect: open },
  expiringActions: {
    setup: async () => ({ query: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' } }),
    expect: open,
  },
  decisionRecord: { setup: onCase('designated'), expect: open },
};

/** What the table's `roles` alone predict: 401 without a user, 403 for a role not listed. */
function roleGate(name: EndpointName, principal: Principal): string {
  const roles: readonly Role[] = endpoints[name].roles;
  const role = ROLE_OF[principal];
  if (roles.length === 0) return 'open';
  if (role === null) return 'unauthenticated';
  return roles.includes(role) ? 'role-ok' : 'forbidden';
}

/** The same reading of a matrix status; a 403 for a listed role is a per-object refusal (four eyes). */
function matrixGate(name: EndpointName, principal: Principal, status: number): string {
  const roles: readonly Role[] = endpoints[name].roles;
  const role = ROLE_OF[principal];
  if (roles.length === 0) return 'open';
  if (status === 401) return 'unauthenticated';
  return role !== null && !roles.includes(role) && status === 403 ? 'forbidden' : 'role-ok';
}

describe('permission matrix', () => {
  it('has a row for every endpoint in the table', () => {
    expect(Object.keys(MATRIX).toSorted()).toEqual(Object.keys(endpoints).toSorted());
  });

  it('agrees with the roles the endpoint table declares', () => {
    const rows = (Object.keys(endpoints) as EndpointName[]).flatMap((name) =>
      PRINCIPALS.map((principal) => {
        const status = MATRIX[name].expect[principal];
        return { name, principal, table: roleGate(name, principal), matrix: matrixGate(name, principal, status) };
      }),
    );
    expect(rows.filter((row) => row.table !== row.matrix)).toEqual([]);
  });

  const cases = (Object.keys(MATRIX) as EndpointName[]).flatMap((name) =>
    PRINCIPALS.map((principal) => ({ name, principal, status: MATRIX[name].expect[principal] })),
  );

  it.each(cases)('$name as $principal -> $status', async ({ name, principal, status }) => {
    const kit = createTestBackend();
    kit.users.push({ id: 'kim', name: 'Kim Larsen', roles: ['analyst'] });
    const options = await MATRIX[name].setup(kit);
    const kim = kit.users.find((user) => user.id === 'kim');
    if (kim && principal === 'reviewer-owner') kim.roles = ['reviewer'];
    const response = await kit.call(name, { ...options, user: USER_OF[principal] });
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
  });
});
