// The lifecycle rules (R8, R10, R12, R14-R18) as pure functions: a case, the caller and the clock
// in; the next case and the audit events out, or an ApiFailure saying why not. No storage, no HTTP.
import type { z } from 'zod';
import type { AuditEventType, FieldChange } from '../api/contract/audit';
import {
  designationInForce,
  emptyCaseContent,
  type AccountAssociation,
  type CaseContent,
  type EnforcementAction,
  type NewCaseInput,
  type StoredVerdict,
} from '../api/contract/case';
import type { FieldError } from '../api/contract/errors';
import { BULK_COUNT_PATH, type AccountFilter, type BulkAccountDecisionInput } from '../api/contract/designation-lists';
import type {
  AccountDecisionInput,
  ApplyActionInput,
  AssignmentInput,
  DecisionInput,
  PeriodicReviewInput,
  LiftActionInput,
  ReapplyActionInput,
  SubmitInput,
} from '../api/contract/requests';
import type { User } from '../api/contract/users';
import type { CaseContentModel } from '../engine/case-model';
import { ACTION_TARGETS, type AssociationBasis, type EnforcementActionType } from '../engine/policy-terms';
import { R8_decisionIsOverride } from '../engine/designation-rules';
import { R16_associationsToReview } from '../engine/association-recency';
import { R18_fourEyesBlock } from '../engine/four-eyes';
import {
  actionExpiresAt,
  DESIGNATION_ACTION_TYPES,
  EXPIRING_ACTION_TYPES,
  isActionActive,
  nextReviewAt,
  PLATFORM_MANIPULATION_ACTION_TYPES,
  R14_generalRulesAccounts,
  R14_needsDesignation,
} from '../engine/schedule';
import type { Verdict } from '../engine/verdict';
import { ApiFailure, forbidden, invalidTransition, validationFailure } from './backend-errors';
import type { StoredCase } from './storage';

export type EvaluateCase = (content: CaseContentModel, options: { now: string }) => Verdict;
export type IdKind = 'case' | 'event' | 'action' | 'request' | 'proposal';

export interface RuleEnv {
  user: User;
  now: string;
  newId: (kind: IdKind) => string;
  evaluate: EvaluateCase;
}

export interface EventSpec {
  type: AuditEventType;
  reason: string | null;
  /** Omitted on the main event: the backend fills in the case's field-level diff. */
  changes?: FieldChange[];
  /** People a comment mentions (issue 12 §8). */
  mentions?: string[];
}

export interface Transition {
  next: StoredCase;
  events: EventSpec[];
}

/** The content part of a stored case: what `evaluate` reads and what an update replaces. */
export function contentOf(record: CaseContent): CaseContent {
  const { actor, questions, rightsRiskAssessment, harm, signals, settings } = record;
  return structuredClone({ actor, questions, rightsRiskAssessment, harm, signals, settings });
}

/** One definition, in the contract: the designation page and the import use it too. */
export { designationInForce };

export function toStoredVerdict(verdict: Verdict): StoredVerdict {
  return {
    outcome: verdict.outcome,
    ruleIds: [...verdict.ruleIds],
    priority: verdict.priority,
    platformManipulationTrack: verdict.platformManipulationTrack !== null,
  };
}

const sameHandle = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * R16: accounts named in signals and not yet decided are shown as suggestions. They are derived
 * on every read rather than stored, so they follow the signals without extra writes or versions.
 * Handles match case-insensitively; the first spelling the signals use is the one shown. Linear in
 * the named accounts (one set lookup per handle): a detected cluster names up to 10,000 accounts per
 * signal, and every read of the case runs this. The SQL storage derives the same list in SQL.
 */
export function suggestedAccounts(record: Pick<StoredCase, 'accounts' | 'signals'>): AccountAssociation[] {
  const known = new Set(record.accounts.map((account) => account.handle.toLowerCase()));
  const suggested: AccountAssociation[] = [];
  for (const signal of record.signals) {
    for (const handle of signal.accounts) {
      const key = handle.toLowerCase();
      if (known.has(key)) continue;
      known.add(key);
      suggested.push(suggestedAssociation(handle));
    }
  }
  return suggested;
}

