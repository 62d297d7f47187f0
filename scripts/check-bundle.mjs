// Builds the production bundle. Fails if any msw code ships in it (lazy chunks included), or if the
// first page's JavaScript is over the 200 kB gzip goal (issue 2).
//
// The first page is what must load before the case list at /cases shows: the entry chunk, the chunk
// holding the case list's route module (the entry itself, or a lazy chunk if it ever becomes one),
// and every chunk either imports statically. The translations it waits for (the shell's namespaces and
// the case list's) are printed beside it. What loads only on a user's action (the new-case form) does
// not count. `--chunks` lists the files; `--packages` estimates what each package takes of the first page.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const GOAL_GZIP = 200 * 1024;
const dist = 'dist';
/** The first page's route module, and the translations it waits for (in English: each language loads alone). */
const FIRST_ROUTE = resolve('src/features/cases/case-list-page.tsx');
const FIRST_TEXTS = ['src/i18n/locales/common.ts', 'src/i18n/locales/policy.ts', 'src/features/cases/cases-locales.ts'].map(
  (file) => `${resolve(file)}?lang=en`,
);

/** The output chunks as Rolldown describes them: file name, static imports, modules. */
let chunks = [];
await build({
  logLevel: 'warn',
  plugins: [
    {
      name: 'check-bundle:chunks',
      writeBundle(_, bundle) {
        chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      },
    },
  ],
});

const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
const holding = (moduleId) => {
  const found = chunks.find((chunk) => chunk.moduleIds.includes(moduleId));
  if (!found) throw new Error(`no chunk holds ${moduleId}`);
  return found;
};

/** The given chunks and every chunk they import statically, directly or not. */
function closure(start) {
  const files = new Set();
  const queue = start.map((chunk) => chunk.fileName);
  while (queue.length > 0) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.add(file);
    queue.push(...(byFile.get(file)?.imports ?? []));
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

/** `react-dom`, `@mui/material`, or `app: src/<folder>` for a module id. */
function packageOf(id) {
  const path = id.split('?')[0];
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const [scope, name] = path.slice(inModules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (path.startsWith(resolve('.'))) return `app: ${path.slice(resolve('.').length + 1).split('/').slice(0, 2).join('/')}`;
  return `bundler: ${path.replace(/^\0/, '')}`;
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const code = measure(closure([...chunks.filter((chunk) => chunk.isEntry), holding(FIRST_ROUTE)]));
const texts = measure(closure(FIRST_TEXTS.map(holding)));

if (process.argv.includes('--chunks')) {
  for (const row of code.rows) console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} raw ${kb(row.gzip).padStart(9)} gzip`);
}
if (process.argv.includes('--packages')) {
  // Rolldown reports each module's code after tree-shaking, before minifying: a package's share of the
  // gzip of that code, applied to the measured gzip, estimates its cost (gzip does not add up exactly).
  const shares = new Map();
  for (const row of code.rows) {
    for (const [id, module] of Object.entries(byFile.get(row.file)?.modules ?? {})) {
      if (!module.code) continue;
      const name = packageOf(id);
      shares.set(name, (shares.get(name) ?? 0) + gzipSync(module.code, { level: 9 }).length);
    }
  }
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  for (const [name, share] of [...shares].toSorted((a, b) => b[1] - a[1])) {
    if (share / total >= 0.002) console.log(`  ${name.padEnd(40)} ~${kb((share / total) * code.gzip).padStart(9)} gzip`);
  }
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
if (over) {
  console.error('The first page is over the goal: see the README (decisions) for what it holds and what to lazy-load.');
  failed = true;
}
if (mswFiles.length > 0) {
  console.error(`msw code found in the production bundle: ${mswFiles.join(', ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
