// Issue 16 §1 on the import page: the Activity panel's states, and the snapshot a cluster's signal
// keeps when it is put on the evidence board (against the MSW node server).
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callApi } from '../../api/client/http-client';
import type { CoordinationSignal } from '../../api/contract/case';
import { GROUP } from '../../components/activity-timeline/activity-test-data';
import { decodeMarkCode } from '../../engine/detection/cluster-activity';
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { ActivityQueryResult } from '../../workers/detection-client';
import { renderWithProviders } from '../../test/render';
import { applySignalChange } from './board-write';
import { ClusterActivityPanel } from './cluster-activity-panel';
import type { ActivityQuery } from './cluster-activity-query';
import { clusterActivitySnapshot, detectedSignal } from './detected-signal';
import { SignalChoiceDialog } from './signal-choice-dialog';
import { useClusterBoard } from './use-cluster-board';

const CASE_ID = 'case-tidewater-pledge';

function groupCluster(): CoordinationCluster {
  return {
    id: 'cluster-00aa11bb22cc33dd',
    accounts: [{ id: 'u1', username: 'alpha_one' }, { id: 'u2', username: 'bravo_two' }, { id: 'u3', username: null }],
    score: 0.9,
    strength: 'strong',
    detectors: [{ detector: 'co-retweet', edges: 3, accounts: 3, meanScore: 0.9, maxCoItems: 4 }],
    primaryDetector: 'co-retweet',
    suggestedSignal: { kind: 'technical', technique: 'coordinated-reposting' },
    window: { start: '2023-11-14T22:13:20.000Z', end: '2023-11-14T23:03:20.000Z' },
    evidence: [],
    evidenceCount: 0,
    edges: [{ a: 'u1', b: 'u2', detector: 'co-retweet', score: 0.9, coItems: 4 }],
    edgeCount: 3,
  };
}

const answering = (result: ActivityQueryResult = { status: 'done', activity: GROUP }) => vi.fn<ActivityQuery>(() => Promise.resolve(result));

