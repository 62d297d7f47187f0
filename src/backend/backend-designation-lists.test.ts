// Issue 10 §3: a designation's accounts (R16) and actions (R14-R15) a page at a time, the bulk decision
// on associations by the rule of one decision, the CSV exports, and what a write tells the storage.
import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage } from '../api/contract/audit';
import type { CaseDocument } from '../api/contract/case';
import type { BulkAccountDecisionResult, CaseAccountsPage, CaseActionsPage } from '../api/contract/designation-lists';
import { evaluate } from '../engine/evaluate';
import { caseIn, contentOfDoc, createTestBackend, errorBody, recommendedContent, T0, type TestBackend } from './backend-test-kit';
import { decideAccount, decideAccountsInBulk, type RuleEnv } from './case-rules';
import { DEMO_USERS } from './demo-users';
import { createMemoryStorage } from './memory-storage';
import type { BackendStorage, CaseChanges } from './storage';

/** A designated case whose signal names five accounts (two decided: one confirmed, one rejected) and a sixth no signal names. */
async function designatedWithAccounts(kit: TestBackend): Promise<CaseDocument> {
  const content = recommendedContent();
  const [signal] = content.signals;
  if (!signal) throw new Error('fixture has a signal');
  signal.accounts = ['harbor_one', 'harbor_two', 'Dock_Three', 'dock_four', 'quay_five'];
  let doc = await caseIn(kit, 'designated', { content });
  const params = { caseId: doc.id };
  doc = await kit.ok('decideAccount', { user: 'sam', params, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'confirmed', basis: ['signals'] } });
  doc = await kit.ok('decideAccount', { user: 'sam', params, ifMatch: doc.version, body: { handle: 'harbor_two', status: 'rejected' } });
  return kit.ok('decideAccount', { user: 'sam', params, ifMatch: doc.version, body: { handle: 'pier_six', status: 'confirmed', basis: ['recent-behaviour'] } });
}

async function accountsPage(kit: TestBackend, caseId: string, query: Record<string, string> = {}): Promise<CaseAccountsPage> {
  const response = await kit.call('caseAccounts', { params: { caseId }, query });
  expect(response.status).toBe(200);
  return response.body as CaseAccountsPage;
}

const handlesOf = (page: CaseAccountsPage) => page.items.map((account) => [account.handle, account.status]);
const ids = (page: CaseActionsPage) => page.items.map((action) => action.type);

async function trail(kit: TestBackend, caseId: string): Promise<AuditEvent[]> {
  return ((await kit.call('caseAudit', { params: { caseId } })).body as AuditPage).items;
}

describe('the accounts list (R16)', () => {
  it('pages the case\'s accounts as the case reads them, filtered by status and a part of the handle', async () => {
    const kit = createTestBackend();
    const doc = await designatedWithAccounts(kit);
    const all = await accountsPage(kit, doc.id);
    expect([handlesOf(all), all.total, all.offset, all.limit]).toEqual([
      [['harbor_one', 'confirmed'], ['harbor_two', 'rejected'], ['pier_six', 'confirmed'], ['Dock_Three', 'suggested'], ['dock_four', 'suggested'], ['quay_five', 'suggested']],
      6, 0, 50,
    ]);
    expect(all.items).toEqual(doc.accounts);
    expect(handlesOf(await accountsPage(kit, doc.id, { status: 'suggested', offset: '1', limit: '1' }))).toEqual([['dock_four', 'suggested']]);
    // `@` and case as typed: the handle's part is compared case-blind.
    expect(handlesOf(await accountsPage(kit, doc.id, { q: ' @DOCK ' }))).toEqual([['Dock_Three', 'suggested'], ['dock_four', 'suggested']]);
    expect(handlesOf(await accountsPage(kit, doc.id, { status: 'confirmed', q: '' }))).toEqual([['harbor_one', 'confirmed'], ['pier_six', 'confirmed']]);
  });

  it('answers a missing case with 404 and a bad query with the standard error body', async () => {
    const kit = createTestBackend();
    const doc = await designatedWithAccounts(kit);
    expect((await kit.call('caseAccounts', { params: { caseId: 'case-nope' } })).status).toBe(404);
    const bad = await kit.call('caseAccounts', { params: { caseId: doc.id }, query: { status: 'maybe', limit: '501' } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).fieldErrors.map((error) => error.path).toSorted()).toEqual(['query.limit', 'query.status']);
    expect((await kit.call('caseActions', { params: { caseId: doc.id }, query: { state: 'paused' } })).status).toBe(400);
  });
});

