// A throw-away PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory, started
// on 127.0.0.1 and a free port, stopped and removed afterwards. Uses Debian's PostgreSQL 15 binaries
// (`.ci/run` installs the package). PostgreSQL refuses to run as root, so under root every binary
// runs as the `postgres` user the package creates, on a directory that user owns.
import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFile = promisify(execFileCallback);

export interface PostgresCluster {
  /** `postgres://app@127.0.0.1:<port>/postgres`; the user `app` is the cluster's superuser, trusted. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface PostgresClusterOptions {
  /** Ports to try, e.g. `55400-55499`; default PG_TEST_PORTS or 55400-55499. */
  ports?: string;
  /** Default true. False turns fsync off: faster, and only for data nobody needs after a crash. */
  durable?: boolean;
}

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

function portRange(spec: string): number[] {
  const match = spec.match(/^(\d+)-(\d+)$/);
  if (!match) throw new Error(`PG_TEST_PORTS must look like 55400-55499, not ${spec}`);
  const [from, to] = [Number(match[1]), Number(match[2])];
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function postgresId(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  return { uid: postgresId('-u'), gid: postgresId('-g') };
}

export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const initdb = join(POSTGRES_BIN, 'initdb');
  if (!existsSync(initdb)) {
    throw new Error(`PostgreSQL is not installed (${initdb} is missing): apt-get install postgresql, or set POSTGRES_BIN.`);
  }
  const owner = postgresUser();
  const run = (binary: string, args: string[]) =>
    owner ? execFile('runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN, binary), ...args]) : execFile(join(POSTGRES_BIN, binary), args);

  const root = mkdtempSync(join(tmpdir(), 'cha-pg-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  const remove = () => rmSync(root, { recursive: true, force: true });

  try {
    await run('initdb', ['-D', data, '-A', 'trust', '-U', 'app', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    remove();
    throw new Error(`initdb failed: ${String(error)}`, { cause: error });
  }

  const settings = ['-c listen_addresses=127.0.0.1', `-k ${root}`];
  if (options.durable === false) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  const ports = options.ports ?? process.env.PG_TEST_PORTS ?? '55400-55499';
  const candidates = portRange(ports);
  // Start at a random place so parallel harnesses rarely race for the same port.
  const offset = Math.floor(Math.random() * candidates.length);
  let lastError: unknown = null;
  for (let attempt = 0; attempt < Math.min(candidates.length, 20); attempt += 1) {
    const port = candidates[(offset + attempt) % candidates.length] as number;
    if (!(await portIsFree(port))) continue;
    try {
      await run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', [`-p ${port}`, ...settings].join(' '), 'start']);
    } catch (error) {
      // Most likely another process took the port between the probe and the start: try the next.
      lastError = error;
      continue;
    }
    const stopNow = () => {
      try {
        execFileSync(owner ? 'runuser' : join(POSTGRES_BIN, 'pg_ctl'), [
          ...(owner ? ['-u', 'postgres', '--', join(POSTGRES_BIN, 'pg_ctl')] : []),
          '-D', data, '-m', 'immediate', '-w', 'stop',
        ], { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      remove();
    };
    // A test run that dies without calling stop() must not leave a server behind.
    process.once('exit', stopNow);
    return {
      url: `postgres://app@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        process.removeListener('exit', stopNow);
        await run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
        remove();
      },
    };
  }
  const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2_000) : '(no log)';
  remove();
  throw new Error(`PostgreSQL did not start on any port of ${ports}: ${String(lastError)}\n${serverLog}`);
}

/** Creates an empty database on the cluster behind `clusterUrl` and answers its URL. */
export async function createTestDatabase(clusterUrl: string, name = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
