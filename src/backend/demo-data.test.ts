import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../api/contract/audit';
import { CaseDocument } from '../api/contract/case';
import { evaluate } from '../engine/evaluate';
import { isActionActive, isReviewDue } from '../engine/schedule';
import { contentOf } from './case-rules';
import { buildDemoSeed, DEMO_CASE_IDS, DEMO_EXPIRED_ACTION_ID } from './demo-data';
import { T0 } from './backend-test-kit';

describe('demo data', () => {
  it('seeds six cases in the promised states, each valid per the contract', async () => {
    const seed = await buildDemoSeed({ now: T0, evaluate });
    const byId = new Map(seed.cases.map((record) => [record.id, CaseDocument.parse(record)]));
    expect([...byId.keys()].toSorted()).toEqual(Object.values(DEMO_CASE_IDS).toSorted());
    expect(byId.get(DEMO_CASE_IDS.draftCampaign)?.status).toBe('draft');
    expect(byId.get(DEMO_CASE_IDS.inReviewGroup)?.status).toBe('in_review');
    expect(byId.get(DEMO_CASE_IDS.designatedMovement)?.status).toBe('designated');
    expect(byId.get(DEMO_CASE_IDS.rejectedCampaign)?.status).toBe('rejected');
    expect(byId.get(DEMO_CASE_IDS.awarenessDraft)?.status).toBe('draft');
    expect(byId.get(DEMO_CASE_IDS.awarenessDraft)?.actor.activismContext).toBe(true);
    expect(byId.get(DEMO_CASE_IDS.reviewDueGroup)?.status).toBe('designated');
  });

  it('uses the real engine: the case in review is recommended and was approved without overrides', async () => {
    const seed = await buildDemoSeed({ now: T0, evaluate });
    const get = (id: string) => seed.cases.find((record) => record.id === id);
    expect(get(DEMO_CASE_IDS.inReviewGroup)?.submission?.verdict.outcome).toBe('recommended');
    for (const id of [DEMO_CASE_IDS.designatedMovement, DEMO_CASE_IDS.reviewDueGroup]) {
      expect(get(id)?.reviews.at(-1)?.override).toBeNull();
    }
    expect(get(DEMO_CASE_IDS.rejectedCampaign)?.reviews.at(-1)?.override).toBeNull();
    const awareness = get(DEMO_CASE_IDS.awarenessDraft);
    expect(awareness && evaluate(contentOf(awareness), { now: T0 }).outcome).not.toBe('recommended');
  });

  it('gives the designated movement confirmed accounts, active actions and one expired visibility limit', async () => {
    const seed = await buildDemoSeed({ now: T0, evaluate });
    const movement = seed.cases.find((record) => record.id === DEMO_CASE_IDS.designatedMovement);
    expect(movement?.accounts.filter((account) => account.status === 'confirmed')).toHaveLength(3);
    const actions = movement?.enforcementActions ?? [];
    const expired = actions.find((action) => action.id === DEMO_EXPIRED_ACTION_ID);
    expect(expired?.type).toBe('limit-visibility');
    expect(expired && isActionActive(expired, T0)).toBe(false);
    expect(actions.filter((action) => isActionActive(action, T0)).length).toBeGreaterThanOrEqual(3);
    const due = seed.cases.find((record) => record.id === DEMO_CASE_IDS.reviewDueGroup);
    expect(due?.designation && isReviewDue(due.designation.nextReviewAt, T0)).toBe(true);
  });

  it('comes with an audit trail in time order, one history per case', async () => {
    const seed = await buildDemoSeed({ now: T0, evaluate });
    const events = seed.audit.map((event) => AuditEvent.parse(event));
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const times = events.map((event) => event.at);
    expect(times).toEqual(times.toSorted());
    expect(events.every((event) => event.at < T0)).toBe(true);
    for (const record of seed.cases) {
      const last = events.filter((event) => event.caseId === record.id).at(-1);
      expect(last?.caseVersion).toBe(record.version);
    }
  });
});
