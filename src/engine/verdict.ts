// The verdict the engine returns: the outcome, and every reason with the rule id it rests on
// (ARCHITECTURE.md rule 1: the UI shows these and never re-derives them).
import type {
  EnforcementActionType,
  HarmCategory,
  PriorityBand,
  Severity,
  VerdictOutcome,
} from './policy-terms';

export const RULE_IDS = [
  'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R6a', 'R7', 'R8', 'R9', 'R10',
  'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A place in the case document a reason or missing input points at, e.g. `harm.physical.severity`. */
export type FieldPath = string;

/** One reason: a rule, whether its condition is met, and a message key with parameters for i18n. */
export interface Reason {
  rule: RuleId;
  met: boolean;
  /** i18n key under the `engine` namespace, e.g. `reason.R7.metHigh`. */
  key: string;
  params: Record<string, string | number>;
  field: FieldPath | null;
  /**
   * True when this reason is why the verdict is not `recommended`: an unmet designation condition
   * (R2, R7, R9), an input still missing (R1, R5, R6, R6a, R10, R12) or the R13 summary of either.
   * `met: false` alone is not enough to tell, because some rules report a finding that never blocks
   * (R3: no platform-manipulation track; R4: social coordination needs harm, already blocked by R7).
   */
  blocking: boolean;
}

export interface MissingInput {
  rule: RuleId;
  key: string;
  params: Record<string, string | number>;
  field: FieldPath;
}

export interface HarmCategoryResult {
  category: HarmCategory;
  severity: Severity | null;
  suggested: Severity | null;
  /** R6: the analyst's severity differs from the rubric's suggestion. */
  disagrees: boolean;
  justificationMissing: boolean;
  /** R6a: the category's harm evidence items, and how many of them come from a source marked credible. */
  evidenceItems: number;
  credibleEvidenceItems: number;
  /**
   * R7/R9: whether this category's rating counts toward the threshold. Always, without the activism
   * flag; with it, only when at least one evidence item of the category is from a credible source.
   */
  countsTowardThreshold: boolean;
}

export interface ThresholdResult {
  met: boolean;
  clause: 'one-high' | 'two-moderate' | null;
  /** When not met: how far off, e.g. one more category at moderate. */
  margin: { moderateCategoriesNeeded: number; orOneHigh: boolean } | null;
}

export interface Verdict {
  outcome: VerdictOutcome;
  /** Every rule id the verdict rests on, sorted R1..R19. */
  ruleIds: RuleId[];
  coordination: {
    established: boolean;
    establishingSignalIds: string[];
  };
  /** R3: technical coordination with sufficient evidence; reported whatever the harm says. */
  platformManipulationTrack: { signalIds: string[]; accounts: string[] } | null;
  harm: HarmCategoryResult[];
  threshold: ThresholdResult;
  safeguards: {
    activismCaution: boolean;
    activismBlocks: boolean;
    rightsRiskAssessed: boolean;
    questionsAnswered: boolean;
  };
  /** R11: higher sorts first. */
  priority: number;
  priorityBand: PriorityBand;
  missing: MissingInput[];
  reasons: Reason[];
  /** R14: available on approval (empty unless recommended). */
  availableActions: EnforcementActionType[];
}
