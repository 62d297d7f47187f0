// The rows of the endpoint table the first page calls (the case list, the top bar's users). The
// client has them at hand; the rest of the table, and classic zod with it, loads on first use.
import { CaseListQuery, CaseListResponse } from './case-list';
import { endpoint, type EndpointDefinition } from './endpoint-definition';
import { UserList } from './users';

export const firstPageEndpoints = {
  listUsers: endpoint({ method: 'GET', path: '/api/users', response: UserList, roles: [] }),
  listCases: endpoint({ method: 'GET', path: '/api/cases', query: CaseListQuery, response: CaseListResponse, errors: ['validation'] }),
} as const satisfies Record<string, EndpointDefinition>;
