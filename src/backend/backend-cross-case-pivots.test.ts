// Issue 16 §4, cross-case pivots through the backend rules (the mock and the server alike): a case's
// accounts found in other cases and designations, and the account page.
import { describe, expect, it } from 'vitest';
import { AccountPivot, CrossCaseRefs } from '../api/contract/cross-case-pivots';
import { accountHandlesOf, pivotValuesOf } from './cross-case-pivots';
import { caseIn, contentOfDoc, createTestBackend, type TestBackend } from './backend-test-kit';

async function marksOf(kit: TestBackend, caseId: string): Promise<CrossCaseRefs> {
  const answer = await kit.call('crossCaseRefs', { user: 'ana', params: { caseId } });
  expect(answer.status).toBe(200);
  return CrossCaseRefs.parse(answer.body);
}

async function accountPage(kit: TestBackend, handle: string): Promise<AccountPivot> {
  const answer = await kit.call('accountPivot', { user: 'rui', params: { handle } });
  expect(answer.status).toBe(200);
  return AccountPivot.parse(answer.body);
}

describe('cross-case pivots (issue 16 §4)', () => {
  it('marks the accounts of a case that appear in other cases, designations first, with the totals', async () => {
    const kit = createTestBackend();
    const designated = await caseIn(kit, 'designated', { withAccount: true });
    const draft = await caseIn(kit, 'draft');
    // A third case whose signals name someone else.
    const other = await caseIn(kit, 'draft');
    const unrelated = await kit.ok('updateCase', {
      user: 'ana', params: { caseId: other.id }, ifMatch: other.version,
      body: { ...contentOfDoc(other), signals: other.signals.map((signal) => ({ ...signal, accounts: ['someone_else'] })) },
    });

    const marks = await marksOf(kit, draft.id);
    expect(marks.accounts.map((account) => [account.value, account.caseCount, account.designationCount, account.cases.map((ref) => ref.caseId)])).toEqual(
      accountHandlesOf(draft).map((handle) => [handle, 1, 1, [designated.id]]),
    );
    expect(marks.accounts[0]?.cases[0]).toEqual({ caseId: designated.id, caseName: designated.actor.name, status: 'designated', designated: true });
    // The case that names none of them has no account marks; its links and hashtags (the same content) are marked.
    const unrelatedMarks = await marksOf(kit, unrelated.id);
    expect(unrelatedMarks.accounts).toEqual([]);
    const values = pivotValuesOf(unrelated);
    expect(unrelatedMarks.links.map((link) => [link.value, link.caseCount])).toEqual(values.link.map((link) => [link, 2]));
    expect(unrelatedMarks.hashtags.map((tag) => [tag.value, tag.caseCount])).toEqual(values.hashtag.map((tag) => [tag, 2]));
  });

  it('marks a text two cases hold as posted alike, compared as the co-post detector compares texts (R1)', async () => {
    const kit = createTestBackend();
    const pasta = 'They are lying about the flood barrier, share this before the council deletes it';
    const withText = async (text: string) => {
      const created = await caseIn(kit, 'draft');
      return kit.ok('updateCase', {
        user: 'ana', params: { caseId: created.id }, ifMatch: created.version,
        body: { ...contentOfDoc(created), signals: created.signals.map((signal) => ({ ...signal, accounts: [`acct_${created.id.slice(-6)}`], sharedTexts: [text] })) },
      });
    };
    const first = await withText(`@someone ${pasta.toUpperCase()} https://example.org/x`);
    const second = await withText(pasta);
    await withText('A different message that nobody else posted anywhere at all');
    const marks = await marksOf(kit, second.id);
    expect(marks.texts.map((text) => [text.value, text.caseCount, text.cases.map((ref) => ref.caseId)])).toEqual([
      ['they are lying about the flood barrier, share this before the council deletes it', 1, [first.id]],
    ]);
    expect(pivotValuesOf(second).text).toEqual([marks.texts[0]?.value]);
    // A text too short to say anything is not compared.
    expect(pivotValuesOf({ ...second, signals: second.signals.map((signal) => ({ ...signal, sharedTexts: ['so true'] })) }).text).toEqual([]);
  });

  it('lists on the account page what each case holds about the account: signals, association, actions (R14-R16)', async () => {
    const kit = createTestBackend();
    const designated = await caseIn(kit, 'designated', { withAccount: true });
    const applied = await kit.ok('applyAction', {
      user: 'rui', params: { caseId: designated.id }, ifMatch: designated.version,
      body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
    });
    const draft = await caseIn(kit, 'draft');

    const page = await accountPage(kit, '@Harbor_One');
    expect(page.handle).toBe('harbor_one');
    expect(page.moreCases).toBe(0);
    expect(page.cases.map((entry) => [entry.caseId, entry.designated, entry.signalCount, entry.association?.status ?? null, entry.actions.length])).toEqual([
      [designated.id, true, 1, 'confirmed', 1],
      [draft.id, false, 1, null, 0],
    ]);
    expect(page.cases[0]?.actions[0]).toMatchObject({ id: applied.enforcementActions[0]?.id, type: 'limit-visibility', endedAt: null });
    // An account nobody names has an empty page, not an error; a malformed handle is refused.
    expect(await accountPage(kit, 'nobody_here')).toEqual({ handle: 'nobody_here', cases: [], moreCases: 0 });
    expect((await kit.call('accountPivot', { user: 'ana', params: { handle: 'no spaces' } })).status).toBe(400);
  });
});
