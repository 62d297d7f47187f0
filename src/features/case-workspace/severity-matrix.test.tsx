// The severity matrix (issue 15 §4): cells in their severity's colour, R7's threshold drawn on the
// moderate and high columns, and what the engine says of it now (R7, counted as R9 says).
import { getContrastRatio } from '@mui/material/styles';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createAppTheme } from '../../app/theme';
import { thresholdBreakdown } from '../../engine/designation-rules';
import { SEVERITIES } from '../../engine/policy-terms';
import { renderWithProviders } from '../../test/render';
import { HarmTab } from './harm-tab';
import { SEVERITY_COLOR } from './severity-matrix';
import { HarnessProbe, WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent } from './workspace-test-fixtures';
import type { CaseContent } from '../../api/contract/case';

function renderMatrix(content: CaseContent = sampleContent()) {
  const probe = new HarnessProbe();
  const result = renderWithProviders(
    <WorkspaceFormHarness content={content} probe={probe}>
      <HarmTab />
    </WorkspaceFormHarness>,
  );
  return { ...result, probe };
}

const summary = () => screen.getByTestId('threshold-summary');
const credibleItem = (id: string, credibleSource = true) => ({ id, description: 'Threat', observed: 'on-platform' as const, date: null, source: 'Paper', link: '', credibleSource });

describe('SeverityMatrix', () => {
  it('draws R7’s threshold over the moderate and high columns, with its words', () => {
    renderMatrix();
    const band = screen.getByTestId('threshold-band');
    expect(band).toHaveTextContent('R7: one high or two moderate');
    expect(band).toHaveAttribute('colspan', '2');
    expect(band).toHaveAttribute('scope', 'colgroup');
    const headers = within(screen.getByTestId('severity-matrix')).getAllByRole('columnheader').map((cell) => cell.textContent);
    // The band spans the last two severity columns: moderate and high.
    expect(headers.slice(-4)).toEqual(['None', 'Low', 'Moderate', 'High']);
  });

  it('says the threshold is not met, and what is still needed, as the engine counts it (R7)', async () => {
    const { user } = renderMatrix();
    expect(summary()).toHaveAttribute('data-met', 'false');
    expect(summary()).toHaveTextContent('Threshold not met (R7). At Moderate or higher: none. Needed: one category at High, or 2 more at Moderate or higher.');

    // One moderate category: one more is needed.
    await user.click(within(screen.getByRole('group', { name: 'Severity of Physical harm' })).getByRole('radio', { name: 'Moderate' }));
    expect(summary()).toHaveTextContent('Threshold not met (R7). At Moderate or higher: Physical. Needed: one category at High, or 1 more at Moderate or higher.');
    expect(screen.getByTestId('matrix-physical-moderate')).toHaveTextContent('Chosen');
    // The rating counts toward R7, though R7 is not met yet.
    expect(within(screen.getByTestId('matrix-physical-moderate')).getByRole('img', { name: 'Counts toward R7' })).toBeInTheDocument();
  });

  it('says the threshold is met by one high category, or by two at moderate, and names them (R7)', async () => {
    const content = sampleContent();
    content.harm.psychological.severity = 'high';
    content.harm.informational.severity = 'low';
    const { user } = renderMatrix(content);
    expect(summary()).toHaveAttribute('data-met', 'true');
    expect(summary()).toHaveTextContent('Threshold met (R7): Psychological at High.');
    expect(within(screen.getByTestId('matrix-psychological-high')).getByRole('img', { name: 'Counts toward R7' })).toBeInTheDocument();
    // A low rating counts toward nothing.
    expect(within(screen.getByTestId('matrix-informational-low')).queryByRole('img')).toBeNull();

    await user.click(screen.getByRole('tab', { name: /^Psychological:/ }));
    await user.click(within(screen.getByRole('group', { name: 'Severity of Psychological harm' })).getByRole('radio', { name: 'Moderate' }));
    expect(summary()).toHaveAttribute('data-met', 'false');
    await user.click(screen.getByRole('tab', { name: /^Informational:/ }));
    await user.click(within(screen.getByRole('group', { name: 'Severity of Informational harm' })).getByRole('radio', { name: 'Moderate' }));
    expect(summary()).toHaveAttribute('data-met', 'true');
    expect(summary()).toHaveTextContent('Threshold met (R7): Psychological and Informational at Moderate or higher.');
  });

  it('counts as the engine does with the activism flag (R9): a rating without credible evidence is named, not counted', () => {
    const content = sampleContent();
    content.actor.activismContext = true;
    content.harm.physical.severity = 'high';
    content.harm.physical.evidence = [credibleItem('ev-blog', false)];
    content.harm.psychological.severity = 'moderate';
    content.harm.psychological.evidence = [credibleItem('ev-paper')];
    renderMatrix(content);
    // The engine's answer for the same ratings, drawn, not re-derived.
    expect(thresholdBreakdown({ physical: 'high', psychological: 'moderate', informational: null }, { physical: 0, psychological: 1, informational: 0 }, true).met).toBe(false);
    expect(summary()).toHaveAttribute('data-met', 'false');
    expect(summary()).toHaveTextContent('At Moderate or higher: Psychological.');
    expect(summary()).toHaveTextContent('Not counted for want of evidence from a credible source (R9, activism context): Physical.');
    expect(screen.getByTestId('matrix-not-counted-physical')).toHaveTextContent('Not counted: no credible source (R9)');
    expect(within(screen.getByTestId('matrix-physical-high')).queryByRole('img', { name: 'Counts toward R7' })).toBeNull();
    expect(within(screen.getByTestId('matrix-psychological-moderate')).getByRole('img', { name: 'Counts toward R7' })).toBeInTheDocument();
  });

  it('fills the chosen cell in its severity’s colour, with text that passes WCAG AA in light and dark mode', () => {
    for (const mode of ['light', 'dark'] as const) {
      const palette = createAppTheme(mode).palette;
      for (const severity of SEVERITIES) {
        const colour = palette[SEVERITY_COLOR[severity]];
        expect(getContrastRatio(colour.main, colour.contrastText), `${mode} ${severity}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    // Each severity its own colour: the fill tells them apart, beside the words.
    expect(new Set(Object.values(SEVERITY_COLOR)).size).toBe(SEVERITIES.length);
  });
});
