import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
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
    expect(await within(only).findByText('Samira Haddad approved the designation')).toBeVisible();
    expect(await within(only).findByRole('link', { name: 'Ashfall Syndicate' })).toHaveAttribute('href', '/cases/case-ashfall-syndicate');
    expect(screen.getByText('1 event')).toBeVisible();
  });

  it('shows per-field before and after for a changed assessment', async () => {
    await raiseInformationalHarm();
    renderWithProviders(null, { route: `/audit?caseId=${CLEARWATER}&type=case.updated`, routes, userId: 'rui' });
    await waitFor(() => expect(screen.getAllByTestId('audit-event').length).toBeGreaterThanOrEqual(2));
    const newest = screen.getAllByTestId('audit-event')[0] as HTMLElement;
    const change = within(newest).getByText('Harm › informational › severity').closest('li') as HTMLElement;
    expect(change).toHaveTextContent('Harm › informational › severity: Low → changed to High');
    expect(within(newest).getByTestId('audit-sentence')).toHaveTextContent(/^Ana Kovač edited the case \(\d+ fields\)$/);
    // The stored record, behind a toggle.
    const toggle = within(newest).getByRole('button', { name: 'Show the raw record' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const raw = within(newest).getByLabelText(/^Raw record of event #\d+$/);
    expect(raw).toHaveTextContent('"path": "harm.informational.severity"');
    expect(within(newest).getByRole('button', { name: 'Hide the raw record' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('filters by a date range in the reader’s days: today holds the edit made now, not the seeded past', async () => {
    await raiseInformationalHarm();
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    renderWithProviders(null, { route: `/audit?caseId=${CLEARWATER}&from=${day}&to=${day}`, routes, userId: 'rui' });
    await waitFor(() => expect(screen.getByText('1 event')).toBeVisible());
    expect(screen.getByLabelText('From')).toHaveValue(day);
    expect(screen.getByTestId('audit-sentence')).toHaveTextContent(/^Ana Kovač edited the case/);
  });

  it('exports the whole filtered trail as CSV and JSON, every page of it', async () => {
    const saved: { name: string; text: Promise<string> }[] = [];
    const create = vi.fn<(blob: Blob) => string>((blob) => {
      saved.push({ name: '', text: blob.text() });
      return 'blob:audit';
    });
    // jsdom has no object URLs: the download's Blob is caught here, and the functions removed after.
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn<(url: string) => void>() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const last = saved.at(-1);
      if (last) last.name = this.download;
    });
    const { user } = renderWithProviders(null, { route: '/audit?type=case.approved&pageSize=1', routes, userId: 'rui' });
    await waitFor(() => expect(screen.getByText('2 events')).toBeVisible());
    expect(screen.getAllByTestId('audit-event')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const csv = await saved[0]!.text;
    expect(saved[0]!.name).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n(?=\d|seq)/);
    expect(lines[0]).toBe('seq,at_utc,case_id,case,event_type,event,actor_id,actor,sentence,reason,changes');
    expect(lines).toHaveLength(3);
    expect(csv).toContain('Samira Haddad approved the designation');

    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    const json = JSON.parse(await saved[1]!.text) as { total: number; filters: { type: string }; events: { type: string }[] };
    expect(saved[1]!.name).toMatch(/\.json$/);
    expect([json.total, json.filters.type, json.events.map((event) => event.type)]).toEqual([2, 'case.approved', ['case.approved', 'case.approved']]);
    click.mockRestore();
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
