// The case document (FRAMEWORK.md §1-§7): what an analyst edits and what the server keeps around it.
import { z } from 'zod';
import {
  AccountHandle,
  CalendarDate,
  SafeLink,
  TagList,
  longText,
  shortText,
} from './primitives';
import { Id, UtcTimestamp } from './scalars';
import { ReturnRequest } from './conversation';
import { ContinuationFinding, ContinuationPost } from './continuation';
import { MAX_CONTINUATION_EXAMPLES } from '../../engine/detection/continuation-limits';
import {
  ActorKind,
  AssociationBasis,
  CaseStatus,
  EnforcementActionType,
  EnforcementTarget,
  EvidenceState,
  Observed,
  PolicyArea,
  RubricLevel,
  Severity,
  SignalKind,
  SignalStrength,
  SignalTechnique,
  VerdictOutcome,
} from './policy-terms';
import type { HarmCategory as HarmCategoryName } from '../../engine/policy-terms';
import type {
  ActorModel,
  AssessmentQuestionsModel,
  CaseContentModel,
  CaseSettingsModel,
  CoordinationSignalModel,
  HarmAssessmentModel,
  HarmEvidenceItemModel,
} from '../../engine/case-model';
import { DEFAULT_CASE_SETTINGS as ENGINE_DEFAULT_SETTINGS, SIGNAL_ACTIVITY_LIMITS } from '../../engine/case-model';

/** §1: the group, movement or campaign under assessment. */
export const Actor = z.object({
  kind: ActorKind,
  name: shortText(200).min(1, 'required'),
  aliases: TagList,
  /** Unified purpose (group, movement) or the campaign's clear goal. */
  purpose: longText(5_000),
  geographies: TagList,
  languages: TagList,
  hashtags: TagList,
  keywords: TagList,
  trendTerms: TagList,
  /** R9: activism, speaking truth to power, awareness campaigns or similar. */
  activismContext: z.boolean(),
}) satisfies z.ZodType<ActorModel>;
export type Actor = z.infer<typeof Actor>;

/** R12: the four assessment questions, answered in writing. */
export const AssessmentQuestions = z.object({
  identifiableGroup: longText(),
  coordinatedActivity: longText(),
  harmAcrossCategories: longText(),
  risksOfApplying: longText(),
}) satisfies z.ZodType<AssessmentQuestionsModel>;
export type AssessmentQuestions = z.infer<typeof AssessmentQuestions>;
export const ASSESSMENT_QUESTION_IDS = AssessmentQuestions.keyof().options;

export const HarmEvidenceItem = z.object({
  id: Id,
  description: longText(5_000).min(1, 'required'),
  observed: Observed,
  date: CalendarDate.nullable(),
  source: shortText(500),
  link: SafeLink,
  credibleSource: z.boolean(),
  /** R6a: the coordination signals whose results this harm shows (ids of the case's signals). */
  signalIds: z.array(Id).max(200).optional(),
}) satisfies z.ZodType<HarmEvidenceItemModel>;
export type HarmEvidenceItem = z.infer<typeof HarmEvidenceItem>;

/** R6: the rubric, one answer per criterion; `null` = not yet answered. */
export const RubricAnswers = z.object({
  magnitude: z.nullable(RubricLevel),
  sources: z.nullable(RubricLevel),
  likelihood: z.nullable(RubricLevel),
});
export type RubricAnswers = z.infer<typeof RubricAnswers>;

/** R5-R6: one harm category's assessment. */
export const HarmAssessment = z.object({
  policyAreas: z.array(PolicyArea).max(12),
  evidence: z.array(HarmEvidenceItem).max(5_000),
  rubric: RubricAnswers,
  /** The analyst's severity; `null` = not rated yet. */
  severity: z.nullable(Severity),
  /** Required when the severity differs from the rubric's suggestion (R6). */
  justification: longText(5_000),
}) satisfies z.ZodType<HarmAssessmentModel>;
export type HarmAssessment = z.infer<typeof HarmAssessment>;

export const HarmAssessments = z.object({
  physical: HarmAssessment,
  psychological: HarmAssessment,
  informational: HarmAssessment,
}) satisfies z.ZodType<Record<HarmCategoryName, HarmAssessment>>;
export type HarmAssessments = z.infer<typeof HarmAssessments>;

