// `npm run bench:scale` (issue 10 §3): one designation with 100,000 associated accounts and 100,000
// enforcement actions, on PGlite and on PostgreSQL, served by the real server (HTTP, sessions, the
// backend rules, the SQL storage) in this process. It prints figures and asserts nothing timed:
//   - a page of accounts and of actions (p50/p95 over BENCH_REQUESTS requests at random depths), and
//     filtered pages (status, a part of the handle; state and type);
//   - a bulk confirmation of 10,000 suggested accounts (one request, one version, one event);
//   - the streamed CSV exports of all accounts and all actions (rows/s, peak memory of the process);
//   - an autosave of the case: the storage's write alone, and the whole PUT request (which reads and
//     answers the whole case document, as the contract has it);
//   - a GET of the case document (bytes, ms).
// The case is a designation under modification (designated, back in draft: R17), so it can be edited.
//
// Times are the client's, in this process, over 127.0.0.1; memory is this process's (server and reader).
//
// Options (environment): BENCH_ACCOUNTS (100000), BENCH_ACTIONS (100000), BENCH_REQUESTS (50),
// BENCH_DATABASES (pglite,postgres).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccountAssociation, CaseDocument, EnforcementAction } from '../src/api/contract/case';
import type { BulkAccountDecisionResult } from '../src/api/contract/designation-lists';
import { listingWith } from '../src/backend/case-listing';
import { contentOf } from '../src/backend/case-rules';
import { DEMO_CASE_IDS } from '../src/backend/demo-data';
import type { StoredCase } from '../src/backend/storage';
import { evaluate } from '../src/engine/evaluate';
import { startTestServer, json, type TestServer } from '../src/server/server-test-kit';
import { openStorage } from '../src/server/storage/open-storage';
import { createTestDatabase, startPostgresCluster } from '../src/server/testing/postgres-cluster';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
/** Accounts the signals name that nobody decided yet: the bulk confirmation's handles. */
const SUGGESTED = 10_000;
const CASE = DEMO_CASE_IDS.designatedMovement;
const DAY = 86_400_000;

const listingOf = listingWith(evaluate);
const handleOf = (index: number) => `assoc_${String(index).padStart(6, '0')}`;

// ------------------------------------------------------------------ figures

function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const count = (value: number) => value.toLocaleString('en');

/** Samples the process's memory while `work` runs: the peak over the figure before. */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; rss: number; heap: number }> {
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 10);
  try {
    const result = await work();
    return { result, rss: rss - before.rss, heap: heap - before.heapUsed };
  } finally {
    clearInterval(timer);
  }
}

