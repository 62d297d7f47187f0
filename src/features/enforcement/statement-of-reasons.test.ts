import { describe, expect, it } from 'vitest';
import { CaseDocument, emptyCaseContent, type EnforcementAction } from '../../api/contract/case';
import { DecisionRecord } from '../../api/contract/decision-record';
import { StatementOfReasons, StatementsOfReasonsExport } from '../../api/contract/decision-record-export';
import { caseIn, contentOfDoc, createTestBackend, manipulationContent, T0 } from '../../backend/backend-test-kit';
import { addDaysUtc } from '../../engine/schedule';
import { buildStatementsOfReasons, EEA_COUNTRIES } from './statement-of-reasons';

const APPROVED_AT = '2026-03-01T10:00:00.000Z';

function action(overrides: Partial<EnforcementAction & { activeAtGeneration: boolean }> & Pick<EnforcementAction, 'id' | 'type' | 'target' | 'targetRef'>) {
  return {
    basis: 'Posts every target list.',
    appliedBy: 'rui',
    appliedAt: '2026-03-02T09:00:00.000Z',
    expiresAt: null,
    reappliesId: null,
    endedAt: null,
    endedReason: null,
    activeAtGeneration: true,
    ...overrides,
  };
}

function record(): DecisionRecord {
  const content = emptyCaseContent({
    kind: 'movement', name: 'Grey Meridian', aliases: [], purpose: 'Targets health workers.', geographies: [], languages: ['en', 'de'],
    hashtags: [], keywords: [], trendTerms: ['GreyMeridianRising'], activismContext: false,
  });
  content.harm.physical.severity = 'high';
  content.harm.psychological.severity = 'moderate';
  content.harm.informational.severity = 'low';
  const verdict = { outcome: 'recommended' as const, ruleIds: ['R2', 'R7', 'R13'], priority: 3, platformManipulationTrack: true };
  return DecisionRecord.parse({
    schemaVersion: 2,
    kind: 'cha.decision-record',
    generatedAt: '2026-04-10T00:00:00.000Z',
    caseId: 'case-grey-meridian',
    caseVersion: 12,
    status: 'designated',
    modificationInProgress: false,
    actor: content.actor,
    facts: {
      questions: content.questions,
      rightsRiskAssessment: 'Criticism stays untouched.',
      harm: content.harm,
      signals: [
        {
          id: 'sig-1', kind: 'technical', technique: 'technical-linkage', observed: 'on-platform', description: '', accounts: ['meridian_signal'],
          window: { start: null, end: null }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'detected',
        },
      ],
      associatedAccounts: [],
    },
    rulesApplied: ['R2', 'R7', 'R13'],
    verdictAtDecision: verdict,
    decision: { decision: 'approve', decidedBy: 'rui', decidedAt: APPROVED_AT, rationale: 'Home visits and dogpiling.', override: null, verdictAtDecision: verdict },
    submittedBy: { id: 'ana', name: 'Ana Kovač' },
    reviewer: { id: 'rui', name: 'Rui Takahashi' },
    designation: {
      approvedBy: 'rui', approvedAt: APPROVED_AT, firstApprovedAt: APPROVED_AT, rationale: 'Home visits and dogpiling.', nextReviewAt: '2026-05-30T10:00:00.000Z',
      lastReviewedAt: APPROVED_AT, withdrawnAt: null, withdrawnBy: null, withdrawalRationale: null,
    },
    platformManipulation: [],
    actions: [
      action({ id: 'a-susp', type: 'suspend-primary-use', target: 'account', targetRef: 'meridian_signal', appliedAt: '2026-03-03T09:00:00.000Z' }),
      action({ id: 'a-vis', type: 'limit-visibility', target: 'account', targetRef: 'grey_relay', expiresAt: '2026-04-01T09:00:00.000Z', activeAtGeneration: false }),
      action({ id: 'a-trend', type: 'prevent-trends', target: 'trend-term', targetRef: 'GreyMeridianRising', expiresAt: '2026-04-01T09:00:00.000Z', endedAt: '2026-03-20T00:00:00.000Z', endedReason: 'withdrawn' }),
      action({ id: 'a-rm', type: 'require-tweet-removal', target: 'tweet', targetRef: '=1+1', basis: 'Doxxing Tweet.' }),
    ],
  });
}

