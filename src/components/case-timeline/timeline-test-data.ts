// What the timeline's tests build cases from: a harm assessment with given evidence, and an action.
import type { EnforcementAction, HarmAssessment } from '../../api/contract/case';

export const NOW = '2026-12-07T12:00:00.000Z';

export function harm(evidence: HarmAssessment['evidence'] = []): HarmAssessment {
  return { policyAreas: [], evidence, rubric: { magnitude: null, sources: null, likelihood: null }, severity: null, justification: '' };
}

/** A visibility limit on the account `id`, applied on 1 Nov 2026 for 30 days, unless `extra` says otherwise. */
export function action(id: string, extra: Partial<EnforcementAction> = {}): EnforcementAction {
  return {
    id, type: 'limit-visibility', target: 'account', targetRef: id, basis: 'R14', appliedBy: 'rui',
    appliedAt: '2026-11-01T10:00:30.000Z', expiresAt: '2026-12-01T10:00:30.000Z', reappliesId: null, endedAt: null, endedReason: null, ...extra,
  };
}
