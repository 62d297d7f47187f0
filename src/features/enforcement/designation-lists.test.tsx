// Issue 10 §3 on the designation page: the accounts and actions lists read a page at a time from the
// server, filtered and paged; accounts confirmed in bulk (the selection, or all that match) with the
// R16 basis; the CSV exports. Through the real mock backend (MSW), with the keyboard where it matters.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDocument } from '../../api/contract/case';
import { mockBackend } from '../../mocks/node';
import { renderWithProviders } from '../../test/render';
import { DesignationPage } from './designation-page';

const GREY = 'case-grey-meridian';
const routes = [{ path: '/designations/:caseId', element: <DesignationPage /> }];

async function currentVersion(caseId: string): Promise<number> {
  const response = await mockBackend.handle({ method: 'GET', path: `/api/cases/${caseId}`, query: {}, headers: {}, userId: 'ana', body: undefined });
  return (response.body as CaseDocument).version;
}

/** Thirty more confirmed associations, so the list has a second page. */
async function thirtyMoreAccounts(): Promise<void> {
  const sent = await mockBackend.handle({
    method: 'POST', path: `/api/cases/${GREY}/accounts/bulk-decision`, query: {}, userId: 'sam',
    headers: { 'if-match': `"${await currentVersion(GREY)}"` },
    body: { handles: Array.from({ length: 30 }, (_, index) => `extra_${String(index).padStart(2, '0')}`), decision: 'confirmed', basis: ['signals'] },
  });
  expect(sent.status).toBe(200);
}

