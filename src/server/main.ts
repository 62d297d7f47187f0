// `npm start`: configuration from the environment, the app built if needed, the database opened (and
// migrated), one HTTP server on PORT; SIGTERM/SIGINT stop it gracefully.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAppBuilt } from './app-build';
import { createServer } from './create-server';
import { DataDirInUse } from './storage/data-dir-lock';
import { openStorage } from './storage/open-storage';
import { ConfigError, parseServerConfig, type ServerConfig } from './server-config';

/** The configured secret, or one generated once and kept in DATA_DIR (sessions survive restarts). */
function sessionSecret(config: ServerConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = parseServerConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (process.env.SKIP_APP_BUILD !== 'true') ensureAppBuilt(config.staticDir, (message) => process.stderr.write(`${message}\n`));

  // PGlite in DATA_DIR, or PostgreSQL by DATABASE_URL; migrated on open.
  const storage = await openStorage({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    // A second before the handler's deadline: a write that times out is rolled back, not left to land.
    statementTimeoutMs: Math.max(100, config.handlerDeadlineMs - 1_000),
  });
  const { app, generatedDemoPassword } = await createServer({ config, storage, sessionSecret: sessionSecret(config) });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const deadline = setTimeout(() => {
      app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'requests still running at the shutdown deadline; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => {
        app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  const database = storage.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : storage.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'memory (not kept)';
  app.log.info({ address, database: storage.kind }, 'listening');
  process.stdout.write(`\nCHA workbench: ${address.replace('127.0.0.1', 'localhost')}  (database: ${database}${config.singleSignOn ? `; single sign-on: ${config.singleSignOn.issuer}` : ''})\n`);
  if (generatedDemoPassword !== null) {
    // Said once, when the accounts are made; DEMO_PASSWORD chooses it instead.
    process.stdout.write(
      `\nDemo accounts created: ana and ben (analysts), rui and sam (reviewers), ada (admin).\n` +
        `Their password: ${generatedDemoPassword}\n(shown only now; change it in the app, or start over with an empty DATA_DIR)\n`,
    );
  }
  process.stdout.write('\n');
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUse) {
    // Not a crash: say what to do, without a stack.
    process.stderr.write(`The server could not start: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`The server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
