import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { HarmTab } from './harm-tab';
import { HarnessProbe, WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent, sampleSignal } from './workspace-test-fixtures';

function renderHarm(probe = new HarnessProbe(), content = sampleContent()) {
  const result = renderWithProviders(
    <WorkspaceFormHarness content={content} probe={probe}>
      <HarmTab />
    </WorkspaceFormHarness>,
  );
  return { ...result, form, criterion, probe };
}

const evidenceItem = (id: string, description: string) => ({ id, description, observed: 'on-platform' as const, date: null, source: 'Local paper', link: '', credibleSource: true });

function form(category: string): HTMLElement {
  return screen.getByTestId(`harm-form-${category}`);
}

function criterion(category: string, name: string): HTMLElement {
  return within(form(category)).getByRole('group', { name });
}

describe('HarmCategoryForm', () => {
  it('words the rubric as the policy does and shows the engine’s suggestion', async () => {
    const { user, form, criterion } = renderHarm();
    const magnitude = criterion('physical', 'Magnitude of harm');
    expect(within(magnitude).getByRole('radio', { name: /^High: The harms caused by individuals\/supporters are extreme/ })).toBeInTheDocument();
    expect(within(form('physical')).getByTestId('suggestion-physical')).toHaveTextContent('No suggestion yet');

    await user.click(within(magnitude).getByRole('radio', { name: /^High:/ }));
    await user.click(within(criterion('physical', 'Sources')).getByRole('radio', { name: /^High:/ }));
    // Two criteria agree: the median is already certain.
    expect(screen.getByTestId('suggestion-physical')).toHaveTextContent('The rubric suggests: High.');
    await user.click(within(criterion('physical', 'Likelihood if left unchecked')).getByRole('radio', { name: /^Low:/ }));
    expect(screen.getByTestId('suggestion-physical')).toHaveTextContent('The rubric suggests: High.');
    await user.click(within(criterion('physical', 'Sources')).getByRole('radio', { name: /^Low:/ }));
    expect(screen.getByTestId('suggestion-physical')).toHaveTextContent('The rubric suggests: Low.');
  });

  it('asks for a justification when the severity differs from the suggestion (R6), and not otherwise', async () => {
    const { user, form, criterion, probe } = renderHarm();
    for (const name of ['Magnitude of harm', 'Sources', 'Likelihood if left unchecked']) {
      await user.click(within(criterion('psychological', name)).getByRole('radio', { name: /^Moderate:/ }));
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
    const { user, form, criterion, probe } = renderHarm();
    for (const name of ['Magnitude of harm', 'Sources']) {
      await user.click(within(criterion('informational', name)).getByRole('radio', { name: /^Low:/ }));
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

  it('lists only the category’s own policy areas (R5)', () => {
    const { form } = renderHarm();
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