async function accountsRegion() {
  const region = await screen.findByRole('region', { name: 'Associated accounts (R16)' });
  await within(region).findAllByTestId(/^account-row-/);
  return region;
}

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('the designation\'s lists (issue 10 §3)', { timeout: 45_000 }, () => {
  it('filters the accounts by association and handle, and pages them', async () => {
    await thirtyMoreAccounts();
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const region = await accountsRegion();
    expect(within(region).getAllByTestId(/^account-row-/)).toHaveLength(25);
    expect(within(region).getByText('1–25 of 36')).toBeVisible();
    await user.click(within(region).getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(within(region).getAllByTestId(/^account-row-/)).toHaveLength(11));
    expect(within(region).getByTestId('account-row-meridian_archive')).toBeVisible();

    await user.selectOptions(within(region).getByRole('combobox', { name: 'Association' }), 'Suggested');
    await waitFor(() => expect(within(region).getAllByTestId(/^account-row-/).map((row) => row.dataset.testid)).toEqual([
      'account-row-northfield_ops', 'account-row-meridian_archive',
    ]));
    expect(within(region).getByText('1–2 of 2')).toBeVisible();
    await user.type(within(region).getByRole('searchbox', { name: 'Search handles' }), '@NORTH');
    await waitFor(() => expect(within(region).getAllByTestId(/^account-row-/)).toHaveLength(1));
    await user.clear(within(region).getByRole('searchbox', { name: 'Search handles' }));
    await user.type(within(region).getByRole('searchbox', { name: 'Search handles' }), 'nobody');
    expect(await within(region).findByText('No account matches these filters.')).toBeVisible();
  });

  it('confirms the selected accounts in bulk with a basis, named by count, with the keyboard (R16)', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'ana' });
    const region = await accountsRegion();
    const bulkButton = within(region).getByRole('button', { name: 'Confirm selected (0)…' });
    expect(bulkButton).toBeDisabled();
    within(region).getByRole('checkbox', { name: 'Select @northfield_ops' }).focus();
    await user.keyboard(' ');
    await user.click(within(region).getByRole('checkbox', { name: 'Select @meridian_archive' }));
    const confirmSelected = within(region).getByRole('button', { name: 'Confirm selected (2)…' });
    confirmSelected.focus();
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Confirm 2 accounts' });
    expect(within(dialog).getByText(/The 2 accounts you selected are confirmed as associated with the actor/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm 2 accounts' }));
    expect(await within(dialog).findByText('Choose at least one basis to confirm an association.')).toBeVisible();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Coordination signals' }));
    await user.click(within(dialog).getByRole('textbox', { name: 'Note' }));
    await user.paste('Both repost the target list within minutes.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm 2 accounts' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(region).findByText('2 accounts confirmed.')).toBeVisible();
    for (const handle of ['northfield_ops', 'meridian_archive']) {
      await waitFor(() => expect(within(within(region).getByTestId(`account-row-${handle}`)).getByText('Confirmed')).toBeVisible());
      expect(within(within(region).getByTestId(`account-row-${handle}`)).getByText('Both repost the target list within minutes.')).toBeVisible();
    }
    expect(within(region).getByRole('button', { name: 'Confirm selected (0)…' })).toBeDisabled();
  });

  it('confirms all the accounts a filter matches, after a dialog that names how many', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const region = await accountsRegion();
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Association' }), 'Suggested');
    await user.click(await within(region).findByRole('button', { name: 'Confirm all 2 matching…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm 2 accounts' });
    expect(within(dialog).getByText(/All 2 accounts the list’s filters match now are confirmed/)).toBeVisible();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Recent on-platform behaviour' }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm 2 accounts' }));
    expect(await within(region).findByText('2 accounts confirmed.')).toBeVisible();
    expect(await within(region).findByText('No account matches these filters.')).toBeVisible();
    expect(within(region).getByRole('button', { name: 'Confirm all 0 matching…' })).toBeDisabled();
  });

  it('lists the actions by their state now and by type, the latest first', async () => {
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const actions = await screen.findByRole('region', { name: 'Enforcement actions (R14-R15)' });
    await within(actions).findAllByTestId(/^action-row-/);
    expect(within(actions).getAllByTestId(/^action-row-/).map((row) => row.dataset.testid)).toEqual([
      'action-row-action-echo-visibility', 'action-row-action-meridian-trend', 'action-row-action-meridian-suspension', 'action-row-action-grey-relay-visibility',
    ]);
    await user.selectOptions(within(actions).getByRole('combobox', { name: 'State' }), 'No longer in force');
    await waitFor(() => expect(within(actions).getAllByTestId(/^action-row-/).map((row) => row.dataset.testid)).toEqual(['action-row-action-grey-relay-visibility']));
    await user.selectOptions(within(actions).getByRole('combobox', { name: 'State' }), 'In force');
    await user.selectOptions(within(actions).getByRole('combobox', { name: 'Type of action' }), 'Limit visibility');
    await waitFor(() => expect(within(actions).getAllByTestId(/^action-row-/).map((row) => row.dataset.testid)).toEqual(['action-row-action-echo-visibility']));
  });

  it('exports the accounts as CSV from the server\'s answer', async () => {
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn<(blob: Blob) => string>((blob) => {
        saved.push(blob);
        return 'blob:export';
      }),
      revokeObjectURL: vi.fn<(url: string) => void>(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui' });
    const region = await accountsRegion();
    const link = within(region).getByRole('link', { name: 'Export accounts (CSV)' });
    expect(link).toHaveAttribute('href', `/api/cases/${GREY}/accounts.csv`);
    await user.click(link);
    await waitFor(() => expect(saved).toHaveLength(1));
    const bytes = new Uint8Array(await (saved[0] ?? new Blob()).arrayBuffer());
    // A byte-order mark first, for spreadsheet programs.
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n').slice(0, 2)).toEqual(['handle,status,basis,primaryUseFinding,decidedBy,decidedAt,note', expect.stringMatching(/^meridian_signal,confirmed,/)]);
    expect(text).toContain('\r\nnorthfield_ops,suggested,,no,,,\r\n');
    click.mockRestore();
  });

  it('says it in Dutch', async () => {
    renderWithProviders(null, { route: `/designations/${GREY}`, routes, userId: 'rui', language: 'nl' });
    const region = await screen.findByRole('region', { name: 'Gekoppelde accounts (R16)' });
    await within(region).findAllByTestId(/^account-row-/);
    expect(within(region).getByRole('combobox', { name: 'Koppeling' })).toBeVisible();
    expect(within(region).getByRole('searchbox', { name: 'Accounts zoeken' })).toBeVisible();
    expect(within(region).getByRole('button', { name: 'Alle 6 overeenkomende bevestigen…' })).toBeEnabled();
    expect(within(region).getByRole('link', { name: 'Accounts exporteren (CSV)' })).toBeVisible();
  });
});
