import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useCase } from '../../api/client/case-queries';
import { renderWithProviders } from '../../test/render';
import { SubmitForReviewButton, type SubmitForReviewButtonProps } from './submit-for-review-button';

/** The button as the case page will hold it: fed the live case from the query cache. */
function Harness({ caseId, ...props }: { caseId: string } & Omit<SubmitForReviewButtonProps, 'caseDocument'>) {
  const caseQuery = useCase(caseId);
  return caseQuery.data ? <SubmitForReviewButton caseDocument={caseQuery.data} {...props} /> : null;
}

describe('SubmitForReviewButton', () => {
  it('lists every missing input the engine names — ratings (R5), the rights-risk assessment (R10), unanswered questions (R12) — and does not submit', async () => {
    const { user } = renderWithProviders(<Harness caseId="case-tidewater-pledge" />, { userId: 'ben' });
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit “Tidewater Pledge Push” for review' });
    const missing = within(dialog).getByTestId('submission-missing');
    // In the engine's rule order: R5, R10, then the R12 questions still unanswered.
    expect(within(missing).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Rate the severity of Physical harm.',
      'Rate the severity of Psychological harm.',
      'Rate the severity of Informational harm.',
      'The risks of applying the policy, including impacts on speech and associational rights (R10)',
      'In what ways have individuals associated with this group caused harm across our 3 categories?',
      'What are the risks of applying this policy towards this activity, including potential impacts on speech or associational rights?',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Submit' })).toBeDisabled();
  });

  it('leads from each missing input to its field, closing the dialog (issue 12 §5)', async () => {
    const onShowField = vi.fn<(path: string) => void>();
    const { user } = renderWithProviders(<Harness caseId="case-tidewater-pledge" onShowField={onShowField} />, { userId: 'ben' });
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(within(dialog).getByTestId('submission-missing')).getByRole('button', { name: /^The risks of applying the policy/ }));
    expect(onShowField).toHaveBeenCalledWith('rightsRiskAssessment');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('submits a complete draft with If-Match; the case is then in review with the verdict stored', async () => {
    const { user } = renderWithProviders(<Harness caseId="case-clearwater-week" />, { userId: 'ana' });
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/are answered/)).toBeVisible();
    expect(within(dialog).getByText('Not recommended')).toBeVisible();
    await user.click(within(dialog).getByRole('textbox', { name: /Note for the reviewer/ }));
    await user.paste('Awareness campaign; please check R9.');
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByTestId('submitted-for-review')).toHaveTextContent('In review: submitted by Ana Kovač on');
  });

  it('names the refused fields that hold up saving, with a way to each, and does not claim anything is saving', async () => {
    const onShowField = vi.fn<(path: string) => void>();
    const refusedFields = [{ path: 'harm.physical.evidence.1.link', label: 'Physical evidence item 2 › Link' }];
    const { user } = renderWithProviders(<Harness caseId="case-clearwater-week" unsavedChanges refusedFields={refusedFields} onShowField={onShowField} />, { userId: 'ana' });
    const button = await screen.findByRole('button', { name: 'Submit for review' });
    expect(button).toBeDisabled();
    await waitFor(() => expect(button).toHaveAccessibleDescription(/^Not ready to submit: this field was refused, so nothing is being saved until you correct it/));
    expect(screen.queryByText(/still being saved/)).toBeNull();
    await user.click(within(screen.getByTestId('submit-refused-fields')).getByRole('button', { name: 'Physical evidence item 2 › Link' }));
    expect(onShowField).toHaveBeenCalledWith('harm.physical.evidence.1.link');
  });

  it('asks to wait while changes are only on their way to the server', async () => {
    renderWithProviders(<Harness caseId="case-clearwater-week" unsavedChanges />, { userId: 'ana' });
    const button = await screen.findByRole('button', { name: 'Submit for review' });
    expect(button).toBeDisabled();
    await waitFor(() => expect(button).toHaveAccessibleDescription('Your last changes are still being saved; submit once they are.'));
  });

  it('is unavailable to reviewers, and says why', async () => {
    renderWithProviders(<Harness caseId="case-clearwater-week" />, { userId: 'rui' });
    const button = await screen.findByRole('button', { name: 'Submit for review' });
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAccessibleDescription('Only analysts submit cases for review (R18).');
  });
});
