// `npm run bench:server`: the workbench server under write load, on PGlite and on PostgreSQL, with a
// kill -9 in the middle. It is a benchmark, not a test: it prints figures and proves invariants.
//
// For each database: the server runs as a child process (`src/server/main.ts`, API only); autocannon
// (in this process) drives N simulated analysts, each signed in with a password (the demo accounts):
//   1. distinct cases: each analyst saves its own case in a loop (PUT with If-Match);
//   2. one case: all N save the same case; a loser gets 412 and retries from the version it names;
//   3. kill -9: the distinct-case load again, SIGKILL of the server after a while, restart;
//   4. reads with BENCH_CASES cases in the database: GET a case, GET a case-list page.
// After 1-3 it proves 0 lost updates: every 2xx write is visible (its version is stored, its marker is
// the content when it is the last), every other answer was a 412 (or a dropped connection at the
// kill), and the audit trail has exactly one `case.updated` event per stored version.
//
// Options (environment): BENCH_ANALYSTS (20), BENCH_SECONDS (10), BENCH_CASES (10000),
// BENCH_DATABASES (pglite,postgres), BENCH_PORT (8208), BENCH_CPU_PROF (a folder for the server's CPU profiles).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import { emptyCaseContent } from '../src/api/contract/case';
import { startPostgresCluster } from '../src/server/testing/postgres-cluster';

const ANALYSTS = Number(process.env.BENCH_ANALYSTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const PORT = Number(process.env.BENCH_PORT ?? 8208);
const BASE = `http://127.0.0.1:${PORT}`;
const ORIGIN = { Origin: BASE, 'Content-Type': 'application/json' };

interface Where {
  env: Record<string, string>;
  label: string;
}

// ------------------------------------------------------------------ the server process

function startServer(where: Where): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (for `--cpu-prof` readers).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...where.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SKIP_APP_BUILD: 'true',
      STATIC_DIR: join(tmpdir(), 'cha-bench-no-app'),
      // The demo accounts to sign in as (and the demo cases with them, beside the bench's own).
      SEED_DEMO_DATA: 'true',
      DEMO_PASSWORD: BENCH_PASSWORD,
      WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`server exited with ${child.exitCode}`));
      try {
        if ((await fetch(`${BASE}/readyz`)).ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return reject(new Error('server did not become ready'));
      setTimeout(() => void poll(), 200);
    };
    void poll();
  });
}

function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

// ------------------------------------------------------------------ HTTP helpers

const BENCH_PASSWORD = 'bench lanterns at the harbour';

