// Configuration from the environment: defaults, and a clear message naming each bad variable, both
// from the parser and from `npm start` itself (exit 78, nothing started).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseServerConfig } from './server-config';

describe('server configuration', () => {
  it('has defaults for a first start: port 8080 on loopback, ./data, development sign-in with demo data', () => {
    expect(parseServerConfig({})).toMatchObject({
      port: 8080, host: '127.0.0.1', dataDir: './data', databaseUrl: undefined, devSignIn: true, seedDemoData: true,
    });
    // Empty counts as unset; demo data follows development sign-in unless said otherwise.
    expect(parseServerConfig({ PORT: '', DEV_SIGN_IN: 'false' })).toMatchObject({ port: 8080, devSignIn: false, seedDemoData: false });
    expect(parseServerConfig({ SEED_DEMO_DATA: 'no' })).toMatchObject({ devSignIn: true, seedDemoData: false });
  });

  it('names every bad variable, what it must be and what it got, but never echoes a secret', () => {
    let error: unknown;
    try {
      parseServerConfig({ PORT: '80a', DEV_SIGN_IN: 'maybe', DATABASE_URL: 'mysql://root:hunter2@db/x', SESSION_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: must be a number \(got "80a"\)/);
    expect(message).toMatch(/DEV_SIGN_IN: must be true or false \(got "maybe"\)/);
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
