// Starts the real server on 127.0.0.1 and an ephemeral port for HTTP tests: real sockets, real
// cookies, the backend rules behind it; a tiny built app in a temporary folder stands in for dist/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { WorkbenchRole } from '../api/contract/users';
import type { Backend } from '../backend/backend';
import { createServer } from './create-server';
import { createScryptHasher } from './identity/password-hashing';
import { openMemoryStorage, type ServerStorage } from './memory-opened-storage';
import { parseServerConfig } from './server-config';

export const TEST_ASSET = '/assets/app-3f2a9c1e.js';

/** Every demo account's password in server tests (DEMO_PASSWORD). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Cheap scrypt for tests (N = 2^10): the parameters of real hashes are checked in password-hashing.test.ts. */
export const TEST_HASHER = createScryptHasher({ log2N: 10, r: 8, p: 1 });

export interface TestServer {
  app: FastifyInstance;
  backend: Backend;
  url: string;
  storage: ServerStorage;
  /** Signs in with the account's password (TEST_PASSWORD unless given); returns the Cookie header to send. */
  signIn(login: string, password?: string): Promise<string>;
  /** A new account with TEST_PASSWORD, as the `users` command would make it. */
  addUser(id: string, name: string, roles: WorkbenchRole[]): Promise<void>;
  /** Changes a person's roles, as an admin would (their sessions end). */
  setRoles(id: string, roles: WorkbenchRole[]): Promise<void>;
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
  const config = parseServerConfig({ PORT: '0', STATIC_DIR: staticDir, LOG_LEVEL: 'silent', DEMO_PASSWORD: TEST_PASSWORD, ...options.env });
  const storage = options.storage ?? openMemoryStorage();
  const now = options.now ?? (() => new Date());
  const { app, backend } = await createServer({
    config,
    storage,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    logger: false,
    passwords: TEST_HASHER,
    now,
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

  async function signIn(login: string, password = TEST_PASSWORD): Promise<string> {
    const response = await request('/api/session/password', { method: 'POST', body: JSON.stringify({ login, password }) });
    if (response.status !== 200) throw new Error(`sign-in as ${login} answered ${response.status}: ${await response.text()}`);
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error('sign-in set no cookie');
    return cookie;
  }

  const command = { actorId: null, source: 'command' as const };
  async function addUser(id: string, name: string, roles: WorkbenchRole[]): Promise<void> {
    const identity = backend.identity;
    if (!identity) throw new Error('no accounts');
    const link = await identity.createUser({ login: id, name, roles }, command, now().toISOString());
    await identity.setPasswordWithToken({ token: link.token, password: TEST_PASSWORD }, now().toISOString());
  }
  async function setRoles(id: string, roles: WorkbenchRole[]): Promise<void> {
    await backend.identity?.changeRoles(id, roles, command, now().toISOString());
  }

  return {
    app,
    backend,
    url,
    storage,
    signIn,
    addUser,
    setRoles,
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
