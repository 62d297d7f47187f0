// Issue 16 §1 for the reviewer: a detected signal's activity timeline, kept with it as evidence,
// is named with its numbers and opens on demand (its code loads then).
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCaseContent } from '../../api/contract/case';
import { GROUP, GROUP_HANDLES } from '../../components/activity-timeline/activity-test-data';
import { signalActivitySnapshot } from '../../engine/detection/cluster-activity';
import { renderWithProviders } from '../../test/render';
import { CaseSummary } from './case-summary';

const content = {
  ...emptyCaseContent({ kind: 'group', name: 'Grey Meridian', aliases: [], purpose: '', geographies: [], languages: [], hashtags: [], keywords: [], trendTerms: [], activismContext: false }),
  signals: [
    {
      id: 'sig-det', kind: 'technical' as const, technique: 'coordinated-reposting' as const, observed: 'on-platform' as const, description: 'Detected cluster',
      accounts: ['alpha_one', 'bravo_two', 'user-u3'], window: { start: null, end: null }, sources: [], strength: 'strong' as const,
      evidenceState: 'unverified' as const, origin: 'detected' as const, activity: signalActivitySnapshot(GROUP, GROUP_HANDLES),
    },
    {
      id: 'sig-man', kind: 'social' as const, technique: 'synchronised-posting' as const, observed: 'off-platform' as const, description: 'Chat logs',
      accounts: [], window: { start: null, end: null }, sources: [], strength: 'weak' as const, evidenceState: 'corroborated' as const, origin: 'manual' as const,
    },
  ],
};

beforeEach(() => {
  // jsdom has no layout: give the virtualised lanes a size so they render their rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});

describe('CaseSummary: a signal’s activity timeline (issue 16 §1)', () => {
  it('names the timeline a detected signal keeps, and shows it when asked', async () => {
    const { user } = renderWithProviders(<CaseSummary content={content} />);
    const signals = await screen.findByRole('region', { name: 'Coordination signals (R1-R2)' });
    expect(within(signals).getByText(/^Activity timeline kept with the signal: 3 accounts; posts: 7; bursts: 1; Nov 14, 2023, 10:13 PM to Nov 14, 2023, 11:03 PM/)).toBeInTheDocument();
    const buttons = within(signals).getAllByRole('button', { name: 'Show the activity timeline' });
    expect(buttons).toHaveLength(1);
    const [show] = buttons;
    if (!show) throw new Error('no button');
    expect(show).toHaveAttribute('aria-expanded', 'false');
    await user.click(show);
    expect(show).toHaveAttribute('aria-expanded', 'true');
    const figure = await within(signals).findByRole('figure', { name: /^Activity of 3 accounts/ });
    expect(figure.querySelectorAll('[data-mark]')).toHaveLength(6);
    expect(document.getElementById(show.getAttribute('aria-controls') ?? '')).toContainElement(figure);
    await user.click(within(signals).getByRole('button', { name: 'Hide the activity timeline' }));
    expect(within(signals).queryByRole('figure')).not.toBeInTheDocument();
  });

  it('speaks Dutch', async () => {
    renderWithProviders(<CaseSummary content={content} />, { language: 'nl' });
    expect(await screen.findByRole('button', { name: 'Activiteitentijdlijn tonen' })).toBeInTheDocument();
  });
});
