// Issue 16 §4 on screen, over the mock backend: the case page's panel marks @meridian_echo of the
// Tidewater draft as named by the Grey Meridian designation, and the account page lists both cases
// with what each holds about the account.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SharedWithOtherCasesPanel } from '../../components/cross-case/cross-case-refs';
import { renderWithProviders } from '../../test/render';
import { AccountPage } from './account-page';

const routes = [
  { path: '/cases/:caseId', element: <SharedWithOtherCasesPanel caseId="case-tidewater-pledge" /> },
  { path: '/accounts/:handle', element: <AccountPage /> },
  { path: '/designations/:caseId', element: <p>designation record</p> },
];

describe('cross-case pivots on screen (issue 16 §4)', () => {
  it('the case page’s panel names the account and the designation that names it too, and leads to the account page', async () => {
    const { user } = renderWithProviders(null, { route: '/cases/case-tidewater-pledge', routes });
    const panel = await screen.findByRole('region', { name: 'Shared with other cases' });
    const item = within(await within(panel).findByRole('list', { name: 'Accounts' })).getByRole('listitem');
    expect(item).toHaveTextContent('@meridian_echo in 1 other case, 1 designation: Grey Meridian (designation in force)');
    expect(within(item).getByRole('link', { name: 'Grey Meridian' })).toHaveAttribute('href', '/cases/case-grey-meridian');
    await user.click(within(item).getByRole('link', { name: '@meridian_echo' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Account @meridian_echo' })).toBeInTheDocument();
  });

  it('the account page lists each case with its signals, association and actions, designations first', async () => {
    renderWithProviders(null, { route: '/accounts/Meridian_Echo', routes, userId: 'rui' });
    const table = await screen.findByRole('table', { name: 'Cases naming @meridian_echo' });
    expect(screen.getByText('Named in 2 cases, 1 of them a designation in force (R17)')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('rowheader').map((cell) => cell.textContent))).toEqual([['Grey Meridian'], ['Tidewater Pledge Push']]);
    // The designation leads to its record, the draft to its case.
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/designations/case-grey-meridian');
    expect(within(rows[1]!).getByRole('link')).toHaveAttribute('href', '/cases/case-tidewater-pledge');
    expect(within(rows[1]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Draft', '1', 'Not decided', 'None']);
  });

  it('says so when no case names the account, and speaks Dutch', async () => {
    renderWithProviders(null, { route: '/accounts/nobody_here', routes, language: 'nl' });
    expect(await screen.findByText('Geen enkele zaak noemt dit account.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Account @nobody_here' })).toBeInTheDocument();
  });
});
