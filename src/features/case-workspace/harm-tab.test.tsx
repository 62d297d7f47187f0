// The harm tab made to fit on a screen (issue 15 §4): one sub-tab per category (values kept, errors and
// missing inputs marked, jumps to a field open its category), and the live verdict beside the matrix.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createLiveVerdictStore } from '../../components/verdict/live-verdict';
import { evaluate } from '../../engine/evaluate';
import { NOW } from '../../engine/test-fixtures';
import { renderWithProviders } from '../../test/render';
import { HarmTab, harmPanelId, harmTabId } from './harm-tab';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import { HarnessProbe, WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';
import type { CaseContent } from '../../api/contract/case';
import type { LiveVerdictStore } from '../../components/verdict/live-verdict';

/** Stands for the designation panel's links: jumps to a field through the workspace's focusField. */
function JumpTo({ path }: { path: string }) {
  const { focusField } = useWorkspace();
  return <button type="button" onClick={() => focusField(path)}>{`Jump to ${path}`}</button>;
}

function renderHarm({ content = sampleContent(), liveVerdict = null, probe = new HarnessProbe() }: { content?: CaseContent; liveVerdict?: LiveVerdictStore | null; probe?: HarnessProbe } = {}) {
  const result = renderWithProviders(
    <WorkspaceFormHarness content={content} probe={probe} liveVerdict={liveVerdict}>
      <JumpTo path="harm.psychological.evidence" />
      <HarmTab />
    </WorkspaceFormHarness>,
  );
  return { ...result, probe };
}

const subTab = (label: string) => screen.getByRole('tab', { name: new RegExp(`^${label}:`) });
const panel = (category: string) => document.getElementById(harmPanelId(category as 'physical')) as HTMLElement;

describe('HarmTab sub-tabs', () => {
  it('has one sub-tab per category named with its severity, with tab/tabpanel ARIA of its own', () => {
    const content = sampleContent();
    content.harm.psychological.severity = 'high';
    renderHarm({ content });
    const list = screen.getByRole('tablist', { name: 'Harm categories' });
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('aria-label'))).toEqual(['Physical: Not rated', 'Psychological: High', 'Informational: Not rated']);
    // The severity shows on the tab itself, as a chip.
    expect(tabs[1]).toHaveTextContent('PsychologicalHigh');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    for (const category of ['physical', 'psychological', 'informational'] as const) {
      const tab = document.getElementById(harmTabId(category));
      expect(tab).toHaveAttribute('role', 'tab');
      expect(tab).toHaveAttribute('aria-controls', harmPanelId(category));
      expect(panel(category)).toHaveAttribute('role', 'tabpanel');
      expect(panel(category)).toHaveAttribute('aria-labelledby', harmTabId(category));
      // Never the case editor's own top-level ids.
      expect(harmTabId(category)).not.toMatch(/^case-tab/);
      expect(harmPanelId(category)).not.toBe('case-tabpanel');
    }
    // Only the chosen category's form shows.
    expect(panel('physical')).toBeVisible();
    expect(panel('psychological')).not.toBeVisible();
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('keeps every value when switching sub-tabs (each form stays mounted)', async () => {
    const probe = new HarnessProbe();
    const { user } = renderHarm({ probe });
    await user.click(screen.getByRole('button', { name: 'Magnitude of harm: High' }));
    const justification = within(screen.getByTestId('harm-form-physical')).getByRole('textbox', { name: 'Justification' });
    await user.type(justification, 'Threats at the harbour office.');

    await user.click(subTab('Psychological'));
    expect(subTab('Psychological')).toHaveAttribute('aria-selected', 'true');
    expect(panel('physical')).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sources: Low' }));

    await user.click(subTab('Physical'));
    expect(panel('physical')).toBeVisible();
    expect(within(screen.getByTestId('harm-form-physical')).getByRole('textbox', { name: 'Justification' })).toHaveValue('Threats at the harbour office.');
    expect(screen.getByRole('button', { name: 'Magnitude of harm: High' })).toHaveAttribute('aria-pressed', 'true');
    expect(probe.values?.harm.physical).toMatchObject({ justification: 'Threats at the harbour office.', rubric: { magnitude: 'high' } });
    expect(probe.values?.harm.psychological.rubric.sources).toBe('low');
  });

  it('is keyboard operable: the arrow keys move between sub-tabs, Enter opens one', async () => {
    const { user } = renderHarm();
    subTab('Physical').focus();
    await user.keyboard('{ArrowRight}');
    expect(subTab('Psychological')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(subTab('Psychological')).toHaveAttribute('aria-selected', 'true');
    expect(panel('psychological')).toBeVisible();
  });

  it('a jump to a field in another category opens its sub-tab, then focuses the field', async () => {
    const { user } = renderHarm();
    expect(panel('psychological')).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Jump to harm.psychological.evidence' }));
    expect(subTab('Psychological')).toHaveAttribute('aria-selected', 'true');
    expect(panel('psychological')).toBeVisible();
    const evidence = document.getElementById(fieldId('harm.psychological.evidence'));
    await waitFor(() => expect(evidence).toContainElement(document.activeElement as HTMLElement));

    // The matrix's row links jump the same way (R5-R7 at a glance, then the category's severity).
    await user.click(within(screen.getByTestId('severity-matrix')).getByRole('link', { name: 'Informational' }));
    expect(subTab('Informational')).toHaveAttribute('aria-selected', 'true');
    const severity = within(screen.getByTestId('harm-form-informational')).getByRole('group', { name: 'Severity of Informational harm' });
    await waitFor(() => expect(severity).toContainElement(document.activeElement as HTMLElement));
  });

  it('marks a category holding a field error, even while another sub-tab shows', async () => {
    const { user } = renderHarm();
    const physical = within(screen.getByTestId('harm-form-physical'));
    await user.click(physical.getByRole('button', { name: 'Add Physical evidence item' }));
    await user.tab();
    expect(await physical.findByText('Required')).toBeVisible();
    await user.click(subTab('Psychological'));
    await waitFor(() => expect(subTab('Physical')).toHaveAttribute('data-errors', 'true'));
    expect(subTab('Physical')).toHaveAccessibleName('Physical: Not rated A field here has an error.');
    expect(subTab('Psychological')).not.toHaveAttribute('data-errors');
  });

  it('marks a category with a missing input of the live verdict (R6a: moderate without evidence)', () => {
    const content = sampleContent();
    content.harm.informational.severity = 'moderate';
    const store = createLiveVerdictStore();
    store.setState({ verdict: evaluate(content, { now: NOW }) });
    renderHarm({ content, liveVerdict: store });
    expect(subTab('Informational')).toHaveAttribute('data-missing', 'true');
    expect(subTab('Informational')).toHaveAccessibleName('Informational: Moderate An input is missing here.');
    // Every category is unrated elsewhere (R5): those are missing too, and say so.
    expect(subTab('Physical')).toHaveAccessibleName('Physical: Not rated An input is missing here.');
  });
});

describe('HarmTab live verdict beside the matrix', () => {
  it('shows the verdict the panel published, with the designation’s conditions, and follows it', () => {
    const content = sampleContent({ signals: [sampleSignal({ evidenceState: 'sufficient' })] });
    content.harm.physical.severity = 'low';
    const store = createLiveVerdictStore();
    renderHarm({ content, liveVerdict: store });
    const beside = screen.getByRole('region', { name: 'Live verdict' });
    // Nothing published yet: the tab does not evaluate the case itself.
    expect(beside).toHaveTextContent('The designation panel has not given a verdict yet.');

    const verdict = evaluate(content, { now: NOW });
    act(() => store.setState({ verdict }));
    expect(beside).toHaveAttribute('data-outcome', verdict.outcome);
    expect(beside).toHaveTextContent('Incomplete');
    expect(within(beside).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Coordination established (R2)',
      'Harm does not meet the threshold (R7)',
      `Missing inputs: ${verdict.missing.length} (R13)`,
    ]);

    // A different verdict published: the summary follows.
    act(() => store.setState({ verdict: { ...verdict, outcome: 'not-recommended', missing: [], coordination: { established: false, establishingSignalIds: [] } } }));
    expect(beside).toHaveTextContent('Not recommended');
    expect(within(beside).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Coordination not established (R2)',
      'Harm does not meet the threshold (R7)',
    ]);
  });

  it('says when the activism context (R9) blocks a recommendation', () => {
    const content = sampleContent();
    content.actor.activismContext = true;
    const store = createLiveVerdictStore();
    store.setState({ verdict: evaluate(content, { now: NOW }) });
    renderHarm({ content, liveVerdict: store });
    expect(screen.getByRole('region', { name: 'Live verdict' })).toHaveTextContent('Activism context blocks a recommendation (R9)');
  });

  it('shows no verdict where no panel is on the page', () => {
    renderHarm();
    expect(screen.queryByRole('region', { name: 'Live verdict' })).toBeNull();
    expect(screen.getByTestId('severity-matrix')).toBeInTheDocument();
  });
});
