// The rows of the endpoint table the first page calls (the case list, the top bar's users, the
// session in server mode). The
// client has them at hand; the rest of the table, and classic zod with it, loads on first use.
import { CaseListQuery, CaseListResponse } from './case-list';
import { endpoint, type EndpointDefinition } from './endpoint-definition';
import { Session } from './session';
import { UserList } from './users';

export const firstPageEndpoints = {
  listUsers: endpoint({ method: 'GET', path: '/api/users', response: UserList, roles: [] }),
  /** Who is signed in (`user: null` when nobody) and which sign-in this deployment offers. */
  session: endpoint({ method: 'GET', path: '/api/session', response: Session, roles: [] }),
  listCases: endpoint({ method: 'GET', path: '/api/cases', query: CaseListQuery, response: CaseListResponse, errors: ['validation'] }),
} as const satisfies Record<string, EndpointDefinition>;
