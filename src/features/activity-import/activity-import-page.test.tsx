// The import page against the MSW node server: file errors, an import with its clusters, a cluster
// put on the evidence board (PUT with If-Match, one retry on 412), invalid rows listed.
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { set } from 'idb-keyval';
import { http, HttpResponse } from 'msw';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../api/client/http-client';
import { parseActivity } from '../../engine/detection/activity-parser';
import { detectCoordination } from '../../engine/detection/detect-coordination';
import { buildDetectionReport } from '../../engine/detection/detection-report';
import { describeParseIssue } from '../../engine/detection/parse-messages';
import { server } from '../../mocks/node';
import { renderWithProviders } from '../../test/render';
import { ActivityImportPage } from './activity-import-page';
import { clearLastImport, loadLastImport } from './last-import-storage';
import { clusterIdOfSignal } from './signal-link';

const CASE_ID = 'case-tidewater-pledge';
const FIXTURES = resolve(__dirname, '../../../e2e/fixtures/activity');

function fixture(name: string, type = 'text/csv'): File {
  return new File([readFileSync(resolve(FIXTURES, name))], name, { type });
}

function renderPage() {
  return renderWithProviders(null, {
    route: `/cases/${CASE_ID}/import`,
    routes: [
      { path: '/cases/:caseId/import', element: <ActivityImportPage /> },
      { path: '/cases/:caseId/evidence', element: <p>evidence board</p> },
    ],
  });
}

/** The cluster cards, once all have mounted (they mount a few per frame). */
async function clusterCards(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Clusters, highest score first' }, { timeout: 5_000 });
  await waitFor(() => expect(list).not.toHaveAttribute('aria-busy'));
  return within(list).getAllByRole('article');
}

async function chooseFile(file: File) {
  await screen.findByRole('heading', { level: 1, name: /Import activity into/ });
  fireEvent.change(screen.getByTestId('activity-file-input'), { target: { files: [file] } });
}