/** An account the signals name that nobody decided yet (R16). */
export function suggestedAssociation(handle: string): AccountAssociation {
  return { handle, status: 'suggested', basis: [], note: '', primaryUseFinding: false, decidedBy: null, decidedAt: null };
}

/** The case as it is read: its decided associations, then the suggested ones (R16). */
export function withSuggestedAccounts(record: StoredCase): StoredCase {
  return { ...record, accounts: [...record.accounts, ...suggestedAccounts(record)] };
}

// ---------------------------------------------------------------------------------------------
// create / update / submit

export function createCase(input: z.output<typeof NewCaseInput>, env: RuleEnv): Transition {
  const actor = { ...input.actor, hashtags: [], keywords: [], trendTerms: [] };
  const next: StoredCase = {
    ...emptyCaseContent(actor),
    id: env.newId('case'),
    version: 1,
    status: 'draft',
    createdBy: env.user.id,
    createdAt: env.now,
    updatedBy: env.user.id,
    updatedAt: env.now,
    // The author wrote the first content, so four eyes already counts them (R18).
    editorsSinceReview: [env.user.id],
    authors: [env.user.id],
    // Issue 12 §6: whoever opens a case owns it until another analyst takes it over.
    ownerId: env.user.id,
    reviewerId: null,
    submission: null,
    contentAtLastReview: null,
    reviews: [],
    designation: null,
    accounts: [],
    enforcementActions: [],
    manipulationProposals: [],
    reapplicationProposals: [],
    autoReapply: null,
  };
  return { next, events: [{ type: 'case.created', reason: null }] };
}

export function updateCase(record: StoredCase, content: CaseContent, env: RuleEnv): Transition {
  if (record.status !== 'draft') {
    throw invalidTransition(
      record.status === 'in_review'
        ? 'This case is in review and cannot be edited. A reviewer must return it first.'
        : `A ${record.status} case cannot be edited. Only drafts (including a designation under modification) can.`,
    );
  }
  const duplicates = duplicateIdErrors(content);
  if (duplicates.length > 0) throw validationFailure('Two items share an id.', duplicates);
  const editors = record.editorsSinceReview.includes(env.user.id)
    ? record.editorsSinceReview
    : [...record.editorsSinceReview, env.user.id];
  return {
    next: { ...record, ...structuredClone(content), editorsSinceReview: editors, authors: withAuthor(record.authors, env.user.id) },
    events: [{ type: 'case.updated', reason: null }],
  };
}

/** Items are diffed and referenced by id, so ids must be unique within their list. */
function duplicateIdErrors(content: CaseContent): FieldError[] {
  const lists: [string, { id: string }[]][] = [
    ['signals', content.signals],
    ['harm.physical.evidence', content.harm.physical.evidence],
    ['harm.psychological.evidence', content.harm.psychological.evidence],
    ['harm.informational.evidence', content.harm.informational.evidence],
  ];
  return lists.flatMap(([path, items]) => {
    const seen = new Set<string>();
    return items.flatMap((item, index) => {
      if (!seen.has(item.id)) {
        seen.add(item.id);
        return [];
      }
      return [{ path: `${path}.${index}.id`, message: 'id.duplicate' }];
    });
  });
}

/**
 * R13 (issue 12 §5): the engine's missing inputs, as field errors (the field, and the engine's message
 * key). A case with any of them is incomplete, and goes to review only once they are given.
 */
export function missingForSubmission(verdict: Verdict): FieldError[] {
  return verdict.missing.map((input) => ({ path: input.field, message: input.key }));
}

export function submitCase(record: StoredCase, input: z.output<typeof SubmitInput>, env: RuleEnv): Transition {
  if (record.status !== 'draft') {
    throw invalidTransition(`Only a draft can be submitted for review; this case is ${record.status}.`);
  }
  const content = contentOf(record);
  const evaluated = env.evaluate(content, { now: env.now });
  const missing = missingForSubmission(evaluated);
  if (missing.length > 0) {
    throw validationFailure(
      `The assessment is incomplete (R13): ${missing.length === 1 ? 'one input is' : `${missing.length} inputs are`} missing. Give ${missing.length === 1 ? 'it' : 'them'}, then submit.`,
      missing,
    );
  }
  const verdict = toStoredVerdict(evaluated);
  return {
    next: {
      ...record,
      status: 'in_review',
      submission: { submittedBy: env.user.id, submittedAt: env.now, verdict, contentAtSubmission: content },
      authors: withAuthor(record.authors, env.user.id),
    },
    events: [{ type: 'case.submitted', reason: input.note.trim() || null }],
  };
}

