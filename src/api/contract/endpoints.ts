// The endpoint table: method, path, request, response, errors. The client, the MSW handlers and the
// backend all read this one table, so a shape is written once (ARCHITECTURE.md, rule 2).
import type { z } from 'zod';
import { AuditPage, AuditQuery, CaseAuditQuery } from './audit';
import { CaseContent, CaseDocument, NewCaseInput } from './case';
import { DecisionRecord } from './decision-record';
import { ExpiringActionsPage, ExpiringActionsQuery } from './expiring-actions';
import { DevelopmentSignInInput, Session } from './session';
import { anyRole, endpoint, type EndpointDefinition } from './endpoint-definition';
import { firstPageEndpoints } from './first-page-endpoints';
import {
  AccountDecisionInput,
  ActionParams,
  ApplyActionInput,
  CaseIdParams,
  DecisionInput,
  PeriodicReviewInput,
  ReapplyActionInput,
  LiftActionInput,
  SubmitInput,
} from './requests';
import { User } from './users';

const writeErrors = ['validation', 'forbidden', 'not-found', 'invalid-transition', 'precondition-failed', 'precondition-required'] as const;

export const endpoints = {
  ...firstPageEndpoints,
  /**
   * Development sign-in: the server sets a signed session cookie for the named demo user. Only where
   * the session says `signIn: 'development'`; elsewhere 404.
   */
  signIn: endpoint({
    method: 'POST', path: '/api/session/development', body: DevelopmentSignInInput, response: Session, roles: [],
    errors: ['validation', 'not-found'],
  }),
  /** Ends the session (the server clears its cookie); answers the signed-out session. */
  signOut: endpoint({ method: 'DELETE', path: '/api/session', response: Session, roles: [] }),
  me: endpoint({ method: 'GET', path: '/api/me', response: User, errors: ['unauthenticated'] }),
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
  /** R19: the case's trail, newest first, a page at a time. */
  caseAudit: endpoint({
    method: 'GET', path: '/api/cases/:caseId/audit', params: CaseIdParams, query: CaseAuditQuery, response: AuditPage,
    errors: ['not-found', 'validation'],
  }),
  audit: endpoint({ method: 'GET', path: '/api/audit', query: AuditQuery, response: AuditPage, errors: ['validation'] }),
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
