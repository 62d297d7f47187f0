// Issue 10 §3 over HTTP: a designation's accounts and actions a page at a time, the bulk decision, and
// the CSV exports streamed by the server (chunked, batch by batch), on PGlite and PostgreSQL.
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { CaseDocument } from '../api/contract/case';
import type { BulkAccountDecisionResult, CaseAccountsPage } from '../api/contract/designation-lists';
import { DEMO_CASE_IDS } from '../backend/demo-data';
import { listingWith } from '../backend/case-listing';
import { evaluate } from '../engine/evaluate';
import type { ServerStorage } from './memory-opened-storage';
import { openStorage } from './storage/open-storage';
import { createTestDatabase } from './testing/postgres-cluster';
import { json, startTestServer, type TestServer } from './server-test-kit';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const DATABASES: { database: string; open: () => Promise<ServerStorage> }[] = [
  { database: 'PGlite', open: () => openStorage({ dataDir: 'memory://' }) },
  { database: 'PostgreSQL', open: async () => openStorage({ dataDir: '', databaseUrl: await createTestDatabase(inject('postgresUrl')) }) },
];

const ACCOUNTS = 5_000;
const CASE = DEMO_CASE_IDS.designatedMovement;

/** The demo's designated movement with ACCOUNTS more confirmed associations, written as the storage keeps any case. */
async function withManyAccounts(s: TestServer): Promise<CaseDocument> {
  const record = await s.storage.storage.getCase(CASE);
  if (!record) throw new Error('the demo seed has no designated movement');
  const now = new Date().toISOString();
  const next = {
    ...record,
    version: record.version + 1,
    accounts: [
      ...record.accounts,
      ...Array.from({ length: ACCOUNTS }, (_, index) => ({
        handle: `bulk_${String(index).padStart(5, '0')}`, status: 'confirmed' as const, basis: ['signals' as const],
        // A note a spreadsheet would run: neutralised in the file.
        note: index === 0 ? '=HYPERLINK("https://example.org")' : '', primaryUseFinding: false, decidedBy: 'rui', decidedAt: now,
      })),
    ],
  };
  const written = await s.storage.storage.putCase(next, record.version, [], listingWith(evaluate)(next));
  expect(written.ok).toBe(true);
  return next;
}

describe.each(DATABASES)('a designation\'s lists over HTTP on $database (issue 10 §3)', ({ open }) => {
  it('streams the accounts as CSV in chunks, pages them, and decides them in bulk', { timeout: 60_000 }, async () => {
    server = await startTestServer({ storage: await open() });
    const s = server;
    const cookie = await s.signIn('rui');
    const record = await withManyAccounts(s);

    const csv = await s.request(`/api/cases/${CASE}/accounts.csv`, { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="accounts-${CASE}.csv"`);
    // Streamed: no length known in advance.
    expect(csv.headers.get('transfer-encoding')).toBe('chunked');
    expect(csv.headers.get('content-length')).toBeNull();
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte-order mark first, for spreadsheet programs (a text decoder drops it).
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n').filter((line) => line !== '');
    const listed = ((await (await s.request(`/api/cases/${CASE}/accounts?limit=1`, { cookie })).json()) as CaseAccountsPage).total;
    expect(lines).toHaveLength(1 + listed);
    expect(lines[0]).toBe('handle,status,basis,primaryUseFinding,decidedBy,decidedAt,note');
    expect(lines.find((line) => line.startsWith('bulk_00000,'))).toMatch(/,"'=HYPERLINK\(""https:\/\/example\.org""\)"$/);

    const actions = await s.request(`/api/cases/${CASE}/actions.csv`, { cookie });
    expect((await actions.text()).split('\r\n').filter((line) => line !== '')).toHaveLength(1 + record.enforcementActions.length);
    const missing = await s.request('/api/cases/case-nope/accounts.csv', { cookie });
    expect([missing.status, (await missing.json()) as unknown]).toEqual([404, expect.objectContaining({ code: 'not-found' })]);

    const page = (await (await s.request(`/api/cases/${CASE}/accounts?q=BULK_049&offset=10&limit=20`, { cookie })).json()) as CaseAccountsPage;
    expect([page.total, page.items.length, page.items[0]?.handle]).toEqual([100, 20, 'bulk_04910']);
    const bad = await s.request(`/api/cases/${CASE}/accounts?offset=-1`, { cookie });
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([400, 'validation']);

    const decided = await s.request(`/api/cases/${CASE}/accounts/bulk-decision`, {
      method: 'POST', cookie, headers: { 'If-Match': `"${record.version}"` },
      body: json({ allMatching: { q: 'bulk_04' }, decision: 'rejected', note: 'A second look.' }),
    });
    expect(decided.status).toBe(200);
    expect(decided.headers.get('etag')).toBe(`"${record.version + 1}"`);
    expect((await decided.json()) as BulkAccountDecisionResult).toEqual({ caseId: CASE, version: record.version + 1, decided: 1_000, endedActions: 0 });
    const rejected = (await (await s.request(`/api/cases/${CASE}/accounts?status=rejected&q=bulk&limit=1`, { cookie })).json()) as CaseAccountsPage;
    expect(rejected.total).toBe(1_000);
  });
});
