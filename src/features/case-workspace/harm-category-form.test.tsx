import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { HarmTab } from './harm-tab';
import { HarnessProbe, WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

function renderHarm(probe = new HarnessProbe(), content = sampleContent(), readOnly = false) {
  const result = renderWithProviders(
    <WorkspaceFormHarness content={content} probe={probe} readOnly={readOnly}>
      <HarmTab />
    </WorkspaceFormHarness>,
  );
  return { ...result, form, criterion, level, probe, openCategory };
}

const evidenceItem = (id: string, description: string) => ({ id, description, observed: 'on-platform' as const, date: null, source: 'Local paper', link: '', credibleSource: true });

function form(category: string): HTMLElement {
  return screen.getByTestId(`harm-form-${category}`);
}

function criterion(category: string, name: string): HTMLElement {
  return within(form(category)).getByRole('group', { name });
}

/** One level of a criterion's segmented control (R6): its name says the criterion and the level. */
function level(category: string, name: string, levelName: 'Low' | 'Moderate' | 'High'): HTMLElement {
  return within(criterion(category, name)).getByRole('button', { name: `${name}: ${levelName}` });
}

/** Each category has its own sub-tab (issue 15 §4): a hidden one's form is not reachable by role. */
async function openCategory(user: ReturnType<typeof renderWithProviders>['user'], label: string): Promise<void> {
  await user.click(screen.getByRole('tab', { name: new RegExp(`^${label}:`) }));
}

describe('HarmCategoryForm', () => {
  it('words the rubric as the policy does, each level a compact button, and shows the engine’s suggestion (R6)', async () => {
    const { user, form, level, probe } = renderHarm();
    const high = level('physical', 'Magnitude of harm', 'High');
    // The short label shows; the policy's wording of the level describes the button.
    expect(high).toHaveTextContent(/^High$/);
    expect(high).toHaveAccessibleDescription(/^The harms caused by individuals\/supporters are extreme/);
    expect(high).toHaveAttribute('aria-pressed', 'false');
    expect(within(form('physical')).getByTestId('suggestion-physical')).toHaveTextContent('No suggestion yet');
    expect(screen.getByTestId('criterion-wording-physical-magnitude')).toHaveTextContent('Not answered yet');

    await user.click(high);
    expect(high).toHaveAttribute('aria-pressed', 'true');
    // The chosen level's wording shows under the control.
    expect(screen.getByTestId('criterion-wording-physical-magnitude')).toHaveTextContent(/^The harms caused by individuals\/supporters are extreme/);
    await user.click(level('physical', 'Sources', 'High'));
    // Two criteria agree: the median is already certain.
    expect(screen.getByTestId('suggestion-physical')).toHaveTextContent('The rubric suggests: High.');
    await user.click(level('physical', 'Likelihood if left unchecked', 'Low'));
    expect(screen.getByTestId('suggestion-physical')).toHaveTextContent('The rubric suggests: High.');
    await user.click(level('physical', 'Sources', 'Low'));
    expect(screen.getByTestId('suggestion-physical')).toHaveTextContent('The rubric suggests: Low.');
    expect(probe.values?.harm.physical.rubric).toEqual({ magnitude: 'high', sources: 'low', likelihood: 'low' });
  });

  it('choosing the chosen level again clears the answer to “not answered” (null)', async () => {
    const { user, level, probe } = renderHarm();
    await user.click(level('physical', 'Sources', 'Moderate'));
    expect(probe.values?.harm.physical.rubric.sources).toBe('moderate');
    await user.click(level('physical', 'Sources', 'Moderate'));
    expect(probe.values?.harm.physical.rubric.sources).toBeNull();
    expect(level('physical', 'Sources', 'Moderate')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('criterion-wording-physical-sources')).toHaveTextContent('Not answered yet');
  });

  it('reaches the levels with the arrow keys: one tab stop per criterion', async () => {
    const { user, level, probe } = renderHarm();
    level('physical', 'Magnitude of harm', 'Low').focus();
    await user.keyboard('{ArrowRight}');
    expect(level('physical', 'Magnitude of harm', 'Moderate')).toHaveFocus();
    await user.keyboard(' ');
    expect(probe.values?.harm.physical.rubric.magnitude).toBe('moderate');
    // Only one level of the group is in the tab order.
    const tabbable = ['Low', 'Moderate', 'High'].filter((name) => level('physical', 'Magnitude of harm', name as 'Low').tabIndex === 0);
    expect(tabbable).toEqual(['Moderate']);
  });

  it('disables the rubric in a read-only case', () => {
    const content = sampleContent();
    content.harm.physical.rubric.magnitude = 'high';
    const { level } = renderHarm(new HarnessProbe(), content, true);
    expect(level('physical', 'Magnitude of harm', 'High')).toBeDisabled();
    expect(level('physical', 'Magnitude of harm', 'High')).toHaveAttribute('aria-pressed', 'true');
    expect(level('physical', 'Sources', 'Low')).toBeDisabled();
    // The chosen wording is still there to read.
    expect(screen.getByTestId('criterion-wording-physical-magnitude')).toHaveTextContent(/^The harms caused by individuals\/supporters are extreme/);
  });

  it('asks for a justification when the severity differs from the suggestion (R6), and not otherwise', async () => {
    const { user, form, level, probe, openCategory } = renderHarm();
    await openCategory(user, 'Psychological');
    for (const name of ['Magnitude of harm', 'Sources', 'Likelihood if left unchecked']) {
      await user.click(level('psychological', name, 'Moderate'));
    }
    const severity = within(form('psychological')).getByRole('group', { name: 'Severity of Psychological harm' });
    await user.click(within(severity).getByRole('radio', { name: 'Moderate' }));
    const justification = within(form('psychological')).getByRole('textbox', { name: 'Justification' });
    expect(justification).not.toBeRequired();
    expect(justification).toHaveAttribute('aria-invalid', 'false');

    await user.click(within(severity).getByRole('radio', { name: 'High' }));
    expect(justification).toBeRequired();
    expect(justification).toHaveAttribute('aria-invalid', 'true');
    expect(within(form('psychological')).getByText('Required: your severity (High) differs from the rubric’s suggestion (Moderate). Explain why (R6).')).toBeVisible();

    await user.type(justification, 'Targets are minors.');
    expect(justification).toHaveAttribute('aria-invalid', 'false');
    expect(within(form('psychological')).getByText(/differs from the rubric’s suggestion \(Moderate\): explain why/)).toBeVisible();
    expect(probe.values?.harm.psychological).toMatchObject({ severity: 'high', justification: 'Targets are minors.' });
    // The matrix shows it at a glance.
    expect(screen.getByTestId('matrix-psychological-high')).toHaveTextContent('Chosen');
    expect(screen.getByTestId('matrix-psychological-moderate')).toHaveTextContent('Suggested');
  });

  it('"Use suggestion" sets the severity to the rubric’s', async () => {
    const { user, form, level, probe, openCategory } = renderHarm();
    await openCategory(user, 'Informational');
    for (const name of ['Magnitude of harm', 'Sources']) {
      await user.click(level('informational', name, 'Low'));
    }
    await user.click(within(form('informational')).getByRole('button', { name: 'Use suggestion' }));
    expect(probe.values?.harm.informational.severity).toBe('low');
    expect(within(form('informational')).getByRole('radio', { name: 'Low' })).toBeChecked();
  });

  it('adds, edits and removes evidence inline; refuses a javascript: link and requires a description', async () => {
    const { user, form, probe } = renderHarm();
    const physical = within(form('physical'));
    await user.click(physical.getByRole('button', { name: 'Add Physical evidence item' }));
    const description = physical.getByRole('textbox', { name: 'What happened' });
    expect(description).toHaveFocus();
    await user.tab();
    expect(await physical.findByText('Required')).toBeVisible();

    await user.type(description, 'Threat at a public meeting');
    const link = physical.getByRole('textbox', { name: 'Link' });
    await user.type(link, 'javascript:alert(1)');
    await user.tab();
    expect(await physical.findByText('Only http:// and https:// links are allowed.')).toBeVisible();
    expect(physical.queryByRole('link')).not.toBeInTheDocument();

    await user.clear(link);
    await user.type(link, 'https://news.example/meeting');
    const anchor = physical.getByRole('link', { name: /news\.example/ });
    expect(anchor).toHaveAttribute('href', 'https://news.example/meeting');
    expect(anchor).toHaveAttribute('rel', 'noopener noreferrer');
    expect(anchor).toHaveAttribute('target', '_blank');
    await user.click(physical.getByRole('checkbox', { name: 'The source is credible' }));
    expect(probe.values?.harm.physical.evidence).toEqual([
      expect.objectContaining({ description: 'Threat at a public meeting', link: 'https://news.example/meeting', credibleSource: true }),
    ]);

    await user.click(physical.getByRole('button', { name: 'Remove Physical evidence item 1' }));
    expect(probe.values?.harm.physical.evidence).toEqual([]);
  });

  it('removes an evidence item with undo, as the board removes a signal: it comes back where it was, unchanged', async () => {
    const content = sampleContent();
    content.harm.physical.evidence = [evidenceItem('ev-1', 'Threat at a public meeting'), evidenceItem('ev-2', 'Doxxing of an inspector')];
    const { user, form, probe } = renderHarm(new HarnessProbe(), content);
    const physical = within(form('physical'));
    await user.click(physical.getByRole('button', { name: 'Remove Physical evidence item 1' }));
    expect(probe.values?.harm.physical.evidence.map((entry) => entry.id)).toEqual(['ev-2']);
    const notice = physical.getByRole('status');
    expect(notice).toHaveTextContent('Physical evidence item 1 removed.');

    await user.click(within(notice).getByRole('button', { name: 'Undo' }));
    expect(probe.values?.harm.physical.evidence).toEqual([evidenceItem('ev-1', 'Threat at a public meeting'), evidenceItem('ev-2', 'Doxxing of an inspector')]);
    expect(physical.getAllByRole('textbox', { name: 'What happened' }).map((box) => (box as HTMLTextAreaElement).value)).toEqual([
      'Threat at a public meeting',
      'Doxxing of an inspector',
    ]);
    expect(notice).toHaveTextContent('Physical evidence item 1 restored.');
  });

  it('lists only the category’s own policy areas (R5)', async () => {
    const { user, form, openCategory } = renderHarm();
    await openCategory(user, 'Informational');
    const areas = within(within(form('informational')).getByRole('group', { name: 'Policy areas concerned (R5)' })).getAllByRole('checkbox');
    expect(areas.map((box) => box.closest('label')?.textContent)).toEqual([
      'Civic integrity',
      'Synthetic and manipulated media',
      'Platform manipulation and spam',
      'Medical misinformation (e.g. COVID-19)',
    ]);
  });

  it('names the signals whose coordination led to an evidence item (R6a), and keeps them in the case', async () => {
    const content = sampleContent({ signals: [sampleSignal({ id: 'sig-a', description: 'Shared device posting target lists' }), sampleSignal({ id: 'sig-b', description: 'Reply burst at the mayor' })] });
    content.harm.physical.evidence = [evidenceItem('ev-1', 'Home visit after a target list')];
    const probe = new HarnessProbe();
    const { user } = renderHarm(probe, content);
    const picker = within(form('physical')).getByRole('combobox', { name: /Coordination that led to this harm \(R6a\)/ });
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: 'Reply burst at the mayor' }));
    await user.keyboard('{Escape}');
    expect(probe.values?.harm.physical.evidence[0]?.signalIds).toEqual(['sig-b']);
    expect(picker).toHaveTextContent('Reply burst at the mayor');
  });
});
