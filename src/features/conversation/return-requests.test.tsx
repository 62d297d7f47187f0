import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import type { CaseDocument } from '../../api/contract/case';
import { renderWithProviders } from '../../test/render';
import { ReturnRequests } from './return-requests';

const COPPER = 'case-copper-lantern';

async function returnCopper(): Promise<CaseDocument> {
  setApiUser('rui');
  const current = (await callApi('getCase', { params: { caseId: COPPER } })).data;
  const returned = await callApi('decideCase', {
    params: { caseId: COPPER },
    ifMatch: current.version,
    body: {
      decision: 'return',
      rationale: 'Two things first.',
      requests: [
        { text: 'Add the archive link.', target: 'harm.physical.evidence' },
        { text: 'Say who ran the second account.', target: null },
      ],
    },
  });
  return returned.data;
}

describe('ReturnRequests (issue 12 §2)', () => {
  it('the analyst sees "Returned — 2 requests", ticks one off, and goes to the field a request points at', async () => {
    const returned = await returnCopper();
    const showField = vi.fn<(path: string) => void>();
    const { user } = renderWithProviders(<ReturnRequests caseDocument={returned} canTick onShowField={showField} />, { userId: 'ana' });
    const banner = await screen.findByTestId('return-requests');
    expect(banner).toHaveTextContent('Returned — 2 requests · 0 of 2 addressed');
    await user.click(within(banner).getByRole('checkbox', { name: 'Add the archive link.' }));
    await waitFor(() => expect(banner).toHaveTextContent('1 of 2 addressed'));
    expect(within(banner).getByRole('checkbox', { name: 'Add the archive link.' })).toBeChecked();
    expect(banner).toHaveTextContent(/Ana Kovač, /);
    // Only a request with a target has a way to its field.
    expect(within(banner).getAllByRole('button', { name: /^Go to the field/ })).toHaveLength(1);
    await user.click(within(banner).getByRole('button', { name: 'Go to the field: Add the archive link.' }));
    expect(showField).toHaveBeenCalledWith('harm.physical.evidence');

    // The server recorded the tick as the signed-in analyst.
    const stored = (await callApi('returnRequests', { params: { caseId: COPPER } })).data;
    expect(stored.requests.map((request) => [request.addressed, request.tickedBy])).toEqual([[true, 'ana'], [false, null]]);
  });

  it('a tick the server refuses is taken back, with the reason', async () => {
    const returned = await returnCopper();
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes(`/api/cases/${COPPER}/requests/`)) {
        const body = { code: 'invalid-transition', message: 'The case was submitted again meanwhile.', fieldErrors: [] };
        return new Response(JSON.stringify(body), { status: 409, headers: { 'Content-Type': 'application/json' } });
      }
      return realFetch(input, init);
    });
    const { user } = renderWithProviders(<ReturnRequests caseDocument={returned} canTick />, { userId: 'ana' });
    const banner = await screen.findByTestId('return-requests');
    const box = within(banner).getByRole('checkbox', { name: 'Add the archive link.' });
    await user.click(box);
    expect(await within(banner).findByRole('alert')).toHaveTextContent('The case was submitted again meanwhile.');
    await waitFor(() => expect(box).not.toBeChecked());
    expect(banner).toHaveTextContent('0 of 2 addressed');
    fetchSpy.mockRestore();
  });

  it('shows nothing for a case whose last decision was not a return', async () => {
    setApiUser('ana');
    const copper = (await callApi('getCase', { params: { caseId: COPPER } })).data;
    renderWithProviders(<ReturnRequests caseDocument={copper} canTick />, { userId: 'ana' });
    expect(screen.queryByTestId('return-requests')).toBeNull();
  });
});