describe('buildStatementsOfReasons', () => {
  const exported = buildStatementsOfReasons(record(), '2026-04-10T12:00:00.000Z');
  const byPuid = new Map(exported.statements.map((statement) => [statement.puid, statement]));
  const get = (id: string) => {
    const statement = byPuid.get(`case-grey-meridian/${id}`);
    if (!statement) throw new Error(`no statement for ${id}`);
    return statement;
  };

  it('is a versioned envelope with one valid statement per action, in the order applied (then by id)', () => {
    expect(StatementsOfReasonsExport.safeParse(exported).success).toBe(true);
    expect(exported).toMatchObject({ schemaVersion: 1, kind: 'cha.statements-of-reasons', caseId: 'case-grey-meridian', caseVersion: 12 });
    expect(exported.statements.map((s) => s.puid)).toEqual([
      'case-grey-meridian/a-rm', 'case-grey-meridian/a-trend', 'case-grey-meridian/a-vis', 'case-grey-meridian/a-susp',
    ]);
  });

  it('maps each action to the database restriction type and its end date', () => {
    expect(get('a-vis')).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DEMOTED'], end_date_visibility_restriction: '2026-04-01', decision_account: null,
    });
    // Ended before its expiry: the restriction ended then.
    expect(get('a-trend')).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: 'Prevented from appearing in trends', end_date_visibility_restriction: '2026-03-20',
    });
    expect(get('a-rm')).toMatchObject({ decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'], content_type: ['CONTENT_TYPE_TEXT'] });
    expect(get('a-susp')).toMatchObject({
      decision_visibility: [], decision_account: 'DECISION_ACCOUNT_SUSPENDED', end_date_account_restriction: null,
      content_type: ['CONTENT_TYPE_OTHER'], content_type_other: 'Account',
    });
  });

  it('states the ground, the coordinated-harm category and the explanation from the decision', () => {
    const statement = get('a-vis');
    expect(statement.decision_ground).toBe('DECISION_GROUND_INCOMPATIBLE_CONTENT');
    expect(statement.incompatible_content_illegal).toBe('No');
    expect(statement.category).toBe('STATEMENT_CATEGORY_VIOLENCE');
    expect(statement.category_specification).toEqual(['KEYWORD_COORDINATED_HARM']);
    // Psychological is moderate, informational only low.
    expect(statement.category_addition).toEqual(['STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH']);
    expect(statement.incompatible_content_explanation).toContain('Home visits and dogpiling.');
    expect(statement.decision_facts).toContain('physical high, psychological moderate, informational low');
    expect(statement.content_date).toBe('2026-03-01');
    expect(statement.application_date).toBe('2026-03-02');
    expect(statement.territorial_scope).toEqual([...EEA_COUNTRIES]);
    expect(statement.content_language).toBe('EN');
  });

  it('says detection was automated only for accounts a detected signal named, and no decision was', () => {
    expect(get('a-susp').automated_detection).toBe('Yes');
    expect(get('a-vis').automated_detection).toBe('No');
    expect(exported.statements.every((s) => s.automated_decision === 'AUTOMATED_DECISION_NOT_AUTOMATED')).toBe(true);
  });

  it('keeps account handles (personal data) out of every statement', () => {
    const text = JSON.stringify(exported.statements);
    expect(text).not.toContain('meridian_signal');
    expect(text).not.toContain('grey_relay');
  });

  it('rejects a statement without the coordinated-harm keyword or without any restriction', () => {
    const valid = get('a-vis');
    expect(StatementOfReasons.safeParse({ ...valid, category_specification: ['KEYWORD_OTHER'] }).success).toBe(false);
    expect(StatementOfReasons.safeParse({ ...valid, decision_visibility: [] }).success).toBe(false);
  });
});

describe('statements of reasons after a modification is re-approved (R17, R19)', () => {
  it('exports with the first designation date: modify -> re-approve -> export', async () => {
    // The backend's own lifecycle, then the export the designation page builds from its decision record.
    const kit = createTestBackend();
    let doc = await caseIn(kit, 'designated', { withAccount: true });
    const params = { caseId: doc.id };
    const firstApprovedAt = doc.designation?.approvedAt;
    kit.clock.advanceDays(1);
    doc = await kit.ok('applyAction', {
      user: 'rui', params, ifMatch: doc.version,
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies the target lists.' },
    });
    kit.clock.advanceDays(1);
    doc = await kit.ok('periodicReview', { user: 'sam', params, ifMatch: doc.version, body: { outcome: 'modify', rationale: 'Add the new hashtag.' } });
    const content = contentOfDoc(doc);
    content.actor.hashtags = ['#HarborWatch', '#HarborWatch2'];
    doc = await kit.ok('updateCase', { user: 'ben', params, ifMatch: doc.version, body: content });
    doc = await kit.ok('submitCase', { user: 'ben', params, ifMatch: doc.version, body: {} });
    kit.clock.advanceDays(1);
    doc = await kit.ok('decideCase', { user: 'rui', params, ifMatch: doc.version, body: { decision: 'approve', rationale: 'Modification fine.' } });
    const response = await kit.call('decisionRecord', { user: 'rui', params });
    expect(response.status).toBe(200);
    const exported = buildStatementsOfReasons(DecisionRecord.parse(response.body), kit.clock.now());
    expect(exported.statements).toHaveLength(1);
    const [statement] = exported.statements;
    expect(statement?.content_date).toBe(firstApprovedAt?.slice(0, 10));
    expect(statement?.application_date).toBe(addDaysUtc(T0, 1).slice(0, 10));
    expect(doc.designation).toMatchObject({ approvedAt: addDaysUtc(T0, 3), firstApprovedAt });
    expect(statement?.decision_facts).toContain(`on ${firstApprovedAt?.slice(0, 10)} after four-eyes review; a modification was approved on ${addDaysUtc(T0, 3).slice(0, 10)}`);
  });

  it('reads a stored case from before firstApprovedAt with the date of its first approving review', () => {
    const legacy = {
      ...stored(),
      reviews: [
        { decision: 'approve', decidedBy: 'rui', decidedAt: '2026-01-05T10:00:00.000Z', rationale: 'Designated.', override: null, verdictAtDecision: VERDICT },
        { decision: 'approve', decidedBy: 'sam', decidedAt: '2026-03-05T10:00:00.000Z', rationale: 'Modification fine.', override: null, verdictAtDecision: VERDICT },
      ],
      designation: {
        approvedBy: 'sam', approvedAt: '2026-03-05T10:00:00.000Z', rationale: 'Modification fine.', nextReviewAt: '2026-06-03T10:00:00.000Z',
        lastReviewedAt: '2026-03-05T10:00:00.000Z', withdrawnAt: null, withdrawnBy: null, withdrawalRationale: null,
      },
    };
    expect(CaseDocument.parse(legacy).designation?.firstApprovedAt).toBe('2026-01-05T10:00:00.000Z');
    const stamped = { ...legacy, designation: { ...legacy.designation, firstApprovedAt: '2025-12-01T10:00:00.000Z' } };
    expect(CaseDocument.parse(stamped).designation?.firstApprovedAt).toBe('2025-12-01T10:00:00.000Z');
    expect(CaseDocument.parse({ ...legacy, reviews: [] }).designation?.firstApprovedAt).toBe('2026-03-05T10:00:00.000Z');
  });
});

