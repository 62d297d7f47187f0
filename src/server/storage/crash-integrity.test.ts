// Integrity under a crash (issue 10 item 4): a process writing case versions in a loop is killed
// with SIGKILL; after reopening, every stored case version has exactly its audit events and no
// event belongs to a version that was not stored, on the embedded database and on PostgreSQL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../testing/postgres-cluster';
import { openStorage } from './open-storage';

/** Starts the writer and kills it with SIGKILL once it has committed `writes` versions. */
function writeThenKill(env: Record<string, string>, writes: number): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/server/testing/write-loop-child.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let reported = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const last = chunk.trim().split('\n').at(-1);
      reported = Math.max(reported, Number(last ?? 0));
      if (reported >= writes) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(reported);
      else fail(new Error(`the writer stopped by itself (code ${String(code)}): ${stderr}`));
    });
  });
}

async function expectEveryVersionWithItsEvents(options: { databaseUrl?: string; dataDir: string }, atLeast: number) {
  const opened = await openStorage(options);
  try {
    const cases = await opened.storage.listCases();
    const trail = await opened.storage.listAudit();
    let crashWrites = 0;
    for (const record of cases) {
      const events = trail.filter((event) => event.caseId === record.id && event.id.startsWith('crash-'));
      const versions = new Set(events.map((event) => event.caseVersion));
      // Every version the loop stored has its two events; no event of a version that was not stored.
      for (const version of versions) {
        expect(version, `events of case ${record.id} version ${version}`).toBeLessThanOrEqual(record.version);
        expect(events.filter((event) => event.caseVersion === version)).toHaveLength(2);
      }
      const firstLoopVersion = Math.min(...versions, record.version + 1);
      for (let version = firstLoopVersion; version <= record.version; version += 1) {
        expect(versions.has(version), `case ${record.id} version ${version} has its events`).toBe(true);
      }
      crashWrites += versions.size;
    }
    // Nothing acknowledged was lost (the count printed came after the commit).
    expect(crashWrites).toBeGreaterThanOrEqual(atLeast);
    expect(new Set(trail.map((event) => event.seq)).size).toBe(trail.length);
  } finally {
    await opened.close();
  }
}

describe('a writer killed with SIGKILL mid-loop leaves every case version with exactly its events', { timeout: 300_000 }, () => {
  it('on the embedded database (PGlite in DATA_DIR), twice in a row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cha-crash-'));
    try {
      const first = await writeThenKill({ DATA_DIR: dataDir, DATABASE_URL: '' }, 15);
      expect(first).toBeGreaterThanOrEqual(15);
      await expectEveryVersionWithItsEvents({ dataDir }, first);
      const second = await writeThenKill({ DATA_DIR: dataDir, DATABASE_URL: '' }, 15);
      await expectEveryVersionWithItsEvents({ dataDir }, first + second);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('on PostgreSQL', async () => {
    const databaseUrl = await createTestDatabase(inject('postgresUrl'));
    const written = await writeThenKill({ DATABASE_URL: databaseUrl }, 40);
    expect(written).toBeGreaterThanOrEqual(40);
    await expectEveryVersionWithItsEvents({ databaseUrl, dataDir: '' }, written);
  });
});
