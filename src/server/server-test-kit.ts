// Starts the real server on 127.0.0.1 and an ephemeral port for HTTP tests: real sockets, real
// cookies, the backend rules behind it; a tiny built app in a temporary folder stands in for dist/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { User } from '../api/contract/users';
import { DEMO_USERS } from '../backend/demo-users';
import { createServer } from './create-server';
import { openMemoryStorage, type ServerStorage } from './memory-opened-storage';
import { parseServerConfig } from './server-config';

export const TEST_ASSET = '/assets/app-3f2a9c1e.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  storage: ServerStorage;
  /** Mutable, like the backend kit's: tests change roles between requests. */
  users: User[];
  /** Signs in through the development sign-in endpoint; returns the Cookie header to send. */
  signIn(userId: string): Promise<string>;
  /** fetch against the server; writes carry this server's Origin unless the test sets one. */
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { env?: Record<string, string>; storage?: ServerStorage; now?: () => Date } = {},
): Promise<TestServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'cha-server-test-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CHA</title><div id="root"></div>');
  writeFileSync(join(staticDir, TEST_ASSET), 'console.log("app");');
  const config = parseServerConfig({ PORT: '0', STATIC_DIR: staticDir, LOG_LEVEL: 'silent', ...options.env });
  const storage = options.storage ?? openMemoryStorage();
  const users = DEMO_USERS.map((user) => ({ ...user }));
  const { app } = await createServer({
    config,
    storage,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    logger: false,
    users: () => users,
    ...(options.now ? { now: options.now } : {}),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  async function request(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('Cookie', init.cookie);
    const method = init.method ?? 'GET';
    if (method !== 'GET' && !headers.has('Origin')) headers.set('Origin', url);
    if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return fetch(`${url}${path}`, { ...init, headers });
  }

  async function signIn(userId: string): Promise<string> {
    const response = await request('/api/session/development', { method: 'POST', body: JSON.stringify({ userId }) });
    if (response.status !== 200) throw new Error(`sign-in as ${userId} answered ${response.status}`);
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error('sign-in set no cookie');
    return cookie;
  }

  return {
    app,
    url,
    storage,
    users,
    signIn,
    request,
    close: async () => {
      await app.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** A JSON body for a write. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