describe('the actions list (R14-R15)', () => {
  it('pages the actions in the case\'s order or the latest first, by their state now and by type', async () => {
    const kit = createTestBackend();
    let doc = await designatedWithAccounts(kit);
    const params = { caseId: doc.id };
    const apply = async (body: object) => {
      doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body });
    };
    await apply({ type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' });
    kit.clock.advanceDays(31);
    await apply({ type: 'prevent-trends', target: 'trend-term', targetRef: 'HarborWatch', basis: 'Trend of the group.' });
    await apply({ type: 'prevent-recommendations', target: 'account', targetRef: 'pier_six', basis: 'Recruits.' });
    const page = async (query: Record<string, string> = {}) => (await kit.call('caseActions', { params, query })).body as CaseActionsPage;
    expect(ids(await page())).toEqual(['limit-visibility', 'prevent-trends', 'prevent-recommendations']);
    expect(ids(await page({ dir: 'desc', limit: '2' }))).toEqual(['prevent-recommendations', 'prevent-trends']);
    // The 30-day limit has expired (R15): no longer in force.
    expect(ids(await page({ state: 'ended' }))).toEqual(['limit-visibility']);
    expect(ids(await page({ state: 'in-force' }))).toEqual(['prevent-trends', 'prevent-recommendations']);
    const trends = await page({ type: 'prevent-trends' });
    expect([ids(trends), trends.total]).toEqual([['prevent-trends'], 1]);
    expect((await page()).items).toEqual(doc.enforcementActions);
  });
});