async function signIn(login: string): Promise<string> {
  const response = await fetch(`${BASE}/api/session/password`, { method: 'POST', headers: ORIGIN, body: JSON.stringify({ login, password: BENCH_PASSWORD }) });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

async function api<T>(cookie: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${BASE}${path}`, { ...init, headers: { ...ORIGIN, Cookie: cookie, ...(init.headers as Record<string, string>) } });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

function content(name: string, marker: string): string {
  const body = emptyCaseContent({
    kind: 'group', name, aliases: [], purpose: marker, geographies: [], languages: [], hashtags: [], keywords: [], trendTerms: [], activismContext: false,
  });
  return JSON.stringify(body);
}

async function createCase(cookie: string, name: string): Promise<{ id: string; version: number }> {
  const created = await api<{ id: string; version: number }>(cookie, '/api/cases', {
    method: 'POST', body: JSON.stringify({ actor: { kind: 'group', name, purpose: 'start', activismContext: false } }),
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
  return created.body;
}

// ------------------------------------------------------------------ write load and its ledger

/** What the clients were told: per case, every acknowledged version with its marker. */
type Ledger = Map<string, Map<number, string>>;

interface WriteRun {
  result: Result;
  latencies: number[];
  ledger: Ledger;
  statuses: Map<number, number>;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function writeLoad(options: {
  cookies: string[];
  /** The cases to write; a request takes one nobody is writing (with one case: all write it). */
  caseIds: string[];
  versions: Map<string, number>;
  seconds: number;
  onStarted?: (instance: { stop(): void }) => void;
}): Promise<WriteRun> {
  const ledger: Ledger = new Map();
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  // autocannon resets a connection's context after every request (one request in the list), so the
  // analyst's case is not kept there: a request takes a free case and gives it back with the answer.
  const shared = options.caseIds.length === 1;
  const free = [...options.caseIds];
  let writes = 0;
  const instance = autocannon({
    url: BASE,
    connections: options.cookies.length,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          // The pool runs dry only after dropped connections (the kill), whose cases never came back.
          const caseId = (shared ? options.caseIds[0] : free.shift()) ?? options.caseIds[writes % options.caseIds.length] ?? '';
          const index = options.caseIds.indexOf(caseId);
          writes += 1;
          context.caseId = caseId;
          context.marker = `w-${writes}`;
          context.sentAt = performance.now();
          return {
            ...request,
            method: 'PUT',
            path: `/api/cases/${caseId}`,
            headers: {
              ...ORIGIN,
              Cookie: options.cookies[(shared ? writes : index) % options.cookies.length] ?? '',
              'If-Match': `"${options.versions.get(caseId) ?? 0}"`,
            },
            body: content(`Bench case ${caseId}`, context.marker as string),
          };
        },
        onResponse: (status, body, context, headers) => {
          latencies.push(performance.now() - (context.sentAt as number));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const caseId = context.caseId as string;
          if (!shared) free.push(caseId);
          if (status === 200) {
            const version = Number(String(headers.etag ?? '').replaceAll('"', ''));
            const versions = ledger.get(caseId) ?? new Map<number, string>();
            if (versions.has(version)) throw new Error(`version ${version} of ${caseId} acknowledged twice`);
            versions.set(version, context.marker as string);
            ledger.set(caseId, versions);
            options.versions.set(caseId, Math.max(version, options.versions.get(caseId) ?? 0));
          } else if (status === 412) {
            const current = (JSON.parse(body) as { currentVersion?: number }).currentVersion;
            if (current !== undefined) options.versions.set(caseId, Math.max(current, options.versions.get(caseId) ?? 0));
          }
        },
      },
    ],
  });
  options.onStarted?.(instance);
  return Promise.resolve(instance).then((result): WriteRun => ({ result, latencies, ledger, statuses }));
}

interface AuditEvent {
  type: string;
  caseVersion: number;
}

/**
 * autocannon stops with requests in flight, which the server still finishes: wait until the cases'
 * versions stop moving before reading case and trail, or the two reads would see different moments.
 */
async function settle(cookie: string, caseIds: string[]): Promise<void> {
  let previous = '';
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const versions = await Promise.all(caseIds.map(async (id) => (await api<{ version: number }>(cookie, `/api/cases/${id}`)).body.version));
    const current = versions.join(',');
    if (current === previous) return;
    previous = current;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('the cases kept changing after the load stopped');
}

/** A case's `case.updated` events, every page of them (the trail is served a page at a time). */
async function caseUpdates(cookie: string, caseId: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let page = 1; ; page += 1) {
    const { body } = await api<{ items: AuditEvent[]; total: number }>(cookie, `/api/cases/${caseId}/audit?type=case.updated&pageSize=500&page=${page}`);
    events.push(...body.items);
    if (body.items.length === 0 || events.length >= body.total) return events;
  }
}

/** 0 lost updates: checks every case the load touched against what the clients were told. */
async function proveNoLostUpdates(cookie: string, ledger: Ledger, startVersions: Map<string, number>, label: string): Promise<string> {
  await settle(cookie, [...ledger.keys()]);
  const problems: string[] = [];
  let acknowledged = 0;
  let storedUpdates = 0;
  for (const [caseId, versions] of ledger) {
    acknowledged += versions.size;
    const stored = await api<{ version: number; actor: { purpose: string } }>(cookie, `/api/cases/${caseId}`);
    const trail = { body: await caseUpdates(cookie, caseId) };
    const start = startVersions.get(caseId) ?? 0;
    const highestAck = Math.max(...versions.keys());
    if (stored.body.version < highestAck) problems.push(`${caseId}: stored v${stored.body.version} < acknowledged v${highestAck}`);
    if (stored.body.version === highestAck && stored.body.actor.purpose !== versions.get(highestAck)) {
      problems.push(`${caseId}: content is not the last acknowledged write`);
    }
    const updates = trail.body.filter((event) => event.type === 'case.updated' && event.caseVersion > start).map((event) => event.caseVersion);
    const expected = Array.from({ length: stored.body.version - start }, (_, index) => start + index + 1);
    if (JSON.stringify(updates.toSorted((a, b) => a - b)) !== JSON.stringify(expected)) {
      problems.push(`${caseId}: ${updates.length} update events for versions ${start + 1}..${stored.body.version}`);
    }
    for (const version of versions.keys()) if (!updates.includes(version)) problems.push(`${caseId}: no event for acknowledged v${version}`);
    storedUpdates += stored.body.version - start;
  }
  if (problems.length > 0) throw new Error(`${label}: LOST OR UNAUDITED UPDATES\n  ${problems.slice(0, 10).join('\n  ')}`);
  return `${acknowledged} acknowledged, ${storedUpdates} stored (${storedUpdates - acknowledged} committed but unacknowledged), one audit event per stored version: 0 lost updates`;
}

function describeStatuses(statuses: Map<number, number>): string {
  return [...statuses.entries()].toSorted(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
}

function figures(run: WriteRun): string {
  const ok = run.statuses.get(200) ?? 0;
  const seconds = run.result.duration;
  return `${(run.latencies.length / seconds).toFixed(0)} req/s, ${(ok / seconds).toFixed(0)} accepted writes/s; latency p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p95 ${percentile(run.latencies, 95).toFixed(1)} ms, p99 ${percentile(run.latencies, 99).toFixed(1)} ms; ${describeStatuses(run.statuses)}`;
}

// ------------------------------------------------------------------ the scenarios

async function bench(where: Where): Promise<void> {
  console.log(`\n=== ${where.label}: ${ANALYSTS} analysts, ${SECONDS} s per run (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}) ===`);
  let server = await startServer(where);
  try {
    const cookies = await Promise.all(Array.from({ length: ANALYSTS }, (_, index) => signIn(index % 2 === 0 ? 'ana' : 'ben')));
    const admin = cookies[0] ?? '';

    // 1. distinct cases
    const own = await Promise.all(cookies.map((cookie, index) => createCase(cookie, `Bench own ${index}`)));
    const versions = new Map(own.map((c) => [c.id, c.version]));
    const start1 = new Map(versions);
    const ownIds = own.map((c) => c.id);
    const distinct = await writeLoad({ cookies, caseIds: ownIds, versions, seconds: SECONDS });
    console.log(`distinct cases: ${figures(distinct)}`);
    console.log(`  ${await proveNoLostUpdates(admin, distinct.ledger, start1, 'distinct cases')}`);
    const others = [...distinct.statuses.keys()].filter((status) => status !== 200);
    if (others.length > 0) throw new Error(`distinct cases: unexpected statuses ${describeStatuses(distinct.statuses)}`);

    // 2. one case, everyone
    const shared = await createCase(admin, 'Bench shared');
    const sharedVersions = new Map([[shared.id, shared.version]]);
    const start2 = new Map(sharedVersions);
    const same = await writeLoad({ cookies, caseIds: [shared.id], versions: sharedVersions, seconds: SECONDS });
    console.log(`one case: ${figures(same)}`);
    console.log(`  ${await proveNoLostUpdates(admin, same.ledger, start2, 'one case')}`);
    const losers = [...same.statuses.entries()].filter(([status]) => status !== 200 && status !== 412);
    if (losers.length > 0) throw new Error(`one case: a losing writer got something else than 412: ${describeStatuses(same.statuses)}`);
    console.log(`  every losing writer got 412 (${same.statuses.get(412) ?? 0})`);

    // 3. kill -9 in the middle of the write load, restart, check the same. Versions as stored now
    // (the runs above end with writes in flight whose answers autocannon no longer reads).
    for (const id of ownIds) versions.set(id, (await api<{ version: number }>(admin, `/api/cases/${id}`)).body.version);
    const start3 = new Map(versions);
    const killedAfter = Math.max(1, Math.floor(SECONDS / 2));
    const killRun = writeLoad({
      cookies,
      caseIds: ownIds,
      versions,
      seconds: SECONDS,
      onStarted: (instance) => {
        setTimeout(() => {
          server.kill('SIGKILL');
          setTimeout(() => instance.stop(), 500);
        }, killedAfter * 1000);
      },
    });
    const killed = await killRun;
    await stopServer(server);
    const restartedAt = performance.now();
    server = await startServer(where);
    console.log(`kill -9 after ${killedAfter} s of writes: ${describeStatuses(killed.statuses)} before the kill, ${killed.result.errors} dropped connections; restarted in ${((performance.now() - restartedAt) / 1000).toFixed(1)} s`);
    const fresh = await signIn('ana');
    console.log(`  after restart: ${await proveNoLostUpdates(fresh, killed.ledger, start3, 'kill -9')}`);

    // 4. reads with CASES cases
    const have = (await api<{ total: number }>(fresh, '/api/cases?pageSize=1')).body.total;
    const missing = Math.max(0, CASES - have);
    const seedStart = performance.now();
    if (missing > 0) {
      await autocannon({
        url: BASE, connections: 10, amount: missing, timeout: 30,
        requests: [{ method: 'POST', path: '/api/cases', headers: { ...ORIGIN, Cookie: fresh }, body: JSON.stringify({ actor: { kind: 'campaign', name: 'Bench filler', purpose: 'filler', activismContext: false } }) }],
      });
    }
    const total = (await api<{ total: number; items: { id: string }[] }>(fresh, '/api/cases?pageSize=200')).body;
    console.log(`cases in the database: ${total.total} (${missing} created in ${((performance.now() - seedStart) / 1000).toFixed(1)} s, ${(missing / ((performance.now() - seedStart) / 1000)).toFixed(0)} creates/s)`);
    const ids = total.items.map((item) => item.id);
    const readLatencies: number[] = [];
    let next = 0;
    await autocannon({
      url: BASE, connections: 10, duration: Math.max(3, Math.floor(SECONDS / 2)),
      requests: [{
        setupRequest: (request, context) => {
          context.sentAt = performance.now();
          next = (next + 1) % ids.length;
          return { ...request, method: 'GET', path: `/api/cases/${ids[next] ?? ''}`, headers: { Cookie: fresh } };
        },
        onResponse: (_status, _body, context) => {
          readLatencies.push(performance.now() - (context.sentAt as number));
        },
      }],
    });
    console.log(`case read (10 connections): p50 ${percentile(readLatencies, 50).toFixed(1)} ms, p95 ${percentile(readLatencies, 95).toFixed(1)} ms (target ≤ 20 ms), ${readLatencies.length} reads`);
    const listTimes: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const response = await fetch(`${BASE}/api/cases?page=${index + 1}&pageSize=50&sort=updatedAt&dir=desc`, { headers: { Cookie: fresh } });
      await response.arrayBuffer();
      listTimes.push(Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN));
    }
    console.log(`case-list page of 50 (server time, 10 pages): p50 ${percentile(listTimes, 50).toFixed(1)} ms, max ${Math.max(...listTimes).toFixed(1)} ms (target ≤ 50 ms)`);
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  for (const database of DATABASES) {
    if (database === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'cha-bench-pglite-'));
      try {
        await bench({ label: 'PGlite', env: { DATA_DIR: dataDir } });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    } else if (database === 'postgres') {
      const cluster = await startPostgresCluster();
      const dataDir = mkdtempSync(join(tmpdir(), 'cha-bench-pg-'));
      try {
        await bench({ label: 'PostgreSQL 15', env: { DATABASE_URL: cluster.url, DATA_DIR: dataDir } });
      } finally {
        await cluster.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    } else {
      throw new Error(`BENCH_DATABASES: unknown database ${database} (pglite, postgres)`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
