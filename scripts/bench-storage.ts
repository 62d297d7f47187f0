// `npm run bench:storage` — figures for the SQL storage, on PGlite (a temporary DATA_DIR) and on a
// throw-away PostgreSQL 15 cluster: the case list page at 10,000 cases (SQL-filtered, sorted, paged),
// a case read, and one designation with 100,000 associated accounts and 100,000 actions (write, read,
// one account changed, actions expiring in a window, streamed export). Prints medians; no pass/fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { listingWith } from '../src/backend/case-listing';
import { buildDemoSeed } from '../src/backend/demo-data';
import type { StoredCase } from '../src/backend/storage';
import { evaluate } from '../src/engine/evaluate';
import { exportDatabase } from '../src/server/storage/database-export';
import { migrateToCurrent, openSqlDatabase } from '../src/server/storage/open-storage';
import type { SqlDatabase } from '../src/server/storage/sql-database';
import { createSqlStorage, importIntoEmpty } from '../src/server/storage/sql-storage';
import { startPostgresCluster } from '../src/server/testing/postgres-cluster';

const T0 = '2026-03-02T09:00:00.000Z';
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const BIG = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const listingOf = listingWith(evaluate);
const STATUSES = ['draft', 'in_review', 'designated', 'rejected', 'withdrawn'] as const;

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function median(runs: number, work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await time(work))[0]);
  times.sort((a, b) => a - b);
  const p = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  return `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`;
}

function manyCases(template: StoredCase): StoredCase[] {
  return Array.from({ length: CASES }, (_, index) => ({
    ...template,
    id: `case-bench-${String(index).padStart(6, '0')}`,
    status: STATUSES[index % STATUSES.length] ?? 'draft',
    actor: { ...template.actor, name: `Bench actor ${(index * 7919) % CASES}` },
    updatedAt: new Date(Date.parse(T0) + index * 60_000).toISOString(),
    accounts: [],
    enforcementActions: [],
  }));
}

function bigDesignation(template: StoredCase): StoredCase {
  return {
    ...template,
    id: 'case-bench-big',
    version: 1,
    accounts: Array.from({ length: BIG }, (_, index) => ({
      handle: `acct_${index}`, status: index % 3 === 0 ? 'suggested' : 'confirmed', basis: ['signals'], note: '',
      primaryUseFinding: false, decidedBy: 'sam', decidedAt: T0,
    })),
    enforcementActions: Array.from({ length: BIG }, (_, index) => ({
      id: `action-${index}`, type: 'limit-visibility', target: 'account', targetRef: `acct_${index}`, basis: 'Amplifies.',
      appliedBy: 'rui', appliedAt: T0, expiresAt: new Date(Date.parse(T0) + (index % 90) * 86_400_000).toISOString(),
      reappliesId: null, endedAt: null, endedReason: null,
    })),
  };
}

const devNull = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function bench(name: string, db: SqlDatabase): Promise<void> {
  await migrateToCurrent(db);
  const seed = await buildDemoSeed({ now: T0, evaluate });
  const designated = seed.cases.find((record) => record.status === 'designated') ?? seed.cases[0];
  if (!designated) throw new Error('no demo case');
  const [seedMs] = await time(() => importIntoEmpty(db, { cases: manyCases(designated), audit: [] }, listingOf));
  const storage = createSqlStorage(db);
  console.log(`\n${name}: ${CASES} cases written in ${(seedMs / 1000).toFixed(1)} s`);
  const base = { sort: 'updatedAt', dir: 'desc', page: 1, pageSize: 25 } as const;
  console.log(`  case list page (updatedAt desc)      ${await median(30, () => storage.queryCases(base))}`);
  console.log(`  case list page 200 (name asc)        ${await median(30, () => storage.queryCases({ ...base, sort: 'name', dir: 'asc', page: 200 }))}`);
  console.log(`  review queue (in_review, queue)      ${await median(30, () => storage.queryCases({ ...base, status: 'in_review', sort: 'queue' }))}`);
  console.log(`  search q="actor 12"                  ${await median(30, () => storage.queryCases({ ...base, q: 'actor 12' }))}`);
  console.log(`  case read (getCase)                  ${await median(50, () => storage.getCase('case-bench-004242'))}`);

  const big = bigDesignation(designated);
  const [writeMs] = await time(() => storage.putCase(big, null, [], listingOf(big)));
  console.log(`  ${BIG} accounts + ${BIG} actions: first write ${(writeMs / 1000).toFixed(2)} s`);
  const [readMs, read] = await time(() => storage.getCase(big.id));
  console.log(`    read the whole case ${(readMs / 1000).toFixed(2)} s (${read?.accounts.length} accounts)`);
  const changed = { ...big, version: 2, accounts: big.accounts.map((account, index) => (index === 500 ? { ...account, status: 'rejected' as const } : account)) };
  const [oneMs] = await time(() => storage.putCase(changed, 1, [], listingOf(changed)));
  console.log(`    one account changed (rows diffed in SQL) ${(oneMs / 1000).toFixed(2)} s`);
  const confirmed = { ...changed, version: 3, accounts: changed.accounts.map((account) => ({ ...account, status: 'confirmed' as const })) };
  const [bulkMs] = await time(() => storage.putCase(confirmed, 2, [], listingOf(confirmed)));
  console.log(`    confirm every suggested account in one write ${(bulkMs / 1000).toFixed(2)} s`);
  console.log(`    actions expiring in a week, page 1  ${await median(20, () => storage.queryExpiringActions({ from: T0, to: '2026-03-09T09:00:00.000Z', page: 1, pageSize: 50 }))}`);
  const [exportMs, counts] = await time(() => exportDatabase(db, devNull(), T0));
  console.log(`  streamed export of ${counts.cases} cases ${(exportMs / 1000).toFixed(2)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'cha-bench-storage-'));
const cluster = await startPostgresCluster();
try {
  const pglite = await openSqlDatabase({ dataDir });
  await bench('PGlite', pglite);
  await pglite.close();
  const postgres = await openSqlDatabase({ dataDir: '', databaseUrl: cluster.url });
  await bench('PostgreSQL 15', postgres);
  await postgres.close();
} finally {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