export const TimeWindow = z
  .object({ start: z.nullable(UtcTimestamp), end: z.nullable(UtcTimestamp) })
  .refine((w) => !w.start || !w.end || w.start <= w.end, { message: 'window.order', path: ['end'] });
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Caps of a signal's activity snapshot: a case document stays small enough to autosave. */
const { lanes: MAX_ACTIVITY_LANES, marks: MAX_ACTIVITY_MARKS, bins: MAX_ACTIVITY_BINS, sharedTexts: MAX_SHARED_TEXTS } = SIGNAL_ACTIVITY_LIMITS;

/** Issue 16 §1: the activity timeline a detected signal keeps (see SignalActivityModel for the mark code). */
export const SignalActivity = z
  .object({
    start: UtcTimestamp,
    end: UtcTimestamp,
    binSeconds: z.number().int().min(60).max(366 * 86_400),
    counts: z.array(z.number().int().min(0)).max(MAX_ACTIVITY_BINS),
    bursts: z.array(z.object({ start: UtcTimestamp, end: UtcTimestamp })).max(100),
    lanes: z
      .array(
        z.object({
          account: AccountHandle,
          posts: z.number().int().min(0),
          marks: z.array(z.tuple([z.number().min(0).max(1e10), z.number().int().min(0).max(127)])).max(MAX_ACTIVITY_MARKS),
        }),
      )
      .max(MAX_ACTIVITY_LANES),
  })
  .refine((a) => a.start <= a.end, { message: 'window.order', path: ['end'] })
  .refine((a) => a.lanes.reduce((n, lane) => n + lane.marks.length, 0) <= MAX_ACTIVITY_MARKS, { message: 'too_big', path: ['lanes'] });
export type SignalActivity = z.infer<typeof SignalActivity>;

/** R1-R2: a coordination signal on the evidence board. */
export const CoordinationSignal = z.object({
  id: Id,
  kind: SignalKind,
  technique: SignalTechnique,
  observed: Observed,
  description: longText(5_000),
  accounts: z.array(AccountHandle).max(10_000),
  window: TimeWindow,
  sources: z.array(SafeLink).max(100),
  strength: SignalStrength,
  evidenceState: EvidenceState,
  /** `detected` when added from an import's cluster (issue 6). */
  origin: z.enum(['manual', 'detected']),
  /** Issue 16 §4: texts the accounts posted alike; compared across cases by fingerprint. */
  sharedTexts: z.array(longText(1_000).min(1, 'required')).max(MAX_SHARED_TEXTS).optional(),
  /** Issue 16 §1: the activity timeline kept with a detected signal. */
  activity: SignalActivity.optional(),
}) satisfies z.ZodType<CoordinationSignalModel>;
export type CoordinationSignal = z.infer<typeof CoordinationSignal>;

/** R15/R17 per-case settings. Interpretation: defaults 30 and 90 days. */
export const CaseSettings = z.object({
  visibilityLimitDays: z.number().int().min(1).max(365),
  reviewIntervalDays: z.number().int().min(7).max(730),
}) satisfies z.ZodType<CaseSettingsModel>;
export type CaseSettings = z.infer<typeof CaseSettings>;
export const DEFAULT_CASE_SETTINGS: CaseSettings = ENGINE_DEFAULT_SETTINGS;

/** Everything an analyst edits: the body of `PUT /api/cases/:id`. */
export const CaseContent = z.object({
  actor: Actor,
  questions: AssessmentQuestions,
  /** R10: the written assessment of risks to speech and associational rights. */
  rightsRiskAssessment: longText(),
  harm: HarmAssessments,
  signals: z.array(CoordinationSignal).max(20_000),
  settings: CaseSettings,
}) satisfies z.ZodType<CaseContentModel>;
export type CaseContent = z.infer<typeof CaseContent>;

/** The body of `POST /api/cases`: only what the new-case form asks. */
export const NewCaseInput = z.object({
  actor: Actor.pick({ kind: true, name: true, purpose: true, activismContext: true }).extend({
    aliases: TagList.default([]),
    geographies: TagList.default([]),
    languages: TagList.default([]),
  }),
});
export type NewCaseInput = z.input<typeof NewCaseInput>;