describe('the bulk decision on associations (R16)', () => {
  it('confirms the named accounts in one version with one event saying how many, from which statuses', async () => {
    const kit = createTestBackend();
    const doc = await designatedWithAccounts(kit);
    kit.clock.advanceDays(1);
    const response = await kit.call('decideAccountsInBulk', {
      user: 'ben', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { handles: ['@dock_three', 'harbor_two', 'DOCK_THREE', 'new_one'], decision: 'confirmed', basis: ['signals', 'signals'], note: ' Same operator. ' },
    });
    expect(response.status).toBe(200);
    const result = response.body as BulkAccountDecisionResult;
    expect(result).toEqual({ caseId: doc.id, version: doc.version + 1, decided: 3, endedActions: 0 });
    expect(response.headers.ETag).toBe(`"${doc.version + 1}"`);
    const after = await kit.ok('getCase', { params: { caseId: doc.id } });
    const decided = { status: 'confirmed', basis: ['signals'], note: ' Same operator. ', primaryUseFinding: false, decidedBy: 'ben', decidedAt: '2026-03-03T09:00:00.000Z' };
    // In place where decided before (its spelling kept), at the end where new.
    expect(after.accounts).toEqual([
      doc.accounts[0],
      { handle: 'harbor_two', ...decided },
      doc.accounts[2],
      // Not decided before: added as the decision spells it, like one decision.
      { handle: 'dock_three', ...decided },
      { handle: 'new_one', ...decided },
      { handle: 'dock_four', status: 'suggested', basis: [], note: '', primaryUseFinding: false, decidedBy: null, decidedAt: null },
      { handle: 'quay_five', status: 'suggested', basis: [], note: '', primaryUseFinding: false, decidedBy: null, decidedAt: null },
    ]);
    const [event, ...older] = await trail(kit, doc.id);
    expect(older[0]?.caseVersion).toBe(doc.version);
    expect(event).toMatchObject({
      type: 'account.associated', actorId: 'ben', reason: 'Same operator.', caseVersion: doc.version + 1,
      changes: [
        { path: 'accounts.count', before: null, after: 3 },
        { path: 'accounts.statuses', before: { suggested: 2, rejected: 1 }, after: { confirmed: 3 } },
        // Four handles named, one of them twice.
        { path: 'accounts.selection', before: null, after: { handles: 4 } },
      ],
    });
  });

  it('decides every account a filter matches in the version the If-Match names', async () => {
    const kit = createTestBackend();
    const doc = await designatedWithAccounts(kit);
    const response = await kit.call('decideAccountsInBulk', {
      user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version,
      body: { allMatching: { status: 'suggested', q: 'dock' }, decision: 'rejected', note: 'Harbour fans.' },
    });
    expect(response.body).toMatchObject({ decided: 2, endedActions: 0 });
    expect(handlesOf(await accountsPage(kit, doc.id, { status: 'rejected' }))).toEqual([
      ['harbor_two', 'rejected'], ['Dock_Three', 'rejected'], ['dock_four', 'rejected'],
    ]);
    const [event] = await trail(kit, doc.id);
    expect(event).toMatchObject({
      type: 'account.rejected',
      changes: [
        { path: 'accounts.count', after: 2 },
        { path: 'accounts.statuses', before: { suggested: 2 }, after: { rejected: 2 } },
        { path: 'accounts.selection', after: { allMatching: { status: 'suggested', q: 'dock' } } },
      ],
    });
    const none = await kit.call('decideAccountsInBulk', {
      user: 'ana', params: { caseId: doc.id }, ifMatch: doc.version + 1, body: { allMatching: { q: 'nobody_here' }, decision: 'rejected' },
    });
    expect([none.status, errorBody(none).fieldErrors]).toEqual([400, [{ path: 'allMatching', message: 'bulk.noneMatching' }]]);
  });

  it('refuses what the single decision refuses, with the standard error body, and writes nothing', async () => {
    const kit = createTestBackend();
    const doc = await designatedWithAccounts(kit);
    const params = { caseId: doc.id };
    const bulk = (body: object, ifMatch: number | null = doc.version, user = 'ana') =>
      kit.call('decideAccountsInBulk', { user, params, ...(ifMatch === null ? {} : { ifMatch }), body });
    const basisMissing = await bulk({ handles: ['dock_four'], decision: 'confirmed' });
    expect([basisMissing.status, errorBody(basisMissing).fieldErrors]).toEqual([400, [{ path: 'basis', message: 'association.basisRequired' }]]);
    const both = await bulk({ handles: ['dock_four'], allMatching: {}, decision: 'rejected' });
    expect([both.status, errorBody(both).fieldErrors]).toEqual([400, [{ path: 'handles', message: 'bulk.handlesOrAllMatching' }]]);
    expect(errorBody(await bulk({ decision: 'rejected' })).fieldErrors).toEqual([{ path: 'handles', message: 'bulk.handlesOrAllMatching' }]);
    expect(errorBody(await bulk({ handles: [], decision: 'rejected' })).fieldErrors).toEqual([{ path: 'handles', message: 'bulk.noAccounts' }]);
    const tooMany = await bulk({ handles: Array.from({ length: 10_001 }, (_, index) => `h_${index}`), decision: 'rejected' });
    expect(errorBody(tooMany).fieldErrors).toEqual([{ path: 'handles', message: 'bulk.tooMany' }]);
    expect(errorBody(await bulk({ handles: ['not a handle!'], decision: 'rejected' })).fieldErrors).toEqual([{ path: 'handles.0', message: 'account.handleFormat' }]);
    expect((await bulk({ handles: ['dock_four'], decision: 'rejected' }, null)).status).toBe(428);
    expect((await bulk({ handles: ['dock_four'], decision: 'rejected' }, doc.version - 1)).status).toBe(412);
    expect((await bulk({ handles: ['dock_four'], decision: 'rejected' }, doc.version, 'lee')).status).toBe(401);
    const draft = await caseIn(kit, 'draft');
    expect((await kit.call('decideAccountsInBulk', { params: { caseId: draft.id }, ifMatch: draft.version, body: { handles: ['harbor_one'], decision: 'rejected' } })).status).toBe(409);
    expect(await kit.ok('getCase', { params })).toEqual(doc);
  });

  it('ends the actions whose accounts lose their association, only by a reviewer (R18), with an event each', async () => {
    const kit = createTestBackend();
    let doc = await designatedWithAccounts(kit);
    const params = { caseId: doc.id };
    for (const targetRef of ['harbor_one', 'pier_six']) {
      doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body: { type: 'limit-visibility', target: 'account', targetRef, basis: 'Amplifies.' } });
    }
    const body = { handles: ['harbor_one', 'pier_six', 'quay_five'], decision: 'rejected', note: 'Mistaken identity.' };
    const byAnalyst = await kit.call('decideAccountsInBulk', { user: 'ana', params, ifMatch: doc.version, body });
    expect(byAnalyst.status).toBe(403);
    expect(errorBody(byAnalyst).message).toMatch(/would end 2 enforcement actions on them; only a reviewer may decide that \(R18\)/);
    const byReviewer = await kit.call('decideAccountsInBulk', { user: 'sam', params, ifMatch: doc.version, body });
    expect(byReviewer.body).toMatchObject({ decided: 3, endedActions: 2 });
    const after = await kit.ok('getCase', { params });
    expect(after.enforcementActions.map((action) => action.endedReason)).toEqual(['lifted', 'lifted']);
    const events = await trail(kit, doc.id);
    expect(events.slice(0, 3).map((event) => [event.type, event.caseVersion])).toEqual([
      ['action.ended', after.version], ['action.ended', after.version], ['account.rejected', after.version],
    ]);
  });

  it('is the rule of one decision: one handle in bulk gives the case one decision gives', async () => {
    const kit = createTestBackend();
    let record = await caseIn(kit, 'designated');
    const params = { caseId: record.id };
    record = await kit.ok('decideAccount', {
      user: 'sam', params, ifMatch: record.version, body: { handle: 'harbor_one', status: 'confirmed', basis: ['signals'], primaryUseFinding: true },
    });
    for (const [type, targetRef] of [['suspend-primary-use', 'harbor_one'], ['limit-visibility', 'harbor_one']] as const) {
      record = await kit.ok('applyAction', { user: 'rui', params, ifMatch: record.version, body: { type, target: 'account', targetRef, basis: 'Amplifies.' } });
    }
    const stored = await kit.storage.getCase(record.id);
    if (!stored) throw new Error('stored case missing');
    const sam = DEMO_USERS.find((user) => user.id === 'sam');
    if (!sam) throw new Error('demo user sam missing');
    const env: RuleEnv = { user: sam, now: T0, newId: (kind) => `${kind}-1`, evaluate };
    for (const status of ['confirmed', 'rejected'] as const) {
      for (const [handle, primaryUseFinding] of [['HARBOR_ONE', false], ['harbor_one', true], ['harbor_two', true], ['someone_new', false]] as const) {
        const input = { handle, status, basis: ['signals' as const], note: 'n', primaryUseFinding };
        const one = decideAccount(stored, input, env);
        const bulk = decideAccountsInBulk(stored, [handle], { decision: status, basis: input.basis, note: 'n', primaryUseFinding }, { handles: 1 }, env);
        expect(bulk.next).toEqual(one.next);
        expect(bulk.events.slice(1)).toEqual(one.events.slice(1));
        expect(bulk.events[0]?.type).toBe(one.events[0]?.type);
      }
    }
  });
});