// ---------------------------------------------------------------------------------------------
// assignment (issue 12 §6)

/**
 * Sets the owner (an analyst, set by an analyst) or the reviewer (a reviewer, set by a reviewer) of a
 * case; `assignee` is the person `input.userId` names, null when it names nobody known. A reviewer who
 * created, edited or submitted the case cannot be its reviewer (R18, four eyes).
 */
export function assignCase(record: StoredCase, input: z.output<typeof AssignmentInput>, assignee: User | null, env: RuleEnv): Transition {
  const role = input.role === 'owner' ? 'analyst' : 'reviewer';
  if (!env.user.roles.includes(role)) {
    throw forbidden(`Only ${role}s assign the ${input.role} of a case (R18); ${env.user.name} is signed in as ${env.user.roles.join(' and ')}.`);
  }
  if (input.userId !== null) {
    if (!assignee) throw validationFailure(`There is nobody ${input.userId} to assign.`, [{ path: 'userId', message: 'assign.unknown' }]);
    if (!assignee.roles.includes(role)) {
      throw validationFailure(`${assignee.name} is not ${role === 'analyst' ? 'an analyst' : 'a reviewer'}.`, [{ path: 'userId', message: 'assign.role' }]);
    }
    if (input.role === 'reviewer' && fourEyesRefusal(record, assignee.id)) {
      throw validationFailure(`${assignee.name} created, edited or submitted this case, so another reviewer must review it (R18).`, [
        { path: 'userId', message: 'assign.fourEyes' },
      ]);
    }
  }
  const field = input.role === 'owner' ? 'ownerId' : 'reviewerId';
  const before = record[field];
  if (before === input.userId) throw invalidTransition(`The case's ${input.role} already is ${input.userId ?? 'nobody'}.`);
  return {
    next: { ...record, [field]: input.userId },
    events: [{ type: 'case.assigned', reason: null, changes: [{ path: field, before, after: input.userId }] }],
  };
}

// ---------------------------------------------------------------------------------------------
// review decisions (R8, R17, R18)

/** R18: the authors of a case, with `userId` added once. */
function withAuthor(authors: readonly string[], userId: string): string[] {
  return authors.includes(userId) ? [...authors] : [...authors, userId];
}

/**
 * R18 four eyes, enforced here and not only in the interface: nobody approves a case they created,
 * edited or submitted at any time in its history (a return does not wash the authorship out).
 */
export function fourEyesRefusal(record: StoredCase, userId: string): string | null {
  switch (R18_fourEyesBlock(record, userId)) {
    case 'submitted':
      return 'Four eyes (R18): you submitted this case, so another reviewer must decide it.';
    case 'edited':
      return 'Four eyes (R18): you created or edited this case at some point in its history, so another reviewer must decide it.';
    case null:
      return null;
  }
}

