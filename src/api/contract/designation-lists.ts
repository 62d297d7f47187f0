// Issue 10 §3: a designation's associated accounts (R16) and enforcement actions (R14-R15), a page at a
// time and as CSV files, for designations with 100,000 of each; and the bulk decision on associations.
// The case document still carries both lists; these are what the designation page reads instead.
import { z } from 'zod';
import { isActionActive } from '../../engine/schedule';
import { AccountAssociation, EnforcementAction } from './case';
import { AssociationBasis, EnforcementActionType } from './policy-terms';
import { AccountHandle, longText } from './primitives';


export const AccountStatus = AccountAssociation.shape.status;
export type AccountStatus = z.infer<typeof AccountStatus>;

/** The most rows one page carries. */
export const MAX_LIST_PAGE = 500;
/** The most handles one bulk decision names; more are decided with `allMatching`. */
export const MAX_BULK_HANDLES = 10_000;

const offset = z.coerce.number().int().min(0).max(10_000_000).default(0);
const limit = z.coerce.number().int().min(1).max(MAX_LIST_PAGE).default(50);

/**
 * A handle's part, compared case-blind: typed as the analyst types it (`@Grey`), kept as `grey`. An
 * empty search is no search.
 */
export const HandleSearch = z
  .string()
  .trim()
  .max(50)
  .transform((text) => text.replace(/^@/, '').toLowerCase())
  .transform((text) => (text === '' ? undefined : text));

/** Which of the case's accounts: by status (suggested ones are derived from the signals, R16) and handle. */
export const AccountFilter = z.object({
  status: z.optional(AccountStatus),
  q: z.optional(HandleSearch),
});
export type AccountFilter = z.input<typeof AccountFilter>;

export const CaseAccountsQuery = AccountFilter.extend({ offset, limit });
export type CaseAccountsQuery = z.input<typeof CaseAccountsQuery>;

export const CaseAccountsPage = z.object({
  items: z.array(AccountAssociation),
  /** How many match, over all pages. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type CaseAccountsPage = z.infer<typeof CaseAccountsPage>;

/**
 * `in-force`: active now (not ended, not expired, R15); `ended`: no longer in force, whether it
 * expired or was ended (lifted, withdrawn).
 */
export const ActionState = z.enum(['in-force', 'ended']);
export type ActionState = z.infer<typeof ActionState>;

export const CaseActionsQuery = z.object({
  state: z.optional(ActionState),
  type: z.optional(EnforcementActionType),
  /** `desc`: the latest applied first (the designation page); `asc`: the case's order. */
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset,
  limit,
});
export type CaseActionsQuery = z.input<typeof CaseActionsQuery>;

export const CaseActionsPage = z.object({
  items: z.array(EnforcementAction),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type CaseActionsPage = z.infer<typeof CaseActionsPage>;

/** Whether an action is in the state a query asks for, at `now` (the storages answer the same, R15). */
export function actionInState(action: Pick<EnforcementAction, 'expiresAt' | 'endedAt'>, state: ActionState, now: string): boolean {
  return isActionActive(action, now) === (state === 'in-force');
}

/**
 * R16 in bulk: the same decision for many accounts, named (`handles`) or every account a filter
 * matches now (`allMatching`, as the list showed it: the If-Match version says which list that was).
 * `decision` is the association's new status; basis, note and the R14 primary-use finding as for one.
 */
export const BulkAccountDecisionInput = z
  .object({
    handles: z.optional(z.array(AccountHandle).min(1, 'bulk.noAccounts').max(MAX_BULK_HANDLES, 'bulk.tooMany')),
    allMatching: z.optional(AccountFilter),
    decision: z.enum(['confirmed', 'rejected']),
    basis: z.array(AssociationBasis).default([]),
    note: longText(2_000).default(''),
    primaryUseFinding: z.boolean().default(false),
  })
  .refine((input) => (input.handles === undefined) !== (input.allMatching === undefined), {
    message: 'bulk.handlesOrAllMatching',
    path: ['handles'],
  });
export type BulkAccountDecisionInput = z.input<typeof BulkAccountDecisionInput>;

/** What a bulk decision answers: the case's new version (also its ETag) and what it did. */
export const BulkAccountDecisionResult = z.object({
  caseId: z.string(),
  version: z.number().int().min(1),
  /** Accounts decided, each once. */
  decided: z.number().int().min(0),
  /** Designation-based actions ended because their accounts lost the basis (R14, R16). */
  endedActions: z.number().int().min(0),
});
export type BulkAccountDecisionResult = z.infer<typeof BulkAccountDecisionResult>;

/**
 * The change of a bulk decision's event that says how many accounts it decided; beside it
 * `accounts.statuses` (how many had each status before, and the status after) and `accounts.selection`
 * (`{ handles: n }` named, or `{ allMatching: filter }`). The trail's sentence reads the count.
 */
export const BULK_COUNT_PATH = 'accounts.count';

/** Where the CSV exports are: links to them live outside the endpoint table's first-page part. */
export const CSV_EXPORT_PATHS = {
  accounts: '/api/cases/:caseId/accounts.csv',
  actions: '/api/cases/:caseId/actions.csv',
} as const;

/** The CSV exports' text: a header row, then one record per account or action (RFC 4180, CRLF). */
export const CsvText = z.string();

export const ACCOUNT_CSV_COLUMNS = ['handle', 'status', 'basis', 'primaryUseFinding', 'decidedBy', 'decidedAt', 'note'] as const;

export function accountCsvRow(account: AccountAssociation): string[] {
  return [
    account.handle,
    account.status,
    // Several bases in one cell, with a separator no basis holds.
    account.basis.join(' '),
    account.primaryUseFinding ? 'yes' : 'no',
    account.decidedBy ?? '',
    account.decidedAt ?? '',
    account.note,
  ];
}

export const ACTION_CSV_COLUMNS = [
  'id',
  'type',
  'target',
  'targetRef',
  'basis',
  'appliedBy',
  'appliedAt',
  'expiresAt',
  'stateAtExport',
  'reappliesId',
  'endedAt',
  'endedReason',
] as const;

/** An action's state at an instant, as the designation page shows it: ended is ended, else active or expired (R15). */
export function actionStateAt(action: Pick<EnforcementAction, 'expiresAt' | 'endedAt'>, now: string): 'active' | 'expired' | 'ended' {
  // The server stamps the end with its own clock, which may run ahead of a browser's `now`.
  if (action.endedAt !== null) return 'ended';
  return isActionActive(action, now) ? 'active' : 'expired';
}

export function actionCsvRow(action: EnforcementAction, now: string): string[] {
  return [
    action.id,
    action.type,
    action.target,
    action.targetRef,
    action.basis,
    action.appliedBy,
    action.appliedAt,
    action.expiresAt ?? '',
    actionStateAt(action, now),
    action.reappliesId ?? '',
    action.endedAt ?? '',
    action.endedReason ?? '',
  ];
}
