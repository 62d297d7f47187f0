// Builds the production bundle and checks two promises: no msw code ships in it, and the initial
// route's JavaScript stays within budget (200 kB gzip). Prints the figures.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 200 * 1024;
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
console.log(`initial route JS: ${initial.size} files, ${kb(raw)} raw, ${kb(gzip)} gzip (budget ${kb(BUDGET_GZIP)} gzip)`);
console.log(`all JS chunks: ${all.length}`);

let failed = false;
if (mswFiles.length > 0) {
  console.error(`msw code found in the production bundle: ${mswFiles.join(', ')}`);
  failed = true;
}
if (gzip > BUDGET_GZIP) {
  console.error(`initial route JS is over budget: ${kb(gzip)} > ${kb(BUDGET_GZIP)}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
