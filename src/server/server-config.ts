// The server's configuration, from the environment, parsed once at start with zod: a bad value stops
// the process with a message naming the variable, instead of surfacing later as a strange failure.
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const whole = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const ServerEnv = z.object({
  PORT: whole(0, 65_535).default(8080),
  /** Loopback by default: development sign-in lets anyone act as anyone. `0.0.0.0` to share on a network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded database (PGlite) and the session secret live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL server instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The built app (`vite build`). */
  STATIC_DIR: z.string().min(1).default('dist'),
  /** Signs the session cookie; generated once into DATA_DIR when not given. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_MAX_AGE_HOURS: whole(1, 24 * 30).default(12),
  /** The development-only sign-in page that lists the demo users (no password). */
  DEV_SIGN_IN: flag.default(true),
  /** Seed the demo cases into an empty database; by default when development sign-in is on. */
  SEED_DEMO_DATA: flag.optional(),
  /** Behind a reverse proxy: honour X-Forwarded-For/-Proto (client address, TLS for Secure cookies). */
  TRUST_PROXY: flag.default(false),
  /** The origin browsers use (`https://workbench.example.org`); by default the request's own. */
  PUBLIC_ORIGIN: z.url({ error: 'must be a URL such as https://workbench.example.org' }).optional(),
  BODY_LIMIT_BYTES: whole(1_024, 256 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Per signed-in user (per address when signed out), on POST/PUT/PATCH/DELETE. */
  WRITE_RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000).default(600),
  /** Time to receive a whole request (slow clients), and to finish in-flight requests at shutdown. */
  REQUEST_TIMEOUT_MS: whole(1_000, 600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: whole(100, 600_000).default(15_000),
  /**
   * The longest an API request may take once received: past it the answer is 503 with Retry-After,
   * and on PostgreSQL the database cancels the statement (statement_timeout, a second sooner), so a
   * write that timed out is rolled back rather than left to land after its answer.
   */
  HANDLER_DEADLINE_MS: whole(100, 600_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const SECRET_VARIABLES = new Set(['DATABASE_URL', 'SESSION_SECRET']);

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  sessionSecret: string | undefined;
  sessionMaxAgeSeconds: number;
  devSignIn: boolean;
  seedDemoData: boolean;
  trustProxy: boolean;
  publicOrigin: string | undefined;
  bodyLimitBytes: number;
  writeRateLimitPerMinute: number;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  handlerDeadlineMs: number;
  logLevel: z.infer<typeof ServerEnv>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable and what it must be. */
export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  // An empty variable (`PORT=`) counts as unset, as shells and .env files mean it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = ServerEnv.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const got = present[name];
      // Never echo a secret: a database URL carries its password.
      const shown = got === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(got)})`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid server configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    staticDir: e.STATIC_DIR,
    sessionSecret: e.SESSION_SECRET,
    sessionMaxAgeSeconds: e.SESSION_MAX_AGE_HOURS * 3600,
    devSignIn: e.DEV_SIGN_IN,
    seedDemoData: e.SEED_DEMO_DATA ?? e.DEV_SIGN_IN,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN === undefined ? undefined : new URL(e.PUBLIC_ORIGIN).origin,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    writeRateLimitPerMinute: e.WRITE_RATE_LIMIT_PER_MINUTE,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    handlerDeadlineMs: e.HANDLER_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