describe('the CSV exports (R19)', () => {
  it('writes every account and every action, a cell a spreadsheet would run neutralised', async () => {
    const kit = createTestBackend();
    let doc = await designatedWithAccounts(kit);
    const params = { caseId: doc.id };
    doc = await kit.ok('decideAccount', { user: 'sam', params, ifMatch: doc.version, body: { handle: 'dock_four', status: 'rejected', note: '=HYPERLINK("x");2' } });
    doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body: { type: 'prevent-trends', target: 'trend-term', targetRef: '+HarborWatch', basis: '@once' } });
    const accounts = await kit.call('caseAccountsCsv', { params });
    expect(accounts.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(accounts.headers['Content-Disposition']).toBe(`attachment; filename="accounts-${doc.id}.csv"`);
    const lines = String(accounts.body).split('\r\n');
    expect(lines[0]).toBe('\uFEFFhandle,status,basis,primaryUseFinding,decidedBy,decidedAt,note');
    expect(lines.slice(1)).toEqual([
      `harbor_one,confirmed,signals,no,sam,${T0},`,
      `harbor_two,rejected,,no,sam,${T0},`,
      `pier_six,confirmed,recent-behaviour,no,sam,${T0},`,
      `dock_four,rejected,,no,sam,${T0},"'=HYPERLINK(""x"");2"`,
      'Dock_Three,suggested,,no,,,',
      'quay_five,suggested,,no,,,',
      '',
    ]);
    const actions = String((await kit.call('caseActionsCsv', { params })).body).split('\r\n');
    expect(actions[0]).toBe('\uFEFFid,type,target,targetRef,basis,appliedBy,appliedAt,expiresAt,stateAtExport,reappliesId,endedAt,endedReason');
    expect(actions[1]).toBe(`${doc.enforcementActions[0]?.id},prevent-trends,trend-term,'+HarborWatch,'@once,rui,${T0},${doc.enforcementActions[0]?.expiresAt},active,,,`);
    const missing = await kit.call('caseAccountsCsv', { params: { caseId: 'case-nope' } });
    expect([missing.status, missing.headers['Content-Type'], errorBody(missing).code]).toEqual([404, 'application/json', 'not-found']);
  });
});

