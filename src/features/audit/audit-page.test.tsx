import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { AuditPage } from './audit-page';
import { CaseAuditTrail } from './case-audit-trail';

const CLEARWATER = 'case-clearwater-week';
const routes = [{ path: '/audit', element: <AuditPage /> }];

/** Ana raises informational harm on her draft from low to high, with the rubric agreeing. */
async function raiseInformationalHarm(): Promise<void> {
  setApiUser('ana');
  const current = (await callApi('getCase', { params: { caseId: CLEARWATER } })).data;
  const content = structuredClone(current);
  content.harm.informational.severity = 'high';
  content.harm.informational.rubric = { magnitude: 'high', sources: 'high', likelihood: 'high' };
  await callApi('updateCase', { params: { caseId: CLEARWATER }, body: content, ifMatch: current.version });
}

// MUI menus in jsdom were slow on a loaded machine (the filters are native selects now); the default 20 s
// was seen to be too tight.
describe('AuditPage', { timeout: 45_000 }, () => {
  it('filters the overall trail by event type and by user, from the URL', async () => {
    const { user } = renderWithProviders(null, { route: '/audit?type=case.approved', routes, userId: 'rui' });
    await waitFor(() => expect(screen.getAllByTestId('audit-event')).toHaveLength(2));
    for (const event of screen.getAllByTestId('audit-event')) {
      expect(within(event).getByText('Designation approved')).toBeVisible();
    }
    // Narrow to Samira's approvals: only the Ashfall Syndicate designation.
    await user.selectOptions(screen.getByRole('combobox', { name: 'User' }), await screen.findByRole('option', { name: 'Samira Haddad' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-event')).toHaveLength(1));
    const only = screen.getByTestId('audit-event');
    expect(await within(only).findByText('by Samira Haddad')).toBeVisible();
    expect(await within(only).findByRole('link', { name: 'Ashfall Syndicate' })).toHaveAttribute('href', '/cases/case-ashfall-syndicate');
    expect(screen.getByText('1 event')).toBeVisible();
  });

  it('shows per-field before and after for a changed assessment', async () => {
    await raiseInformationalHarm();
    renderWithProviders(null, { route: `/audit?caseId=${CLEARWATER}&type=case.updated`, routes, userId: 'rui' });
    await waitFor(() => expect(screen.getAllByTestId('audit-event').length).toBeGreaterThanOrEqual(2));
    const newest = screen.getAllByTestId('audit-event')[0] as HTMLElement;
    const change = within(newest).getByText('harm.informational.severity').closest('li') as HTMLElement;
    expect(change).toHaveTextContent('harm.informational.severity: Low → changed to High');
    expect(within(newest).getByText('by Ana Kovač')).toBeVisible();
  });
});

describe('CaseAuditTrail', () => {
  it('lists one case’s events, newest first, with the reason given', async () => {
    renderWithProviders(<CaseAuditTrail caseId="case-northgate-relay" />, { userId: 'rui' });
    await waitFor(() => expect(screen.getAllByTestId('audit-event').length).toBeGreaterThanOrEqual(4));
    const [newest] = screen.getAllByTestId('audit-event');
    expect(within(newest as HTMLElement).getByText('Rejected', { selector: '.MuiChip-label' })).toBeVisible();
    expect(within(newest as HTMLElement).getByText('Why:').parentElement).toHaveTextContent(/^Why: Coordination is not established and the harm is low/);
  });
});
