// Configuration from the environment: defaults, and a clear message naming each bad variable, both
// from the parser and from `npm start` itself (exit 78, nothing started).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseServerConfig } from './server-config';

describe('server configuration', () => {
  it('has defaults for a first start: port 8080 on loopback, ./data, demo data and accounts, 30-minute idle and 12-hour sessions, no single sign-on', () => {
    expect(parseServerConfig({})).toMatchObject({
      port: 8080, host: '127.0.0.1', dataDir: './data', databaseUrl: undefined, seedDemoData: true, demoPassword: undefined,
      sessionIdleSeconds: 1800, sessionMaxAgeSeconds: 43_200, singleSignOn: null,
    });
    // Empty counts as unset.
    expect(parseServerConfig({ PORT: '', SEED_DEMO_DATA: 'no' })).toMatchObject({ port: 8080, seedDemoData: false });
  });

  it('turns single sign-on on with issuer, client id and secret together, and reads the role map', () => {
    const config = parseServerConfig({
      OIDC_ISSUER: 'https://login.example.org/realms/tns', OIDC_CLIENT_ID: 'workbench', OIDC_CLIENT_SECRET: 'secret-value',
      OIDC_ROLE_MAP: 'analyst=tns-analysts,admin=tns-admins',
    });
    expect(config.singleSignOn).toMatchObject({ issuer: 'https://login.example.org/realms/tns', label: 'single sign-on', rolesClaim: 'roles' });
    expect([...(config.singleSignOn?.roleMap ?? [])]).toEqual([['tns-analysts', 'analyst'], ['tns-admins', 'admin']]);
    expect(() => parseServerConfig({ OIDC_ISSUER: 'https://login.example.org' })).toThrow(/single sign-on needs all three/);
    expect(() => parseServerConfig({ OIDC_ROLE_MAP: 'chief=everyone' })).toThrow(/OIDC_ROLE_MAP: must look like/);
  });

  it('names every bad variable, what it must be and what it got, but never echoes a secret', () => {
    let error: unknown;
    try {
      parseServerConfig({ PORT: '80a', SEED_DEMO_DATA: 'maybe', DATABASE_URL: 'mysql://root:hunter2@db/x', SESSION_SECRET: 'short', DEMO_PASSWORD: 'tiny' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: must be a number \(got "80a"\)/);
    expect(message).toMatch(/SEED_DEMO_DATA: must be true or false \(got "maybe"\)/);
    expect(message).toMatch(/DEMO_PASSWORD: must be at least 12 characters/);
    expect(message).not.toContain('tiny');
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/SESSION_SECRET: must be at least 32 characters/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('short"');
  });

  it('npm start stops with that message and exit code 78 before opening anything', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '99999', SKIP_APP_BUILD: 'true' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/Invalid server configuration[\s\S]*PORT: must be at most 65535 \(got "99999"\)/);
  });
});
