// Contract round trips over the demo data: what the backend answers survives JSON and parses back
// to itself with the contract's schemas (so the client's parse never changes or drops a field).
import { describe, expect, it } from 'vitest';
import { AuditPage } from '../api/contract/audit';
import { CaseDocument } from '../api/contract/case';
import { CaseListResponse, type CaseSummary } from '../api/contract/case-list';
import { DecisionRecord } from '../api/contract/decision-record';
import { evaluate } from '../engine/evaluate';
import { createTestBackend, T0 } from './backend-test-kit';
import { buildDemoSeed, DEMO_CASE_IDS } from './demo-data';

const overJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

async function demoKit() {
  return createTestBackend({ seed: await buildDemoSeed({ now: T0, evaluate }) });
}

describe('contract round trips', () => {
  it('every case document parses back to itself', async () => {
    const kit = await demoKit();
    for (const caseId of Object.values(DEMO_CASE_IDS)) {
      const response = await kit.call('getCase', { user: 'rui', params: { caseId } });
      const wire = overJson(response.body);
      expect(CaseDocument.parse(wire)).toEqual(wire);
      expect(response.headers.ETag).toBe(`"${(wire as CaseDocument).version}"`);
    }
  });

  it('the list, the audit trail and the decision record parse back to themselves', async () => {
    const kit = await demoKit();
    const list = overJson((await kit.call('listCases', { query: { pageSize: '200' } })).body);
    expect(CaseListResponse.parse(list)).toEqual(list);
    const audit = overJson((await kit.call('audit')).body);
    expect(AuditPage.parse(audit)).toEqual(audit);
    const record = overJson((await kit.call('decisionRecord', { params: { caseId: DEMO_CASE_IDS.designatedMovement } })).body);
    expect(DecisionRecord.parse(record)).toEqual(record);
  });
});

describe('case list', () => {
  it('computes verdict and priority with the engine and sorts safety first (R11)', async () => {
    const kit = await demoKit();
    const { items } = (await kit.call('listCases', { query: { sort: 'priority', dir: 'desc' } })).body as { items: CaseSummary[] };
    const priorities = items.map((row) => row.priority);
    expect(priorities).toEqual(priorities.toSorted((a, b) => b - a));
    expect(items[0]?.priorityBand).toBe('safety');
    const inReview = items.find((row) => row.id === DEMO_CASE_IDS.inReviewGroup);
    expect(inReview).toMatchObject({ status: 'in_review', verdict: 'recommended', submittedAt: expect.any(String) as string });
  });

  it('filters by status, kind, band and text; pages; puts missing sort values last', async () => {
    const kit = await demoKit();
    const list = async (query: Record<string, string>) =>
      (await kit.call('listCases', { query })).body as { items: CaseSummary[]; total: number; page: number; pageSize: number };
    expect((await list({ status: 'designated' })).items.map((row) => row.id).toSorted()).toEqual(
      [DEMO_CASE_IDS.designatedMovement, DEMO_CASE_IDS.reviewDueGroup].toSorted(),
    );
    expect((await list({ actorKind: 'campaign' })).total).toBe(3);
    expect((await list({ q: 'meridian' })).items.map((row) => row.id)).toEqual([DEMO_CASE_IDS.designatedMovement]);
    expect((await list({ q: '#clearwaterweek' })).items.map((row) => row.id)).toEqual([DEMO_CASE_IDS.awarenessDraft]);
    expect((await list({ priorityBand: 'safety' })).items.every((row) => row.priorityBand === 'safety')).toBe(true);
    const page = await list({ sort: 'name', dir: 'asc', page: '2', pageSize: '4' });
    expect(page).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page.items.map((row) => row.name)).toEqual(['Northgate Relay', 'Tidewater Pledge Push']);
    for (const dir of ['asc', 'desc']) {
      const byReview = await list({ sort: 'nextReviewAt', dir });
      expect(byReview.items.slice(0, 2).every((row) => row.nextReviewAt !== null)).toBe(true);
      expect(byReview.items.slice(2).every((row) => row.nextReviewAt === null)).toBe(true);
    }
    const overdueFirst = await list({ sort: 'nextReviewAt', dir: 'asc' });
    expect(overdueFirst.items[0]?.id).toBe(DEMO_CASE_IDS.reviewDueGroup);
  });
});

describe('decision record (R19)', () => {
  it('states facts, rules, decision, actions with expiry and the reviewer', async () => {
    const kit = await demoKit();
    const record = (await kit.call('decisionRecord', { params: { caseId: DEMO_CASE_IDS.designatedMovement } })).body as DecisionRecord;
    expect(record).toMatchObject({
      caseId: DEMO_CASE_IDS.designatedMovement, status: 'designated', modificationInProgress: false, generatedAt: T0,
      reviewer: { id: 'rui', name: 'Rui Takahashi' }, submittedBy: { id: 'ana', name: 'Ana Kovač' },
      decision: { decision: 'approve', override: null }, verdictAtDecision: { outcome: 'recommended' },
    });
    expect(record.rulesApplied).toEqual(expect.arrayContaining(['R2', 'R7', 'R13']));
    expect(record.actions.filter((action) => action.activeAtGeneration)).toHaveLength(3);
    expect(record.actions.find((action) => !action.activeAtGeneration)?.expiresAt).not.toBeNull();
  });

  it('is refused (409) for a case without an approved designation', async () => {
    const kit = await demoKit();
    for (const caseId of [DEMO_CASE_IDS.inReviewGroup, DEMO_CASE_IDS.rejectedCampaign]) {
      expect((await kit.call('decisionRecord', { params: { caseId } })).status).toBe(409);
    }
  });
});