export function decideCase(record: StoredCase, input: z.output<typeof DecisionInput>, env: RuleEnv): Transition {
  if (record.status !== 'in_review' || !record.submission) {
    throw invalidTransition(`Only a case in review can be decided; this case is ${record.status}.`);
  }
  const refusal = fourEyesRefusal(record, env.user.id);
  if (refusal) throw forbidden(refusal);
  const modifying = designationInForce(record);
  if (input.decision === 'reject' && modifying) {
    throw invalidTransition(
      'This is a modification of a designation in force: approve it or return it to the analyst. To end the designation, withdraw it at periodic review.',
    );
  }
  // An override (R8) is a judgement about the threshold, not a way round missing inputs (issue 12 §5).
  if (input.decision === 'approve' && env.evaluate(contentOf(record), { now: env.now }).outcome === 'incomplete') {
    throw invalidTransition(
      'The assessment is incomplete (R13): a designation cannot be approved, even as an override (R8). Return the case to the analyst with what is missing.',
    );
  }
  const verdict = record.submission.verdict;
  // R8: a decision against the verdict at submission is an override and needs its own justification.
  const override = R8_decisionIsOverride(verdict.outcome, input.decision);
  const justification = input.overrideJustification?.trim() ?? '';
  if (override && justification === '') {
    throw validationFailure(
      `Deciding "${input.decision}" against a verdict of "${verdict.outcome}" is an override (R8) and needs a written justification.`,
      [{ path: 'overrideJustification', message: 'required' }],
    );
  }
  const content = contentOf(record);
  const base: StoredCase = {
    ...record,
    reviews: [
      ...record.reviews,
      {
        decision: input.decision,
        decidedBy: env.user.id,
        decidedAt: env.now,
        rationale: input.rationale,
        override: override ? { justification } : null,
        verdictAtDecision: verdict,
        // Issue 12 §2: a return's requests, each with an id the analyst ticks off.
        requests: input.requests.map((request) => ({ id: env.newId('request'), text: request.text, target: request.target })),
      },
    ],
    editorsSinceReview: [],
    contentAtLastReview: content,
  };
  const events: EventSpec[] = [];
  if (input.decision === 'approve') {
    base.status = 'designated';
    base.designation = {
      approvedBy: env.user.id,
      approvedAt: env.now,
      // A re-approved modification keeps the date the actor was first designated (R19's statement of reasons).
      firstApprovedAt: modifying && record.designation ? record.designation.firstApprovedAt : env.now,
      rationale: input.rationale,
      lastReviewedAt: env.now,
      nextReviewAt: nextReviewAt(env.now, record.settings),
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalRationale: null,
    };
    events.push({ type: 'case.approved', reason: input.rationale });
  } else if (input.decision === 'return') {
    base.status = 'draft';
    events.push({ type: 'case.returned', reason: input.rationale });
  } else {
    base.status = 'rejected';
    events.push({ type: 'case.rejected', reason: input.rationale });
  }
  if (override) {
    events.push({
      type: 'case.override',
      reason: justification,
      changes: [{ path: 'verdict', before: verdict.outcome, after: input.decision }],
    });
  }
  return { next: base, events };
}

// ---------------------------------------------------------------------------------------------
// periodic review (R17)

export function periodicReview(record: StoredCase, input: z.output<typeof PeriodicReviewInput>, env: RuleEnv): Transition {
  if (record.status !== 'designated' || !record.designation || !designationInForce(record)) {
    throw invalidTransition(`Only a designated case has periodic reviews; this case is ${record.status}.`);
  }
  const reviewed = {
    ...record.designation,
    lastReviewedAt: env.now,
    nextReviewAt: nextReviewAt(env.now, record.settings),
  };
  const common = { editorsSinceReview: [], contentAtLastReview: contentOf(record) };
  if (input.outcome === 'maintain' || input.outcome === 'modify') {
    // R16: the associations without recent activity are confirmed or ended with the review.
    const associations = reviewAssociations(record, input.associations, env);
    const main: EventSpec = input.outcome === 'maintain'
      ? { type: 'case.review-maintained', reason: input.rationale }
      : { type: 'case.review-modify', reason: input.rationale };
    return {
      next: {
        ...record,
        ...common,
        // Modify: back to draft for the analysts; the designation and its actions stay in force meanwhile.
        ...(input.outcome === 'modify' ? { status: 'draft' as const } : {}),
        designation: reviewed,
        accounts: associations.accounts,
        enforcementActions: associations.actions,
      },
      events: [main, ...associations.events],
    };
  }
  // A withdrawal ends the designation's actions; the associations stay as they were, on the record.
  const ended = endActions(
    record.enforcementActions,
    (action) => DESIGNATION_ACTION_TYPES.includes(action.type),
    'withdrawn',
    env.now,
  );
  return {
    next: {
      ...record,
      ...common,
      status: 'withdrawn',
      designation: { ...record.designation, withdrawnAt: env.now, withdrawnBy: env.user.id, withdrawalRationale: input.rationale },
      enforcementActions: ended.actions,
    },
    events: [{ type: 'case.withdrawn', reason: input.rationale }, ...ended.events],
  };
}

/**
 * R16 at the periodic review (R17): every confirmed association with no activity in the review period
 * must be confirmed again or ended; the reviewer may decide other associations too. Ending one lifts
 * the designation-based actions on its account, as un-associating it does.
 */
