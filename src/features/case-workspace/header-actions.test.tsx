// The case page tells the app's header actions which fields the autosave could not send, labelled as the
// user reads them, with a way to each (issue 14 §10: "Submit" must not claim something is saving).
import { screen, waitFor, within } from '@testing-library/react';
import { useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useCase } from '../../api/client/case-queries';
import { renderWithProviders } from '../../test/render';
import { CaseWorkspacePage } from './case-workspace-page';
import { memoryDraftStorage } from './draft-storage';
import type { RenderHeaderActions } from './header-actions';

const CASE = 'case-clearwater-week';

const headerActions: RenderHeaderActions = ({ allChangesSaved, refusedFields, showField }) => (
  <section aria-label="Test header actions">
    <p>{allChangesSaved ? 'all saved' : 'not all saved'}</p>
    <ul aria-label="Refused fields">
      {refusedFields.map((field) => (
        <li key={field.path}>
          <button type="button" onClick={() => showField(field.path)}>{field.label}</button>
        </li>
      ))}
    </ul>
  </section>
);

function Route() {
  const { caseId = '', tab } = useParams();
  const query = useCase(caseId);
  if (!query.data) return <p>Loading case</p>;
  return <CaseWorkspacePage caseDocument={query.data} tab={tab} renderHeaderActions={headerActions} draftStorage={memoryDraftStorage()} />;
}

// The harm tab is a large form; on a loaded machine jsdom needs more than the default 20 s.
describe('HeaderActions', { timeout: 60_000 }, () => {
  it('names a field whose content was refused (a javascript: link) and shows it on request', async () => {
    const { user } = renderWithProviders(null, {
      route: `/cases/${CASE}/harm`,
      routes: [{ path: '/cases/:caseId/:tab', element: <Route /> }],
      userId: 'ana',
    });
    const physical = within(await screen.findByTestId('harm-form-physical'));
    await user.click(physical.getByRole('button', { name: 'Add Physical evidence item' }));
    await user.paste('Threat at a public meeting');
    const link = physical.getAllByRole('textbox', { name: 'Link' }).at(-1) ?? document.body;
    await user.click(link);
    await user.paste('javascript:alert(1)');
    await user.tab();

    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'invalid'), { timeout: 5_000 });
    const actions = within(screen.getByRole('region', { name: 'Test header actions' }));
    expect(actions.getByText('not all saved')).toBeVisible();
    const refused = actions.getAllByRole('button');
    expect(refused.map((button) => button.textContent)).toEqual([expect.stringMatching(/^Physical evidence item \d+ › Link$/)]);

    (link as HTMLInputElement).blur();
    await user.click(refused[0] ?? document.body);
    await waitFor(() => expect(link).toHaveFocus());
  });
});