/** R16: an account's association with the actor, confirmed by a person. */
export const AccountAssociation = z.object({
  handle: AccountHandle,
  status: z.enum(['suggested', 'confirmed', 'rejected']),
  basis: z.array(AssociationBasis),
  note: longText(2_000),
  /** R14: "primary use is to propagate the activity": needed before a primary-use suspension. */
  primaryUseFinding: z.boolean(),
  decidedBy: z.nullable(Id),
  decidedAt: z.nullable(UtcTimestamp),
});
export type AccountAssociation = z.infer<typeof AccountAssociation>;

/** R14-R15: one enforcement action; visibility-type actions carry an expiry. */
export const EnforcementAction = z.object({
  id: Id,
  type: EnforcementActionType,
  target: EnforcementTarget,
  /** Account handle, Tweet id or trend term. */
  targetRef: shortText(300).min(1),
  basis: longText(5_000).min(1),
  appliedBy: Id,
  appliedAt: UtcTimestamp,
  expiresAt: z.nullable(UtcTimestamp),
  /** Id of the action this one re-applies (R15). */
  reappliesId: z.nullable(Id),
  endedAt: z.nullable(UtcTimestamp),
  /**
   * `withdrawn`: the designation was withdrawn (R17); `lifted`: its account's association ended (R16);
   * `lifted-by-reviewer`: a reviewer lifted it before its time, on appeal or as a mistake (R14).
   */
  endedReason: z.enum(['withdrawn', 'lifted', 'lifted-by-reviewer']).nullable(),
  /** Why a reviewer lifted it (`lifted-by-reviewer` only). */
  endedNote: longText(5_000).nullable().optional(),
});
export type EnforcementAction = z.infer<typeof EnforcementAction>;

/** How many requests one return may carry (issue 12 §2). */
export const MAX_RETURN_REQUESTS = 50;

export const ReviewDecisionKind = z.enum(['approve', 'return', 'reject']);
export type ReviewDecisionKind = z.infer<typeof ReviewDecisionKind>;

/** The engine's verdict as stored with a submission (full detail lives in the engine's types). */
export const StoredVerdict = z.object({
  outcome: VerdictOutcome,
  ruleIds: z.array(z.string()),
  priority: z.number(),
  platformManipulationTrack: z.boolean(),
});
export type StoredVerdict = z.infer<typeof StoredVerdict>;

export const Submission = z.object({
  submittedBy: Id,
  submittedAt: UtcTimestamp,
  verdict: StoredVerdict,
  /** The content as submitted, so a reviewer sees what changed since the last review. */
  contentAtSubmission: CaseContent,
});
export type Submission = z.infer<typeof Submission>;