beforeEach(() => {
  // jsdom has no layout: give the virtualised lanes a size so they render their rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});

describe('ClusterActivityPanel', () => {
  it('asks for a cluster when none is chosen', async () => {
    renderWithProviders(<ClusterActivityPanel cluster={null} rank={0} queryActivity={answering()} />);
    expect(await screen.findByText(/Choose a cluster in the list/)).toBeInTheDocument();
  });

  it('says the posts are gone when the import was kept from an earlier session', async () => {
    renderWithProviders(<ClusterActivityPanel cluster={groupCluster()} rank={2} queryActivity={null} />);
    expect(await screen.findByRole('heading', { name: 'Activity of cluster 2' })).toBeInTheDocument();
    expect(screen.getByText(/this import was kept from an earlier session\. Read the file again/)).toBeInTheDocument();
  });

  it('reads the cluster’s posts, then shows the counts, what co-actions mean (R1-R2) and the timeline with the signal’s handles', async () => {
    const pending: { answer?: (result: ActivityQueryResult) => void } = {};
    const query = vi.fn<ActivityQuery>(() => new Promise((resolve) => (pending.answer = resolve)));
    renderWithProviders(<ClusterActivityPanel cluster={groupCluster()} rank={1} queryActivity={query} />);
    expect(await screen.findByText('Reading the cluster’s posts…')).toBeInTheDocument();
    expect(query).toHaveBeenCalledWith(['u1', 'u2', 'u3']);
    pending.answer?.({ status: 'done', activity: GROUP });
    expect(await screen.findByTestId('cluster-activity-counts')).toHaveTextContent('3 accounts shown, 7 posts, 4 with co-actions. 1 post is not drawn');
    expect(screen.getByText(/Co-actions are what the detectors counted as coordination \(R1\).*sufficient \(R2\)/)).toBeInTheDocument();
    const lanes = screen.getByRole('region', { name: 'Posts per account' });
    expect(within(lanes).getByText('@alpha_one')).toBeInTheDocument();
    expect(within(lanes).getByText('@user-u3')).toBeInTheDocument();
  });

  it('says the texts cannot be shown when the file changed since the import (they were left in it)', async () => {
    renderWithProviders(<ClusterActivityPanel cluster={groupCluster()} rank={1} queryActivity={answering({ status: 'done', activity: { ...GROUP, textsUnreadable: true } })} />);
    expect(await screen.findByTestId('cluster-activity-texts-unreadable')).toHaveTextContent('The file has changed or moved since it was imported');
    expect(screen.getByTestId('cluster-activity-counts')).toHaveTextContent('3 accounts shown');
  });

  it('says why when the worker cannot answer', async () => {
    renderWithProviders(<ClusterActivityPanel cluster={groupCluster()} rank={1} queryActivity={answering({ status: 'failed', code: 'worker-failed', message: 'The worker stopped.' })} />);
    expect(await screen.findByText('The activity could not be read: The worker stopped.')).toBeInTheDocument();
  });

  it('speaks Dutch', async () => {
    renderWithProviders(<ClusterActivityPanel cluster={null} rank={0} queryActivity={null} />, { language: 'nl' });
    expect(await screen.findByText(/Kies een cluster in de lijst/)).toBeInTheDocument();
  });
});

/** The board's add, as the clusters list calls it, with the announcement it makes. */
function AddCluster({ cluster, queryActivity, withPanel = false }: { cluster: CoordinationCluster; queryActivity: ActivityQuery | null; withPanel?: boolean }) {
  const board = useClusterBoard(CASE_ID, undefined, new Map([[cluster.id, 1]]), queryActivity);
  return (
    <>
      {withPanel && <ClusterActivityPanel cluster={cluster} rank={1} queryActivity={answering()} />}
      <button type="button" onClick={() => board.add(cluster)}>
        Add
      </button>
      <output>{board.announcement}</output>
    </>
  );
}

async function addedSignal(): Promise<CoordinationSignal | undefined> {
  const { data } = await callApi('getCase', { params: { caseId: CASE_ID } });
  return data.signals.find((signal) => signal.id === 'sig-cluster-00aa11bb22cc33dd');
}

describe('adding a cluster to the evidence board (issue 16 §1)', () => {
  it('keeps the activity snapshot with the signal, its lanes named by the signal’s handles', async () => {
    const cluster = groupCluster();
    const query = answering();
    const { user } = renderWithProviders(<AddCluster cluster={cluster} queryActivity={query} />);
    await user.click(await screen.findByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Cluster 1 was added to the evidence board.')).toBeInTheDocument();
    const signal = await addedSignal();
    expect(signal?.accounts).toEqual(['alpha_one', 'bravo_two', 'user-u3']);
    expect(signal?.activity?.lanes.map((lane) => [lane.account, lane.posts, lane.marks.length])).toEqual([
      ['alpha_one', 4, 3],
      ['bravo_two', 2, 2],
      ['user-u3', 1, 1],
    ]);
    expect(signal?.activity?.start).toBe('2023-11-14T22:13:00.000Z');
    expect(decodeMarkCode(signal?.activity?.lanes[1]?.marks[1]?.[1] ?? 0)).toEqual({ kind: 'repost', coActions: 0b10100 });
    expect(signal?.activity?.bursts).toHaveLength(1);
  });

  it('uses the Activity view’s answer when the worker cannot be asked again', async () => {
    const { user } = renderWithProviders(<AddCluster cluster={groupCluster()} queryActivity={null} withPanel />);
    await screen.findByTestId('cluster-activity-counts');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Cluster 1 was added to the evidence board.')).toBeInTheDocument();
    expect((await addedSignal())?.activity?.lanes).toHaveLength(3);
  });

  it('adds the signal without the timeline when the file is not at hand, and says so', async () => {
    const { user } = renderWithProviders(<AddCluster cluster={groupCluster()} queryActivity={null} />);
    await user.click(await screen.findByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Cluster 1 was added to the evidence board without its activity timeline (read the file again to keep it).')).toBeInTheDocument();
    const signal = await addedSignal();
    expect(signal).toBeDefined();
    expect(signal?.activity).toBeUndefined();
  });

  it('keeps a signal’s snapshot when its kind is changed, and gives one to a signal that has none', () => {
    const cluster = groupCluster();
    const snapshot = clusterActivitySnapshot(cluster, GROUP);
    if (!snapshot) throw new Error('no snapshot');
    const kept = detectedSignal(cluster, cluster.suggestedSignal, snapshot);
    const other = { ...snapshot, lanes: snapshot.lanes.slice(0, 1) };
    const [retyped] = applySignalChange([kept], { type: 'retype', signalId: kept.id, kind: 'social', technique: 'synchronised-posting', activity: other }) ?? [];
    expect(retyped).toMatchObject({ kind: 'social', technique: 'synchronised-posting', activity: snapshot });
    const bare = detectedSignal(cluster, cluster.suggestedSignal);
    expect(bare.activity).toBeUndefined();
    const [given] = applySignalChange([bare], { type: 'retype', signalId: bare.id, kind: 'technical', technique: 'coordinated-reposting', activity: snapshot }) ?? [];
    expect(given?.activity).toEqual(snapshot);
  });

  it('tells the analyst in the kind and technique dialog whether the timeline will be kept', async () => {
    const props = { rank: 3, initial: groupCluster().suggestedSignal, mode: 'add' as const, busy: false, onConfirm: () => undefined, onClose: () => undefined };
    const { unmount } = renderWithProviders(<SignalChoiceDialog {...props} activity="not-kept" />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/cannot be kept with this signal: this import was kept from an earlier session/)).toBeInTheDocument();
    unmount();
    renderWithProviders(<SignalChoiceDialog {...props} activity="kept" />);
    await waitFor(() => expect(screen.getByRole('dialog')).toHaveTextContent('keeps this timeline with the signal'));
  });
});
