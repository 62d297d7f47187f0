// Builds the production bundle. Fails if any msw code ships in it (lazy chunks included); prints the
// first page's JavaScript, raw and gzip, against the 200 kB gzip goal (issue 2).
//
// The first page is what must load before the case list at /cases shows: the entry chunk, the
// route module of /cases (it is lazy, but nothing meaningful renders without it), and every chunk
// either imports statically, followed through Vite's build manifest. The translations the first
// page loads before it renders (shell namespaces and the case list's) are printed beside it. What
// loads only on a user's action (the new-case form) does not count.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const GOAL_GZIP = 200 * 1024;
const dist = 'dist';
/** The route module of the first page, and the translations it waits for (en; one chunk holds every language). */
const FIRST_ROUTE = 'src/features/cases/case-list-page.tsx';
const FIRST_TEXTS = ['src/i18n/locales/common.ts', 'src/i18n/locales/policy.ts', 'src/features/cases/cases-locales.ts'];

execSync('npx vite build --logLevel warn --manifest', { stdio: 'inherit' });

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

/** The files of the given manifest entries and of everything they import statically. */
function closure(keys) {
  const seen = new Set();
  const files = new Set();
  const queue = [...keys];
  while (queue.length > 0) {
    const key = queue.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    files.add(chunk.file);
    queue.push(...(chunk.imports ?? []));
  }
  return files;
}

function measure(files) {
  const rows = [...files].toSorted().map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { rows, raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const code = measure(closure(['index.html', FIRST_ROUTE]));
const texts = measure(closure(FIRST_TEXTS));

const verbose = process.argv.includes('--chunks');
if (verbose) {
  for (const row of code.rows) console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} raw ${kb(row.gzip).padStart(9)} gzip`);
}
const over = code.gzip > GOAL_GZIP;
console.log(
  `first page JS (/cases): ${code.rows.length} files, ${kb(code.raw)} raw, ${kb(code.gzip)} gzip ` +
    `(goal ${kb(GOAL_GZIP)} gzip${over ? ': OVER THE GOAL' : ''}); ` +
    `translations before first render: ${kb(texts.raw)} raw, ${kb(texts.gzip)} gzip`,
);

const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
console.log(`all JS chunks: ${all.length}`);
// msw's own code carries these markers; none may appear in any chunk, lazy or not.
const mswFiles = all.filter((f) => /mockServiceWorker|\[MSW\]/.test(readFileSync(join(dist, 'assets', f), 'utf8')));

let failed = false;
if (mswFiles.length > 0) {
  console.error(`msw code found in the production bundle: ${mswFiles.join(', ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