function reviewAssociations(
  record: StoredCase,
  decisions: z.output<typeof PeriodicReviewInput>['associations'],
  env: RuleEnv,
): { accounts: AccountAssociation[]; actions: EnforcementAction[]; events: EventSpec[] } {
  const problems: FieldError[] = [];
  decisions.forEach((decision, index) => {
    const known = record.accounts.find((account) => sameHandle(account.handle, decision.handle));
    if (!known || known.status !== 'confirmed') problems.push({ path: `associations.${index}.handle`, message: 'review.notAssociated' });
  });
  const undecided = R16_associationsToReview(record, env.now).filter(
    (handle) => !decisions.some((decision) => sameHandle(decision.handle, handle)),
  );
  if (undecided.length > 0) problems.push({ path: 'associations', message: 'review.associationsUndecided' });
  if (problems.length > 0) {
    throw validationFailure(
      undecided.length > 0
        ? `Confirm or end each association without recent activity first (R16): ${undecided.map((handle) => `@${handle}`).join(', ')}.`
        : 'Only confirmed associations can be decided at a periodic review (R16).',
      problems,
    );
  }
  let accounts = record.accounts;
  let actions = record.enforcementActions;
  const events: EventSpec[] = [];
  for (const decision of decisions) {
    accounts = accounts.map((account) =>
      sameHandle(account.handle, decision.handle)
        ? {
          ...account,
          status: decision.keep ? 'confirmed' : 'rejected',
          primaryUseFinding: decision.keep && account.primaryUseFinding,
          decidedBy: env.user.id,
          decidedAt: env.now,
        }
        : account,
    );
    events.push({
      type: decision.keep ? 'account.associated' : 'account.rejected',
      reason: decision.keep ? `@${decision.handle}: association confirmed at the periodic review (R16).` : `@${decision.handle}: association ended at the periodic review, no recent activity (R16).`,
      changes: [{ path: `accounts[${decision.handle}].status`, before: 'confirmed', after: decision.keep ? 'confirmed' : 'rejected' }],
    });
    if (!decision.keep) {
      const ended = endActions(
        actions,
        (action) => action.target === 'account' && sameHandle(action.targetRef, decision.handle) && DESIGNATION_ACTION_TYPES.includes(action.type),
        'lifted',
        env.now,
      );
      actions = ended.actions;
      events.push(...ended.events);
    }
  }
  return { accounts, actions, events };
}

/** Ends the still-active actions `which` selects, with one `action.ended` event each. */
function endActions(
  actions: EnforcementAction[],
  which: (action: EnforcementAction) => boolean,
  reason: NonNullable<EnforcementAction['endedReason']>,
  now: string,
): { actions: EnforcementAction[]; events: EventSpec[] } {
  const events: EventSpec[] = [];
  const next = actions.map((action) => {
    if (!which(action) || !isActionActive(action, now)) return action;
    events.push({
      type: 'action.ended',
      reason,
      changes: [
        { path: `enforcementActions[${action.id}].endedAt`, before: null, after: now },
        { path: `enforcementActions[${action.id}].endedReason`, before: null, after: reason },
      ],
    });
    return { ...action, endedAt: now, endedReason: reason };
  });
  return { actions: next, events };
}

// ---------------------------------------------------------------------------------------------
// accounts (R16)

/** One decision on associations (R16), for one account or for many: the status, its basis and note, and the R14 finding. */
export interface AssociationDecision {
  status: 'confirmed' | 'rejected';
  basis: readonly AssociationBasis[];
  note: string;
  primaryUseFinding: boolean;
}

type AssociationStatus = AccountAssociation['status'];

interface DecidedAssociations {
  accounts: AccountAssociation[];
  actions: EnforcementAction[];
  /** One `action.ended` event per action that lost its basis. */
  ended: EventSpec[];
  /** The accounts decided, each once (handles compared case-blind). */
  count: number;
  /** How many of them had each status before (an account nobody had decided counts as suggested). */
  before: Record<AssociationStatus, number>;
}

