// The server's configuration, from the environment, parsed once at start with zod: a bad value stops
// the process with a message naming the variable, instead of surfacing later as a strange failure.
import { z } from 'zod';
import type { WorkbenchRole } from '../api/contract/users';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const whole = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const ServerEnv = z.object({
  PORT: whole(0, 65_535).default(8080),
  /** Loopback by default; `0.0.0.0` to share on a network (behind TLS: see TRUST_PROXY). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded database (PGlite) and the cookie secret live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL server instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The built app (`vite build`). */
  STATIC_DIR: z.string().min(1).default('dist'),
  /** Signs the single sign-on state cookie; generated once into DATA_DIR when not given. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** A session's absolute end, whatever the activity. */
  SESSION_MAX_AGE_HOURS: whole(1, 24 * 30).default(12),
  /** A session ends after this long without a request. */
  SESSION_IDLE_MINUTES: whole(1, 24 * 60).default(30),
  /** The demo cases and the demo people's accounts, into an empty database. */
  SEED_DEMO_DATA: flag.default(true),
  /** The demo accounts' password (12+ characters); generated and printed once when not given. */
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Single sign-on (OpenID Connect): the issuer URL; with a client id and secret it turns the button on. */
  OIDC_ISSUER: z.url({ error: 'must be the issuer URL, e.g. https://login.example.org/realms/tns' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The sign-in button says "Sign in with <label>". */
  OIDC_LABEL: z.string().min(1).max(60).default('single sign-on'),
  /** The ID token claim that carries the person's groups or roles (a list or one string). */
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  /**
   * How claim values become workbench roles: `analyst=tns-analysts,reviewer=tns-reviewers,admin=tns-admins`.
   * By default a claim value `analyst`, `reviewer` or `admin` is that role.
   */
  OIDC_ROLE_MAP: z
    .string()
    .regex(/^(analyst|reviewer|admin)=[^,=]+(,(analyst|reviewer|admin)=[^,=]+)*$/, 'must look like analyst=group-a,reviewer=group-b,admin=group-c')
    .optional(),
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
  /**
   * Issue 12 §7: how often an open live stream gets a keep-alive comment and its session is read again
   * (a person signed out stops hearing within it). Below the idle timeout of proxies and of this server
   * (twice REQUEST_TIMEOUT_MS).
   */
  LIVE_KEEP_ALIVE_MS: whole(200, 600_000).default(25_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const SECRET_VARIABLES = new Set(['DATABASE_URL', 'SESSION_SECRET', 'DEMO_PASSWORD', 'OIDC_CLIENT_SECRET']);

export interface SingleSignOnConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  rolesClaim: string;
  /** Claim value -> role. */
  roleMap: ReadonlyMap<string, WorkbenchRole>;
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  sessionSecret: string | undefined;
  sessionMaxAgeSeconds: number;
  sessionIdleSeconds: number;
  seedDemoData: boolean;
  demoPassword: string | undefined;
  singleSignOn: SingleSignOnConfig | null;
  trustProxy: boolean;
  publicOrigin: string | undefined;
  bodyLimitBytes: number;
  writeRateLimitPerMinute: number;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  handlerDeadlineMs: number;
  liveKeepAliveMs: number;
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
  const oidcGiven = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter((value) => value !== undefined).length;
  if (oidcGiven !== 0 && oidcGiven !== 3) {
    throw new ConfigError('Invalid server configuration in the environment:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: single sign-on needs all three (or none)');
  }
  const singleSignOn: SingleSignOnConfig | null =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          label: e.OIDC_LABEL,
          rolesClaim: e.OIDC_ROLES_CLAIM,
          roleMap: parseRoleMap(e.OIDC_ROLE_MAP),
        }
      : null;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    staticDir: e.STATIC_DIR,
    sessionSecret: e.SESSION_SECRET,
    sessionMaxAgeSeconds: e.SESSION_MAX_AGE_HOURS * 3600,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    seedDemoData: e.SEED_DEMO_DATA,
    demoPassword: e.DEMO_PASSWORD,
    singleSignOn,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN === undefined ? undefined : new URL(e.PUBLIC_ORIGIN).origin,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    writeRateLimitPerMinute: e.WRITE_RATE_LIMIT_PER_MINUTE,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    handlerDeadlineMs: e.HANDLER_DEADLINE_MS,
    liveKeepAliveMs: e.LIVE_KEEP_ALIVE_MS,
    logLevel: e.LOG_LEVEL,
  };
}

function parseRoleMap(text: string | undefined): ReadonlyMap<string, WorkbenchRole> {
  if (text === undefined) return new Map<string, WorkbenchRole>([['analyst', 'analyst'], ['reviewer', 'reviewer'], ['admin', 'admin']]);
  return new Map(
    text.split(',').map((pair) => {
      const [role, value] = pair.split('=') as [WorkbenchRole, string];
      return [value.trim(), role];
    }),
  );
}