/** A memory storage that records the changes each write names. */
function recording(): { storage: BackendStorage; writes: (CaseChanges | undefined)[] } {
  const inner = createMemoryStorage();
  const writes: (CaseChanges | undefined)[] = [];
  return {
    writes,
    storage: {
      ...inner,
      putCase: (record, expectedVersion, events, listing, changes) => {
        writes.push(changes);
        return inner.putCase(record, expectedVersion, events, listing, changes);
      },
    },
  };
}

describe('what a write tells the storage (issue 10 §3)', () => {
  it('names the accounts and actions a write changed, by position, and whether the names may have changed', async () => {
    const { storage, writes } = recording();
    const kit = createTestBackend({ storage });
    let doc = await designatedWithAccounts(kit);
    const params = { caseId: doc.id };
    expect(writes[0]).toBeUndefined();
    // An account decided again in place: its row, names unchanged.
    doc = await kit.ok('decideAccount', { user: 'sam', params, ifMatch: doc.version, body: { handle: 'harbor_two', status: 'confirmed', basis: ['signals'] } });
    expect(writes.at(-1)).toEqual({ accounts: [1], actions: [], names: false });
    // A new account at the end: a new name.
    doc = await kit.ok('decideAccount', { user: 'sam', params, ifMatch: doc.version, body: { handle: 'dock_four', status: 'confirmed', basis: ['signals'] } });
    expect(writes.at(-1)).toEqual({ accounts: [3], actions: [], names: true });
    doc = await kit.ok('applyAction', { user: 'rui', params, ifMatch: doc.version, body: { type: 'limit-visibility', target: 'account', targetRef: 'pier_six', basis: 'Amplifies.' } });
    expect(writes.at(-1)).toEqual({ accounts: [], actions: [0], names: true });
    // A modification's autosave (R17): the content only.
    doc = await kit.ok('periodicReview', { user: 'rui', params, ifMatch: doc.version, body: { outcome: 'modify', rationale: 'Add the new channel.' } });
    const content = contentOfDoc(doc);
    content.rightsRiskAssessment = 'Edited.';
    doc = await kit.ok('updateCase', { user: 'ana', params, ifMatch: doc.version, body: content });
    expect(writes.at(-1)).toEqual({ accounts: [], actions: [], names: false });
    // A signal naming another account: the names changed.
    content.signals[0]?.accounts.push('new_name');
    doc = await kit.ok('updateCase', { user: 'ana', params, ifMatch: doc.version, body: content });
    expect(writes.at(-1)).toEqual({ accounts: [], actions: [], names: true });
    expect(doc.rightsRiskAssessment).toBe('Edited.');
  });
});