async function importFile(file: File) {
  await chooseFile(file);
  await screen.findByText(/Detected format:/);
  fireEvent.click(screen.getByRole('button', { name: 'Start import' }));
  expect(await screen.findByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow');
  expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await screen.findByTestId('import-summary', {}, { timeout: 15_000 });
}

describe('ActivityImportPage', () => {
  // Each test starts without an import kept from the one before.
  beforeEach(() => clearLastImport(CASE_ID));

  it.each([
    ['empty.csv', 'The file is empty.'],
    ['binary.csv', 'The file is not text (it looks binary).'],
  ])('rejects %s with a file-level message before the import starts', async (name, message) => {
    renderPage();
    await chooseFile(fixture(name));
    const alert = await screen.findByTestId('import-file-error');
    expect(alert).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Start import' })).toBeDisabled();
  });

  it('names missing CSV columns', async () => {
    renderPage();
    await chooseFile(new File(['message_id,username,message\n1,ana,hello\n'], 'odd.csv'));
    const alert = await screen.findByTestId('import-file-error');
    expect(alert).toHaveTextContent('lacks required columns');
    expect(alert).toHaveTextContent('Details: Missing: user_id, timestamp. The header has: message_id, username, message.');
  });

  it.each([
    ['coordinated.ndjson', 'NDJSON (one post per line)', '521 rows read, 521 imported'],
    ['twitter-v2.json', 'Twitter API v2 JSON', '312 rows read, 312 imported'],
  ])('recognises and imports %s', async (name, format, summary) => {
    renderPage();
    await importFile(fixture(name, 'application/json'));
    expect(screen.getByTestId('detected-format')).toHaveTextContent(`Detected format: ${format}`);
    expect(screen.getByTestId('import-summary')).toHaveTextContent(summary);
  });

  it('imports a malformed file: lists its invalid rows and still imports the valid ones', async () => {
    renderPage();
    await importFile(fixture('malformed.csv'));
    expect(screen.getByTestId('import-summary')).toHaveTextContent('8 rows read, 3 imported, 5 skipped');
    const table = screen.getByRole('table', { name: 'Invalid rows of the file' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(7);
    expect(rows[1]).toHaveTextContent('3timestampnot a timestamp: "not a date" (epoch seconds or ISO 8601, between 1990 and 2100)Row not imported');
    expect(within(table).getByText(/javascript:alert/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download all errors (CSV)' })).toBeEnabled();
  });

  it('still shows an import kept before row issues had codes, with the English reasons it stored', async () => {
    // The shape this browser kept until issue 15: `{row, field, reason, action}`, a fatal error without detail.
    const text = readFileSync(resolve(FIXTURES, 'malformed.csv'), 'utf8');
    const parsed = parseActivity(text);
    const report = buildDetectionReport(parsed, detectCoordination(parsed.store));
    const issues = report.parse.issues.map(({ row, field, action, ...issue }) => ({ row, field, reason: describeParseIssue({ row, field, action, ...issue }), action }));
    const notes = ['No quote_id column: quoted posts are not linked.']; // notes were English strings too
    const old = { fileName: 'malformed.csv', fileBytes: text.length, elapsedMs: 900, finishedAt: '2026-01-10T09:00:00.000Z', report: { ...report, parse: { ...report.parse, issues, notes } } };
    await set(`cha:last-import:v1:${CASE_ID}`, old);

    const stored = await loadLastImport(CASE_ID);
    expect(stored?.report.parse.issues[0]).toEqual({
      row: 3,
      field: 'timestamp',
      code: 'legacy-reason',
      params: { reason: 'not a timestamp: "not a date" (epoch seconds or ISO 8601, between 1990 and 2100)' },
      action: 'row-skipped',
    });

    renderWithProviders(null, { route: `/cases/${CASE_ID}/import`, routes: [{ path: '/cases/:caseId/import', element: <ActivityImportPage /> }], language: 'nl' });
    const table = await screen.findByRole('table', { name: 'Ongeldige rijen van het bestand' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(7);
    // The stored English reason, the outcome in the reader's language.
    expect(rows[1]).toHaveTextContent('3timestampnot a timestamp: "not a date" (epoch seconds or ISO 8601, between 1990 and 2100)Rij niet geïmporteerd');
    expect(rows[3]).toHaveTextContent('5(hele rij)expected 8 fields, found 6Rij niet geïmporteerd');
    expect(screen.getByText(/Laatste import van malformed.csv/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Opmerkingen over het bestand' }).nextElementSibling).toHaveTextContent('No quote_id column: quoted posts are not linked.');
  });

  it('imports a CSV, shows its clusters, and puts one on the evidence board', async () => {
    const { user } = renderPage();
    await importFile(fixture('coordinated.csv'));
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2,901 rows read, 2,901 imported, 0 skipped');
    const cards = await clusterCards();
    expect(cards).toHaveLength(3);
    const first = cards[0]!;
    expect(first).toHaveTextContent('Cluster 1');
    expect(first).toHaveTextContent('Co-retweet');
    expect(within(first).getByText('@amplifier_0')).toBeInTheDocument();

    await user.click(within(first).getByRole('button', { name: 'Add to evidence board' }));
    expect(await within(first).findByRole('link', { name: 'Open on the evidence board' })).toHaveAttribute('href', `/cases/${CASE_ID}/evidence`);
    expect(within(first).getByText('On the evidence board')).toBeInTheDocument();

    const { data } = await callApi('getCase', { params: { caseId: CASE_ID } });
    const detected = data.signals.filter((signal) => clusterIdOfSignal(signal) !== null);
    expect(detected).toHaveLength(1);
    const signal = detected[0]!;
    expect(signal).toMatchObject({ kind: 'technical', technique: 'coordinated-reposting', evidenceState: 'unverified', strength: 'strong' });
    expect(signal.accounts.toSorted()).toEqual(['amplifier_0', 'amplifier_1', 'amplifier_2', 'amplifier_3', 'amplifier_4']);
    const clusterId = clusterIdOfSignal(signal);
    expect(clusterId).toMatch(/^cluster-[0-9a-f]{16}$/);
    expect(signal.id).toBe(`sig-${clusterId}`);
    expect(signal.description).toMatch(new RegExp(`^Detected cluster ${clusterId}: Detected automatically: 5 accounts reposted the same posts`));
    // R16: the backend now suggests the cluster's accounts for association.
    expect(data.accounts.filter((account) => account.status === 'suggested').map((account) => account.handle)).toEqual(
      expect.arrayContaining(['amplifier_0', 'amplifier_4']),
    );
  });

  it('detects again with other settings without reading the file again', async () => {
    const { user } = renderPage();
    await importFile(fixture('coordinated.csv'));
    expect(await clusterCards()).toHaveLength(3);
    await user.click(screen.getByRole('switch', { name: 'Co-retweet' }));
    await user.click(screen.getByRole('button', { name: 'Detect again with these settings' }));
    await waitFor(async () => expect(await clusterCards()).toHaveLength(2));
    const cards = await clusterCards();
    expect(cards.map((card) => card.textContent)).not.toContain(expect.stringContaining('@amplifier_0'));
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2,901 rows read');
  });

  it('lets the analyst choose kind and technique, before adding and after', async () => {
    const { user } = renderPage();
    await importFile(fixture('coordinated.csv'));
    const first = (await clusterCards())[0]!;
    await user.click(within(first).getByRole('button', { name: 'Choose kind and technique, then add' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signal from cluster 1' });
    expect(within(dialog).getByRole('radio', { name: 'Technical coordination' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Social coordination' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Technique' }));
    await user.click(await screen.findByRole('option', { name: 'Synchronised posting' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add to evidence board' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    let signals = (await callApi('getCase', { params: { caseId: CASE_ID } })).data.signals.filter((s) => clusterIdOfSignal(s) !== null);
    expect(signals).toMatchObject([{ kind: 'social', technique: 'synchronised-posting' }]);

    await user.click(await within(first).findByRole('button', { name: 'Change kind or technique' }));
    const again = await screen.findByRole('dialog', { name: 'Signal from cluster 1' });
    expect(within(again).getByRole('radio', { name: 'Social coordination' })).toBeChecked();
    await user.click(within(again).getByRole('radio', { name: 'Technical coordination' }));
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    signals = (await callApi('getCase', { params: { caseId: CASE_ID } })).data.signals.filter((s) => clusterIdOfSignal(s) !== null);
    expect(signals).toMatchObject([{ kind: 'technical', technique: 'multiple-accounts-same-message' }]);
  });

  it('cancels a running import and says nothing was added', async () => {
    renderPage();
    const header = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n';
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},${i % 500},user_${i % 500},,,a post about the harbour number ${i},${1_700_000_000 + i},`);
    await chooseFile(new File([header, rows.join('\n')], 'large.csv', { type: 'text/csv' }));
    await screen.findByText(/Detected format:/);
    fireEvent.click(screen.getByRole('button', { name: 'Start import' }));
    await screen.findByRole('progressbar', { name: 'Import progress' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The import was cancelled. Nothing was added to the case.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-summary')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start import' })).toBeEnabled();
  });

  it('re-reads the case and retries once when the write meets a 412', async () => {
    let puts = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts++;
    });
    server.use(
      http.put('*/api/cases/:caseId', () => HttpResponse.json({ code: 'precondition-failed', message: 'stale', fieldErrors: [], currentVersion: 99 }, { status: 412 }), {
        once: true,
      }),
    );
    const { user } = renderPage();
    await importFile(fixture('coordinated.csv'));
    const first = (await clusterCards())[0]!;
    await user.click(within(first).getByRole('button', { name: 'Add to evidence board' }));
    await within(first).findByRole('link', { name: 'Open on the evidence board' });
    expect(puts).toBe(2);
    server.events.removeAllListeners();
    const { data } = await callApi('getCase', { params: { caseId: CASE_ID } });
    expect(data.signals.filter((signal) => clusterIdOfSignal(signal) !== null)).toHaveLength(1);
  });
});

/** A day ago, after @grey_relay_07's limit expired: it posts the case's hashtag; an unrelated account too. */
function continuedActivity(): File {
  const at = Math.floor(Date.now() / 1000) - 86_400;
  const rows = [
    'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls,device_hash,ip_hash',
    `9001,501,grey_relay_07,,,New list tonight #GreyMeridian,${at},,,`,
    `9002,501,grey_relay_07,,,weather is fine,${at + 60},,,`,
    `9003,777,someone_else,,,#GreyMeridian is trending,${at + 120},,,`,
  ];
  return new File([rows.join('\n')], 'week-12.csv', { type: 'text/csv' });
}

describe('ActivityImportPage on a designated case (R15)', () => {
  const GREY = 'case-grey-meridian';
  beforeEach(() => clearLastImport(GREY));

  it('finds the account whose limit expired continuing the behaviour and sends the proposal to the case', async () => {
    renderWithProviders(null, {
      route: `/cases/${GREY}/import`,
      routes: [{ path: '/cases/:caseId/import', element: <ActivityImportPage /> }],
      userId: 'ana',
    });
    expect(await screen.findByText(/also looks for accounts whose visibility limit expired/)).toBeVisible();
    await importFile(continuedActivity());
    const notice = await screen.findByTestId('reapplication-notice');
    await waitFor(() => expect(notice).toHaveTextContent('One account whose visibility limit expired continues the group’s behaviour: a re-application proposal waits for a reviewer (R15).'));
    expect(within(notice).getByRole('link', { name: 'See the designation record' })).toHaveAttribute('href', `/designations/${GREY}`);

    const stored = (await callApi('getCase', { params: { caseId: GREY } })).data;
    expect(stored.reapplicationProposals).toEqual([
      expect.objectContaining({
        actionId: 'action-grey-relay-visibility',
        handle: 'grey_relay_07',
        proposedBy: 'ana',
        decision: null,
        activity: expect.objectContaining({ posts: 1, fileName: 'week-12.csv', examples: [expect.objectContaining({ postId: '9001', matches: [{ kind: 'hashtag', value: '#GreyMeridian' }] })] }),
      }),
    ]);
  });
});
