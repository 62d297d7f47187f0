import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { OverviewTab } from './overview-tab';
import { HarnessProbe, WorkspaceFormHarness } from './workspace-test-harness';
import { sampleContent } from './workspace-test-fixtures';

function renderOverview(probe = new HarnessProbe(), readOnly = false) {
  return renderWithProviders(
    <WorkspaceFormHarness content={sampleContent()} probe={probe} readOnly={readOnly}>
      <OverviewTab />
    </WorkspaceFormHarness>,
  );
}

describe('OverviewTab', () => {
  it('says at the field that the name is required', async () => {
    const { user } = renderOverview();
    const name = screen.getByRole('textbox', { name: /Name of the group, movement or campaign/ });
    await user.clear(name);
    await user.tab();
    expect(await screen.findByText('Required')).toBeVisible();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, 'Harbour Watch');
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
  });

  it('asks the four assessment questions (R12) and the rights-risk assessment (R10) in the policy’s words', () => {
    renderOverview();
    expect(screen.getByRole('textbox', { name: /Is this an identifiable group with a unified purpose/ })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /What are the risks of applying this policy/ })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Risks of applying this policy, including impacts on speech/ })).toHaveAttribute('id', 'field-rightsRiskAssessment');
    expect(screen.getByRole('checkbox', { name: /activism, speaking truth to power/ })).not.toBeChecked();
  });

  it('adds and removes list entries as chips, and stores them in the form', async () => {
    const probe = new HarnessProbe();
    const { user } = renderOverview(probe);
    const hashtags = screen.getByRole('textbox', { name: 'Hashtags' });
    await user.type(hashtags, '#harbour{Enter}#inspect,');
    const list = screen.getByRole('list', { name: 'Entries of Hashtags' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(probe.values?.actor.hashtags).toEqual(['#harbour', '#inspect']);
    await user.click(within(list).getByRole('button', { name: 'Remove “#harbour”' }));
    expect(probe.values?.actor.hashtags).toEqual(['#inspect']);
  });

  it('renders read-only without edit controls', () => {
    renderOverview(new HarnessProbe(), true);
    expect(screen.getByRole('textbox', { name: /Name of the group/ })).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: /Remove “HW”/ })).not.toBeInTheDocument();
  });
});
