import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { ImportCasePickerPage } from './import-case-picker-page';

describe('ImportCasePickerPage', () => {
  it('lists the draft cases, each linking to its import page', async () => {
    const { user, router } = renderWithProviders(null, {
      route: '/import',
      routes: [
        { path: '/import', element: <ImportCasePickerPage /> },
        { path: '/cases/:caseId/import', element: <p>import page</p> },
      ],
    });
    const list = await screen.findByRole('list', { name: 'Draft cases' });
    const drafts = (await callApi('listCases', { query: { status: 'draft', pageSize: 200 } })).data.items;
    expect(within(list).getAllByRole('link')).toHaveLength(drafts.length);
    await user.click(within(list).getByRole('link', { name: /Import into Tidewater Pledge Push/ }));
    expect(router.state.location.pathname).toBe('/cases/case-tidewater-pledge/import');
    expect(screen.getByText('import page')).toBeInTheDocument();
  });
});
