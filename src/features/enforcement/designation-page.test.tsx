import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../api/contract/case';
import { mockBackend } from '../../mocks/node';
import { renderWithProviders } from '../../test/render';
import { DesignationPage } from './designation-page';

const GREY = 'case-grey-meridian';
const EXPIRED = 'action-grey-relay-visibility';
const routes = [{ path: '/designations/:caseId', element: <DesignationPage /> }];

/** What an import of activity sends (R15): @grey_relay_07 repeats the case's hashtag after its limit expired. */
async function importFinds(caseId: string, expiredActionId: string): Promise<void> {
  const current = await mockBackend.handle({ method: 'GET', path: `/api/cases/${caseId}`, query: {}, headers: {}, userId: 'ana', body: undefined });
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const sent = await mockBackend.handle({
    method: 'POST', path: `/api/cases/${caseId}/reapplication-proposals`, query: {}, userId: 'ana',
    headers: { 'if-match': `"${(current.body as CaseDocument).version}"` },
    body: {
      findings: [{
        actionId: expiredActionId, handle: 'grey_relay_07',
        activity: { posts: 4, firstAt: at, lastAt: at, fileName: 'week-12.csv', examples: [{ postId: 'p-77', at, matches: [{ kind: 'hashtag', value: '#greymeridian' }] }] },
      }],
    },
  });
  expect(sent.status).toBe(200);
}

/** Pastes instead of typing key by key: the page is large and jsdom is slow. */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

