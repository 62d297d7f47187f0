import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { CaseReviewPage } from './case-review-page';

const COPPER = 'case-copper-lantern';
const routes = [
  { path: '/review/:caseId', element: <CaseReviewPage /> },
  { path: '/designations/:caseId', element: <p>designation record</p> },
];

function decisionRegion() {
  return screen.findByRole('region', { name: 'Decision' });
}

// Multi-step journeys on a large page; on a loaded machine jsdom needs more than the default 20 s.
describe('CaseReviewPage', { timeout: 45_000 }, () => {
  it('shows the case read-only with the verdict stored at submission and its reasons', async () => {
    renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'rui' });
    expect(await screen.findByRole('heading', { name: 'Review: Copper Lantern Collective', level: 1 })).toBeVisible();
    const verdict = screen.getByTestId('verdict-at-submission');
    expect(within(verdict).getByText('Designation recommended')).toBeVisible();
    expect(screen.getByText(/This is the first review/)).toBeVisible();
    // The reasons read as sentences in the user's language, each with its rule.
    expect(screen.getByText(/Harm meets the threshold: rated high in Physical, Informational/)).toBeVisible();
  });

  it('shows the evidence inline — each item with its source and credibility, each signal with its accounts and sources — and a way to the board (issue 12 §4)', async () => {
    renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'rui' });
    const summary = await screen.findByRole('region', { name: 'The case' });
    const informational = within(summary).getByRole('list', { name: 'Evidence of Informational harm' });
    expect(informational).toHaveTextContent('Fabricated ballot-tampering claims reached 1.2 M impressions.');
    expect(informational).toHaveTextContent('source: Fact-check (fictional Westvale Verify)');
    expect(informational).toHaveTextContent('credible source (R9)');
    expect(within(summary).getByText(/@lantern_bearer, @copper_wick, @lantern_list_bot/)).toBeVisible();
    const source = within(summary).getByRole('link', { name: 'https://example.org/internal/bulk-report-cl' });
    expect(source).toHaveAttribute('target', '_blank');
    expect(source).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Open the evidence board' })).toHaveAttribute('href', `/cases/${COPPER}/evidence`);
    // The decision sits in the column that stays in view.
    expect(within(screen.getByTestId('review-decision-column')).getByRole('region', { name: 'Decision' })).toBeVisible();
  });

  it('offers a decision bar that picks the decision in the form and goes to its rationale (issue 12 §4)', async () => {
    const { user } = renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'rui' });
    const bar = await screen.findByRole('region', { name: 'Decide this case' });
    await user.click(within(bar).getByRole('button', { name: 'Return' }));
    const region = await decisionRegion();
    expect(within(region).getByRole('radio', { name: 'Return to the analyst with comments' })).toBeChecked();
    expect(within(region).getByRole('textbox', { name: /Comments for the analyst/ })).toHaveFocus();
    // Picked again after moving on: focused again.
    await user.click(within(bar).getByRole('button', { name: 'Approve' }));
    expect(within(region).getByRole('radio', { name: 'Approve the designation' })).toBeChecked();
    expect(within(region).getByRole('textbox', { name: /Rationale/ })).toHaveFocus();
  });

  it('shows no decision bar to someone four eyes keep out', async () => {
    renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'ben' });
    await decisionRegion();
    expect(screen.queryByRole('region', { name: 'Decide this case' })).toBeNull();
  });

  it('names the accounts people confirmed or rejected for the actor (R16), not the mere suggestions', async () => {
    renderWithProviders(null, { route: '/review/case-grey-meridian', routes, userId: 'rui' });
    const accounts = await screen.findByRole('region', { name: 'Associated accounts (R16)' });
    expect(within(accounts).getByText('3 confirmed').nextSibling).toHaveTextContent('@meridian_signal, @grey_relay_07, @meridian_echo');
    expect(within(accounts).getByText('1 rejected').nextSibling).toHaveTextContent('@civic_watch_hub');
  });

  it('explains four eyes to the analyst who submitted the case and offers no decision', async () => {
    renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'ben' });
    const region = await decisionRegion();
    const explanation = within(region).getByTestId('four-eyes-explanation');
    expect(explanation).toHaveTextContent('Four eyes (R18): you submitted this case, so another reviewer must decide it.');
    expect(explanation).toHaveTextContent('Only reviewers decide cases (R18)');
    const button = within(region).getByRole('button', { name: 'Record the decision' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-describedby', 'decision-blocked');
  });

  it('shows the server’s reason when it refuses a decision the page allowed', async () => {
    // The page's view may be stale (e.g. a role changed); the backend decides, and says why.
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith(`/api/cases/${COPPER}/decision`)) {
        return new Response(
          JSON.stringify({ code: 'forbidden', message: 'Four eyes (R18): you created or edited this case at some point in its history, so another reviewer must decide it.', fieldErrors: [] }),
          { status: 403, headers: { 'Content-Type': 'application/json' } },
        );
      }
      return realFetch(input, init);
    });
    const { user } = renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'rui' });
    const region = await decisionRegion();
    await user.click(within(region).getByRole('radio', { name: 'Approve the designation' }));
    await user.type(within(region).getByRole('textbox', { name: /Rationale/ }), 'Threats and doxxing.');
    await user.click(within(region).getByRole('button', { name: 'Record the decision' }));
    const alert = await within(region).findByTestId('decision-error');
    expect(alert).toHaveTextContent('The server refused the decision.');
    expect(alert).toHaveTextContent('you created or edited this case at some point in its history');
  });

  it('requires an override justification to decide against the verdict (R8), and records the override', async () => {
    const { user } = renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'sam' });
    const region = await decisionRegion();
    await user.click(within(region).getByRole('radio', { name: 'Reject' }));
    expect(within(region).getByTestId('override-notice')).toHaveTextContent('“Designation recommended”');
    await user.type(within(region).getByRole('textbox', { name: /Rationale/ }), 'Evidence of threats is thin.');
    await user.click(within(region).getByRole('button', { name: 'Record the decision' }));
    const justification = within(region).getByRole('textbox', { name: /Override justification/ });
    await waitFor(() => expect(justification).toHaveAccessibleDescription('Required'));

    await user.type(justification, 'The threats come from one account outside the group.');
    await user.click(within(region).getByRole('button', { name: 'Record the decision' }));
    expect(await screen.findByTestId('review-outcome')).toHaveTextContent('Decision recorded: Reject.');

    setApiUser('sam');
    const trail = (await callApi('caseAudit', { params: { caseId: COPPER } })).data.items;
    const override = trail.find((event) => event.type === 'case.override');
    expect(override?.reason).toBe('The threats come from one account outside the group.');
    expect(override?.changes).toEqual([{ path: 'verdict', before: 'recommended', after: 'reject' }]);
  });

  it('approves without an override when the decision follows the verdict, and links to the designation', async () => {
    const { user } = renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'rui' });
    const region = await decisionRegion();
    await user.click(within(region).getByRole('radio', { name: 'Approve the designation' }));
    expect(within(region).queryByTestId('override-notice')).toBeNull();
    await user.type(within(region).getByRole('textbox', { name: /Rationale/ }), 'Threats and doxxing.');
    await user.click(within(region).getByRole('button', { name: 'Record the decision' }));
    const outcome = await screen.findByTestId('review-outcome');
    expect(outcome).toHaveTextContent('Decision recorded: Approve the designation.');
    expect(within(outcome).getByRole('link', { name: 'Open the designation record' })).toHaveAttribute('href', `/designations/${COPPER}`);
  });

  it('shows what changed since the last review, field by field, when a returned case comes back', async () => {
    // Rui returns it; Ben lowers informational harm and resubmits; Samira reviews the difference.
    setApiUser('rui');
    const inReview = (await callApi('getCase', { params: { caseId: COPPER } })).data;
    const returned = (await callApi('decideCase', {
      params: { caseId: COPPER },
      body: { decision: 'return', rationale: 'Check the reach figures.', overrideJustification: null },
      ifMatch: inReview.version,
    })).data;
    setApiUser('ben');
    const content = structuredClone(returned);
    content.harm.informational.severity = 'moderate';
    content.harm.informational.rubric = { magnitude: 'moderate', sources: 'moderate', likelihood: 'moderate' };
    const edited = (await callApi('updateCase', { params: { caseId: COPPER }, body: content, ifMatch: returned.version })).data;
    await callApi('submitCase', { params: { caseId: COPPER }, body: { note: 'Reach corrected.' }, ifMatch: edited.version });

    renderWithProviders(null, { route: `/review/${COPPER}`, routes, userId: 'sam' });
    const changes = await screen.findByRole('region', { name: 'What changed since the last review' });
    expect(within(changes).getByText('4 fields changed since the last review decision.')).toBeVisible();
    const severity = within(changes).getByText('Harm › informational › severity').closest('li');
    expect(severity).toHaveTextContent('Harm › informational › severity: High → changed to Moderate');
    expect(severity).toHaveAttribute('data-path', 'harm.informational.severity');
    expect(within(changes).getByText('Harm › informational › rubric › magnitude')).toBeVisible();
  });

  it('holds a due periodic review: withdrawal warns which actions end, needs a rationale, is confirmed in a dialog naming them, and is recorded', async () => {
    const { user } = renderWithProviders(null, { route: '/review/case-ashfall-syndicate', routes, userId: 'sam' });
    const periodic = await screen.findByRole('region', { name: 'Periodic review (R17)' });
    expect(within(periodic).getByText(/Review due since/)).toBeVisible();
    await user.click(within(periodic).getByRole('radio', { name: /Withdraw the designation/ }));
    expect(within(periodic).getByText(/Withdrawing ends 1 active designation-based action\./)).toBeVisible();
    await user.click(within(periodic).getByRole('button', { name: 'Record the review' }));
    await waitFor(() => expect(within(periodic).getByRole('textbox', { name: /Rationale/ })).toHaveAccessibleDescription('Required'));
    await user.click(within(periodic).getByRole('textbox', { name: /Rationale/ }));
    await user.paste('The storefront closed; no activity for 60 days.');
    await user.click(within(periodic).getByRole('button', { name: 'Record the review' }));

    // Not yet: a confirmation names what the withdrawal ends (R17), by kind and count, with the rationale.
    let dialog = await screen.findByRole('dialog', { name: 'Withdraw the designation of “Ashfall Syndicate”?' });
    expect(dialog).toHaveAccessibleDescription('This ends the designation (R17) and 1 designation-based action still in force (R14):');
    expect(within(within(dialog).getByRole('list', { name: 'Actions that end' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Suspend (primary use): 1',
    ]);
    expect(within(dialog).getByText('The storefront closed; no activity for 60 days.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByTestId('review-outcome')).toBeNull();
    const stored = await callApi('getCase', { params: { caseId: 'case-ashfall-syndicate' } });
    expect(stored.data.status).toBe('designated');

    await user.click(within(periodic).getByRole('button', { name: 'Record the review' }));
    dialog = await screen.findByRole('dialog', { name: /^Withdraw the designation/ });
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw and end 1 action' }));
    expect(await screen.findByTestId('review-outcome')).toHaveTextContent('Periodic review recorded.');
    expect(await screen.findByText('This case is Withdrawn: there is nothing to decide here.')).toBeVisible();
  });

  it('a periodic review that keeps the designation confirms or ends each association without recent activity (R16)', async () => {
    const { user } = renderWithProviders(null, { route: '/review/case-ashfall-syndicate', routes, userId: 'sam' });
    const periodic = await screen.findByRole('region', { name: 'Periodic review (R17)' });
    // What is read-only says why for this state (issue 15 §8), not "a case in review".
    expect(screen.getByText(/^Read-only: a designation in force changes through its periodic review/)).toBeVisible();
    await user.click(within(periodic).getByRole('radio', { name: 'Maintain the designation' }));
    const recency = within(periodic).getByTestId('recency-review');
    expect(within(recency).getByRole('group', { name: /^@ashfall_store · Last activity seen: / })).toBeVisible();
    await user.click(within(periodic).getByRole('textbox', { name: /Rationale/ }));
    await user.paste('Still selling engagement.');
    await user.click(within(periodic).getByRole('button', { name: 'Record the review' }));
    expect(await within(recency).findByText('Confirm or end this association.')).toBeVisible();
    expect(screen.queryByTestId('review-outcome')).toBeNull();

    await user.click(within(recency).getByRole('radio', { name: 'Still associated' }));
    await user.click(within(periodic).getByRole('button', { name: 'Record the review' }));
    expect(await screen.findByTestId('review-outcome')).toHaveTextContent('Periodic review recorded.');
    const stored = (await callApi('getCase', { params: { caseId: 'case-ashfall-syndicate' } })).data;
    expect(stored.accounts.find((account) => account.handle === 'ashfall_store')).toMatchObject({ status: 'confirmed', decidedBy: 'sam' });
  });
});
