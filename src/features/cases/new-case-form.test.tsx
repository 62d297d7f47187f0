import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../api/client/http-client';
import { server } from '../../mocks/node';
import { renderWithProviders } from '../../test/render';
import { CaseListPage } from './case-list-page';

const routes = [
  { path: '/cases', element: <CaseListPage /> },
  { path: '/cases/:caseId/:tab', element: <p>opened case page</p> },
];

async function openForm() {
  const view = renderWithProviders(null, { routes, route: '/cases' });
  await view.user.click(await screen.findByRole('button', { name: 'New case' }));
  // The form's code loads on the first click.
  await screen.findByRole('dialog', { name: 'Open a new case' });
  return view;
}

describe('NewCaseDialog', () => {
  it('opens a case with the contract fields and goes to it', async () => {
    const { user, router } = await openForm();
    await user.type(screen.getByLabelText(/Name of the group/), 'Saltmarsh Relay');
    await user.type(screen.getByLabelText('Unified purpose, or the campaign’s goal'), 'Coordinated pile-ons.');
    await user.type(screen.getByLabelText('Aliases'), 'SR, the Relay , ');
    await user.click(screen.getByRole('checkbox', { name: /activism/ }));
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    await screen.findByText('opened case page');
    const caseId = router.state.location.pathname.split('/')[2] ?? '';
    const { data } = await callApi('getCase', { params: { caseId } });
    expect(data.actor).toMatchObject({ name: 'Saltmarsh Relay', aliases: ['SR', 'the Relay'], activismContext: true });
    expect(data.status).toBe('draft');
    expect(data.version).toBe(1);
  });

  it('says which field is wrong before sending anything', async () => {
    let posted = false;
    server.use(http.post('*/api/cases', () => { posted = true; return undefined; }));
    const { user } = await openForm();
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(screen.getByLabelText(/Name of the group/)).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toBe(false);
  });

  it('puts the server’s field errors at the fields (400)', async () => {
    server.use(
      http.post('*/api/cases', () =>
        HttpResponse.json(
          { code: 'validation', message: 'invalid', fieldErrors: [{ path: 'actor.purpose', message: 'Too big' }] },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openForm();
    await user.type(screen.getByLabelText(/Name of the group/), 'Saltmarsh Relay');
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await waitFor(() => expect(screen.getByLabelText('Unified purpose, or the campaign’s goal')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Too long')).toBeInTheDocument();
  });

  it('keeps the input on a network failure and sends it on retry', async () => {
    server.use(http.post('*/api/cases', () => HttpResponse.error(), { once: true }));
    const { user } = await openForm();
    await user.type(screen.getByLabelText(/Name of the group/), 'Offline Owls');
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    expect(await screen.findByText(/The server cannot be reached/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Name of the group/)).toHaveValue('Offline Owls');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('opened case page')).toBeInTheDocument();
  });

  it('treats hostile text as text', async () => {
    const { user, router } = await openForm();
    const hostile = '<img src=x onerror=alert(1)>';
    await user.type(screen.getByLabelText(/Name of the group/), hostile);
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await screen.findByText('opened case page');
    const caseId = router.state.location.pathname.split('/')[2] ?? '';
    expect((await callApi('getCase', { params: { caseId } })).data.actor.name).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });
});