const VERDICT = { outcome: 'recommended', ruleIds: ['R2', 'R7', 'R13'], priority: 3, platformManipulationTrack: false };

/** A designated case as an older version stored it (no `firstApprovedAt`). */
function stored() {
  const content = emptyCaseContent({
    kind: 'group', name: 'Harbor Watch', aliases: [], purpose: 'Targets reporters.', geographies: [], languages: ['en'],
    hashtags: [], keywords: [], trendTerms: [], activismContext: false,
  });
  return {
    ...content, id: 'case-legacy', version: 9, status: 'designated', createdBy: 'ana', createdAt: '2026-01-01T10:00:00.000Z',
    updatedBy: 'sam', updatedAt: '2026-03-05T10:00:00.000Z', editorsSinceReview: [], submission: null, contentAtLastReview: null,
    accounts: [], enforcementActions: [],
  };
}

describe('statements of reasons of platform-manipulation suspensions (R3)', () => {
  it('a case without a designation: its record holds the R3 decision and its suspensions, and each statement rests on that decision', async () => {
    const kit = createTestBackend();
    const draft = await caseIn(kit, 'draft', { content: manipulationContent() });
    const proposed = await kit.ok('proposeManipulationEnforcement', {
      user: 'ben', params: { caseId: draft.id }, ifMatch: draft.version, body: { accounts: ['relay_one'], basis: 'One operator runs both accounts.' },
    });
    kit.clock.advanceDays(2);
    const approved = await kit.ok('decideManipulationEnforcement', {
      user: 'sam', params: { caseId: draft.id, proposalId: proposed.manipulationProposals[0]?.id ?? '' }, ifMatch: proposed.version,
      body: { outcome: 'approve', rationale: 'The shared device is conclusive.' },
    });
    const response = await kit.call('decisionRecord', { user: 'rui', params: { caseId: approved.id } });
    expect(response.status).toBe(200);
    const record = DecisionRecord.parse(response.body);
    expect(record).toMatchObject({ designation: null, decision: null, reviewer: null, rulesApplied: ['R3'] });
    expect(record.platformManipulation).toEqual([
      expect.objectContaining({ proposer: { id: 'ben', name: 'Ben Osei' }, decider: { id: 'sam', name: 'Samira Haddad' }, accounts: ['relay_one'] }),
    ]);
    const [statement] = buildStatementsOfReasons(record, addDaysUtc(T0, 3)).statements;
    expect(statement).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      end_date_account_restriction: null,
      incompatible_content_ground: 'Twitter Rules: coordinated harmful activity framework, platform manipulation (technical coordination, R3)',
      content_date: T0.slice(0, 10),
      application_date: addDaysUtc(T0, 2).slice(0, 10),
      category_addition: [],
    });
    expect(statement?.incompatible_content_explanation).toMatch(/^The shared device is conclusive\./);
    expect(statement?.decision_facts).toMatch(/platform manipulation, prohibited whatever the harm \(R3\)/);
    expect(JSON.stringify(statement)).not.toContain('relay_one');
  });

  it('a case with neither a designation nor an approved R3 decision has no record', async () => {
    const kit = createTestBackend();
    const draft = await caseIn(kit, 'draft', { content: manipulationContent() });
    expect((await kit.call('decisionRecord', { user: 'rui', params: { caseId: draft.id } })).status).toBe(409);
  });
});
