// One server per embedded database (issue 10): a second open of the same data directory is refused
// with the holder's pid; a lock left by a process that is gone is taken over.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUse, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { openStorage, pgliteDirectory } from './open-storage';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cha-lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('refuses a second server on the same PGlite data directory, naming the first; free again once it closes', async () => {
    const first = await openStorage({ dataDir: dir });
    const second = openStorage({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirInUse);
    await expect(second).rejects.toThrow(`Another workbench server (pid ${process.pid}) is using ${pgliteDirectory(dir)}`);
    await first.close();
    const again = await openStorage({ dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs, and an unreadable one', () => {
    const path = join(dir, LOCK_FILE);
    // Pid 2^22 + 1 is above Linux's largest pid: no such process.
    writeFileSync(path, JSON.stringify({ pid: 4_194_305, host: hostname(), since: '2026-12-01T00:00:00.000Z' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    writeFileSync(path, 'not json');
    lockDataDir(dir).release();
  });

  it('stands for a running process: this one', () => {
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
    lock.release();
    expect(() => lockDataDir(dir).release()).not.toThrow();
  });
});