export const ReviewDecision = z.object({
  decision: ReviewDecisionKind,
  decidedBy: Id,
  decidedAt: UtcTimestamp,
  rationale: longText(10_000).min(1),
  /** R8: set when the decision goes against the verdict at submission. */
  override: z.object({ justification: longText(10_000).min(1) }).nullable(),
  verdictAtDecision: StoredVerdict,
  /** A return's requests to the analyst (issue 12 §2); empty for other decisions and older returns. */
  requests: z.array(ReturnRequest).max(MAX_RETURN_REQUESTS).default([]),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/**
 * R17: the approved designation. `approvedBy`/`approvedAt` are its latest approval (a modification
 * re-approved after a periodic review replaces them); `firstApprovedAt` is when the actor was first
 * designated, which no re-approval changes: the statement of reasons dates the facts from it (R19).
 */
export const Designation = z.object({
  approvedBy: Id,
  approvedAt: UtcTimestamp,
  firstApprovedAt: UtcTimestamp,
  rationale: longText(10_000),
  nextReviewAt: UtcTimestamp,
  lastReviewedAt: UtcTimestamp,
  withdrawnAt: z.nullable(UtcTimestamp),
  withdrawnBy: z.nullable(Id),
  withdrawalRationale: longText(10_000).nullable(),
});
export type Designation = z.infer<typeof Designation>;

/** How many accounts one platform-manipulation proposal may name (R3). */
export const MAX_MANIPULATION_ACCOUNTS = 500;

/** R3: a reviewer's decision on a platform-manipulation proposal; an approval lists the actions it applied. */
export const ManipulationDecision = z.object({
  outcome: z.enum(['approve', 'reject']),
  rationale: longText(10_000).min(1),
  decidedBy: Id,
  decidedAt: UtcTimestamp,
  actionIds: z.array(Id),
});
export type ManipulationDecision = z.infer<typeof ManipulationDecision>;

/**
 * R3: enforcement on the platform-manipulation track, proposed by an analyst for accounts of the
 * establishing technical signals and decided by another reviewer (R18), with or without a designation.
 */
export const ManipulationProposal = z.object({
  id: Id,
  accounts: z.array(AccountHandle).min(1).max(MAX_MANIPULATION_ACCOUNTS),
  /** What the analyst saw: the coordination and how these accounts take part in it. */
  basis: longText(5_000).min(1),
  /** The establishing technical signals when it was proposed. */
  signalIds: z.array(Id),
  proposedBy: Id,
  proposedAt: UtcTimestamp,
  decision: ManipulationDecision.nullable(),
});
export type ManipulationProposal = z.infer<typeof ManipulationProposal>;

/**
 * R3: the proposal waiting for a reviewer's decision (there is at most one). One definition for the
 * backend's rules and listing and the designation page.
 */
export function pendingManipulationProposal(record: { manipulationProposals: readonly ManipulationProposal[] }): ManipulationProposal | null {
  return record.manipulationProposals.find((proposal) => proposal.decision === null) ?? null;
}

/** How many re-application proposals one import may send (R15). */
export const MAX_REAPPLICATION_FINDINGS = 500;

/**
 * R15: the activity an import found by which an account continued the group's behaviour after its
 * limit expired: the worker's finding (counts, period, first posts and what each matched) and the file.
 */
export const ContinuationActivity = ContinuationFinding.pick({ posts: true, firstAt: true, lastAt: true }).extend({
  examples: z.array(ContinuationPost).min(1).max(MAX_CONTINUATION_EXAMPLES),
  /** The imported file's name, as the analyst's browser read it. */
  fileName: shortText(300),
});
export type ContinuationActivity = z.infer<typeof ContinuationActivity>;

/**
 * R15 (interpretation 2026-12-06): a proposal to re-apply an expired visibility limit, made by an
 * import whose activity shows the account continuing the behaviour. A reviewer applies or dismisses
 * it; where the case allows automatic re-application the system applies it at once (`automatic`).
 */
export const ReapplicationProposal = z.object({
  id: Id,
  /** The expired action it would re-apply. */
  actionId: Id,
  handle: AccountHandle,
  activity: ContinuationActivity,
  /** Whose import found the activity. */
  proposedBy: Id,
  proposedAt: UtcTimestamp,
  decision: z
    .object({
      outcome: z.enum(['applied', 'dismissed']),
      /** A reviewer, or SYSTEM_ACTOR_ID for an automatic re-application. */
      decidedBy: Id,
      decidedAt: UtcTimestamp,
      note: longText(5_000),
      /** The re-applied action (`applied` only). */
      reappliedActionId: z.nullable(Id),
      automatic: z.boolean(),
    })
    .nullable(),
});
export type ReapplicationProposal = z.infer<typeof ReapplicationProposal>;

/** R15: whether this case re-applies expired limits by itself when an import proposes it; set by a reviewer. */
export const AutoReapplySetting = z.object({
  enabled: z.boolean(),
  setBy: Id,
  setAt: UtcTimestamp,
});
export type AutoReapplySetting = z.infer<typeof AutoReapplySetting>;

/**
 * A designation is in force from its approval until it is withdrawn (R17), also while a modification
 * is under way. One definition for the backend's rules, the designation page and the import (R15).
 */
export function designationInForce(record: { status: z.infer<typeof CaseStatus>; designation: { withdrawnAt: string | null } | null }): boolean {
  return record.status !== 'withdrawn' && record.designation !== null && record.designation.withdrawnAt === null;
}

/** The whole case as the server returns it. */
const CaseDocumentShape = CaseContent.extend({
  id: Id,
  version: z.number().int().min(1),
  status: CaseStatus,
  createdBy: Id,
  createdAt: UtcTimestamp,
  updatedBy: Id,
  updatedAt: UtcTimestamp,
  /** R18: users who changed the content since the last review decision ("what changed since"). */
  editorsSinceReview: z.array(Id),
  /**
   * R18 (2026-12-06): everyone who created, edited or submitted the case at any time in its history; a
   * return does not wash the authorship out. None of them may approve it.
   */
  authors: z.array(Id),
  /** Issue 12 §6: the analyst who owns the case (its creator until someone takes it over). */
  ownerId: z.nullable(Id),
  /** The reviewer the case is assigned to, while nobody has taken it: null. */
  reviewerId: z.nullable(Id),
  submission: Submission.nullable(),
  /** Content as of the last review decision, for "what changed since the last review". */
  contentAtLastReview: CaseContent.nullable(),
  reviews: z.array(ReviewDecision),
  designation: Designation.nullable(),
  accounts: z.array(AccountAssociation),
  enforcementActions: z.array(EnforcementAction),
  /** R3: platform-manipulation proposals and their decisions, oldest first; none in cases stored before. */
  manipulationProposals: z.array(ManipulationProposal).default([]),
  /** R15: re-application proposals from imports, oldest first; none in cases stored before. */
  reapplicationProposals: z.array(ReapplicationProposal).default([]),
  /** R15: automatic re-application; null until a reviewer first sets it (off). */
  autoReapply: AutoReapplySetting.nullable().default(null),
});

/**
 * Cases stored or exported before `firstApprovedAt` existed (issue 14, defect 6) get it from their
 * first approving review, which no later decision rewrites; without one, from the approval itself.
 */
function withFirstApprovalDate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { designation, reviews } = value as { designation?: unknown; reviews?: unknown };
  if (typeof designation !== 'object' || designation === null || 'firstApprovedAt' in designation) return value;
  const firstApproval = Array.isArray(reviews)
    ? reviews.find((review: unknown) => typeof review === 'object' && review !== null && (review as { decision?: unknown }).decision === 'approve')
    : undefined;
  const firstApprovedAt = (firstApproval as { decidedAt?: unknown } | undefined)?.decidedAt ?? (designation as { approvedAt?: unknown }).approvedAt;
  return { ...value, designation: { ...designation, firstApprovedAt } };
}

/**
 * Cases stored or exported before `authors` existed get it from what their record kept: the creator,
 * the editors since the last review and the last submitter (earlier editors are in the audit trail).
 */
function withAuthors(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'authors' in value) return value;
  const { createdBy, editorsSinceReview, submission } = value as { createdBy?: unknown; editorsSinceReview?: unknown; submission?: unknown };
  const submitter = typeof submission === 'object' && submission !== null ? (submission as { submittedBy?: unknown }).submittedBy : undefined;
  const known = [createdBy, ...(Array.isArray(editorsSinceReview) ? editorsSinceReview : []), submitter];
  return { ...value, authors: [...new Set(known.filter((id): id is string => typeof id === 'string'))] };
}

/** Cases stored before assignment existed (issue 12 §6) are owned by their creator and assigned to nobody. */
function withAssignment(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'ownerId' in value) return value;
  const { createdBy } = value as { createdBy?: unknown };
  return { ...value, ownerId: typeof createdBy === 'string' ? createdBy : null, reviewerId: null };
}

export const CaseDocument = z.preprocess((value) => withAssignment(withAuthors(withFirstApprovalDate(value))), CaseDocumentShape);
export type CaseDocument = z.infer<typeof CaseDocument>;

export function emptyHarmAssessment(): HarmAssessment {
  return {
    policyAreas: [],
    evidence: [],
    rubric: { magnitude: null, sources: null, likelihood: null },
    severity: null,
    justification: '',
  };
}

export function emptyCaseContent(actor: Actor): CaseContent {
  return {
    actor,
    questions: { identifiableGroup: '', coordinatedActivity: '', harmAcrossCategories: '', risksOfApplying: '' },
    rightsRiskAssessment: '',
    harm: {
      physical: emptyHarmAssessment(),
      psychological: emptyHarmAssessment(),
      informational: emptyHarmAssessment(),
    },
    signals: [],
    settings: { ...DEFAULT_CASE_SETTINGS },
  };
}