// The page is the app's largest (record, accounts, actions, exports); under a loaded CI machine jsdom
// needs more than the default 20 s for the multi-step journeys.
describe('DesignationPage', { timeout: 45_000 }, () => {
  it('shows the designation record: reviewer, rationale, next review date', async () => {
    renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const record = await screen.findByRole('region', { name: 'Designation (R17)' });
    // Names come from the user directory, which may answer after the case.
    expect(await within(record).findByText('Rui Takahashi')).toBeVisible();
    expect(within(record).getByText(/Home visits and dogpiling/)).toBeVisible();
    expect(within(record).getByText('Next periodic review')).toBeVisible();
  });

  it('shows each association’s last activity seen in the signals, and marks one without recent activity for the periodic review (R16)', async () => {
    renderWithProviders(null, { route: '/designations/case-ashfall-syndicate', routes, userId: 'rui' });
    const quiet = await screen.findByTestId('account-row-ashfall_store');
    // Last activity (the engagement signal's window, 136 days ago), then when the association was decided.
    const [activity, decided] = within(quiet).getAllByRole('time').map((time) => Date.parse(time.getAttribute('dateTime') ?? ''));
    expect(Math.round(((decided ?? 0) - (activity ?? 0)) / 86_400_000)).toBe(37);
    expect(within(quiet).getByText('No recent activity: to confirm or end at the periodic review (R16)')).toBeVisible();
  });

  it('confirms a suggested account with its basis and the primary-use finding (R16)', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'ana' });
    const row = await screen.findByTestId('account-row-northfield_ops');
    expect(within(row).getByText('Suggested')).toBeVisible();
    await user.click(within(row).getByRole('button', { name: 'Decide the association of @northfield_ops' }));

    const dialog = await screen.findByRole('dialog', { name: 'Association of @northfield_ops' });
    await user.click(within(dialog).getByRole('button', { name: 'Record the decision' }));
    expect(await within(dialog).findByText('Choose at least one basis to confirm an association.')).toBeVisible();

    await user.click(within(dialog).getByRole('checkbox', { name: 'Coordination signals' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /primary use is to propagate/ }));
    await fill(user, within(dialog).getByRole('textbox', { name: 'Note' }), 'Shares the operator device.');
    await user.click(within(dialog).getByRole('button', { name: 'Record the decision' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const confirmed = await screen.findByTestId('account-row-northfield_ops');
    await waitFor(() => expect(within(confirmed).getByText('Confirmed')).toBeVisible());
    expect(within(confirmed).getByText('Coordination signals')).toBeVisible();
    expect(await within(confirmed).findByText('Ana Kovač', { exact: false })).toBeVisible();
  });

  it('applies an action to a confirmed account with its basis; it shows as active (R14)', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const actions = await screen.findByRole('region', { name: 'Enforcement actions (R14-R15)' });
    // Prevent recommendations for @meridian_echo (confirmed in the seed).
    const form = within(actions).getByRole('form', { name: 'Apply an action' });
    // The policy's wording, a full stop, then the expiry (issue 15 §8: "…on timelines Expires automatically").
    expect(within(form).getByText(/on timelines\. Expires automatically after 30 days \(R15\)\.$/)).toBeVisible();
    await user.click(within(form).getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Prevent recommendations' }));
    await user.click(within(form).getByRole('combobox', { name: 'Confirmed account' }));
    await user.click(await screen.findByRole('option', { name: '@meridian_echo' }));
    await fill(user, within(form).getByRole('textbox', { name: /Basis/ }), 'Amplifies target lists.');
    await user.click(within(form).getByRole('button', { name: 'Apply the action' }));
    expect(await within(form).findByText('Applied: Prevent recommendations.')).toBeVisible();
    const applied = await within(actions).findByRole('row', { name: /Prevent recommendations.*@meridian_echo/ });
    expect(within(applied).getByText('Active')).toBeVisible();
    expect(within(applied).getByText('Amplifies target lists.')).toBeVisible();
  });

  it('shows an expired visibility limit as expired and re-applies it with a justification (R15)', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const actions = await screen.findByRole('region', { name: 'Enforcement actions (R14-R15)' });
    // The seeded limit on @grey_relay_07 was applied 40 days ago with a 30-day period.
    const expired = await within(actions).findByTestId(`action-row-${EXPIRED}`);
    expect(expired).toHaveAttribute('data-state', 'expired');
    expect(within(expired).getByText('Expired')).toBeVisible();

    // An ellipsis on the button that opens the dialog, none on the dialog's own (issue 15 §8).
    const opener = within(expired).getByRole('button', { name: 'Re-apply Limit visibility on @grey_relay_07' });
    expect(opener).toHaveTextContent(/^Re-apply…$/);
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: /Re-apply “Limit visibility” on @grey_relay_07/ });
    expect(within(dialog).getByRole('button', { name: 'Re-apply' })).toHaveTextContent(/^Re-apply$/);
    await user.click(within(dialog).getByRole('button', { name: 'Re-apply' }));
    expect(await within(dialog).findByText('Required')).toBeVisible();
    await fill(user, within(dialog).getByRole('textbox', { name: /Justification/ }), 'Posted a new target list yesterday.');
    // The count against the contract's limit for a re-application's justification.
    expect(within(dialog).getByTestId('character-count')).toHaveTextContent('35 / 5,000');
    await user.click(within(dialog).getByRole('button', { name: 'Re-apply' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const reapplied = await within(actions).findByRole('row', { name: /Re-applies an expired action/ });
    expect(within(reapplied).getByText('Active')).toBeVisible();
    expect(within(reapplied).getByText('Posted a new target list yesterday.')).toBeVisible();
    // The old one stays in the record as expired, with nothing left to re-apply.
    expect(within(within(actions).getByTestId(`action-row-${EXPIRED}`)).queryByRole('button')).toBeNull();
  });

  it('lifts an active action with a reason (R14): it shows as ended, lifted by a reviewer, with the reason', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const actions = await screen.findByRole('region', { name: 'Enforcement actions (R14-R15)' });
    // The list is the server's page: it comes after the section.
    await within(actions).findAllByTestId(/^action-row-/);
    const active = within(actions).getAllByRole('row').find((row) => row.getAttribute('data-state') === 'active');
    if (!active) throw new Error('the seed has an active action');
    const lift = within(active).getByRole('button', { name: /^Lift / });
    await user.click(lift);
    const dialog = await screen.findByRole('dialog', { name: /^Lift “/ });
    await user.click(within(dialog).getByRole('button', { name: 'Lift' }));
    expect(await within(dialog).findByText('Required')).toBeVisible();
    await fill(user, within(dialog).getByRole('textbox', { name: /Reason for lifting/ }), 'Appeal upheld: a parody account.');
    await user.click(within(dialog).getByRole('button', { name: 'Lift' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const rowId = active.getAttribute('data-testid') ?? '';
    await waitFor(() => expect(within(actions).getByTestId(rowId)).toHaveAttribute('data-state', 'ended'));
    const ended = within(actions).getByTestId(rowId);
    expect(within(ended).getByText('Lifted by a reviewer')).toBeVisible();
    expect(within(ended).getByText('Reason: Appeal upheld: a parody account.')).toBeVisible();
    expect(within(ended).queryByRole('button', { name: /^Lift / })).toBeNull();
  });

  it('offers the general Rules’ actions on a case without a designation (R14): Tweet removal on a draft', async () => {
    const { user } = renderWithProviders(null, { route: '/designations/case-clearwater-week', routes, userId: 'rui' });
    expect(await screen.findByText(/actions under the general Rules are available below/)).toBeVisible();
    const actions = await screen.findByRole('region', { name: 'Enforcement actions (R14-R15)' });
    const form = within(actions).getByRole('form', { name: 'Apply an action' });
    await user.click(within(form).getByRole('combobox', { name: 'Action' }));
    // Only the general Rules' actions: the framework's own wait for a designation.
    expect(screen.queryByRole('option', { name: 'Limit visibility' })).toBeNull();
    await user.click(await screen.findByRole('option', { name: 'Require Tweet removal' }));
    await fill(user, within(form).getByRole('textbox', { name: 'Tweet id' }), '1790000000000000001');
    await fill(user, within(form).getByRole('textbox', { name: /Basis/ }), 'Violent threat against a volunteer.');
    await user.click(within(form).getByRole('button', { name: 'Apply the action' }));
    expect(await within(form).findByText('Applied: Require Tweet removal.')).toBeVisible();
    const applied = await within(actions).findByRole('row', { name: /Require Tweet removal.*1790000000000000001/ });
    expect(within(applied).getByText('Active')).toBeVisible();
  });

  it('tells analysts that only reviewers apply actions', async () => {
    renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'ana' });
    const actions = await screen.findByRole('region', { name: 'Enforcement actions (R14-R15)' });
    expect(within(actions).getByText('Only reviewers apply enforcement actions (R18).')).toBeVisible();
    expect(within(actions).queryByRole('form')).toBeNull();
    expect(within(actions).queryByRole('button', { name: /^Lift / })).toBeNull();
  });

  it('platform manipulation (R3): an analyst proposes permanent suspension for accounts of the track, another reviewer approves it', async () => {
    const first = renderWithProviders(null, { route: '/designations/case-ashfall-syndicate', routes, userId: 'ben' });
    const section = await screen.findByRole('region', { name: 'Platform manipulation (R3)' });
    expect(within(section).getByText(/Establishing technical signals: 1 · accounts on the track: @ashfall_store, @ember_boost_01/)).toBeVisible();
    await first.user.click(within(section).getByRole('checkbox', { name: '@ashfall_store' }));
    await first.user.click(within(section).getByRole('button', { name: 'Propose permanent suspension' }));
    expect(await within(section).findByText('Required')).toBeVisible();
    await fill(first.user, within(section).getByRole('textbox', { name: /What the coordination is/ }), 'The booster pool is one operator.');
    await first.user.click(within(section).getByRole('button', { name: 'Propose permanent suspension' }));
    const pending = await within(section).findByTestId('manipulation-pending');
    expect(pending).toHaveTextContent('Accounts: @ember_boost_01');
    // An analyst waits for a reviewer.
    expect(within(pending).getByText(/Waiting for a reviewer who neither proposed it nor wrote the case/)).toBeVisible();
    first.unmount();

    const { user } = renderWithProviders(null, { route: '/designations/case-ashfall-syndicate', routes, userId: 'rui' });
    const again = await screen.findByRole('region', { name: 'Platform manipulation (R3)' });
    await user.click(within(again).getByRole('radio', { name: 'Approve: suspend these accounts permanently' }));
    await fill(user, within(again).getByRole('textbox', { name: /Rationale/ }), 'The booster pool is automated.');
    await user.click(within(again).getByRole('button', { name: 'Record the decision' }));
    expect(await within(again).findByTestId('manipulation-decided')).toHaveTextContent(/Approved by Rui Takahashi on .* proposed by Ben Osei/);
    const actions = screen.getByRole('region', { name: /^Enforcement actions \(R14/ });
    expect(await within(actions).findByRole('row', { name: /Suspend permanently \(platform manipulation, R3\)/ })).toBeVisible();
  });

  it('re-application from imported activity (R15): a reviewer sees the activity and re-applies the limit; an analyst only waits', async () => {
    await importFinds(GREY, EXPIRED);
    const first = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'ana' });
    const asAnalyst = await screen.findByRole('region', { name: 'Re-application from imported activity (R15)' });
    const waiting = within(asAnalyst).getByTestId('reapplication-open');
    expect(waiting).toHaveTextContent(/@grey_relay_07: limit expired on/);
    expect(waiting).toHaveTextContent(/4 posts from .* in “week-12\.csv”/);
    expect(within(waiting).getByText('repeats #greymeridian')).toBeVisible();
    expect(within(waiting).getByText('A reviewer applies or dismisses this proposal.')).toBeVisible();
    expect(within(asAnalyst).getByRole('switch', { name: /Re-apply automatically/ })).toBeDisabled();
    first.unmount();

    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const section = await screen.findByRole('region', { name: 'Re-application from imported activity (R15)' });
    const form = within(section).getByRole('form', { name: 'Decision on @grey_relay_07' });
    await user.click(within(form).getByRole('button', { name: 'Re-apply the limit' }));
    expect(await within(form).findByText('Required')).toBeVisible();
    await fill(user, within(form).getByRole('textbox', { name: /Why/ }), 'Back to posting the campaign hashtag.');
    await user.click(within(form).getByRole('button', { name: 'Re-apply the limit' }));
    expect(await within(section).findByTestId('reapplication-decided')).toHaveTextContent(/Re-applied.*by Rui Takahashi on.*Back to posting the campaign hashtag\./);
    const actions = screen.getByRole('region', { name: /^Enforcement actions \(R14/ });
    const reapplied = await within(actions).findByRole('row', { name: /Re-applies an expired action/ });
    expect(within(reapplied).getByText('Active')).toBeVisible();
    expect(within(reapplied).getByText(/^Back to posting the campaign hashtag\. \(R15: 4 post\(s\)/)).toBeVisible();
  });

  it('with automatic re-application on (a reviewer’s switch), the next import re-applies by itself, shown as the system’s', async () => {
    const first = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'sam' });
    const section = await screen.findByRole('region', { name: 'Re-application from imported activity (R15)' });
    expect(within(section).getByTestId('auto-reapply-state')).toHaveTextContent('Off: each proposal waits for a reviewer.');
    await first.user.click(within(section).getByRole('switch', { name: /Re-apply automatically/ }));
    await waitFor(() => expect(within(section).getByTestId('auto-reapply-state')).toHaveTextContent(/On since .*, set by Samira Haddad/));
    first.unmount();

    await importFinds(GREY, EXPIRED);
    renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'ana' });
    const after = await screen.findByRole('region', { name: 'Re-application from imported activity (R15)' });
    expect(within(after).queryByTestId('reapplication-open')).toBeNull();
    expect(within(after).getByTestId('reapplication-decided')).toHaveTextContent(/Re-applied automatically.*by The system \(automatic\) on/);
    const actions = screen.getByRole('region', { name: /^Enforcement actions \(R14/ });
    const reapplied = await within(actions).findByRole('row', { name: /Re-applied automatically \(R15\)/ });
    expect(within(reapplied).getByText(/The system \(automatic\)/)).toBeVisible();
    expect(within(reapplied).getByText(/^Re-applied automatically \(R15\): @grey_relay_07 continued/)).toBeVisible();
  });
});
