// The network view and the cluster list select together, and a deep link to a cluster works after a
// reload from the import kept in IndexedDB. Only the canvas layer is replaced (jsdom has no canvas):
// the fake draws one button per account and reports taps as the real one does.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseActivity } from '../../engine/detection/activity-parser';
import { detectCoordination } from '../../engine/detection/detect-coordination';
import { buildDetectionReport } from '../../engine/detection/detection-report';
import { renderWithProviders } from '../../test/render';
import { ActivityImportPage } from './activity-import-page';
import type { ImportOutcome } from './import-result';
import { clearLastImport, loadLastImport, saveLastImport } from './last-import-storage';
import type { NetworkCanvasProps } from './network-canvas';
import { networkLinkForSignal } from './signal-link';

vi.mock('./network-canvas', () => ({
  NetworkCanvas: ({ graph, selectedClusterId, label, onSelectCluster, onStatus }: NetworkCanvasProps) => {
    useEffect(() => onStatus('ready'), [onStatus]);
    return (
      <figure aria-label={label} data-testid="network-canvas" data-selected={selectedClusterId ?? ''}>
        {graph.nodes.map((node) => (
          <button type="button" key={node.id} onClick={() => onSelectCluster(node.clusterId)}>
            node {node.label}
          </button>
        ))}
      </figure>
    );
  },
}));

const CASE_ID = 'case-tidewater-pledge';

function coordinatedOutcome(): ImportOutcome {
  const text = readFileSync(resolve(__dirname, '../../../e2e/fixtures/activity/coordinated.csv'), 'utf8');
  const parsed = parseActivity(text);
  const report = buildDetectionReport(parsed, detectCoordination(parsed.store));
  return { fileName: 'coordinated.csv', fileBytes: text.length, elapsedMs: 1200, finishedAt: '2026-11-21T10:00:00.000Z', report };
}

/** The cluster cards, once all have mounted (they mount a few per frame). */
async function clusterCards(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Clusters, highest score first' }, { timeout: 5_000 });
  await waitFor(() => expect(list).not.toHaveAttribute('aria-busy'));
  return within(list).getAllByRole('article');
}

function renderAt(url: string) {
  return renderWithProviders(null, { route: url, routes: [{ path: '/cases/:caseId/import', element: <ActivityImportPage /> }] });
}

describe('network view', () => {
  let outcome: ImportOutcome;
  beforeEach(async () => {
    outcome = coordinatedOutcome();
    await saveLastImport(CASE_ID, outcome);
  });

  it('opens a deep link to a cluster from the import kept in IndexedDB', async () => {
    const second = outcome.report.clusters[1]!;
    const link = networkLinkForSignal(CASE_ID, { origin: 'detected', description: `Detected cluster ${second.id}: 4 accounts` });
    expect(link).toBe(`/cases/${CASE_ID}/import?view=network&cluster=${second.id}`);
    renderAt(link ?? '');
    const canvas = await screen.findByTestId('network-canvas', {}, { timeout: 5_000 });
    expect(canvas).toHaveAttribute('data-selected', second.id);
    expect(screen.getByTestId('network-selection')).toHaveTextContent('Selected: cluster 2, 4 accounts, score 1.00.');
    expect(screen.getByText(/Last import of coordinated.csv/)).toBeInTheDocument();
    const cards = await clusterCards();
    expect(cards[1]).toHaveAttribute('data-cluster-id', second.id);
    expect(cards[1]).toHaveAttribute('aria-current', 'true');
  });

  it('selects in the list when an account is tapped in the graph, and in the graph when chosen in the list', async () => {
    const { user, router } = renderAt(`/cases/${CASE_ID}/import?view=network`);
    const canvas = await screen.findByTestId('network-canvas', {}, { timeout: 5_000 });
    expect(screen.getByTestId('network-selection')).toHaveTextContent('Select a cluster in the list');

    await user.click(within(canvas).getByRole('button', { name: 'node @sock_1' }));
    const third = outcome.report.clusters[2]!;
    expect(canvas).toHaveAttribute('data-selected', third.id);
    expect(router.state.location.search).toBe(`?view=network&cluster=${third.id}`);
    const cards = await clusterCards();
    expect(cards[2]).toHaveAttribute('aria-current', 'true');
    expect(within(cards[2]!).getByRole('button', { name: 'Selected' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(cards[0]!).getByRole('button', { name: 'Show in the network' }));
    expect(canvas).toHaveAttribute('data-selected', outcome.report.clusters[0]!.id);
    expect(cards[0]).toHaveAttribute('aria-current', 'true');
    expect(cards[2]).not.toHaveAttribute('aria-current');
  });

  it('opens the network on a cluster chosen in the list view', async () => {
    const { user, router } = renderAt(`/cases/${CASE_ID}/import`);
    const cards = await clusterCards();
    await user.click(within(cards[1]!).getByRole('button', { name: 'Show in the network' }));
    expect(await screen.findByTestId('network-canvas')).toHaveAttribute('data-selected', outcome.report.clusters[1]!.id);
    expect(router.state.location.search).toBe(`?view=network&cluster=${outcome.report.clusters[1]!.id}`);
    expect(screen.getByRole('tab', { name: 'Network' })).toHaveAttribute('aria-selected', 'true');
  });

  it('switches between the list and the network with the tabs', async () => {
    const { user, router } = renderAt(`/cases/${CASE_ID}/import`);
    await user.click(await screen.findByRole('tab', { name: 'Network' }, { timeout: 5_000 }));
    expect(await screen.findByTestId('network-canvas')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?view=network');
    await user.click(screen.getByRole('tab', { name: 'Clusters' }));
    await waitFor(() => expect(screen.queryByTestId('network-canvas')).not.toBeInTheDocument());
  });

  it('says so when a linked cluster is not in the kept import, or no import is kept', async () => {
    renderAt(`/cases/${CASE_ID}/import?view=network&cluster=cluster-00000000000000ff`);
    expect(await screen.findByText(/The linked cluster is not in this import/, {}, { timeout: 5_000 })).toBeInTheDocument();
    cleanup();
    await clearLastImport(CASE_ID);
    renderAt(`/cases/${CASE_ID}/import?view=network&cluster=cluster-00000000000000ff`);
    expect(await screen.findByText(/an import that this browser does not keep/, {}, { timeout: 5_000 })).toBeInTheDocument();
  });

  it('drops a corrupt stored import with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await saveLastImport(CASE_ID, { ...outcome, report: { ...outcome.report, clusters: [{ id: 42 }] } } as unknown as ImportOutcome);
    expect(await loadLastImport(CASE_ID)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Discarded the stored import'));
    expect(await loadLastImport(CASE_ID)).toBeNull();
    await clearLastImport(CASE_ID);
  });
});