/**
 * R16 with R14 and R18, the rule of an association decision, written once for one account and for a
 * bulk decision (issue 10 §3): the case needs a designation in force; a confirmation needs a basis;
 * each account named gets the decision (an account not yet in the list is added at its end, one in
 * it keeps its place and spelling); the designation-based actions that lose their basis — the account
 * is no longer associated, or a primary-use suspension lost the finding — are ended, one event each;
 * and only a reviewer may decide what ends enforcement (R18). One pass over the accounts and one over
 * the actions however many handles are named, so 10,000 of 100,000 accounts are one step.
 */
function decideAssociations(
  record: StoredCase,
  handles: readonly string[],
  decision: AssociationDecision,
  env: RuleEnv,
  refusal: (endedCount: number) => string,
): DecidedAssociations {
  const inForce = designationInForce(record) && (record.status === 'designated' || record.status === 'draft');
  if (!inForce) {
    throw invalidTransition(
      'Accounts are associated with a designated actor: the case needs a designation in force (designated, or a designation under modification).',
    );
  }
  const confirmed = decision.status === 'confirmed';
  if (confirmed && decision.basis.length === 0) {
    throw validationFailure('Confirming an association needs at least one basis (R16).', [
      { path: 'basis', message: 'association.basisRequired' },
    ]);
  }
  const primaryUseFinding = confirmed && decision.primaryUseFinding;
  const basis = [...new Set(decision.basis)];
  const associationOf = (handle: string): AccountAssociation => ({
    handle, status: decision.status, basis: [...basis], note: decision.note, primaryUseFinding, decidedBy: env.user.id, decidedAt: env.now,
  });
  // Where each handle is in the list (the first of equal handles, as a search from the start finds it).
  const indexOf = new Map<string, number>();
  record.accounts.forEach((account, index) => {
    const key = account.handle.toLowerCase();
    if (!indexOf.has(key)) indexOf.set(key, index);
  });
  const accounts = [...record.accounts];
  const decided = new Set<string>();
  const before: Record<AssociationStatus, number> = { suggested: 0, confirmed: 0, rejected: 0 };
  for (const handle of handles) {
    const key = handle.toLowerCase();
    if (decided.has(key)) continue;
    decided.add(key);
    const index = indexOf.get(key);
    const current = index === undefined ? undefined : accounts[index];
    if (index === undefined || !current) {
      before.suggested += 1;
      indexOf.set(key, accounts.length);
      accounts.push(associationOf(handle));
    } else {
      before[current.status] += 1;
      accounts[index] = associationOf(current.handle);
    }
  }
  // An action loses its basis when its account is no longer associated, or no longer has the
  // primary-use finding a primary-use suspension rests on: it is lifted, with an event.
  const ended = endActions(
    record.enforcementActions,
    (action) =>
      action.target === 'account' &&
      decided.has(action.targetRef.toLowerCase()) &&
      DESIGNATION_ACTION_TYPES.includes(action.type) &&
      (!confirmed || (action.type === 'suspend-primary-use' && !primaryUseFinding)),
    'lifted',
    env.now,
  );
  // R18: ending enforcement is a reviewer's decision; an analyst may associate and un-associate an
  // account only while no action rests on it (else a reviewer's suspension ends by an analyst's click).
  if (ended.events.length > 0 && !env.user.roles.includes('reviewer')) throw forbidden(refusal(ended.events.length));
  return { accounts, actions: ended.actions, ended: ended.events, count: decided.size, before };
}

const endingActions = (count: number) => (count === 1 ? 'an enforcement action' : `${count} enforcement actions`);

export function decideAccount(record: StoredCase, input: z.output<typeof AccountDecisionInput>, env: RuleEnv): Transition {
  const decided = decideAssociations(
    record,
    [input.handle],
    input,
    env,
    (count) => `Un-associating @${input.handle} would end ${endingActions(count)} on it; only a reviewer may decide that (R18).`,
  );
  return {
    next: { ...record, accounts: decided.accounts, enforcementActions: decided.actions },
    events: [
      { type: input.status === 'confirmed' ? 'account.associated' : 'account.rejected', reason: input.note.trim() || null },
      ...decided.ended,
    ],
  };
}

