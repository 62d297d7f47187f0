// The cluster card names a dogpile's target and inciter (issue 16 §5), in the reader's language;
// the settings form lists the dogpiling detector's thresholds with their help.
import { screen, within } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings } from '../../engine/detection/settings';
import { renderWithProviders } from '../../test/render';
import { ClusterCard } from './cluster-card';
import { DetectorSettingsFields } from './detector-settings-fields';
import { SETTINGS_SECTIONS } from './detector-settings-table';

function dogpileCluster(overrides: Partial<CoordinationCluster> = {}): CoordinationCluster {
  return {
    id: 'cluster-00112233445566ff',
    accounts: [{ id: 'u1', username: 'pile1' }, { id: 'u2', username: 'pile2' }, { id: 'u3', username: null }, { id: 'u9', username: 'y' }],
    score: 0.95,
    strength: 'strong',
    detectors: [{ detector: 'dogpiling', edges: 6, accounts: 4, meanScore: 0.95, maxCoItems: 1 }],
    primaryDetector: 'dogpiling',
    suggestedSignal: { kind: 'social', technique: 'incitement-dogpiling' },
    window: { start: '2024-03-01T10:00:00.000Z', end: '2024-03-01T10:09:00.000Z' },
    evidence: [],
    evidenceCount: 0,
    edges: [{ a: 'u1', b: 'u2', detector: 'dogpiling', score: 0.95, coItems: 1 }],
    edgeCount: 6,
    targets: [
      { kind: 'post', postId: '123', accountId: 'ux', username: 'x', start: '2024-03-01T10:00:30.000Z', end: '2024-03-01T10:09:00.000Z', repliers: 14, incitedBy: ['u9'] },
      { kind: 'account', postId: null, accountId: null, username: 'ghost', start: '2024-03-02T10:00:00.000Z', end: '2024-03-02T10:04:10.000Z', repliers: 6, incitedBy: [] },
    ],
    inciters: [{ accountId: 'u9', username: 'y', postIds: ['456'] }],
    ...overrides,
  };
}

const noop = (): void => {};

function renderCard(cluster: CoordinationCluster, language: 'en' | 'nl' | 'tr' = 'en', compact = false) {
  return renderWithProviders(
    <ClusterCard cluster={cluster} rank={1} color={null} selected={false} signalId={null} boardLink="/board" canAdd busy={false} compact={compact} onSelect={noop} onAdd={noop} onAdjust={noop} />,
    { language },
  );
}

describe('ClusterCard and dogpiling', () => {
  it('names the targets, how many accounts replied within how long, and the inciter', async () => {
    renderCard(dogpileCluster());
    const list = await screen.findByRole('list', { name: 'Dogpiling targets' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Targeted: @x (post 123) — 14 accounts replied within 9 min',
      'Targeted: @ghost — 6 accounts replied within 5 min',
    ]);
    expect(screen.getByText('Incited by: @y (post 456)')).toBeInTheDocument();
    expect(screen.getByText('Suggested signal: Social · Inciting followers to reply abusively (dogpiling)')).toBeInTheDocument();
  });

  it('says it in Dutch and Turkish, and names a post whose author is not in the import by its id', async () => {
    const cluster = dogpileCluster({ targets: [{ kind: 'post', postId: '777', accountId: null, username: null, start: '2024-03-01T10:00:00.000Z', end: '2024-03-01T10:00:40.000Z', repliers: 5, incitedBy: [] }], inciters: [] });
    const { unmount } = renderCard(cluster, 'nl');
    expect(await screen.findByText('Doelwit: bericht 777 — 5 accounts antwoordden binnen 1 min')).toBeInTheDocument();
    expect(screen.queryByText(/Aangezet door/)).toBeNull();
    unmount();
    renderCard(dogpileCluster(), 'tr');
    expect(await screen.findByText('Hedef: @x (123 numaralı gönderi) — 9 dk içinde 14 hesap yanıt verdi')).toBeInTheDocument();
    expect(screen.getByText('Kışkırtan: @y (456 numaralı gönderi)')).toBeInTheDocument();
  });

  it('shows nothing about dogpiling for other clusters, and for reports without targets', async () => {
    const { unmount } = renderCard(dogpileCluster({ targets: [], inciters: [] }));
    await screen.findByText('Cluster 1');
    expect(screen.queryByRole('list', { name: 'Dogpiling targets' })).toBeNull();
    unmount();
    const { targets: _t, inciters: _i, ...old } = dogpileCluster();
    renderCard(old);
    await screen.findByText('Cluster 1');
    expect(screen.queryByText(/Targeted|Incited/)).toBeNull();
  });

  it('lists two targets in the compact card and counts the rest', async () => {
    const target = dogpileCluster().targets?.[0];
    const targets = Array.from({ length: 4 }, (_, k) => ({ ...target!, postId: String(200 + k) }));
    renderCard(dogpileCluster({ targets }), 'en', true);
    const list = await screen.findByRole('list', { name: 'Dogpiling targets' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('2 more targets are not listed.')).toBeInTheDocument();
  });
});

function SettingsForm() {
  const { control } = useForm<DetectorSettings>({ defaultValues: DEFAULT_DETECTOR_SETTINGS });
  return <DetectorSettingsFields control={control} />;
}

describe('the dogpiling settings', () => {
  it('are in the settings table: switch, window and repliers, and the rest behind “Advanced thresholds”', () => {
    expect(SETTINGS_SECTIONS.find((s) => s.group === 'dogpiling')).toEqual({
      group: 'dogpiling', detector: 'dogpiling', basic: ['windowSeconds', 'minRepliers'], advanced: ['incitementLeadSeconds', 'maxPValue', 'maxNeighbours'],
    });
  });

  it('render with labels that say which detector, and help linked to each field', async () => {
    const { user } = renderWithProviders(<SettingsForm />);
    const toggle = await screen.findByRole('switch', { name: 'Dogpiling' });
    expect(toggle).toBeChecked();
    const repliers = screen.getByRole('spinbutton', { name: 'Accounts replying in a burst (minimum), Dogpiling' });
    expect(repliers).toHaveValue(5);
    expect(repliers).toHaveAccessibleDescription('Different accounts that must reply to the target inside the window.');
    expect(screen.getByRole('spinbutton', { name: 'Time window (seconds), Dogpiling' })).toHaveValue(900);
    await user.click(screen.getByRole('button', { name: 'Advanced thresholds' }));
    const lead = await screen.findByRole('spinbutton', { name: 'Incitement before the burst (seconds, maximum), Dogpiling' });
    expect(lead).toHaveValue(3_600);
    expect(lead).toHaveAccessibleDescription(/marks its author as the inciter/);
    // Other detectors' fields keep no help line.
    expect(screen.getByRole('spinbutton', { name: 'Time window (seconds), Reply bursts' })).not.toHaveAccessibleDescription();
    // Switching the detector off greys its thresholds out, from the keyboard too.
    toggle.focus();
    await user.keyboard(' ');
    expect(toggle).not.toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Accounts replying in a burst (minimum), Dogpiling' })).toBeDisabled();
  });
});
