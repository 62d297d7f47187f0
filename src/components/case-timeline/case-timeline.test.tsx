import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { CaseTimeline } from './case-timeline';
import type { TimelineSource } from './case-timeline-model';
import { action, harm, NOW } from './timeline-test-data';

const designated: TimelineSource = {
  harm: {
    physical: harm([{ id: 'e1', description: 'Threats posted against a local reporter', observed: 'on-platform', date: '2026-09-20', source: '', link: '', credibleSource: true }]),
    psychological: harm(),
    informational: harm(),
  },
  signals: [{
    id: 's1', kind: 'social', technique: 'incitement-dogpiling', observed: 'on-platform', description: '', accounts: ['a', 'b', 'c'],
    window: { start: '2026-09-18T08:00:00.000Z', end: '2026-09-25T08:00:00.000Z' }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
  }],
  submission: null,
  reviews: [{ decision: 'approve', decidedBy: 'rui', decidedAt: '2026-10-01T09:00:00.000Z', rationale: 'x', override: null, verdictAtDecision: { outcome: 'recommended', ruleIds: [], priority: 1, platformManipulationTrack: false }, requests: [] }],
  designation: {
    approvedBy: 'rui', approvedAt: '2026-10-01T09:00:00.000Z', firstApprovedAt: '2026-10-01T09:00:00.000Z', rationale: '',
    nextReviewAt: '2026-12-30T09:00:00.000Z', lastReviewedAt: '2026-10-01T09:00:00.000Z', withdrawnAt: null, withdrawnBy: null, withdrawalRationale: null,
  },
  enforcementActions: [action('a1'), action('a2'), action('a3', { reappliesId: 'a1', appliedAt: '2026-12-02T10:00:00.000Z', expiresAt: '2027-01-01T10:00:00.000Z' })],
};

describe('CaseTimeline (issue 16 §2)', () => {
  it('draws a figure with a label saying what it spans, a lane per track and a mark per entry', async () => {
    renderWithProviders(<CaseTimeline source={designated} now={NOW} />);
    const chart = await screen.findByRole('figure', { name: /^Case timeline from Sep 18, 2026 to Jan 1, 2027 with 6 entries/ });
    for (const lane of ['Coordination signals (R1-R2)', 'Harm evidence (R5-R6)', 'Submission and decisions (R18)', 'Enforcement (R14-R15)', 'Periodic reviews (R17)']) {
      expect(within(chart).getByText(lane)).toBeInTheDocument();
    }
    // The two actions applied together are one bar; the re-application its own.
    const bars = chart.querySelectorAll('[data-testid^="timeline-mark-actions:"]');
    expect(bars).toHaveLength(2);
    expect([...bars].map((bar) => bar.querySelector('title')?.textContent?.split(' · ')[0])).toEqual(['Limit visibility: 2 actions', 'Limit visibility: 1 action, re-applied (R15)']);
  });

  it('lists the same entries as a table, by keyboard, in time order', async () => {
    const { user } = renderWithProviders(<CaseTimeline source={designated} now={NOW} />);
    const tableButton = await screen.findByRole('button', { name: 'Table' });
    tableButton.focus();
    await user.keyboard('{Enter}');
    const table = screen.getByRole('table', { name: 'Case timeline' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').at(-1)?.textContent);
    expect(rows).toEqual([
      'Inciting followers to reply abusively (dogpiling), 3 accounts',
      'Physical: Threats posted against a local reporter',
      'Approved by Rui Takahashi',
      'Limit visibility: 2 actions',
      'Limit visibility: 1 action, re-applied (R15)',
      'Next periodic review due',
    ]);
    expect(within(table).getAllByRole('row')[4]).toHaveTextContent(/expires\s*Dec 1, 2026/);
  });

  it('says when nothing is dated yet, without a chart', async () => {
    renderWithProviders(<CaseTimeline source={{ ...designated, signals: [], harm: { physical: harm(), psychological: harm(), informational: harm() }, reviews: [], designation: null, enforcementActions: [] }} now={NOW} />);
    expect(await screen.findByText(/Nothing in this case has a date yet/)).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Table' })).not.toBeInTheDocument();
  });

  it('speaks Turkish', async () => {
    renderWithProviders(<CaseTimeline source={designated} now={NOW} />, { language: 'tr' });
    expect(await screen.findByRole('heading', { name: 'Vaka zaman çizelgesi' })).toBeInTheDocument();
    expect(screen.getByText('Yaptırım (R14-R15)')).toBeInTheDocument();
  });
});
