// The endpoint table: method, path, request, response, errors. The client, the MSW handlers and the
// backend all read this one table, so a shape is written once (ARCHITECTURE.md, rule 2).
import type { z } from 'zod';
import { AccountParams, AccountPivot, CrossCaseRefs } from './cross-case-pivots';
import { AuditEvent, AuditPage, AuditQuery, CaseAuditQuery } from './audit';
import { CaseContent, CaseDocument, NewCaseInput } from './case';
import { CommentInput, ConversationQuery, RequestParams, RequestTickInput, ReturnRequestList } from './conversation';
import { DecisionRecord } from './decision-record';
import {
  BulkAccountDecisionInput,
  BulkAccountDecisionResult,
  CaseAccountsPage,
  CaseAccountsQuery,
  CaseActionsPage,
  CaseActionsQuery,
  CSV_EXPORT_PATHS,
  CsvText,
} from './designation-lists';
import { ExpiringActionsPage, ExpiringActionsQuery } from './expiring-actions';
import { CasePresence, PresenceInput } from './live';
import {
  ChangePasswordInput,
  DirectoryUser,
  DirectoryUserList,
  NewUserInput,
  PasswordSignInInput,
  RolesInput,
  SetPasswordInput,
  SetPasswordLink,
  UserEventPage,
  UserEventQuery,
  UserIdParams,
} from './identity';
import { Session } from './session';
import { anyRole, everyRole, endpoint, type EndpointDefinition } from './endpoint-definition';
import { firstPageEndpoints } from './first-page-endpoints';
import {
  AccountDecisionInput,
  ActionParams,
  ApplyActionInput,
  AssignmentInput,
  CaseIdParams,
  DecisionInput,
  PeriodicReviewInput,
  ReapplyActionInput,
  LiftActionInput,
  ManipulationDecisionInput,
  ManipulationProposalInput,
  ReapplicationDecisionInput,
  ReapplicationProposalsInput,
  AutoReapplyInput,
  ProposalParams,
  SubmitInput,
} from './requests';
import { User } from './users';

const writeErrors = ['validation', 'forbidden', 'not-found', 'invalid-transition', 'precondition-failed', 'precondition-required'] as const;

