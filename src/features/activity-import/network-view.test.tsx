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
import { clusterActivity } from '../../engine/detection/cluster-activity';
import type { ClusterActivity } from '../../engine/detection/cluster-activity';
import { DEFAULT_DETECTOR_SETTINGS } from '../../engine/detection/settings';
import { buildNetworkGraph } from './network-model';
import { NetworkPanel } from './network-panel';

vi.mock('./network-canvas', () => ({
  NetworkCanvas: ({ graph, filtered, selectedClusterId, selectedNodeId, label, onSelectCluster, onOpenAccount, onStatus, hidden }: NetworkCanvasProps) => {
    useEffect(() => onStatus('ready'), [onStatus]);
    return (
      <figure aria-label={label} data-testid="network-canvas" data-selected={selectedClusterId ?? ''} data-open={selectedNodeId ?? ''} hidden={hidden}>
        {graph.nodes.map((node, i) =>
          filtered.nodeShown[i] ? (
            <button
              type="button"
              key={node.id}
              onClick={() => {
                onSelectCluster(node.clusterId);
                onOpenAccount(node.id);
              }}
            >
              node {node.label}
            </button>
          ) : null,
        )}
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
    // The tap also opens the account; Escape closes it.
    expect(await screen.findByRole('dialog', { name: '@sock_1' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
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

describe('network view: table, filters and the account drawer', () => {
  let outcome: ImportOutcome;
  beforeEach(async () => {
    outcome = coordinatedOutcome();
    await saveLastImport(CASE_ID, outcome);
  });

  it('shows the same accounts as a table, filters them, and opens an account by keyboard', async () => {
    const first = outcome.report.clusters[0]!;
    const { user, router } = renderAt(`/cases/${CASE_ID}/import?view=network&cluster=${first.id}`);
    await screen.findByTestId('network-canvas', {}, { timeout: 5_000 });
    await user.click(screen.getByRole('button', { name: 'Table' }));
    expect(screen.getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByRole('table', { name: 'Accounts of the network, by cluster' });
    expect(screen.getByTestId('network-canvas')).not.toBeVisible();
    // Only the selected cluster, then every cluster.
    expect(within(table).getAllByRole('row')).toHaveLength(first.accounts.length + 1);
    await user.click(screen.getByRole('checkbox', { name: 'Only cluster 1' }));
    const total = outcome.report.clusters.reduce((sum, c) => sum + c.accounts.length, 0);
    expect(within(table).getAllByRole('row')).toHaveLength(total + 1);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Account', 'Cluster', 'Detectors', 'Highest link score', 'Linked accounts', 'Shared items',
    ]);

    // A detector filter hides the accounts it leaves without a link.
    const detectors = screen.getByRole('group', { name: 'Links by detector' });
    const boxes = within(detectors).getAllByRole('checkbox');
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) await user.click(box);
    expect(screen.getByText('No account matches the filters.')).toBeInTheDocument();
    expect(screen.getByText(/The filters show 0 of \d+ accounts and 0 of \d+ links\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all links' }));
    expect(within(table).getAllByRole('row')).toHaveLength(total + 1);

    // The minimum score slider, by keyboard.
    const slider = screen.getByRole('slider', { name: /Minimum link score/ });
    slider.focus();
    await user.keyboard('{End}');
    expect(slider).toHaveAttribute('aria-valuetext', 'at least 1.00');
    expect(screen.getByText(/The filters show \d+ of \d+ accounts/)).toBeInTheDocument();

    // Open an account from the table by keyboard: the focus moves into the drawer and comes back.
    await user.click(screen.getByRole('button', { name: 'Show all links' }));
    const account = first.accounts[0]!;
    const label = account.username ? `@${account.username}` : account.id;
    await user.click(screen.getByRole('checkbox', { name: 'Only cluster 1' }));
    const open = within(table).getByRole('button', { name: `Open ${label}` });
    open.focus();
    await user.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog', { name: label });
    await waitFor(() => expect(drawer.contains(document.activeElement)).toBe(true));
    expect(within(drawer).getByRole('heading', { level: 2, name: label })).toBeInTheDocument();
    expect(within(drawer).getByRole('list', { name: `Accounts linked to ${label}` })).toBeInTheDocument();
    // The import was kept from an earlier session: the posts need the file read again.
    expect(within(drawer).getByText(/The posts are not kept between sessions/)).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: 'Show the cluster’s activity' })).toHaveAttribute(
      'href',
      `/cases/${CASE_ID}/import?view=activity&cluster=${first.id}`,
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(open).toHaveFocus();
    expect(router.state.location.search).toBe(`?view=network&cluster=${first.id}`);
  });
});

/** The coordinated fixture's network with its first cluster framed, and the drawer of one of its linked accounts open. */
async function openAccountDrawer(activityOf: (activity: ClusterActivity) => ClusterActivity = (activity) => activity) {
  const text = readFileSync(resolve(__dirname, '../../../e2e/fixtures/activity/coordinated.csv'), 'utf8');
  const parsed = parseActivity(text);
  const report = buildDetectionReport(parsed, detectCoordination(parsed.store));
  const graph = buildNetworkGraph(report.clusters);
  const asked: string[][] = [];
  const queryActivity = async (accountIds: readonly string[]) => {
    asked.push([...accountIds]);
    return { status: 'done' as const, activity: activityOf(clusterActivity(parsed.store, accountIds, DEFAULT_DETECTOR_SETTINGS)) };
  };
  const first = report.clusters[0]!;
  const { user } = renderWithProviders(
    <NetworkPanel graph={graph} selected={first} selectedRank={1} onSelectCluster={() => undefined} queryActivity={queryActivity} />,
    { route: `/cases/${CASE_ID}/import?view=network` },
  );
  const canvas = await screen.findByTestId('network-canvas');
  const node = graph.nodes.find((n) => n.clusterId === first.id && n.degree > 0)!;
  await user.click(within(canvas).getByRole('button', { name: `node ${node.label}` }));
  const drawer = await screen.findByRole('dialog', { name: node.label });
  return { user, graph, first, node, drawer, asked };
}

describe('account drawer with the posts of this session', () => {
  it('shows the account\'s posts with their co-actions, and opens a linked account', async () => {
    const { user, graph, first, node, drawer, asked } = await openAccountDrawer();
    const posts = await within(drawer).findByRole('list', { name: `Posts of ${node.label}` });
    expect(asked).toEqual([graph.nodes.filter((n) => n.clusterId === first.id).map((n) => n.accountId)]);
    expect(within(drawer).getByText(/\d+ posts, \d+ with co-actions\./)).toBeInTheDocument();
    const items = within(posts).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toHaveTextContent(/Co-actions: /);
    await user.click(within(drawer).getByRole('checkbox', { name: 'Only posts with co-actions' }));
    expect(within(posts).getAllByRole('listitem').length).toBeGreaterThanOrEqual(items.length);

    // A linked account opens in the same drawer, with the focus on its name; the cluster's posts are not asked again.
    const linked = within(drawer).getByRole('list', { name: `Accounts linked to ${node.label}` });
    const next = within(linked).getAllByRole('button')[0]!;
    const nextLabel = next.textContent ?? '';
    await user.click(next);
    const heading = await screen.findByRole('heading', { level: 2, name: nextLabel });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByRole('list', { name: `Posts of ${nextLabel}` })).toBeInTheDocument();
    expect(asked).toHaveLength(1);
    expect(screen.queryByTestId('account-posts-texts-unreadable')).not.toBeInTheDocument();
  });

  it('says the posts\' texts cannot be shown when the file they were left in changed since the import', async () => {
    const { drawer } = await openAccountDrawer((activity) => ({ ...activity, textsUnreadable: true }));
    expect(await within(drawer).findByTestId('account-posts-texts-unreadable')).toHaveTextContent('The file has changed or moved since it was imported');
  });
});

