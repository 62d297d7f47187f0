// The case page's live parts (issue 12 §7): who else has the case open (from this tab's heartbeat's
// answer), and what someone else just did, from the changes this tab heard.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { CaseChangeNotice, latestChangeByOthers } from './case-change-notice';
import { CasePresence } from './case-presence';
import { heardChange, liveStore } from './live-store';

const COPPER = 'case-copper-lantern';

afterEach(() => {
  liveStore.setState({ status: 'connecting', changes: [] });
});

describe('CasePresence (issue 12 §7)', () => {
  it('names the others who have the case open and who is editing, not the person looking', async () => {
    setApiUser('ben');
    await callApi('casePresence', { params: { caseId: COPPER }, body: { tab: 'ben-tab-0001', state: 'editing' } });
    setApiUser('sam');
    await callApi('casePresence', { params: { caseId: COPPER }, body: { tab: 'sam-tab-0001', state: 'viewing' } });
    renderWithProviders(<CasePresence caseId={COPPER} />, { userId: 'rui' });
    const list = await screen.findByRole('list', { name: 'Who else has this case open' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Ben Osei is editing',
      'Samira Haddad has this case open',
    ]);
  });
});

describe('CaseChangeNotice (issue 12 §7)', () => {
  const returned = {
    kind: 'case-change' as const, caseId: COPPER, seq: 900, type: 'case.returned' as const, actorId: 'rui', at: '2026-03-02T09:00:00.000Z', caseVersion: 5,
  };

  it("says what someone else just did on this case, in a live region, and can be dismissed", async () => {
    const { user } = renderWithProviders(<CaseChangeNotice caseId={COPPER} editable />, { userId: 'ana' });
    expect(screen.queryByTestId('live-change')).toBeNull();
    act(() => heardChange(returned));
    await screen.findByText(/^Rui Takahashi returned this case/);
    const notice = screen.getByTestId('live-change');
    expect(notice).toHaveTextContent('Rui Takahashi returned this case. The page shows it now; an edit of yours not yet saved is kept');
    expect(notice.closest('output')).not.toBeNull();
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('live-change')).toBeNull();
  });

  it('ignores changes by the person looking, to other cases, and from before the page opened', () => {
    const mine = { ...returned, seq: 901, actorId: 'ana' };
    const elsewhere = { ...returned, seq: 902, caseId: 'case-other' };
    expect(latestChangeByOthers([returned, mine, elsewhere], COPPER, 'ana', 0)).toEqual(returned);
    expect(latestChangeByOthers([returned, mine, elsewhere], COPPER, 'ana', 900)).toBeNull();
  });
});
