import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { buildCase, NOW, recommendedCase, technicalSignal } from '../../engine/test-fixtures';
import { renderWithProviders } from '../../test/render';
import { createLiveVerdictStore, LiveVerdictContext } from '../../components/verdict/live-verdict';
import { DesignationPanel } from './designation-panel';
import type { CaseContentModel } from '../../engine/case-model';

function renderPanel(content: CaseContentModel, onFocusField = vi.fn<(path: string) => void>()) {
  const view = renderWithProviders(<DesignationPanel content={content} now={NOW} onFocusField={onFocusField} />);
  return { ...view, onFocusField };
}

describe('DesignationPanel', () => {
  it('shows a recommended verdict with the rules it rests on (R13)', () => {
    renderPanel(recommendedCase());
    const outcome = screen.getByTestId('verdict-outcome');
    expect(outcome).toHaveTextContent('Designation recommended');
    const rules = within(outcome).getAllByRole('listitem').map((item) => item.textContent);
    expect(rules).toEqual(expect.arrayContaining(['R2', 'R7', 'R13']));
    expect(screen.getByTestId('threshold')).toHaveTextContent('at least one category is rated high');
  });

  it('names what is missing as links that jump to the field', async () => {
    const content = buildCase({ severities: { physical: null }, rightsRiskAssessment: '' });
    const { user, onFocusField } = renderPanel(content);
    expect(screen.getByTestId('verdict-outcome')).toHaveTextContent('Incomplete');
    const missing = within(screen.getByTestId('missing-inputs'));
    await user.click(missing.getByRole('button', { name: 'Rate the severity of Physical harm.' }));
    expect(onFocusField).toHaveBeenCalledWith('harm.physical.severity');
    expect(missing.getByRole('button', { name: /Assess the risks of applying the policy/ })).toBeInTheDocument();
  });

  it('shows the threshold margin when harm falls short (R7)', () => {
    renderPanel(buildCase({ severities: { psychological: 'moderate' } }));
    expect(screen.getByTestId('verdict-outcome')).toHaveTextContent('Not recommended');
    expect(screen.getByTestId('threshold')).toHaveTextContent('or 1 more category at moderate, would meet it');
  });

  it('reports the platform-manipulation track separately (R3)', () => {
    renderPanel(buildCase({ signals: [technicalSignal({ evidenceState: 'sufficient', accounts: ['a1', 'a2', 'a3'] })] }));
    expect(screen.getByTestId('platform-manipulation-track')).toHaveTextContent('accounts: 3');
  });

  it('shows the activism caution and that it blocks without harm (R9)', () => {
    renderPanel(buildCase({ activismContext: true }));
    expect(screen.getByTestId('activism-caution')).toHaveTextContent('no designation can be recommended');
  });

  it('explains each rule id in words on focus', async () => {
    const { user } = renderPanel(recommendedCase());
    // A button (issue 15 §9): its name is the sentence, and a tap shows it.
    const chip = within(screen.getByTestId('verdict-outcome')).getByRole('button', { name: /^R7:/ });
    expect(chip).toHaveAccessibleName(/high severity of harm in at least one category/);
    await user.click(chip);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/high severity of harm in at least one category/);
    await user.click(chip);
    await user.tab();
    // Keyboard users reach the chip and hear the policy sentence, not just the id.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^R\d+: \w+/);
  });

  it('announces a change of verdict, not every change of input', async () => {
    const notRecommended = buildCase();
    const alsoNotRecommended = buildCase({ severities: { informational: 'low' } });
    const recommended = recommendedCase();
    function Harness() {
      const [content, setContent] = useState(notRecommended);
      return (
        <>
          <button onClick={() => setContent(alsoNotRecommended)}>same verdict</button>
          <button onClick={() => setContent(recommended)}>new verdict</button>
          <DesignationPanel content={content} now={NOW} onFocusField={vi.fn<(path: string) => void>()} />
        </>
      );
    }
    const { user } = renderWithProviders(<Harness />);
    const live = screen.getByRole('status');
    expect(live).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'same verdict' }));
    expect(live).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'new verdict' }));
    expect(live).toHaveTextContent('Verdict changed: Designation recommended');
  });

  it('publishes the verdict it shows for the page (the bottom bar on small screens), and withdraws it when gone', async () => {
    const store = createLiveVerdictStore();
    const { unmount } = renderWithProviders(
      <LiveVerdictContext.Provider value={store}>
        <DesignationPanel content={recommendedCase()} now={NOW} onFocusField={vi.fn<(path: string) => void>()} />
      </LiveVerdictContext.Provider>,
    );
    expect(screen.getByTestId('verdict-outcome')).toHaveTextContent('Designation recommended');
    await waitFor(() => expect(store.getState().verdict?.outcome).toBe('recommended'));
    expect(store.getState().verdict?.ruleIds).toEqual(expect.arrayContaining(['R2', 'R7', 'R13']));
    unmount();
    expect(store.getState().verdict).toBeNull();
  });

  it('speaks Dutch policy terms in Dutch', () => {
    renderWithProviders(<DesignationPanel content={buildCase({ severities: { physical: null } })} now={NOW} onFocusField={vi.fn<(path: string) => void>()} />, {
      language: 'nl',
    });
    expect(screen.getByTestId('verdict-outcome')).toHaveTextContent('Onvolledig');
    expect(screen.getByRole('button', { name: 'Beoordeel de ernst van Fysieke schade.' })).toBeInTheDocument();
  });
});
