// One process at a time per embedded database: PGlite has no locking of its own, and two processes
// writing one data directory corrupt it. A lock file next to the database names the process that
// holds it; a lock left by a process that no longer runs (killed, crashed) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'workbench.lock';

const LockRecord = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.string() });

export class DataDirInUse extends Error {
  constructor(
    readonly directory: string,
    readonly pid: number,
  ) {
    super(`Another workbench server (pid ${pid}) is using ${directory}. Stop it first, or set DATA_DIR to another directory.`);
    this.name = 'DataDirInUse';
  }
}

export interface DataDirLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `directory` (which must exist) for this process, or throws DataDirInUse naming
 * the process that holds it. An unreadable lock file, or one of a process that is gone, is replaced.
 */
export function lockDataDir(directory: string, now: () => Date = () => new Date()): DataDirLock {
  const path = join(directory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: now().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    // A lock of a running process on this machine stands; any other (stale, unreadable) is removed.
    if (holder && holder.host === hostname() && isRunning(holder.pid)) throw new DataDirInUse(directory, holder.pid);
    try {
      unlinkSync(path);
    } catch {
      // Removed by someone else meanwhile: try again.
    }
  }
  const holder = readHolder(path);
  throw new DataDirInUse(directory, holder?.pid ?? 0);
}

function readHolder(path: string): z.infer<typeof LockRecord> | null {
  try {
    const parsed = LockRecord.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
