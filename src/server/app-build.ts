// `npm start` builds the app when the built copy is missing or older than its sources, so a fresh
// checkout needs no separate build step and an edited one never serves stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '.env.production'];

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

export function appBuildIsStale(staticDir: string, projectRoot = process.cwd()): boolean {
  const index = resolve(staticDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestModification(resolve(projectRoot, source)) > built);
}

/** Runs the production build (not the msw mode) into `staticDir` when needed; throws if it fails. */
export function ensureAppBuilt(staticDir: string, log: (message: string) => void): void {
  if (!appBuildIsStale(staticDir)) return;
  log(`building the app into ${staticDir} (vite build) …`);
  const result = spawnSync('npx', ['vite', 'build', '--mode', 'production', '--outDir', staticDir, '--emptyOutDir'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`the app build failed (vite build exited with ${String(result.status)})`);
}