/**
 * Issue 10 §3: the same decision (R16) for many accounts at once — the handles a list named, or all
 * that matched a filter — by the rule of one decision (decideAssociations), as one change of the case:
 * one version, and one event of the decision's type whose changes say how many accounts, from which
 * statuses to which, and how they were chosen (`selection`), plus an event per action it ended (R19).
 * Each association records who decided it and when, like a single decision's.
 */
export function decideAccountsInBulk(
  record: StoredCase,
  handles: readonly string[],
  input: Pick<z.output<typeof BulkAccountDecisionInput>, 'decision' | 'basis' | 'note' | 'primaryUseFinding'>,
  selection: { handles: number } | { allMatching: z.output<typeof AccountFilter> },
  env: RuleEnv,
): Transition {
  if (handles.length === 0) {
    throw validationFailure('No account matches: there is nothing to decide.', [{ path: 'allMatching', message: 'bulk.noneMatching' }]);
  }
  const decided = decideAssociations(
    record,
    handles,
    { status: input.decision, basis: input.basis, note: input.note, primaryUseFinding: input.primaryUseFinding },
    env,
    (count) => `Un-associating these accounts would end ${endingActions(count)} on them; only a reviewer may decide that (R18).`,
  );
  const before = Object.fromEntries(Object.entries(decided.before).filter(([, count]) => count > 0));
  return {
    next: { ...record, accounts: decided.accounts, enforcementActions: decided.actions },
    events: [
      {
        type: input.decision === 'confirmed' ? 'account.associated' : 'account.rejected',
        reason: input.note.trim() || null,
        changes: [
          { path: BULK_COUNT_PATH, before: null, after: decided.count },
          { path: 'accounts.statuses', before, after: { [input.decision]: decided.count } },
          { path: 'accounts.selection', before: null, after: selection },
        ],
      },
      ...decided.ended,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// enforcement actions (R14, R15)

function requireDesignation(record: StoredCase): void {
  if (!designationInForce(record)) {
    throw invalidTransition('Enforcement actions are available only while a designation is in force (R14).');
  }
}

/** Account-target actions need a confirmed association, and a primary-use suspension the finding. */
function checkAccountTarget(record: StoredCase, type: EnforcementActionType, handle: string): void {
  const account = record.accounts.find((candidate) => sameHandle(candidate.handle, handle));
  if (!account || account.status !== 'confirmed') {
    throw validationFailure(`@${handle} is not a confirmed associated account (R16); confirm it before acting on it.`, [
      { path: 'targetRef', message: 'action.accountNotConfirmed' },
    ]);
  }
  if (type === 'suspend-primary-use' && !account.primaryUseFinding) {
    throw validationFailure(
      `Suspending @${handle} for primary use needs the finding that its primary use is to propagate the activity (R14).`,
      [{ path: 'targetRef', message: 'action.primaryUseFindingRequired' }],
    );
  }
}

/** R14: an action under the general Rules is aimed at an account of the case (named in a signal, or associated). */
function checkGeneralRulesAccount(record: StoredCase, handle: string): void {
  const accounts = R14_generalRulesAccounts(record.signals, record.accounts);
  if (!accounts.some((account) => sameHandle(account, handle))) {
    throw validationFailure(
      `@${handle} is not an account of this case: name it in a coordination signal or associate it first (R14).`,
      [{ path: 'targetRef', message: 'action.accountNotInCase' }],
    );
  }
}

export function applyAction(record: StoredCase, input: z.output<typeof ApplyActionInput>, env: RuleEnv): Transition {
  // R3's suspension follows a reviewer's decision on a proposal, with its four eyes; never applied directly.
  if (PLATFORM_MANIPULATION_ACTION_TYPES.includes(input.type)) {
    throw invalidTransition(
      'A suspension for platform manipulation is applied by a reviewer\'s decision on an analyst\'s proposal (R3, R18), not directly.',
    );
  }
  // The framework's own actions need a designation in force; those under the general Rules do not (R14).
  if (R14_needsDesignation(input.type) && !designationInForce(record)) {
    throw invalidTransition(
      'This action is available only while a designation is in force (R14). Without one, the general Rules still allow Tweet removal and suspension for severe or repeated violations.',
    );
  }
  if (!ACTION_TARGETS[input.type].includes(input.target)) {
    throw validationFailure(`"${input.type}" cannot be aimed at a ${input.target}.`, [
      { path: 'target', message: 'action.targetMismatch' },
    ]);
  }
  const targetRef = input.target === 'account' ? input.targetRef.replace(/^@/, '') : input.targetRef;
  if (input.target === 'account') {
    if (R14_needsDesignation(input.type)) checkAccountTarget(record, input.type, targetRef);
    else checkGeneralRulesAccount(record, targetRef);
  }
  const duplicate = record.enforcementActions.find(
    (action) =>
      action.type === input.type &&
      action.target === input.target &&
      action.targetRef.toLowerCase() === targetRef.toLowerCase() &&
      isActionActive(action, env.now),
  );
  if (duplicate) {
    throw invalidTransition(`The same action is already active on ${targetRef} (${duplicate.id}).`);
  }
  const action: EnforcementAction = {
    id: env.newId('action'),
    type: input.type,
    target: input.target,
    targetRef,
    basis: input.basis,
    appliedBy: env.user.id,
    appliedAt: env.now,
    expiresAt: actionExpiresAt(input.type, env.now, record.settings),
    reappliesId: null,
    endedAt: null,
    endedReason: null,
  };
  return {
    next: { ...record, enforcementActions: [...record.enforcementActions, action] },
    events: [{ type: 'action.applied', reason: input.basis }],
  };
}

/**
 * R14: a reviewer lifts an active action before its time (an appeal upheld, a mistake), designation
 * or not, with the reason on the action and in the audit trail.
 */
export function liftAction(record: StoredCase, actionId: string, input: z.output<typeof LiftActionInput>, env: RuleEnv): Transition {
  const action = record.enforcementActions.find((candidate) => candidate.id === actionId);
  if (!action) throw new ApiFailure('not-found', `No action ${actionId} on this case.`);
  if (!isActionActive(action, env.now)) {
    throw invalidTransition(
      action.endedAt === null ? 'This action has expired already; there is nothing to lift.' : `This action was ${action.endedReason ?? 'ended'} already; there is nothing to lift.`,
    );
  }
  // Ended like any other action (endActions), with the reviewer's reason on it and on its event.
  const ended = endActions(record.enforcementActions, (candidate) => candidate.id === actionId, 'lifted-by-reviewer', env.now);
  return {
    next: {
      ...record,
      enforcementActions: ended.actions.map((candidate) => (candidate.id === actionId ? { ...candidate, endedNote: input.reason } : candidate)),
    },
    events: ended.events.map((event) => ({ ...event, reason: input.reason })),
  };
}

export function reapplyAction(
  record: StoredCase,
  actionId: string,
  input: z.output<typeof ReapplyActionInput>,
  env: RuleEnv,
): Transition {
  const previous = record.enforcementActions.find((action) => action.id === actionId);
  if (!previous) throw new ApiFailure('not-found', `No action ${actionId} on this case.`);
  requireDesignation(record);
  if (!EXPIRING_ACTION_TYPES.includes(previous.type)) {
    throw invalidTransition(`"${previous.type}" does not expire, so it cannot be re-applied (R15).`);
  }
  if (previous.endedAt !== null) {
    throw invalidTransition(`This action was ${previous.endedReason ?? 'ended'}; apply a new action instead.`);
  }
  if (isActionActive(previous, env.now)) {
    throw invalidTransition(`This action is still active until ${previous.expiresAt ?? 'it is ended'}; re-apply it once it has expired.`);
  }
  const successor = record.enforcementActions.find((action) => action.reappliesId === previous.id);
  if (successor) {
    throw invalidTransition(`This action was already re-applied as ${successor.id}.`);
  }
  if (previous.target === 'account') checkAccountTarget(record, previous.type, previous.targetRef);
  const action: EnforcementAction = {
    ...previous,
    id: env.newId('action'),
    basis: input.justification,
    appliedBy: env.user.id,
    appliedAt: env.now,
    expiresAt: actionExpiresAt(previous.type, env.now, record.settings),
    reappliesId: previous.id,
    endedAt: null,
    endedReason: null,
  };
  return {
    next: { ...record, enforcementActions: [...record.enforcementActions, action] },
    events: [{ type: 'action.reapplied', reason: input.justification }],
  };
}
