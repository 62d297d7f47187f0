// The designation engine's entry point (R13): composes the rule table of designation-rules.ts into one
// verdict. Pure: no clock, no I/O, never throws on a schema-valid case, never mutates its input.
import type { CaseContentModel } from './case-model';
import {
  DESIGNATION_RULES,
  R13_outcome,
  R14_availableActions,
  gatherFacts,
  reasonFor,
} from './designation-rules';
import { RULE_IDS } from './verdict';
import type { MissingInput, Reason, RuleId, Verdict } from './verdict';

export interface EvaluateOptions {
  /**
   * The evaluation instant (UTC ISO). No rule of FRAMEWORK.md depends on it today; callers pass it so
   * that a time-dependent rule (e.g. recency of behaviour, R16) can be added without the engine ever
   * reading the clock, and so that a verdict is reproducible from (content, now).
   */
  now: string;
}

const RULE_ORDER: ReadonlyMap<RuleId, number> = new Map(RULE_IDS.map((rule, index) => [rule, index]));

export function evaluate(content: CaseContentModel, options: EvaluateOptions): Verdict {
  void options.now; // Accepted, deliberately unused: see EvaluateOptions.now.
  const facts = gatherFacts(content);

  const reasons: Reason[] = [];
  const missing: MissingInput[] = [];
  let unmetConditions = 0;
  for (const row of DESIGNATION_RULES) {
    const report = row.report(facts);
    reasons.push(...report.reasons);
    missing.push(...report.missing);
    if (row.condition !== undefined && !row.condition(facts)) unmetConditions += 1;
  }

  // R13: missing inputs never hide unmet conditions: both are in `reasons` whatever the outcome.
  const outcome = R13_outcome(missing.length, unmetConditions);
  if (outcome === 'recommended') reasons.push(reasonFor('reason.R13.recommended', true, {}, null));
  else if (outcome === 'not-recommended') reasons.push(reasonFor('reason.R13.notRecommended', false, { unmetConditions }, null));
  else reasons.push(reasonFor('reason.R13.incomplete', false, { missingInputs: missing.length, unmetConditions }, null));

  const availableActions = R14_availableActions(outcome);
  if (availableActions.length > 0) {
    reasons.push(reasonFor('reason.R14.actionsAvailable', true, { actions: availableActions.length }, null));
  }

  const { coordination, platformManipulationTrack, harm, threshold, priority } = facts;
  return {
    outcome,
    ruleIds: ruleIdsOf(reasons, missing),
    coordination: { established: coordination.established, establishingSignalIds: coordination.establishingSignalIds },
    platformManipulationTrack,
    harm,
    threshold,
    safeguards: {
      activismCaution: content.actor.activismContext,
      activismBlocks: facts.activismBlocks,
      rightsRiskAssessed: facts.rightsRiskAssessed,
      questionsAnswered: facts.unansweredQuestions.length === 0,
    },
    priority: priority.priority,
    priorityBand: priority.band,
    missing,
    reasons,
    availableActions,
  };
}

/** The rules the verdict rests on: every rule that gave a reason or needs an input, sorted R1..R19. */
function ruleIdsOf(reasons: readonly Reason[], missing: readonly MissingInput[]): RuleId[] {
  const rules = new Set<RuleId>();
  for (const reason of reasons) rules.add(reason.rule);
  for (const input of missing) rules.add(input.rule);
  return [...rules].toSorted((a, b) => (RULE_ORDER.get(a) ?? 0) - (RULE_ORDER.get(b) ?? 0));
}