export const endpoints = {
  ...firstPageEndpoints,
  /**
   * Password sign-in to a local account (server only; the mock backend answers 404). A wrong name
   * and a wrong password get the same 401; repeated failures 429 with Retry-After (issue 11).
   */
  passwordSignIn: endpoint({
    method: 'POST', path: '/api/session/password', body: PasswordSignInInput, response: Session, roles: [],
    errors: ['validation', 'unauthenticated', 'rate-limited', 'not-found'],
  }),
  /** Sets a password with a set-password link's token (invitation or reset) and signs in. */
  setPassword: endpoint({
    method: 'POST', path: '/api/session/set-password', body: SetPasswordInput, response: Session, roles: [],
    errors: ['validation', 'unauthenticated', 'not-found'],
  }),
  /** Ends the session (the server clears its cookie); answers the signed-out session. */
  signOut: endpoint({ method: 'DELETE', path: '/api/session', response: Session, roles: [] }),
  /** Ends every session of the signed-in user, on every device, this one included. */
  signOutEverywhere: endpoint({
    method: 'DELETE', path: '/api/me/sessions', response: Session, roles: everyRole, errors: ['unauthenticated', 'not-found'],
  }),
  changePassword: endpoint({
    method: 'PUT', path: '/api/me/password', body: ChangePasswordInput, response: Session, roles: everyRole,
    errors: ['validation', 'unauthenticated', 'rate-limited', 'not-found'],
  }),
  /** The admin's directory: everyone, enabled or not, with how they sign in. */
  adminUsers: endpoint({ method: 'GET', path: '/api/admin/users', response: DirectoryUserList, roles: ['admin'], errors: ['forbidden', 'not-found'] }),
  /** Invites a person: a new account and a single-use set-password link to give them. */
  createUser: endpoint({
    method: 'POST', path: '/api/admin/users', body: NewUserInput, response: SetPasswordLink, successStatus: 201, roles: ['admin'],
    errors: ['validation', 'forbidden', 'invalid-transition', 'not-found'],
  }),
  changeRoles: endpoint({
    method: 'PUT', path: '/api/admin/users/:userId/roles', params: UserIdParams, body: RolesInput, response: DirectoryUser,
    roles: ['admin'], errors: ['validation', 'forbidden', 'invalid-transition', 'not-found'],
  }),
  disableUser: endpoint({
    method: 'POST', path: '/api/admin/users/:userId/disable', params: UserIdParams, response: DirectoryUser,
    roles: ['admin'], errors: ['forbidden', 'invalid-transition', 'not-found'],
  }),
  enableUser: endpoint({
    method: 'POST', path: '/api/admin/users/:userId/enable', params: UserIdParams, response: DirectoryUser,
    roles: ['admin'], errors: ['forbidden', 'not-found'],
  }),
  /** A new single-use set-password link; the old password and every session of the person end. */
  resetPassword: endpoint({
    method: 'POST', path: '/api/admin/users/:userId/password-link', params: UserIdParams, response: SetPasswordLink,
    roles: ['admin'], errors: ['forbidden', 'invalid-transition', 'not-found'],
  }),
  /** The directory's trail: who was invited, given or refused roles, disabled, reset; newest first. */
  userEvents: endpoint({
    method: 'GET', path: '/api/admin/events', query: UserEventQuery, response: UserEventPage, roles: ['admin'],
    errors: ['validation', 'forbidden', 'not-found'],
  }),
  me: endpoint({ method: 'GET', path: '/api/me', response: User, roles: everyRole, errors: ['unauthenticated'] }),
  createCase: endpoint({
    method: 'POST', path: '/api/cases', body: NewCaseInput, response: CaseDocument, successStatus: 201,
    roles: ['analyst'], errors: ['validation', 'forbidden'],
  }),
  getCase: endpoint({ method: 'GET', path: '/api/cases/:caseId', params: CaseIdParams, response: CaseDocument, errors: ['not-found'] }),
  updateCase: endpoint({
    method: 'PUT', path: '/api/cases/:caseId', params: CaseIdParams, body: CaseContent, response: CaseDocument,
    ifMatch: true, roles: ['analyst'], errors: writeErrors,
  }),
  submitCase: endpoint({
    method: 'POST', path: '/api/cases/:caseId/submit', params: CaseIdParams, body: SubmitInput, response: CaseDocument,
    ifMatch: true, roles: ['analyst'], errors: writeErrors,
  }),
  decideCase: endpoint({
    method: 'POST', path: '/api/cases/:caseId/decision', params: CaseIdParams, body: DecisionInput, response: CaseDocument,
    ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  periodicReview: endpoint({
    method: 'POST', path: '/api/cases/:caseId/periodic-review', params: CaseIdParams, body: PeriodicReviewInput,
    response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  decideAccount: endpoint({
    method: 'POST', path: '/api/cases/:caseId/accounts', params: CaseIdParams, body: AccountDecisionInput,
    response: CaseDocument, ifMatch: true, roles: anyRole, errors: writeErrors,
  }),
  /**
   * Issue 10 §3, R16: a page of the case's accounts as the case reads them (decided in their order, then
   * the suggested ones), filtered by status and a part of the handle; with the total.
   */
  caseAccounts: endpoint({
    method: 'GET', path: '/api/cases/:caseId/accounts', params: CaseIdParams, query: CaseAccountsQuery, response: CaseAccountsPage,
    errors: ['not-found', 'validation'],
  }),
  /**
   * R16 in bulk: one decision for the named accounts or for all a filter matches, by the rule of one
   * decision (roles and R18 as there); one new version, one audit event with the count. Answers the
   * new version and the count, not the case (which can be tens of megabytes).
   */
  decideAccountsInBulk: endpoint({
    method: 'POST', path: '/api/cases/:caseId/accounts/bulk-decision', params: CaseIdParams, body: BulkAccountDecisionInput,
    response: BulkAccountDecisionResult, ifMatch: true, roles: anyRole, errors: writeErrors,
  }),
  /** R19: every account of the case as CSV, streamed by the server. */
  caseAccountsCsv: endpoint({
    method: 'GET', path: CSV_EXPORT_PATHS.accounts, params: CaseIdParams, response: CsvText, errors: ['not-found'],
  }),
  /** R14-R15: a page of the case's actions, by state now and type, in the case's order or the latest first. */
  caseActions: endpoint({
    method: 'GET', path: '/api/cases/:caseId/actions', params: CaseIdParams, query: CaseActionsQuery, response: CaseActionsPage,
    errors: ['not-found', 'validation'],
  }),
  /** R19: every action of the case as CSV (with its state at the export), streamed by the server. */
  caseActionsCsv: endpoint({
    method: 'GET', path: CSV_EXPORT_PATHS.actions, params: CaseIdParams, response: CsvText, errors: ['not-found'],
  }),
  applyAction: endpoint({
    method: 'POST', path: '/api/cases/:caseId/actions', params: CaseIdParams, body: ApplyActionInput,
    response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  reapplyAction: endpoint({
    method: 'POST', path: '/api/cases/:caseId/actions/:actionId/reapply', params: ActionParams,
    body: ReapplyActionInput, response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  /** R14: a reviewer ends an active action before its time, with the reason (appeal, mistake). */
  liftAction: endpoint({
    method: 'POST', path: '/api/cases/:caseId/actions/:actionId/lift', params: ActionParams,
    body: LiftActionInput, response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  /**
   * R3: an analyst proposes platform-manipulation enforcement (permanent suspension) for accounts of
   * the establishing technical signals; on any case whose verdict carries the track, designated or not.
   */
  proposeManipulationEnforcement: endpoint({
    method: 'POST', path: '/api/cases/:caseId/manipulation-proposals', params: CaseIdParams, body: ManipulationProposalInput,
    response: CaseDocument, ifMatch: true, roles: ['analyst'], errors: writeErrors,
  }),
  /** R3 with R18: a reviewer other than the proposer and the case's authors approves or rejects it. */
  decideManipulationEnforcement: endpoint({
    method: 'POST', path: '/api/cases/:caseId/manipulation-proposals/:proposalId/decision', params: ProposalParams,
    body: ManipulationDecisionInput, response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  /**
   * R15: an import sends what it found: accounts whose visibility limit expired and which continue the
   * group's behaviour. Each becomes a proposal, applied at once where the case allows it.
   */
  proposeReapplications: endpoint({
    method: 'POST', path: '/api/cases/:caseId/reapplication-proposals', params: CaseIdParams, body: ReapplicationProposalsInput,
    response: CaseDocument, ifMatch: true, roles: anyRole, errors: writeErrors,
  }),
  /** R15: a reviewer re-applies the limit the proposal names, or dismisses the proposal. */
  decideReapplication: endpoint({
    method: 'POST', path: '/api/cases/:caseId/reapplication-proposals/:proposalId/decision', params: ProposalParams,
    body: ReapplicationDecisionInput, response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  /** R15: a reviewer allows (or stops) automatic re-application on the case. */
  setAutoReapply: endpoint({
    method: 'POST', path: '/api/cases/:caseId/reapplication-setting', params: CaseIdParams, body: AutoReapplyInput,
    response: CaseDocument, ifMatch: true, roles: ['reviewer'], errors: writeErrors,
  }),
  /** Issue 12 §6: sets a case's owner (analysts) or reviewer (reviewers); an audited change of the case. */
  assignCase: endpoint({
    method: 'POST', path: '/api/cases/:caseId/assignment', params: CaseIdParams, body: AssignmentInput, response: CaseDocument,
    ifMatch: true, errors: writeErrors,
  }),
  /** Issue 16 §4: the case's accounts, links and hashtags that other cases or designations name too, with the first of them. */
  crossCaseRefs: endpoint({
    method: 'GET', path: '/api/cases/:caseId/shared-with-other-cases', params: CaseIdParams, response: CrossCaseRefs, errors: ['not-found'],
  }),
  /** Issue 16 §4: the account page — every case the account appears in and what each holds about it. */
  accountPivot: endpoint({
    method: 'GET', path: '/api/accounts/:handle', params: AccountParams, response: AccountPivot, errors: ['validation'],
  }),
  /** R19: the case's trail, newest first, a page at a time. */
  caseAudit: endpoint({
    method: 'GET', path: '/api/cases/:caseId/audit', params: CaseIdParams, query: CaseAuditQuery, response: AuditPage,
    roles: everyRole, errors: ['not-found', 'validation'],
  }),
  /**
   * Issue 12 §1: the case's conversation — comments, submission notes, decisions with their rationale,
   * requests ticked off — newest first, a page at a time. Events of the trail, so kept for good (R19).
   */
  caseConversation: endpoint({
    method: 'GET', path: '/api/cases/:caseId/conversation', params: CaseIdParams, query: ConversationQuery, response: AuditPage,
    roles: everyRole, errors: ['not-found', 'validation'],
  }),
  /** A comment by an analyst or reviewer, on a case in any state; it does not change the case's version. */
  commentOnCase: endpoint({
    method: 'POST', path: '/api/cases/:caseId/comments', params: CaseIdParams, body: CommentInput, response: AuditEvent,
    successStatus: 201, errors: ['validation', 'forbidden', 'not-found'],
  }),
  /** Issue 12 §2: the latest return's requests and which are addressed. */
  returnRequests: endpoint({
    method: 'GET', path: '/api/cases/:caseId/requests', params: CaseIdParams, response: ReturnRequestList,
    roles: everyRole, errors: ['not-found'],
  }),
  /** The analyst ticks a request off (or reopens it) while the case is back with them. */
  tickRequest: endpoint({
    method: 'PUT', path: '/api/cases/:caseId/requests/:requestId', params: RequestParams, body: RequestTickInput,
    response: ReturnRequestList, roles: ['analyst'], errors: ['validation', 'forbidden', 'not-found', 'invalid-transition'],
  }),
  /**
   * Issue 12 §7: this tab has the case open (viewing or editing) or closed it (`gone`); answers who has
   * it open now. Not a change of the case: no version, no audit event. The stream `GET /api/live`
   * tells the others (contract/live.ts).
   */
  casePresence: endpoint({
    method: 'PUT', path: '/api/cases/:caseId/presence', params: CaseIdParams, body: PresenceInput, response: CasePresence,
    roles: everyRole, errors: ['validation', 'not-found'],
  }),
  /** R19: the whole trail; admins read it too (issue 11), without any case role. */
  audit: endpoint({ method: 'GET', path: '/api/audit', query: AuditQuery, response: AuditPage, roles: everyRole, errors: ['validation'] }),
  /** R15: actions expiring in a window, soonest first. */
  expiringActions: endpoint({
    method: 'GET', path: '/api/actions/expiring', query: ExpiringActionsQuery, response: ExpiringActionsPage, errors: ['validation'],
  }),
  /** R19: the statement of reasons of an approved designation (409 when there is none). */
  decisionRecord: endpoint({
    method: 'GET', path: '/api/cases/:caseId/decision-record', params: CaseIdParams, response: DecisionRecord,
    errors: ['not-found', 'invalid-transition'],
  }),
} as const satisfies Record<string, EndpointDefinition>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export type EndpointResponse<N extends EndpointName> = z.infer<Endpoints[N]['response']>;
export type EndpointBody<N extends EndpointName> = z.input<Endpoints[N]['body']>;
export type EndpointParams<N extends EndpointName> = z.input<Endpoints[N]['params']>;
export type EndpointQuery<N extends EndpointName> = z.input<Endpoints[N]['query']>;

/** Whether `user`'s roles let them call an endpoint at all (the backend's role gate, R18); per-case rules still apply. */
export function rolesAllow(user: { roles: readonly string[] } | null | undefined, name: EndpointName): boolean {
  const roles: readonly string[] = endpoints[name].roles;
  return roles.length === 0 || (user?.roles.some((role) => roles.includes(role)) ?? false);
}
