// Builds the production bundle. Fails if any msw code ships in it (lazy chunks included); prints the
// initial route's JavaScript, raw and gzip, against the 200 kB gzip goal (issue 2). The size is a
// reported figure, not a gate: see the README's decisions for where it stands.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const GOAL_GZIP = 200 * 1024;
const dist = 'dist';

execSync('npx vite build --logLevel warn', { stdio: 'inherit' });

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]),
);
// Follow static imports of the entry chunk: everything loaded before first render.
const queue = [...initial];
while (queue.length > 0) {
  const file = queue.pop();
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    const dep = `assets/${m[1]}`;
    if (!initial.has(dep)) {
      initial.add(dep);
      queue.push(dep);
    }
  }
}

let raw = 0;
let gzip = 0;
for (const file of initial) {
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}

const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
// msw's own code carries these markers; none may appear in any chunk, lazy or not.
const mswFiles = all.filter((f) => /mockServiceWorker|\[MSW\]/.test(readFileSync(join(dist, 'assets', f), 'utf8')));

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`initial route JS: ${initial.size} files, ${kb(raw)} raw, ${kb(gzip)} gzip (goal ${kb(GOAL_GZIP)} gzip${gzip > GOAL_GZIP ? ': over the goal' : ''})`);
console.log(`all JS chunks: ${all.length}`);

let failed = false;
if (mswFiles.length > 0) {
  console.error(`msw code found in the production bundle: ${mswFiles.join(', ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