async function timedRequests(label: string, paths: () => string, s: TestServer, cookie: string): Promise<void> {
  const client: number[] = [];
  let total = 0;
  for (let index = 0; index < REQUESTS; index += 1) {
    const started = performance.now();
    const response = await request(s, paths(), { cookie });
    const body = (await response.json()) as { total?: number };
    client.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`);
    total = body.total ?? 0;
  }
  console.log(
    `  ${label.padEnd(44)} p50 ${ms(percentile(client, 50)).padStart(8)}  p95 ${ms(percentile(client, 95)).padStart(8)}` +
      `  (${count(total)} match)`,
  );
}

const random = (below: number) => Math.floor(Math.random() * below);

/**
 * A request, tried again once when the connection was closed under it: the server closes a keep-alive
 * connection idle for 5 s, and the bench is idle that long while it writes through the storage itself.
 */
async function request(s: TestServer, path: string, init: Parameters<TestServer['request']>[1] = {}): Promise<Response> {
  try {
    return await s.request(path, init);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return s.request(path, init);
  }
}

// ------------------------------------------------------------------ the case

/**
 * The demo's designated movement with ACCOUNTS decided associations (nine in ten confirmed), ACTIONS
 * actions (a mix of types; half expire, some ended) and two signals naming 10,000 accounts nobody
 * decided yet plus 10,000 decided ones; a designation under modification (draft, designation in force).
 */
function bigCase(base: StoredCase, now: string): StoredCase {
  const at = (days: number) => new Date(Date.parse(now) + days * DAY).toISOString();
  const accounts: AccountAssociation[] = Array.from({ length: ACCOUNTS }, (_, index) => ({
    handle: handleOf(index),
    status: index % 10 === 9 ? 'rejected' : 'confirmed',
    basis: index % 10 === 9 ? [] : ['signals', 'recent-behaviour'],
    note: index % 7 === 0 ? 'Posts the target list within minutes of the channel.' : '',
    primaryUseFinding: index % 50 === 0,
    decidedBy: 'rui',
    decidedAt: at(-20),
  }));
  const types = ['limit-visibility', 'prevent-recommendations', 'suspend-severe-violations'] as const;
  const actions: EnforcementAction[] = Array.from({ length: ACTIONS }, (_, index) => {
    const type = types[index % types.length] ?? 'limit-visibility';
    const ended = index % 11 === 0;
    return {
      id: `action-bench-${index}`,
      type,
      target: 'account',
      targetRef: handleOf(index % Math.max(ACCOUNTS, 1)),
      basis: 'Amplifies the designated group’s target lists (R14).',
      appliedBy: 'rui',
      appliedAt: at(-(index % 60)),
      expiresAt: type === 'suspend-severe-violations' ? null : at(30 - (index % 60)),
      reappliesId: null,
      endedAt: ended ? at(-1) : null,
      endedReason: ended ? 'lifted-by-reviewer' : null,
      ...(ended ? { endedNote: 'Appeal upheld.' } : {}),
    };
  });
  const [signal] = base.signals;
  if (!signal) throw new Error('the demo case has no signal');
  const named = (id: string, handles: string[]) => ({ ...structuredClone(signal), id, origin: 'detected' as const, accounts: handles });
  return {
    ...base,
    version: base.version + 1,
    status: 'draft',
    updatedAt: now,
    signals: [
      ...base.signals,
      named('sig-bench-new', Array.from({ length: SUGGESTED }, (_, index) => `newly_${String(index).padStart(5, '0')}`)),
      named('sig-bench-known', Array.from({ length: Math.min(10_000, ACCOUNTS) }, (_, index) => handleOf(index * 7))),
    ],
    accounts,
    enforcementActions: actions,
  };
}

// ------------------------------------------------------------------ one database

async function bench(label: string, open: () => ReturnType<typeof openStorage>): Promise<void> {
  console.log(`\n== ${label}: ${count(ACCOUNTS)} associated accounts, ${count(ACTIONS)} actions, ${count(SUGGESTED)} suggested`);
  const storage = await open();
  const s = await startTestServer({
    storage,
    env: { HANDLER_DEADLINE_MS: '600000', WRITE_RATE_LIMIT_PER_MINUTE: '1000000', BODY_LIMIT_BYTES: String(64 * 1024 * 1024) },
  });
  try {
    // The first request seeds the demo data (the backend seeds an empty store on first use).
    await s.request('/api/session');
    const base = await storage.storage.getCase(CASE);
    if (!base) throw new Error(`no demo case ${CASE}`);

    let started = performance.now();
    const record = bigCase(base, new Date().toISOString());
    const built = await storage.storage.putCase(record, base.version, [], listingOf(record));
    if (!built.ok) throw new Error('the case could not be written');
    console.log(`  setup: the case written in ${ms(performance.now() - started)} (every row, once)`);
    // Signed in after the setup: a connection idle past the server's keep-alive is closed under the client.
    const reviewer = await s.signIn('rui');
    const analyst = await s.signIn('ana');

    console.log('  pages of 50:');
    const totalAccounts = ACCOUNTS + SUGGESTED;
    await timedRequests('accounts, any depth', () => `/api/cases/${CASE}/accounts?offset=${random(totalAccounts)}&limit=50`, s, reviewer);
    await timedRequests('actions, latest first, any depth', () => `/api/cases/${CASE}/actions?dir=desc&offset=${random(ACTIONS)}&limit=50`, s, reviewer);
    await timedRequests('accounts, status=rejected', () => `/api/cases/${CASE}/accounts?status=rejected&offset=${random(ACCOUNTS / 10)}&limit=50`, s, reviewer);
    await timedRequests('accounts, status=suggested', () => `/api/cases/${CASE}/accounts?status=suggested&offset=${random(SUGGESTED)}&limit=50`, s, reviewer);
    await timedRequests('accounts, q=<4 digits of a handle>', () => `/api/cases/${CASE}/accounts?q=${String(random(10_000)).padStart(4, '0')}&limit=50`, s, reviewer);
    await timedRequests('actions, state=in-force&type=limit-visibility', () => `/api/cases/${CASE}/actions?state=in-force&type=limit-visibility&offset=${random(1_000)}&limit=50`, s, reviewer);

    // The bulk confirmation: the 10,000 suggested accounts, by name.
    let current = await storage.storage.getCase(CASE);
    if (!current) throw new Error('case gone');
    const handles = Array.from({ length: SUGGESTED }, (_, index) => `newly_${String(index).padStart(5, '0')}`);
    started = performance.now();
    const bulk = await request(s, `/api/cases/${CASE}/accounts/bulk-decision`, {
      method: 'POST', cookie: reviewer, headers: { 'If-Match': `"${current.version}"` },
      body: json({ handles, decision: 'confirmed', basis: ['signals'], note: 'Same operator as the designated group.' }),
    });
    const bulkBody = (await bulk.json()) as BulkAccountDecisionResult;
    if (bulk.status !== 200) throw new Error(`bulk decision: ${bulk.status} ${JSON.stringify(bulkBody)}`);
    console.log(
      `  bulk confirmation of ${count(bulkBody.decided)} handles: ${ms(performance.now() - started)} (one version: ${bulkBody.version}, one event)`,
    );

    for (const file of ['accounts', 'actions'] as const) {
      started = performance.now();
      const { result, rss, heap } = await peakMemory(async () => {
        const response = await request(s, `/api/cases/${CASE}/${file}.csv`, { cookie: reviewer });
        if (!response.body) throw new Error('no body');
        let bytes = 0;
        let lines = 0;
        // Read as it comes; nothing kept.
        for await (const chunk of response.body) {
          bytes += chunk.byteLength;
          for (const byte of chunk) if (byte === 10) lines += 1;
        }
        return { bytes, rows: lines - 1, chunked: response.headers.get('transfer-encoding') === 'chunked' };
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  CSV export of ${file}: ${count(result.rows)} rows, ${mb(result.bytes)} in ${ms(seconds * 1000)} = ${count(Math.round(result.rows / seconds))} rows/s;` +
          ` peak memory +${mb(rss)} RSS, +${mb(heap)} heap${result.chunked ? ', chunked' : ''}`,
      );
    }

    // The autosave: the storage's write with what the backend tells it changed, then the whole request.
    const writes: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      current = await storage.storage.getCase(CASE);
      if (!current) throw new Error('case gone');
      const next: StoredCase = { ...current, version: current.version + 1, rightsRiskAssessment: `Storage write ${index}.` };
      started = performance.now();
      const written = await storage.storage.putCase(next, current.version, [], listingOf(next), { accounts: [], actions: [], names: false });
      writes.push(performance.now() - started);
      if (!written.ok) throw new Error('autosave write refused');
    }
    console.log(`  autosave, the storage's write (no row of 200,000 shipped): p50 ${ms(percentile(writes, 50))}, max ${ms(Math.max(...writes))}`);
    for (let index = 0; index < 3; index += 1) {
      current = await storage.storage.getCase(CASE);
      if (!current) throw new Error('case gone');
      const content = { ...contentOf(current), rightsRiskAssessment: `Autosave ${index}: actions target confirmed accounts only.` };
      started = performance.now();
      const response = await request(s, `/api/cases/${CASE}`, { method: 'PUT', cookie: analyst, headers: { 'If-Match': `"${current.version}"` }, body: json(content) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`autosave: ${response.status} ${text.slice(0, 200)}`);
      console.log(`  autosave, PUT /api/cases/:id (reads and answers the whole case): ${ms(performance.now() - started)}, answer ${mb(text.length)}`);
    }

    for (let index = 0; index < 3; index += 1) {
      started = performance.now();
      const { result, rss } = await peakMemory(async () => {
        const response = await request(s, `/api/cases/${CASE}`, { cookie: reviewer });
        const text = await response.text();
        const received = performance.now();
        const parsed = JSON.parse(text) as CaseDocument;
        if (response.status !== 200) throw new Error(`GET: ${response.status}`);
        return { bytes: Buffer.byteLength(text), parse: performance.now() - received, parsed };
      });
      console.log(
        `  GET /api/cases/:id: ${mb(result.bytes)} in ${ms(performance.now() - started)} (of which the client's JSON.parse ${ms(result.parse)});` +
          ` ${count(result.parsed.accounts.length)} accounts, ${count(result.parsed.enforcementActions.length)} actions; peak +${mb(rss)} RSS`,
      );
    }
  } finally {
    await s.close();
  }
}

async function main(): Promise<void> {
  for (const database of DATABASES) {
    if (database === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'cha-bench-scale-'));
      try {
        await bench('PGlite', () => openStorage({ dataDir }));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    } else if (database === 'postgres') {
      const cluster = await startPostgresCluster();
      try {
        const url = await createTestDatabase(cluster.url);
        await bench('PostgreSQL 15', () => openStorage({ dataDir: '', databaseUrl: url }));
      } finally {
        await cluster.stop();
      }
    } else {
      throw new Error(`BENCH_DATABASES: unknown database ${database} (pglite, postgres)`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error, error instanceof Error ? error.cause : undefined);
  process.exit(1);
});
